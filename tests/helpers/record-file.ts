/** A record kept between builds as its file holds it (src/kept-map.ts): a line of JSON, and the bytes its entries name after it. */
import { readFileSync, writeFileSync } from 'node:fs';

/** The file's line of JSON, parsed, and the bytes after it. */
export function readRecordFile<T>(file: string): { head: T; after: Buffer } {
  const whole = readFileSync(file);
  const end = whole.indexOf(0x0a);
  if (end < 0) throw new Error(`${file}: no line of JSON`);
  return { head: JSON.parse(whole.toString('utf8', 0, end)) as T, after: whole.subarray(end + 1) };
}

/** Write a record file: `head` as its line of JSON, then `after`. */
export function writeRecordFile(file: string, head: unknown, after: Uint8Array = new Uint8Array()): void {
  writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), after]));
}
