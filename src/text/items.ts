/**
 * Items: a paragraph as TeX sees it — boxes, glue and penalties — with the glyphs each box
 * draws. The line breaker and the page builder read only widths, stretch, shrink and
 * penalties; the glyphs ride along for the render stage.
 *
 * All lengths are points.
 */

/** One glyph of a box, positioned relative to the box's left edge. */
export interface BoxGlyph {
  readonly id: number;
  /** Offset of the glyph origin from the box's left edge (negative for an opening bracket,
   *  whose blank half is set as glue before the box). */
  readonly dx: number;
  /** The characters this glyph stands for. */
  readonly text: string;
  /** A punctuation mark's full advance in points, kept because its box holds only its ink half:
   *  the render stage compares it with the width the mark is finally set in. */
  readonly advance?: number;
  /** In a vertical line (竖题, text/vertical.ts): offset of the glyph origin right of the
   *  column's left edge; `dx` is then its offset down the column from the box's top. */
  readonly across?: number;
}

/** What a box draws: glyphs of one face at one size. */
export interface GlyphRun {
  readonly face: string;
  readonly size: number;
  readonly glyphs: readonly BoxGlyph[];
  /** Inline style of the text, for decorations the render stage draws (着重号). */
  readonly style: InlineStyle;
  /** Points the run's baseline is raised above the line's (a note marker's superscript numeral). */
  readonly rise?: number;
}

/** `superscript`: a note marker's numeral (`[^1]`), set small and raised. */
export type InlineStyle = 'plain' | 'strong' | 'emphasis' | 'superscript';

/**
 * A box's glyph, and a box's run, made with every field in one order (`advance`, `across` and
 * `rise` undefined when they do not apply), as items are (`item` below): the render stage reads
 * every glyph of every line, and glyphs made by literals and spreads of their own were some
 * thirty hidden classes for the same fields, runs five, each read of them megamorphic.
 */
export function boxGlyph(id: number, dx: number, text: string, advance?: number, across?: number): BoxGlyph {
  return { id, dx, text, advance, across };
}

export function glyphRun(face: string, size: number, glyphs: readonly BoxGlyph[], style: InlineStyle, rise?: number): GlyphRun {
  return { face, size, glyphs, style, rise };
}

/** Why a glue is there; the render stage and tests read it, the breaker does not. */
export type GlueKind =
  | 'inter-character' // between two units: where justification adds space (clreq #line_adjustment)
  | 'han-western' // ¼ em between Han and Western text (clreq #mixed_text_composition_in_horizontal_writing_mode)
  | 'bracket-blank' // the blank half of a bracket or quote: compressible, dropped at a line edge
  | 'pause-blank' // the blank half of ，、；：
  | 'stop-blank' // the blank half of 。？！
  | 'word-space' // a space between Western words
  | 'phrase-space' // a typed space between Han characters (headline phrases, bylines)
  | 'letter-space' // zero width between the pieces of a Western token where it may break: opened only on a line with nothing else to open
  | 'leader' // an index item's dot leader (……) to its page reference: fills the last line, drawn as dots
  | 'paragraph-fill'; // the finishing glue of a paragraph's last line

/** Penalty at or above which a break is forbidden (TeX part 10). */
export const INFINITE_PENALTY = 10_000;
/** Penalty from which a break is a last resort, taken only when nothing else keeps a line
 *  within its measure: the line breaker's LAST_RESORT_PENALTY (src/linebreak/types.ts). */
export const LAST_RESORT_PENALTY = 9_000;

export type Item =
  | { readonly kind: 'box'; readonly width: number; readonly run?: GlyphRun }
  | {
      readonly kind: 'glue';
      readonly width: number;
      readonly stretch: number;
      readonly shrink: number;
      readonly glue: GlueKind;
      /** Emergency stretch: the breaker counts it only when it takes last-resort breaks. */
      readonly emergency?: boolean;
      /** Drawn at the glue's start when the glue is inside a line: a typed space (between Latin
       *  words, or a phrase space between Han characters) as the font's inkless space glyph, so
       *  that text extraction keeps it. */
      readonly run?: GlyphRun;
    }
  | {
      readonly kind: 'penalty';
      readonly width: number;
      readonly penalty: number;
      readonly flagged: boolean;
      /** Drawn at the end of the line when the line breaks here: the hyphen of a hyphenated word
       *  (TeX's discretionary pre-break text); its width is the penalty's width. */
      readonly run?: GlyphRun;
    };

/**
 * Every item is made with every field, in one order, whatever its kind (the fields of the other
 * kinds undefined): one hidden class for all items. The breaker's input, the page builder and the
 * render stage read `kind`, `width` and `run` of every item of every line; items made in a
 * handful of shapes (a box with a run or without, glue with a run, emergency glue, …) made each
 * of those reads megamorphic, a lookup in V8's shared cache instead of one check of the class.
 */
function item<K extends Item['kind']>(kind: K, width: number, stretch: number | undefined, shrink: number | undefined, glue: GlueKind | undefined, emergency: boolean | undefined, value: number | undefined, flagged: boolean | undefined, run: GlyphRun | undefined): Extract<Item, { kind: K }> {
  // The kind's own fields are the ones its factory below gives; the others stay undefined.
  return { kind, width, stretch, shrink, glue, emergency, penalty: value, flagged, run } as unknown as Extract<Item, { kind: K }>;
}

export function box(width: number, run?: GlyphRun): Extract<Item, { kind: 'box' }> {
  return item('box', width, undefined, undefined, undefined, undefined, undefined, undefined, run);
}

export function glue(width: number, stretch: number, shrink: number, kind: GlueKind, run?: GlyphRun): Extract<Item, { kind: 'glue' }> {
  return item('glue', width, stretch, shrink, kind, undefined, undefined, undefined, run);
}

/** Zero-width stretch between the pieces of a Western token, counted only as a last resort. */
export function letterSpace(stretch: number): Extract<Item, { kind: 'glue' }> {
  return item('glue', 0, stretch, 0, 'letter-space', true, undefined, undefined, undefined);
}

export function penalty(value: number, width = 0, flagged = false, run?: GlyphRun): Extract<Item, { kind: 'penalty' }> {
  return item('penalty', width, undefined, undefined, undefined, undefined, value, flagged, run);
}

function scaleRun(run: GlyphRun, factor: number): GlyphRun {
  const glyphs = run.glyphs.map((g) => boxGlyph(g.id, g.dx * factor, g.text, g.advance === undefined ? undefined : g.advance * factor, g.across === undefined ? undefined : g.across * factor));
  return glyphRun(run.face, run.size * factor, glyphs, run.style, run.rise === undefined ? undefined : run.rise * factor);
}

/**
 * Items scaled by a factor: the same text set at `factor` × its size. Used to fit a headline to
 * a narrow module; every length scales linearly with the font size.
 */
export function scaleItems(items: readonly Item[], factor: number): Item[] {
  return items.map((it): Item => {
    const run = it.run ? scaleRun(it.run, factor) : undefined;
    switch (it.kind) {
      case 'box':
        return box(it.width * factor, run);
      case 'glue':
        return it.emergency ? item('glue', it.width * factor, it.stretch * factor, it.shrink * factor, it.glue, true, undefined, undefined, run) : glue(it.width * factor, it.stretch * factor, it.shrink * factor, it.glue, run);
      case 'penalty':
        return penalty(it.penalty, it.width * factor, it.flagged, run);
      default: {
        const never: never = it;
        throw new Error(`unknown item ${JSON.stringify(never)}`);
      }
    }
  });
}

const PHRASE_ENDS: ReadonlySet<GlueKind> = new Set<GlueKind>(['phrase-space', 'word-space', 'paragraph-fill', 'pause-blank', 'stop-blank']);

/** Widest run of boxes between two phrase ends, in points (what must fit on one line). */
export function widestPhrase(items: readonly Item[]): number {
  let widest = 0;
  let current = 0;
  for (const item of items) {
    // Phrases end at a typed space and after a pause or stop mark (，、。…): a headline may
    // break there without breaking a phrase.
    if (item.kind === 'glue' && PHRASE_ENDS.has(item.glue)) {
      widest = Math.max(widest, current);
      current = 0;
    } else if (item.kind !== 'penalty') {
      current += item.width;
    }
  }
  return Math.max(widest, current);
}
