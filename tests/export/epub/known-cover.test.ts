/**
 * The book's cover kept between builds (export/epub/known-cover.ts): a cover drawn once is
 * answered by the next build while its text and the face files it may be drawn from are the
 * same, and the book comes out byte for byte as without the record; another text, a face file
 * written to since, one written just before the build or a damaged record are drawn afresh.
 */
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCoverSvg, coverFaces, type CoverText } from '../../../src/export/epub/cover.js';
import { writeEpub } from '../../../src/export/epub/index.js';
import { KnownCovers, MAX_COVERS } from '../../../src/export/epub/known-cover.js';
import { RACY_MS } from '../../../src/file-identity.js';
import { loadFontBook, type Face, type FontBook } from '../../../src/fonts/index.js';
import { makeTempDir, removeDir } from '../../parse/helpers.js';
import { makeEdition, removeEdition, unzip } from './fixture.js';

let root: string;
let fonts: FontBook;
/** A clock as if the build ran well after the files were written: nothing is racy. */
const LATER = { clock: (): number => Date.now() + 10 * RACY_MS };
const DATE = new Date(Date.UTC(2024, 10, 24));
const TEXT: CoverText = { paper: '人民日报', date: '2024年11月24日 星期日', page: '第11版 党建', headline: '党建聚合力 发展增动能', lang: 'zh-Hans' };

/** A font book whose cover faces are stand-ins in the test's folder (the record sees files and names only). */
function standIns(names: readonly string[]): FontBook {
  const faces = names.map((name) => {
    const file = join(root, name);
    if (!existsSync(file)) writeFileSync(file, 'true face bytes');
    return { file, postscriptName: name } as Face;
  });
  return { chain: () => faces } as unknown as FontBook;
}

beforeAll(() => {
  root = makeTempDir('banmian-known-cover-');
  fonts = loadFontBook();
});

afterAll(() => removeDir(root));

describe('the cover known from an earlier build', () => {
  it('answers the cover of the same text in the same face files, and nothing else', () => {
    const record = join(root, 'answers.json');
    const book = standIns(['a.ttf', 'b.ttf']);
    const first = KnownCovers.load(record, LATER);
    expect(first.coverOf(TEXT, book)).toBeUndefined();
    first.keep(TEXT, book, '<svg>cover</svg>');
    first.save();
    const again = KnownCovers.load(record, LATER);
    expect(again.coverOf(TEXT, book)).toBe('<svg>cover</svg>');
    for (const field of ['paper', 'date', 'page', 'headline', 'lang'] as const) expect(again.coverOf({ ...TEXT, [field]: `${TEXT[field]}。` }, book), field).toBeUndefined();
    expect(again.coverOf(TEXT, standIns(['a.ttf']))).toBeUndefined();
    expect(again.coverOf(TEXT, standIns(['a.ttf', 'c.ttf']))).toBeUndefined();
  });

  it('keeps at most MAX_COVERS covers, the most recently drawn', () => {
    const record = join(root, 'many.json');
    const book = standIns(['a.ttf']);
    const known = KnownCovers.load(record, LATER);
    for (let i = 0; i <= MAX_COVERS; i++) known.keep({ ...TEXT, page: `第${i}版` }, book, `<svg>${i}</svg>`);
    known.save();
    const again = KnownCovers.load(record, LATER);
    expect(again.coverOf({ ...TEXT, page: '第0版' }, book)).toBeUndefined();
    expect(again.coverOf({ ...TEXT, page: `第${MAX_COVERS}版` }, book)).toBe(`<svg>${MAX_COVERS}</svg>`);
  });

  it('draws afresh once a face file is written to, even with its modification time put back', () => {
    const record = join(root, 'written.json');
    const book = standIns(['written.ttf']);
    const first = KnownCovers.load(record, LATER);
    first.keep(TEXT, book, '<svg/>');
    first.save();
    const file = join(root, 'written.ttf');
    const before = statSync(file);
    writeFileSync(file, 'true othr bytes');
    utimesSync(file, before.atime, before.mtime);
    expect(KnownCovers.load(record, LATER).coverOf(TEXT, book)).toBeUndefined();
  });

  it('keeps nothing for a face file written just before the build, nothing when kept nowhere, and reads no damaged record', () => {
    const record = join(root, 'racy.json');
    const book = standIns(['racy.ttf']);
    const known = KnownCovers.load(record);
    known.keep(TEXT, book, '<svg/>');
    expect(known.coverOf(TEXT, book)).toBeUndefined();
    known.save();
    expect(existsSync(record)).toBe(false);
    const none = KnownCovers.none();
    none.keep(TEXT, standIns(['a.ttf']), '<svg/>');
    expect(none.coverOf(TEXT, standIns(['a.ttf']))).toBeUndefined();

    const damaged = join(root, 'damaged.json');
    const writing = KnownCovers.load(damaged, LATER);
    writing.keep(TEXT, standIns(['a.ttf']), '<svg/>');
    writing.save();
    const stored = JSON.parse(readFileSync(damaged, 'utf8')) as { format: number; covers: Record<string, unknown> };
    const [key] = Object.keys(stored.covers);
    for (const head of [{ ...stored, format: stored.format + 1 }, { ...stored, covers: { [key]: '' } }, { ...stored, covers: { [key]: 7 } }]) {
      writeFileSync(damaged, `${JSON.stringify(head)}\n`);
      expect(KnownCovers.load(damaged, LATER).coverOf(TEXT, standIns(['a.ttf'])), JSON.stringify(head).slice(0, 120)).toBeUndefined();
    }
  });

  it('is keyed by every face of the roles the cover is drawn in', () => {
    const faces = coverFaces(fonts);
    for (const role of ['header-paper', 'header', 'headline'] as const) for (const face of fonts.chain(role)) expect(faces).toContain(face);
    expect(new Set(faces).size).toBe(faces.length);
  });

  it('makes the same book with the cover kept as without, and answers the cover the next time', async () => {
    const edition = makeEdition();
    try {
      const record = join(root, 'book.json');
      const without = await writeEpub(edition, fonts, { modified: DATE });
      const writing = KnownCovers.load(record);
      const first = await writeEpub(edition, fonts, { modified: DATE, knownCover: writing });
      writing.save();
      const drawn = (await unzip(without)).bytes.get('EPUB/cover.svg')!.toString('utf8');
      const stored = JSON.parse(readFileSync(record, 'utf8')) as { covers: Record<string, string> };
      expect(Object.values(stored.covers)).toEqual([drawn]);
      // The record's cover goes into the book as it is: a stand-in shows it was not drawn again.
      const answering = KnownCovers.load(record);
      const [key] = Object.keys(stored.covers);
      writeFileSync(record, `${JSON.stringify({ ...stored, covers: { [key]: drawn.replace('</svg>', '<!-- kept --></svg>') } })}\n`);
      const standIn = await writeEpub(edition, fonts, { modified: DATE, knownCover: KnownCovers.load(record) });
      expect((await unzip(standIn)).bytes.get('EPUB/cover.svg')!.toString('utf8')).toContain('<!-- kept -->');
      const answered = await writeEpub(edition, fonts, { modified: DATE, knownCover: answering });
      expect(first.equals(without)).toBe(true);
      expect(answered.equals(without)).toBe(true);
      expect(renderCoverSvg(TEXT, fonts)).toContain('<svg');
    } finally {
      removeEdition(edition);
    }
  });
});
