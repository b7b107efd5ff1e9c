/**
 * The map a record of earlier builds is kept in (src/kept-map.ts): written whole when anything
 * was set or let go, read back as written; the most recently used entries are kept, and only
 * those whose keys it is given when told so; a file of another format or stamp, or with entries
 * its reader refuses, gives those up; a file that cannot be written costs nothing but the
 * record.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeptMap, type KeptMapFormat } from '../../src/kept-map.js';
import { readRecordFile, writeRecordFile } from '../helpers/record-file.js';

const FORMAT: KeptMapFormat<number> = { format: 3, field: 'counts', stamp: { maker: 'a' }, max: 3, read: (value) => (typeof value === 'number' ? value : undefined) };

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'banmian-kept-map-'));
}

describe('a map kept between builds', () => {
  it('is written with its format, stamp and entries, and read back as written', () => {
    const file = join(folder(), 'map.json');
    let saved = 0;
    const map = KeptMap.load(file, FORMAT, () => saved++);
    expect(map.kept).toBe(true);
    map.set('一', 1);
    map.set('二', 2);
    map.save();
    expect(saved).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ format: 3, maker: 'a', counts: { 一: 1, 二: 2 } });
    const again = KeptMap.load(file, FORMAT);
    expect([again.get('一'), again.get('二'), again.get('三')]).toEqual([1, 2, undefined]);
    // Nothing set: not written again.
    const written = statSync(file).mtimeMs;
    again.save();
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('keeps the most recently used entries, a read one counting as used', () => {
    const file = join(folder(), 'map.json');
    const map = KeptMap.load(file, FORMAT);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect(map.get('a')).toBe(1);
    map.set('d', 4);
    map.save();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).counts)).toEqual(['c', 'a', 'd']);
  });

  it('lets go of the entries whose keys it is not given, and is written again only when it did', () => {
    const file = join(folder(), 'map.json');
    const map = KeptMap.load(file, FORMAT);
    map.set('a', 1);
    map.set('b', 2);
    map.save();
    const again = KeptMap.load(file, FORMAT);
    again.keepOnly(new Set(['a', 'b', 'c']));
    const written = statSync(file).mtimeMs;
    again.save();
    expect(statSync(file).mtimeMs).toBe(written);
    again.keepOnly(new Set(['b']));
    again.save();
    expect(JSON.parse(readFileSync(file, 'utf8')).counts).toEqual({ b: 2 });
  });

  it('reads nothing from a file of another format or stamp, and leaves out entries its reader refuses', () => {
    const dir = folder();
    const cases: [unknown, Record<string, number>][] = [
      [{ format: 2, maker: 'a', counts: { a: 1 } }, {}],
      [{ format: 3, maker: 'b', counts: { a: 1 } }, {}],
      [{ format: 3, counts: { a: 1 } }, {}],
      [{ format: 3, maker: 'a', counts: [1] }, {}],
      [{ format: 3, maker: 'a', counts: { a: 1, b: 'two' } }, { a: 1 }],
    ];
    for (const [i, [data, read]] of cases.entries()) {
      const file = join(dir, `${i}.json`);
      writeFileSync(file, JSON.stringify(data));
      const map = KeptMap.load(file, FORMAT);
      expect({ a: map.get('a'), b: map.get('b') }).toEqual({ a: read.a, b: read.b });
    }
  });

  it('keeps the bytes an entry holds after its line of JSON, read back as a view of the file', () => {
    const BYTES: KeptMapFormat<Uint8Array> = { format: 1, field: 'blobs', max: 3, read: (value, _key, bytes) => bytes(value), write: (value, put) => put(value) };
    const file = join(folder(), 'bytes.json');
    const map = KeptMap.load(file, BYTES);
    map.set('a', Buffer.from('一二三'));
    map.set('b', new Uint8Array([0, 10, 255]));
    map.set('c', new Uint8Array());
    map.save();
    const { head, after } = readRecordFile<{ blobs: Record<string, [number, number]> }>(file);
    expect(head.blobs).toEqual({ a: [0, 9], b: [9, 3], c: [12, 0] });
    expect(after.length).toBe(12);
    const again = KeptMap.load(file, BYTES);
    expect([...again.get('a')!]).toEqual([...Buffer.from('一二三')]);
    expect([...again.get('b')!]).toEqual([0, 10, 255]);
    expect(again.get('c')!.length).toBe(0);
    // Bytes named outside what follows the line, or not named as [offset, length]: left out.
    writeRecordFile(file, { format: 1, blobs: { a: [0, 13], b: [13, 0], c: [-1, 1], d: [1.5, 1], e: [0], f: 'x', g: [1, 2] } }, after);
    const named = KeptMap.load(file, BYTES);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => named.get(key))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect([...named.get('g')!]).toEqual([...Buffer.from('一二三').subarray(1, 3)]);
  });

  it('costs nothing when kept nowhere or when its file cannot be written', () => {
    const none = KeptMap.none(FORMAT);
    expect(none.kept).toBe(false);
    none.set('a', 1);
    none.save();
    const dir = folder();
    writeFileSync(join(dir, 'a-file'), '');
    // Its folder would have to be inside a file.
    const unwritable = KeptMap.load(join(dir, 'a-file', 'map.json'), FORMAT);
    unwritable.set('a', 1);
    expect(() => unwritable.save()).not.toThrow();
    // Written but not put in place (a folder holds its name): the part written goes too.
    mkdirSync(join(dir, 'taken.json', 'inside'), { recursive: true });
    const taken = KeptMap.load(join(dir, 'taken.json'), FORMAT);
    taken.set('a', 1);
    expect(() => taken.save()).not.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'taken.json']);
  });
});
