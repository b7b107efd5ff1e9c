/**
 * The book's font subsets kept between builds (export/epub/known-book-fonts.ts): a face subset
 * for some characters is answered from the record by the next build while the face file, the
 * characters and HarfBuzz are the same, as the bytes the zip held, and the book comes out byte
 * for byte as without the record; other characters, a face file written to since, one written
 * just before the build or a damaged record are subset afresh.
 */
import { existsSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subsetFaces, subsetHere, type FontSubsetter } from '../../../src/export/epub/fonts.js';
import { KnownBookFonts, MAX_BOOK_FONTS } from '../../../src/export/epub/known-book-fonts.js';
import { writeEpub } from '../../../src/export/epub/index.js';
import { deflateEntry, packedData, type PackedData } from '../../../src/export/epub/zip.js';
import { RACY_MS } from '../../../src/file-identity.js';
import { loadFontBook, type Face, type FontBook } from '../../../src/fonts/index.js';
import { makeTempDir, removeDir } from '../../parse/helpers.js';
import { readRecordFile, writeRecordFile } from '../../helpers/record-file.js';
import { makeEdition, removeEdition } from './fixture.js';

let root: string;
let fonts: FontBook;
/** A clock as if the build ran well after the files were written: nothing is racy. */
const LATER = { clock: (): number => Date.now() + 10 * RACY_MS };
const DATE = new Date(Date.UTC(2024, 10, 24));

/** A face as the record sees it: its file and PostScript name. */
function face(name: string, postscriptName = 'NotoSerifSC-Regular'): Face {
  const file = join(root, name);
  if (!existsSync(file)) writeFileSync(file, 'true face bytes');
  return { file, postscriptName } as Face;
}

/** A subset's bytes as a test makes them: its characters, packed as the zip holds them. */
function packed(text: string): PackedData {
  const data = Buffer.from(`subset of ${text}`);
  return packedData(data, deflateEntry(data));
}

/** A subsetter that counts the faces it is asked for, subsetting with HarfBuzz here. */
function counting(): { subsetter: FontSubsetter; asked: () => number } {
  let asked = 0;
  const here = subsetHere();
  return {
    subsetter: async (jobs) => {
      asked += jobs.length;
      return here(jobs);
    },
    asked: () => asked,
  };
}

beforeAll(() => {
  root = makeTempDir('banmian-known-book-fonts-');
  fonts = loadFontBook();
});

afterAll(() => removeDir(root));

describe('book font subsets known from an earlier build', () => {
  it('answers a face\'s subset for the same characters as it was kept, and keeps each face\'s last alone', () => {
    const record = join(root, 'answers.json');
    const f = face('answers.ttf');
    const first = KnownBookFonts.load(record, LATER);
    expect(first.keeps(f)).toBe(true);
    expect(first.subsetOf(f, '版面')).toBeUndefined();
    first.keep(f, '版', packed('版'));
    first.keep(f, '版面', packed('版面'));
    first.save();
    const stored = readRecordFile<{ faces: Record<string, unknown> }>(record).head;
    expect(Object.keys(stored.faces)).toHaveLength(1);

    const again = KnownBookFonts.load(record, LATER);
    const answer = again.subsetOf(f, '版面')!;
    expect(Buffer.from(answer.deflated).equals(Buffer.from(packed('版面').deflated))).toBe(true);
    expect({ size: answer.size, crc: answer.crc }).toEqual({ size: packed('版面').size, crc: packed('版面').crc });
    // Other characters, or the same face name in another file, are not known.
    expect(again.subsetOf(f, '版')).toBeUndefined();
    expect(again.subsetOf(f, '版面报')).toBeUndefined();
    expect(again.subsetOf(face('answers.ttf', 'NotoSerifSC-Bold'), '版面')).toBeUndefined();
    expect(again.subsetOf(face('other.ttf'), '版面')).toBeUndefined();
  });

  it('keeps at most MAX_BOOK_FONTS faces, the most recently used', () => {
    const record = join(root, 'many.json');
    const known = KnownBookFonts.load(record, LATER);
    for (let i = 0; i <= MAX_BOOK_FONTS; i++) known.keep(face(`many-${i}.ttf`), '版', packed('版'));
    known.save();
    const stored = readRecordFile<{ faces: Record<string, unknown> }>(record).head;
    expect(Object.keys(stored.faces)).toHaveLength(MAX_BOOK_FONTS);
    const again = KnownBookFonts.load(record, LATER);
    expect(again.subsetOf(face('many-0.ttf'), '版')).toBeUndefined();
    expect(again.subsetOf(face(`many-${MAX_BOOK_FONTS}.ttf`), '版')).toBeDefined();
  });

  it('subsets afresh once the face file is written to, even with its modification time put back', () => {
    const record = join(root, 'written.json');
    const f = face('written.ttf');
    const first = KnownBookFonts.load(record, LATER);
    first.keep(f, '版', packed('版'));
    first.save();
    const before = statSync(f.file);
    writeFileSync(f.file, 'true othr bytes');
    utimesSync(f.file, before.atime, before.mtime);
    expect(KnownBookFonts.load(record, LATER).subsetOf(f, '版')).toBeUndefined();
  });

  it('keeps nothing for a face file written just before the build, and nothing when kept nowhere', () => {
    const record = join(root, 'racy.json');
    const f = face('racy.ttf');
    const known = KnownBookFonts.load(record);
    expect(known.keeps(f)).toBe(false);
    known.keep(f, '版', packed('版'));
    expect(known.subsetOf(f, '版')).toBeUndefined();
    known.save();
    expect(existsSync(record)).toBe(false);
    const none = KnownBookFonts.none();
    expect(none.keeps(face('later.ttf'))).toBe(false);
    none.keep(face('later.ttf'), '版', packed('版'));
    expect(none.subsetOf(face('later.ttf'), '版')).toBeUndefined();
  });

  it('knows nothing of bytes changed in the file (even to the same length), another format or another HarfBuzz', () => {
    const record = join(root, 'changed.json');
    const f = face('changed.ttf');
    const first = KnownBookFonts.load(record, LATER);
    first.keep(f, '版面', packed('版面'));
    first.save();
    const { head: stored, after } = readRecordFile<{ format: number; harfbuzz: string; faces: Record<string, [string, number, number, [number, number], number]> }>(record);
    const [key] = Object.keys(stored.faces);
    const entry = stored.faces[key];
    const [offset, length] = entry[3];
    const changed = Buffer.from(after);
    changed[offset + length - 1] ^= 1;
    const variants: [unknown, Uint8Array][] = [
      [stored, changed],
      [stored, after.subarray(0, after.length - 1)],
      [{ ...stored, faces: { [key]: [...entry.slice(0, 3), [offset, length + 1], entry[4]] } }, after],
      [{ ...stored, faces: { [key]: [...entry.slice(0, 3), [offset + 1, length], entry[4]] } }, after],
      [{ ...stored, faces: { [key]: ['', ...entry.slice(1)] } }, after],
      [{ ...stored, faces: { [key]: [entry[0], 0, ...entry.slice(2)] } }, after],
      [{ ...stored, faces: { [key]: entry.slice(0, 4) } }, after],
      [{ ...stored, format: stored.format + 1 }, after],
      [{ ...stored, harfbuzz: `${stored.harfbuzz}0` }, after],
    ];
    for (const [head, bytes] of variants) {
      writeRecordFile(record, head, bytes);
      const known = KnownBookFonts.load(record, LATER);
      expect(known.subsetOf(f, '版面'), JSON.stringify(head).slice(0, 200)).toBeUndefined();
    }
    writeRecordFile(record, stored, after);
    expect(KnownBookFonts.load(record, LATER).subsetOf(f, '版面')).toBeDefined();
  });

  it('subsets only the faces it does not know, the same subsets as HarfBuzz makes of them', async () => {
    const song = fonts.face('song');
    const hei = fonts.face('hei');
    const record = join(root, 'faces.json');
    const faceTexts = [
      { face: song, text: '版面党建' },
      { face: hei, text: '本报记者' },
    ];
    const first = counting();
    const writing = KnownBookFonts.load(record);
    const made = await subsetFaces(faceTexts, first.subsetter, writing);
    expect(first.asked()).toBe(2);
    writing.save();

    const second = counting();
    const answering = KnownBookFonts.load(record);
    const changed = [faceTexts[0], { face: hei, text: '本报记者摄' }];
    const answered = await subsetFaces(changed, second.subsetter, answering);
    // The song face known, the hei face's characters changed: only it is subset again.
    expect(second.asked()).toBe(1);
    const song0 = made[0].data as Uint8Array;
    const songKnown = answered[0].data as PackedData;
    expect(Buffer.from(songKnown.deflated).equals(deflateEntry(song0))).toBe(true);
    expect(songKnown).toMatchObject({ size: song0.length, crc: packedData(song0, new Uint8Array()).crc });
    expect(answered[1].data).toBeInstanceOf(Uint8Array);
    expect(answered.map((f) => f.file)).toEqual(made.map((f) => f.file));
  });

  it('makes the same book with the subsets kept as without, subsetting no face again', async () => {
    const edition = makeEdition();
    try {
      const record = join(root, 'book.json');
      const without = await writeEpub(edition, fonts, { modified: DATE });
      const writing = KnownBookFonts.load(record);
      const first = await writeEpub(edition, fonts, { modified: DATE, knownFonts: writing });
      writing.save();
      const refusing: FontSubsetter = async (jobs) => jobs.map(() => new Error('asked to subset a known face'));
      const answered = await writeEpub(edition, fonts, { modified: DATE, knownFonts: KnownBookFonts.load(record), subsetter: refusing });
      expect(first.equals(without)).toBe(true);
      expect(answered.equals(without)).toBe(true);
    } finally {
      removeEdition(edition);
    }
  });
});
