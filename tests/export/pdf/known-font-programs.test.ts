/**
 * Font programs embedded by an earlier build (export/pdf/known-font-programs.ts): a face's subset
 * deflated once is answered from the record by the next build while the face file and the subset
 * are the same, and the PDF comes out byte for byte as without the record; another subset
 * (other glyphs, their order, a narrowed copy's advance), a face file written to since or one
 * written just before the build is made afresh; a damaged record knows nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { KnownFontPrograms, PROGRAM_DEFLATE, deflateProgram, type SubsetDescription } from '../../../src/export/pdf/known-font-programs.js';
import { writePdf, type PdfMeta } from '../../../src/export/pdf/index.js';
import { RACY_MS } from '../../../src/file-identity.js';
import { FaceIdentities, loadFontBook, type Face, type FontBook } from '../../../src/fonts/index.js';
import { makeTempDir, removeDir } from '../../parse/helpers.js';
import { readRecordFile, writeRecordFile } from '../../helpers/record-file.js';
import { renderedPage, run } from './helpers.js';
import { glyphList, placedGlyphs } from '../../../src/render/placed-glyphs.js';

let root: string;
let fonts: FontBook;
/** A clock as if the build ran well after the files were written: nothing is racy. */
const LATER = { clock: (): number => Date.now() + 10 * RACY_MS };
/** A deflated program as a record keeps it (an empty one), whose text the damaged records change. */
const EMPTY = Buffer.from('eJwDAAAAAAE=', 'base64');
const META: PdfMeta = { title: '测试', language: 'zh-CN', creationDate: new Date('2024-07-01T08:00:00Z') };

/** A face as the record sees it: its file and PostScript name. */
function face(name: string, postscriptName = 'NotoSerifSC-Regular'): Face {
  const file = join(root, name);
  if (!existsSync(file)) writeFileSync(file, 'true face bytes');
  return { file, postscriptName } as Face;
}

function subset(glyphs: number[], narrowed: [number, number][] = []): SubsetDescription {
  return { glyphs, narrowed: new Map(narrowed) };
}

/** The program of `s` through `known`: whether it was encoded (not answered) and the deflated bytes. */
function programOf(known: KnownFontPrograms, f: Face, s: SubsetDescription, program = `program ${s.glyphs.join(' ')}`): { made: boolean; deflated: Buffer } {
  let made = false;
  const deflated = known.deflated(f, s, () => {
    made = true;
    return Buffer.from(program);
  });
  return { made, deflated };
}

beforeAll(() => {
  root = makeTempDir('banmian-known-fonts-');
  fonts = loadFontBook();
});

afterAll(() => removeDir(root));

describe('font programs known from an earlier build', () => {
  it('answers a subset deflated before, as it was deflated, without making it again', () => {
    const record = join(root, 'answers.json');
    const f = face('answers.ttf');
    const first = KnownFontPrograms.load(record, LATER);
    const made = programOf(first, f, subset([0, 5, 9], [[3, 480]]));
    expect(made.made).toBe(true);
    expect(inflateSync(made.deflated).toString()).toBe('program 0 5 9');
    first.save();

    const again = KnownFontPrograms.load(record, LATER);
    // The narrowed copies in another order are the same subset.
    const answered = programOf(again, f, { glyphs: [0, 5, 9], narrowed: new Map([[3, 480]]) });
    expect(answered).toEqual({ made: false, deflated: made.deflated });
  });

  it('makes the program afresh for other glyphs, another order, another advance or another face name', () => {
    const record = join(root, 'keys.json');
    const f = face('keys.ttf');
    const first = KnownFontPrograms.load(record, LATER);
    programOf(first, f, subset([0, 5, 9], [[3, 480]]));
    first.save();
    for (const other of [subset([0, 5, 9, 10], [[3, 480]]), subset([0, 9, 5], [[3, 480]]), subset([0, 5, 9], [[3, 481]]), subset([0, 5, 9])]) {
      expect(programOf(KnownFontPrograms.load(record, LATER), f, other).made).toBe(true);
    }
    expect(programOf(KnownFontPrograms.load(record, LATER), face('keys.ttf', 'NotoSerifSC-Bold'), subset([0, 5, 9], [[3, 480]])).made).toBe(true);
    expect(programOf(KnownFontPrograms.load(record, LATER), f, subset([0, 5, 9], [[3, 480]])).made).toBe(false);
  });

  it('keeps each face\'s last program alone', () => {
    const record = join(root, 'last.json');
    const f = face('last.ttf');
    const first = KnownFontPrograms.load(record, LATER);
    programOf(first, f, subset([0, 1]));
    programOf(first, f, subset([0, 1, 2]));
    first.save();
    const stored = readRecordFile<{ programs: Record<string, unknown> }>(record).head;
    expect(Object.keys(stored.programs)).toHaveLength(1);
    expect(programOf(KnownFontPrograms.load(record, LATER), f, subset([0, 1, 2])).made).toBe(false);
    expect(programOf(KnownFontPrograms.load(record, LATER), f, subset([0, 1])).made).toBe(true);
  });

  it('makes the program afresh once the face file is written to, even with its modification time put back', () => {
    const record = join(root, 'written.json');
    const f = face('written.ttf');
    const first = KnownFontPrograms.load(record, LATER);
    programOf(first, f, subset([0, 7]));
    first.save();
    const before = statSync(f.file);
    writeFileSync(f.file, 'true othr bytes');
    utimesSync(f.file, before.atime, before.mtime);
    expect(programOf(KnownFontPrograms.load(record, LATER), f, subset([0, 7])).made).toBe(true);
  });

  it('keeps nothing for a face file written just before the build, and nothing when kept nowhere', () => {
    const record = join(root, 'racy.json');
    const f = face('racy.ttf');
    const known = KnownFontPrograms.load(record);
    expect(programOf(known, f, subset([0, 3])).made).toBe(true);
    expect(programOf(known, f, subset([0, 3])).made).toBe(true);
    known.save();
    expect(existsSync(record)).toBe(false);
    const none = KnownFontPrograms.none();
    const once = programOf(none, f, subset([0, 3]));
    expect(once.made).toBe(true);
    expect(once.deflated).toEqual(deflateProgram(Buffer.from('program 0 3')));
    expect(programOf(none, f, subset([0, 3])).made).toBe(true);
  });

  it('makes the program afresh when its bytes in the record were changed, even to bytes of the same length', () => {
    const record = join(root, 'changed.json');
    const f = face('changed.ttf');
    const first = KnownFontPrograms.load(record, LATER);
    const made = programOf(first, f, subset([0, 4, 8]));
    first.save();
    const { head, after } = readRecordFile<{ format: number; programs: Record<string, [string, [number, number], number]> }>(record);
    const [key] = Object.keys(head.programs);
    const [offset, length] = head.programs[key][1];
    // One byte of the program changed: as long, where the entry says it is.
    const changed = Buffer.from(after);
    changed[offset + length - 1] ^= 0xff;
    writeRecordFile(record, head, changed);
    const again = programOf(KnownFontPrograms.load(record, LATER), f, subset([0, 4, 8]));
    expect(again).toEqual({ made: true, deflated: made.deflated });
  });

  it('knows nothing from a damaged or foreign record, and makes the program as usual', () => {
    const f = face('damaged.ttf');
    const identity = new FaceIdentities(LATER.clock).of(f)!;
    const entry = (value: unknown): Buffer => Buffer.concat([Buffer.from(`${JSON.stringify({ format: 3, programs: { [identity]: value } })}\n`), EMPTY]);
    const cases: [string, Buffer][] = [
      ['truncated.json', Buffer.from('{"format":3,"programs":{')],
      ['other-format.json', Buffer.from('{"format":2,"programs":{}}\n')],
      ['past-the-end.json', entry(['0,2;', [0, EMPTY.length + 1], crc32(EMPTY)])],
      ['not-a-place.json', entry(['0,2;', [-1, EMPTY.length], crc32(EMPTY)])],
      ['no-checksum.json', entry(['0,2;', [0, EMPTY.length]])],
      ['not-a-list.json', entry('eJwDAAAAAAE=')],
    ];
    // The record as written, which those differ from: read back.
    writeFileSync(join(root, 'whole.json'), entry(['0,2;', [0, EMPTY.length], crc32(EMPTY)]));
    expect(programOf(KnownFontPrograms.load(join(root, 'whole.json'), LATER), f, subset([0, 2])).made).toBe(false);
    for (const [name, bytes] of cases) {
      const record = join(root, name);
      writeFileSync(record, bytes);
      const known = KnownFontPrograms.load(record, LATER);
      expect(programOf(known, f, subset([0, 2])).made, name).toBe(true);
      known.save();
      expect(readRecordFile<{ format: number }>(record).head.format).toBe(3);
    }
  });
});

describe('a PDF made with the record', () => {
  /** Two pages in two faces, one of its glyphs set narrower than its advance (a narrowed copy). */
  function pages(): ReturnType<typeof renderedPage>[] {
    const narrowed = run(fonts, { face: 'song', text: '党建，聚合力', size: 12, x: 30, y: 80 });
    const comma = glyphList(narrowed.glyphs)[2];
    const glyphs = placedGlyphs(glyphList(narrowed.glyphs).map((g, i) => (i === 2 ? { ...comma, advance: 6 } : i > 2 ? { ...g, dx: g.dx - 6 } : g)));
    return [
      renderedPage({ width: 400, height: 300, number: 1, label: '第1版' }, [run(fonts, { face: 'hei-bold', text: '党建聚合力', size: 24, x: 30, y: 50 }), { ...narrowed, glyphs }]),
      renderedPage({ width: 400, height: 300, number: 2, label: '第2版' }, [run(fonts, { face: 'song', text: '转版续文', size: 12, x: 40, y: 60 })]),
    ];
  }

  it('is byte for byte the PDF made without it, whether the record is written or answers', async () => {
    const record = join(root, 'pdf.json');
    const without = await writePdf(pages(), fonts, META);
    const first = KnownFontPrograms.load(record);
    const writing = await writePdf(pages(), fonts, META, first);
    first.save();
    expect(existsSync(record)).toBe(true);
    const answering = await writePdf(pages(), fonts, META, KnownFontPrograms.load(record));
    expect(writing.equals(without)).toBe(true);
    expect(answering.equals(without)).toBe(true);
  });

  it('embeds each face\'s program deflated with the programs\' settings, not zlib\'s defaults', async () => {
    const pdf = (await writePdf(pages(), fonts, META)).toString('latin1');
    // The font files' streams: the objects the font descriptors name as /FontFile2.
    const streams = [...pdf.matchAll(/\/FontFile2 (\d+) 0 R/g)].map((m) => {
      const object = pdf.indexOf(`\n${m[1]} 0 obj`);
      const length = /\/Length (\d+)/.exec(pdf.slice(object))!;
      const start = pdf.indexOf('stream\n', object) + 'stream\n'.length;
      return Buffer.from(pdf.slice(start, start + Number(length[1])), 'latin1');
    });
    expect(streams.length).toBeGreaterThanOrEqual(2);
    for (const bytes of streams) expect(bytes.equals(deflateSync(inflateSync(bytes), PROGRAM_DEFLATE))).toBe(true);
    // Settings that make other bytes than zlib's defaults on a program of some size: a face's
    // first 256 KB, outlines mostly.
    const large = readFileSync(fonts.faces.get('song')!.file).subarray(0, 256 * 1024);
    expect(deflateProgram(large).equals(deflateSync(large))).toBe(false);
    expect(inflateSync(deflateProgram(large)).equals(large)).toBe(true);
  });

  it('takes the program the record holds for the same face and subset', async () => {
    const record = join(root, 'pdf-answers.json');
    const first = KnownFontPrograms.load(record);
    await writePdf(pages(), fonts, META, first);
    first.save();
    // Every face's program replaced by a marker: the PDF holds the marker, deflated as it is.
    const stored = readRecordFile<{ format: number; programs: Record<string, [string, [number, number], number]> }>(record).head;
    const marker = deflateProgram(Buffer.from('program from the record'));
    for (const key of Object.keys(stored.programs)) stored.programs[key] = [stored.programs[key][0], [0, marker.length], crc32(marker)];
    writeRecordFile(record, stored, marker);
    const pdf = await writePdf(pages(), fonts, META, KnownFontPrograms.load(record));
    expect(Object.keys(stored.programs).length).toBeGreaterThanOrEqual(2);
    expect(pdf.includes(marker)).toBe(true);
    expect(pdf.equals(await writePdf(pages(), fonts, META))).toBe(false);
  });
});
