/**
 * A map kept in a file between builds: what an earlier build found out (parse/known-images.ts,
 * text/known-layouts.ts, text/known-words.ts), read at the start of a build and written back,
 * whole or not at all (atomic-write.ts), when the build added to it. The most recently used
 * entries are kept, up to a number each record sets. Anything wrong with the file (missing,
 * unreadable, not this format, stamped by another ICU) leaves the map empty: a record is a
 * cache, and costs only the work it would have saved.
 *
 * The file is a line of JSON (the format, its stamp, the entries) and after it the bytes the
 * entries hold (a font program, a font subset: export/pdf/known-font-programs.ts,
 * export/epub/known-book-fonts.ts), which an entry names by where they are. Read as a view of
 * the file, not decoded from base64 in the JSON: the sample's two records of fonts are read in
 * 4.2–4.6 ms, not 9.9–12.3 ms (a fresh process, the modules loaded; 98–168 page faults, not
 * 602–685), a quarter smaller, and written without making their text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PartFiles } from './atomic-write.js';

/** How a record kept in a file is used by a build: who is told once it is written, and the build's clock. */
export interface KeptRecordOptions {
  /** Called once the file is written (the command line tidies the folder then: cache-files.ts). */
  readonly afterSave?: () => void;
  /** What the build's time is read from, to tell a file written just before it (default Date.now). */
  readonly clock?: () => number;
}

/** Where an entry's bytes are, after the file's line of JSON: their offset there and their length. */
export type BytesAt = readonly [number, number];
/** Puts bytes after the file's line of JSON, answering where they are, for the entry to name. */
export type PutBytes = (bytes: Uint8Array) => BytesAt;
/** The bytes an entry names (a view of the file, not a copy), or undefined when it names none there. */
export type BytesNamed = (at: unknown) => Buffer | undefined;

/** How one kind of record is written. */
export interface KeptMapFormat<V> {
  /** The format number, in the file: a file of another is not read. */
  readonly format: number;
  /** The field of the file the entries are in. */
  readonly field: string;
  /** Other fields the file must hold as written here, or it is not read (the ICU that made it). */
  readonly stamp?: Readonly<Record<string, string>>;
  /** Entries kept at most: the most recently used. */
  readonly max: number;
  /** An entry as read from the file, or undefined when it is not one (it is left out); `bytes` reads what it names. */
  readonly read: (value: unknown, key: string, bytes: BytesNamed) => V | undefined;
  /** An entry as written to the file (default: as it is); `put` writes bytes for it to name. */
  readonly write?: (value: V, put: PutBytes) => unknown;
}

export class KeptMap<V> {
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly format: KeptMapFormat<V>,
    private readonly entries: Map<string, V>,
    private readonly afterSave: (() => void) | undefined,
  ) {}

  /** Nothing known, kept nowhere. */
  static none<V>(format: KeptMapFormat<V>): KeptMap<V> {
    return new KeptMap(undefined, format, new Map(), undefined);
  }

  /** The entries of `file`, kept there by `save` (`afterSave` called once it is written); none when it cannot be read. */
  static load<V>(file: string, format: KeptMapFormat<V>, afterSave?: () => void): KeptMap<V> {
    return new KeptMap(file, format, readEntries(file, format), afterSave);
  }

  /** Whether anything is kept: false for `none`, whose callers need not look anything up. */
  get kept(): boolean {
    return this.file !== undefined;
  }

  /** The entry of `key`, now the most recently used. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Keep `value` for `key` as the most recently used, the least recently used going when there are too many. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.format.max) break;
      this.entries.delete(oldest);
    }
    this.changed = true;
  }

  /** Let go of every entry whose key is not among `keys` (what the record is about no longer has them). */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of [...this.entries.keys()]) {
      if (keys.has(key)) continue;
      this.entries.delete(key);
      this.changed = true;
    }
  }

  /**
   * Write the entries, whole or not at all, when any was set. Never throws: a file that cannot
   * be written costs the next build what it would have saved, nothing else.
   */
  save(): void {
    const file = this.file;
    if (!file || !this.changed) return;
    const { format, field, stamp, write } = this.format;
    try {
      mkdirSync(dirname(file), { recursive: true });
      const entries: Record<string, unknown> = {};
      const bytes: Uint8Array[] = [];
      let after = 0;
      const put: PutBytes = (data) => {
        bytes.push(data);
        after += data.length;
        return [after - data.length, data.length];
      };
      for (const [key, value] of this.entries) entries[key] = write ? write(value, put) : value;
      new PartFiles().write(file, [Buffer.from(`${JSON.stringify({ format, ...stamp, [field]: entries })}\n`), ...bytes]);
      this.changed = false;
      this.afterSave?.();
    } catch {
      // A cache that cannot be written is no error of the build's.
    }
  }
}

/** The entries of a file written by `save` in `format`; none when it is missing or not one. */
function readEntries<V>(file: string, format: KeptMapFormat<V>): Map<string, V> {
  const entries = new Map<string, V>();
  let data: unknown;
  let after: Buffer;
  try {
    const whole = readFileSync(file);
    // JSON.stringify writes no line break but the one that ends its line.
    const end = whole.indexOf(LINE_END);
    data = JSON.parse(whole.toString('utf8', 0, end < 0 ? whole.length : end));
    after = whole.subarray(end < 0 ? whole.length : end + 1);
  } catch {
    return entries;
  }
  const bytes: BytesNamed = (at) => {
    if (!Array.isArray(at) || at.length !== 2) return undefined;
    const [offset, length] = at as unknown[];
    if (!isCount(offset) || !isCount(length) || offset + length > after.length) return undefined;
    return after.subarray(offset, offset + length);
  };
  if (!isRecord(data) || data.format !== format.format) return entries;
  for (const [name, value] of Object.entries(format.stamp ?? {})) if (data[name] !== value) return entries;
  const stored = data[format.field];
  if (!isRecord(stored)) return entries;
  for (const [key, value] of Object.entries(stored)) {
    const entry = format.read(value, key, bytes);
    if (entry !== undefined) entries.set(key, entry);
  }
  return entries;
}

/** The byte that ends the file's line of JSON. */
const LINE_END = 0x0a;

/** A whole number from 0 up, as an offset, a length or a CRC-32 is written. */
export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
