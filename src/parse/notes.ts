/**
 * Notes (`[^1]` in the text, `[^1]: 注释` on a line of its own anywhere in the page file).
 *
 * markdown-it-footnote gathers the definitions at the end of the token stream; here they are
 * taken off again and checked: a label defined twice, a note never referred to, a note of more
 * than one paragraph are errors at their line (a marker with no note is one too, inlines.ts). A
 * note belongs to the article whose text refers to it and is numbered in that article, 1, 2, …
 * in the order of first reference; it is set after the article's text.
 */
import type { Token } from 'markdown-it';
import type { SourcePos } from '../model/document.js';
import { at, fail } from './fail.js';
import type { NoteEnv } from './markdown.js';

/** A note's text as written. */
export interface NoteText {
  readonly label: string;
  /** The inline token of its one paragraph. */
  readonly inline: Token;
  readonly source: SourcePos;
}

const NOTE_SYNTAX = 'a marker [^1] in the text and the note on a line of its own: [^1]: 注释文字';

/**
 * Split off the notes markdown-it-footnote appended to a page's tokens: the page's own tokens,
 * and each note by its markdown-it id (the `meta.id` of the markers that refer to it).
 */
export function takeNotes(tokens: readonly Token[], env: NoteEnv, file: string): { tokens: Token[]; notes: Map<number, NoteText> } {
  const definitions = env.noteDefinitions ?? [];
  const lineOf = new Map<string, number>();
  for (const def of definitions) {
    const first = lineOf.get(def.label);
    if (first !== undefined) fail(at(file, def.line), `note [^${def.label}] is written twice (first on line ${first})`, 'give each note its own label, e.g. [^1] and [^2]');
    lineOf.set(def.label, def.line);
  }
  const refs = env.footnotes?.refs ?? {};
  for (const def of definitions) {
    if (refs[`:${def.label}`] === -1) fail(at(file, def.line), `note [^${def.label}] is never referred to`, `put its marker [^${def.label}] in the text where the note belongs, or remove the note`);
  }
  const start = tokens.findIndex((t) => t.type === 'footnote_block_open');
  const notes = new Map<number, NoteText>();
  if (start < 0) return { tokens: [...tokens], notes };
  for (let i = start + 1; i < tokens.length && tokens[i].type !== 'footnote_block_close'; i++) {
    if (tokens[i].type !== 'footnote_open') continue;
    const id = Number(tokens[i].meta?.id);
    const label = String(tokens[i].meta?.label ?? '');
    const pos = at(file, lineOf.get(label) ?? 1);
    const body: Token[] = [];
    for (i++; tokens[i].type !== 'footnote_close'; i++) if (tokens[i].type !== 'footnote_anchor') body.push(tokens[i]);
    if (body.length === 0) fail(pos, `note [^${label}] is empty`, `write its text after the colon: [^${label}]: 注释文字`);
    if (body.length !== 3 || body[0].type !== 'paragraph_open' || body[1].type !== 'inline') {
      fail(pos, `note [^${label}] holds more than one paragraph`, `a note is one paragraph: ${NOTE_SYNTAX}`);
    }
    notes.set(id, { label, inline: body[1], source: pos });
  }
  return { tokens: tokens.slice(0, start), notes };
}

/** A marker whose note is never written: `[^2]` stays text when no `[^2]:` line defines it. */
const DANGLING = /\[\^([^\]\s]+)\]/;

/** Refuse text that holds a note marker with no note. */
export function refuseDanglingMarker(text: string, pos: SourcePos): void {
  const m = DANGLING.exec(text);
  if (m) fail(pos, `note marker [^${m[1]}] has no note`, `write the note on a line of its own in this page file: [^${m[1]}]: 注释文字 (notes are taken in an article's text, not in a photo's caption)`);
}

/**
 * The numbers of an article's notes, given as its text refers to them: 1 for the first note
 * referred to, 2 for the next; a note referred to again keeps its number.
 */
export class NoteNumbers {
  private readonly numbers = new Map<number, number>();

  /** The number of note `id` in the article. */
  number(id: number): number {
    let n = this.numbers.get(id);
    if (n === undefined) this.numbers.set(id, (n = this.numbers.size + 1));
    return n;
  }

  /** The notes referred to, in number order: [id, number]. */
  referred(): [number, number][] {
    return [...this.numbers.entries()];
  }
}
