/**
 * What a test run makes once and shares: the command-line builds of the sample and fixture
 * editions, the EPUBs of the exporter tests, and one EPUBCheck of them all. The global setup
 * starts the work in the background; tests wait for the part they read (tests/helpers/runs.ts).
 *
 * Each build `name` writes its files to `<run>/<name>/` and, when it has finished, its exit
 * status and output to `<run>/<name>.json`. EPUBCheck writes `<run>/epubcheck.json`.
 */
import { join } from 'node:path';

/** SOURCE_DATE_EPOCH of every shared build: 2024-11-24T00:00:00Z. */
export const EPOCH = '1732406400';

/** Paths relative to the repository root. */
export const SAMPLE = 'content';
export const JUMP = 'tests/fixtures/jump-edition';
export const LATIN = 'tests/fixtures/latin-edition';
/** The fixtures of the content format's elements (version 1.1), built together in one run; each EPUB goes to EPUBCheck. */
export const ELEMENT_FIXTURES = ['tests/fixtures/band-heads'] as const;
export const VERTICAL_HEAD = 'tests/fixtures/vertical-head';
export const ZH_HANT = 'tests/fixtures/zh-hant';
export const LISTS_NOTES = 'tests/fixtures/lists-notes';
export const FRONT = 'tests/fixtures/front-page';
export const FRONT_IMAGE = 'tests/fixtures/front-page-image';
export const TABLE = 'tests/fixtures/table-page';
/** Pages laid out by the page builder (areas: auto): an inside page, a tabloid, a front page. */
export const AUTO = ['tests/fixtures/auto-inside', 'tests/fixtures/auto-tabloid', 'tests/fixtures/auto-front'] as const;

/** A copy of the sample edition with its own edition.yml. */
export interface EditionCopy {
  readonly from: string;
  readonly editionYml: string;
}

export interface SharedBuild {
  /** banmian's arguments; `{out}` is this build's folder, `{src}` its edition copy. */
  readonly args: readonly string[];
  readonly copy?: EditionCopy;
}

export const SHARED_BUILDS = {
  /** The sample edition, PDF and EPUB, with the layout report. */
  sample: { args: ['build', SAMPLE, '--out', '{out}', '--report', '{out}/report.json'] },
  /** The fixtures: a two-page edition whose lead jumps, an A4 page with English words and a PNG chart. */
  jump: { args: ['build', JUMP, '--out', '{out}'] },
  latin: { args: ['build', LATIN, '--out', '{out}'] },
  /** Two vertical headlines (竖题), right and left; a page in Traditional Chinese (zh-Hant-TW). */
  verticalHead: { args: ['build', VERTICAL_HEAD, '--out', '{out}'] },
  zhHant: { args: ['build', ZH_HANT, '--out', '{out}'] },
  /** A 导读 box, a block of briefs, a story with lists, a photo with a bold caption lead and notes. */
  listsNotes: { args: ['build', LISTS_NOTES, '--out', '{out}'] },
  /** A city daily's front page (masthead, ears, house colours) and an inside page, for print and for screens. */
  front: { args: ['build', FRONT, '--out', '{out}'] },
  frontRgb: { args: ['build', FRONT, '--out', '{out}', '--format', 'pdf', '--colour', 'rgb'] },
  /** The front page again, its masthead an image of the name, one ear. */
  frontImage: { args: ['build', FRONT_IMAGE, '--out', '{out}'] },
  /** A page of an economy section with tables: one across two columns, one going on in the next column. */
  table: { args: ['build', TABLE, '--out', '{out}'] },
  /** The sample again, in another process: the same bytes. */
  again: { args: ['build', SAMPLE, '--out', '{out}'] },
  rgb: { args: ['build', SAMPLE, '--out', '{out}', '--format', 'pdf', '--colour', 'rgb'] },
  nofonts: { args: ['build', SAMPLE, '--out', '{out}', '--format', 'epub', '--no-epub-fonts'] },
  vertical: {
    args: ['build', '{src}', '--out', '{out}'],
    copy: { from: SAMPLE, editionYml: 'slug: vertical\ntitle: 人民日报·党建\nlanguage: zh-Hans\ntypography:\n  writingMode: vertical\n' },
  },
  sheet: {
    args: ['build', '{src}', '--out', '{out}', '--format', 'pdf'],
    copy: { from: SAMPLE, editionYml: 'slug: sheet\ntitle: 人民日报·党建\nprint:\n  bleed: 3\n  cropMarks: true\n' },
  },
  elements: { args: ['build', ...ELEMENT_FIXTURES, '--out', '{out}'] },
  /** The pages laid out by areas: auto, from the command line, PDF and EPUB. */
  auto: { args: ['build', ...AUTO, '--out', '{out}'] },
  /** The audit of the four editions, for CI (JSON). */
  check: { args: ['check', SAMPLE, JUMP, LATIN, LISTS_NOTES, '--json'] },
} as const satisfies Record<string, SharedBuild>;

export type SharedBuildName = keyof typeof SHARED_BUILDS;

/** What a build left: its exit status and output, and the folder its files are in. */
export interface BuildRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly out: string;
}

/** EPUBCheck's verdict on one book: its exit status and everything it printed. */
export interface EpubcheckVerdict {
  readonly status: number;
  readonly output: string;
}

/** The exporter tests' books (tests/export/epub/fixture.ts `UNIT_BOOKS`), under `<run>/unit/`. */
export const UNIT_DIR = 'unit';

export const buildDir = (run: string, name: SharedBuildName): string => join(run, name);
export const buildRecord = (run: string, name: SharedBuildName): string => join(run, `${name}.json`);
export const epubcheckRecord = (run: string): string => join(run, 'epubcheck.json');
/** Written when the exporter tests' books are in `<run>/unit/`: their paths. */
export const unitRecord = (run: string): string => join(run, 'unit.json');
