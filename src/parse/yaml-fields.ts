/**
 * A YAML mapping read with line numbers, for front matter and `edition.yml`.
 *
 * Errors point at the line of the offending key or item in the page file: `firstLine` is the
 * file line of the YAML text's first line.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type * as z from 'zod/mini';
import type { SourcePos } from '../model/document.js';
import { at, fail } from './fail.js';

/**
 * Where to report a YAML error. An unclosed quote is noticed where the text ends: report the
 * line that opened it instead (the first line with an odd number of that quote character).
 */
function errorOffset(text: string, code: string, message: string, offset: number): number {
  const quote = code === 'MISSING_CHAR' ? /closing (["'])/.exec(message)?.[1] : undefined;
  if (quote === undefined) return offset;
  let start = 0;
  for (const line of text.slice(0, offset).split('\n')) {
    if (line.split(quote).length % 2 === 0) return start;
    start += line.length + 1;
  }
  return offset;
}

export class YamlFields {
  private readonly values = new Map<string, unknown>();
  private readonly nodes = new Map<string, { keyLine: number; node: Node | null }>();

  private constructor(
    readonly file: string,
    /** Line of the whole mapping (for missing keys). */
    readonly start: SourcePos,
    private readonly lineOf: (offset: number) => number,
    private readonly doc: Document,
  ) {}

  /** Parse `text` as a YAML mapping; `what` names it in messages ("front matter", "edition.yml"). */
  static parse(text: string, file: string, firstLine: number, what: string, startLine = firstLine): YamlFields {
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
    const lineOf = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
    const [error] = doc.errors;
    if (error !== undefined) {
      const message = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
      fail(at(file, lineOf(errorOffset(text, error.code, error.message, error.pos[0]))), `invalid YAML in the ${what}: ${message}`, 'check the indentation, colons, brackets and quotes on this line and the lines above it');
    }
    const fields = new YamlFields(file, at(file, startLine), lineOf, doc);
    const root = doc.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return fields;
    if (!isMap(root)) {
      fail(at(file, firstLine), `the ${what} is not a list of \`key: value\` lines`, 'write one `key: value` per line');
    }
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyLine = pair.key && isScalar(pair.key) && pair.key.range ? lineOf(pair.key.range[0]) : firstLine;
      const node = (pair.value ?? null) as Node | null;
      fields.nodes.set(key, { keyLine, node });
      fields.values.set(key, node === null ? null : node.toJSON());
    }
    return fields;
  }

  /**
   * Check the whole mapping against `schema` (zod); the first problem fails at the line of the
   * YAML node it is about — a nested setting at its own line, an unknown key at the key —
   * worded by `describe`.
   */
  conform(schema: z.ZodMiniType, describe: (issue: z.core.$ZodIssue, value: unknown) => { message: string; hint: string }): void {
    const checked = schema.safeParse(this.doc.toJS());
    if (checked.success) return;
    const [issue] = checked.error.issues;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const target = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path;
    const value = this.doc.getIn(target);
    fail(at(this.file, this.lineAt(target, issue.code === 'unrecognized_keys')), describe(issue, value).message, describe(issue, value).hint);
  }

  /** The line of the node at `path` (of its key when `key`), or of the nearest enclosing one. */
  private lineAt(path: readonly (string | number)[], key: boolean): number {
    for (let n = path.length; n > 0; n--) {
      const parent = n > 1 ? this.doc.getIn(path.slice(0, n - 1), true) : this.doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[n - 1]);
        const node = (key || n < path.length ? pair?.key : pair?.value) as Node | null | undefined;
        if (node?.range) return this.lineOf(node.range[0]);
      } else if (isSeq(parent)) {
        const node = parent.items[Number(path[n - 1])] as Node | null | undefined;
        if (node?.range) return this.lineOf(node.range[0]);
      }
    }
    return this.start.line;
  }

  keys(): string[] {
    return [...this.nodes.keys()];
  }

  has(key: string): boolean {
    return this.nodes.has(key) && this.values.get(key) !== null;
  }

  /** The plain value of `key` (`null` when written without a value, undefined when absent). */
  value(key: string): unknown {
    return this.values.get(key);
  }

  /** Position of `key` in the file (the mapping's start when absent). */
  pos(key: string): SourcePos {
    const entry = this.nodes.get(key);
    return entry ? at(this.file, entry.keyLine) : this.start;
  }

  /** Positions of the items of a sequence value (the key's position for each when not a sequence). */
  itemPositions(key: string): SourcePos[] {
    const entry = this.nodes.get(key);
    if (!entry || !isSeq(entry.node)) return [];
    return entry.node.items.map((item) => {
      const range = (item as Node | null)?.range;
      return range ? at(this.file, this.lineOf(range[0])) : at(this.file, entry.keyLine);
    });
  }

  /** Fail on any key not in `known`. */
  rejectUnknown(known: readonly string[], what: string): void {
    for (const key of this.keys()) {
      if (!known.includes(key)) {
        fail(this.pos(key), `unknown field "${key}" in the ${what}`, `known fields: ${known.join(', ')}`);
      }
    }
  }

  /** A required or optional non-empty string field. */
  string(key: string, required: true, hint: string): string;
  string(key: string, required: false, hint: string): string | undefined;
  string(key: string, required: boolean, hint: string): string | undefined {
    const value = this.values.get(key);
    if (value === undefined || value === null) {
      if (required) fail(this.pos(key), `missing field "${key}"`, hint);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      fail(this.pos(key), `"${key}" must be a text, not ${JSON.stringify(value)}`, hint);
    }
    return value;
  }

  /** A required positive integer field. */
  /** A whole number from 1 to `max`. */
  positiveInteger(key: string, hint: string, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.values.get(key);
    if (value === undefined || value === null) fail(this.pos(key), `missing field "${key}"`, hint);
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > max) {
      const range = max < Number.MAX_SAFE_INTEGER ? ` from 1 to ${max}` : '';
      fail(this.pos(key), `"${key}" must be a whole number${range || ' above 0'}, not ${JSON.stringify(value)}`, hint);
    }
    return value;
  }
}
