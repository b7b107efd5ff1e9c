/**
 * The records kept between builds, through the library API: a build given the records a build
 * before it wrote (photos checked, pages parsed, layouts made, words segmented, the fonts'
 * subsets deflated, the book's font subsets) writes the same bytes as a build given none, and as
 * the build that wrote them; the book's fonts answered by the record are not subset again.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, KnownBookFonts, KnownFontPrograms, KnownImages, KnownLayouts, KnownPages, KnownWords, loadFontBook, type BuildOptions, type FontBook } from '../../src/index.js';
import { RACY_MS } from '../../src/file-identity.js';
import { makeTempDir, removeDir } from '../parse/helpers.js';
import { ROOT } from '../helpers/tools.js';
import { readRecordFile } from '../helpers/record-file.js';

const SAMPLE = join(ROOT, 'content');
const SLUG = 'renmin-ribao-dangjian';

let root: string;
let fonts: FontBook;

beforeAll(() => {
  root = makeTempDir('banmian-records-build-');
  fonts = loadFontBook();
});

afterAll(() => removeDir(root));

/** The records kept in `dir`, as the command line keeps them in the user's cache folder. */
function records(dir: string): Required<Pick<BuildOptions, 'knownImages' | 'knownPages' | 'knownText' | 'knownFontPrograms' | 'knownBookFonts'>> {
  return {
    knownImages: KnownImages.load(join(dir, 'images.json')),
    // As if built well after the sample's photos were written (a fresh clone's are seconds old).
    knownPages: KnownPages.load(join(dir, 'pages.json'), { clock: () => Date.now() + 10 * RACY_MS }),
    knownText: { layouts: KnownLayouts.load(join(dir, 'layouts.json')), words: KnownWords.load(join(dir, 'words.json')) },
    knownFontPrograms: KnownFontPrograms.load(join(dir, 'fonts.json')),
    knownBookFonts: KnownBookFonts.load(join(dir, 'book-fonts.json')),
  };
}

function save(known: ReturnType<typeof records>): void {
  known.knownImages.save();
  known.knownPages.save();
  known.knownText.layouts.save();
  known.knownText.words.save();
  known.knownFontPrograms.save();
  known.knownBookFonts.save();
}

async function pdfOf(name: string, known?: ReturnType<typeof records>): Promise<Buffer> {
  const outDir = join(root, name);
  await buildEdition(SAMPLE, { outDir, formats: ['pdf'], sourceDateEpoch: 0, ...known }, fonts);
  return readFileSync(join(outDir, `${SLUG}.pdf`));
}

/**
 * The book of the sample, its fonts subset on a thread of their own as the command line does
 * (the compiled pipeline: the thread runs JavaScript).
 */
async function bookOf(name: string, known?: ReturnType<typeof records>): Promise<Buffer> {
  const { buildEdition: build } = (await import(join(ROOT, 'dist/pipeline.js'))) as typeof import('../../src/pipeline.js');
  const outDir = join(root, name);
  await build(SAMPLE, { outDir, formats: ['pdf', 'epub'], sourceDateEpoch: 0, subsetThread: true, ...known }, fonts);
  return readFileSync(join(outDir, `${SLUG}.epub`));
}

describe('a build with the records of the one before', () => {
  it('writes the bytes of a build without them, and of the build that wrote them', async () => {
    const without = await pdfOf('without');
    const kept = join(root, 'records');
    const writing = records(kept);
    const first = await pdfOf('writing', writing);
    save(writing);
    // Every face the sample's PDF embeds has its program kept.
    const programs = readRecordFile<{ programs: Record<string, unknown> }>(join(kept, 'fonts.json')).head;
    expect(Object.keys(programs.programs).length).toBeGreaterThanOrEqual(4);
    // And the sample's page file its parse.
    expect(Object.keys(readRecordFile<{ pages: Record<string, unknown> }>(join(kept, 'pages.json')).head.pages)).toEqual([join(SAMPLE, '11.md')]);
    const answering = await pdfOf('answering', records(kept));
    expect(first.equals(without)).toBe(true);
    expect(answering.equals(without)).toBe(true);
  });

  it('makes the same book with the fonts an earlier book kept, subsetting none of them again', async () => {
    const without = await bookOf('book-without');
    const kept = join(root, 'book-records');
    const writing = records(kept);
    const first = await bookOf('book-writing', writing);
    save(writing);
    const file = join(kept, 'book-fonts.json');
    const stored = readRecordFile<{ faces: Record<string, unknown[]> }>(file).head;
    // Each face of the book (song, hei and their weights) keeps its subset.
    expect(Object.keys(stored.faces).length).toBeGreaterThanOrEqual(4);
    const answeringRecords = records(kept);
    const written = statSync(file).mtimeMs;
    const answering = await bookOf('book-answering', answeringRecords);
    save(answeringRecords);
    expect(first.equals(without)).toBe(true);
    expect(answering.equals(without)).toBe(true);
    // Every face was answered: nothing was added, so the record was not written again.
    expect(statSync(file).mtimeMs).toBe(written);
  });
});
