/**
 * The pipeline, wired: parse → text → compose → render → check → export. Each stage's entry
 * point is called once, in order; none calls back into an earlier one. Nothing is written
 * unless the audit of the pages finds no error.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PartFiles, removeStaleParts } from './atomic-write.js';
import { AuditError, checkEdition, type CheckReport } from './check/index.js';
import type { ColourMode } from './export/pdf/index.js';
import type { KnownFontPrograms } from './export/pdf/known-font-programs.js';
import { fontsForLanguage, loadFontBook, type FontBook } from './fonts/index.js';
import { applyStyle, DEFAULT_STYLE, type Edition, type HouseStyle } from './model/index.js';
import { ImageChecks, parseEdition, type KnownImages, type KnownPages } from './parse/index.js';
import { renderProofPages, type RenderedPage } from './render/index.js';
import { folio, headerDate, makeNoteSetter, normalizeEdition, type KnownText } from './text/index.js';

import type { LiveThreads } from './live-threads.js';
import type { EpubThread } from './epub-thread.js';
import type { SubsetThread } from './subset-thread.js';
import type { KnownBookFonts } from './export/epub/known-book-fonts.js';
import type { KnownCovers } from './export/epub/known-cover.js';
import { setPages, setRun, type LayoutReport, type PageRun, type Typeset, type WarmCaches } from './page-run.js';
import type { PageThreads } from './page-threads.js';
import { pageThreadCount, usesFontThread } from './thread-limits.js';
import type { OutputFormat } from './output-formats.js';

export { OUTPUT_FORMATS, type OutputFormat } from './output-formats.js';

/** A page's drawing in an edition's SVG folder. */
const SVG_PAGE = /^\d+\.svg$/;
export { layoutReport, type LayoutPage, type LayoutReport, type Typeset } from './page-run.js';

export interface BuildOptions {
  /** Folder the files are written to. */
  readonly outDir: string;
  readonly formats: readonly OutputFormat[];
  /** Folder with fonts.json (default: ./fonts, else banmian's own). */
  readonly fontsDir?: string;
  /** false: keep half-width punctuation as written, whatever the edition's typography says. */
  readonly normalizePunctuation?: boolean;
  /** Fail on the audit's warnings too (characters no font has, low-resolution photos, blank areas). */
  readonly strict?: boolean;
  /** Seconds since 1970 for dates written into the files (SOURCE_DATE_EPOCH); default now. */
  readonly sourceDateEpoch?: number;
  readonly style?: HouseStyle;
  /** PDF colour: `cmyk` (default; black text and rules as pure K, for print) or `rgb` (screen). */
  readonly colour?: ColourMode;
  /** Embed subset fonts in the EPUB (default true); false leaves the choice of font to the reader. */
  readonly epubFonts?: boolean;
  /** Also write `<slug>.proof.pdf` (areas outlined, overset in red, blank areas tinted), even when the build fails. */
  readonly proof?: boolean;
  /**
   * Make the EPUB on a thread of its own while the pages are set (when the PDF is made too);
   * the command line does. Default false: on the calling thread, after the PDF.
   */
  readonly epubThread?: boolean;
  /**
   * Begin the EPUB before the pages and subset its fonts on a thread of their own while they are
   * set (subset-thread.ts): what the command line does when it makes a PDF and an EPUB on one
   * thread. Off, the book is made after the pages, all on the calling thread.
   */
  readonly subsetThread?: boolean;
  /**
   * The font thread, already started by the caller (the command line starts it before the
   * stages' code loads, `usesFontThread`). The build takes it over: it uses it where it would
   * start one, and lets it go either way.
   */
  readonly fontThread?: SubsetThread;
  /**
   * Set the pages on up to this many threads (`--threads`), as many as the edition has pages
   * for (page-threads.ts). Default 1: on the calling thread.
   */
  readonly pageThreads?: number;
  /** Texts set and lines broken kept from the last build of a process that builds again on every save (`--watch`). */
  readonly warm?: WarmCaches;
  /** The temporary files being written, for the command line's signal handlers to remove (default: the build's own). */
  readonly parts?: PartFiles;
  /**
   * Where the worker threads the build starts are counted, for a command that ends the process
   * to wait until they have stopped (live-threads.ts). Default: not counted.
   */
  readonly threads?: LiveThreads;
  /**
   * Photos and graphics found whole by earlier builds, not read again while unchanged; those
   * this build finds whole are added (parse/known-images.ts). The command line keeps them in
   * the user's cache folder. Default: every image is checked.
   */
  readonly knownImages?: KnownImages;
  /**
   * Page files earlier builds parsed, taken while their text and photos are unchanged (their
   * photos checked again); those this build parses are added (parse/known-pages.ts). The command
   * line keeps them in the user's cache folder. Default: every page is parsed.
   */
  readonly knownPages?: KnownPages;
  /**
   * What earlier builds learnt of the edition's text: the OpenType layouts they made (Western
   * words, figures, dashes), taken while their face files are unchanged, and the word segments
   * ICU gave the heads; what this build learns is added (text/known-layouts.ts,
   * text/known-words.ts). The command line keeps them in the user's cache folder. Default: every
   * run is laid out and every head segmented. Pages set on other threads (`pageThreads`) do
   * theirs afresh.
   */
  readonly knownText?: KnownText;
  /**
   * The fonts' subsets earlier builds' PDFs embedded, deflated, taken while their face files are
   * unchanged and the subset is the same glyphs; those this build makes are added
   * (export/pdf/known-font-programs.ts). The command line keeps them in the user's cache folder.
   * Default: every face's subset is made and deflated.
   */
  readonly knownFontPrograms?: KnownFontPrograms;
  /**
   * The fonts' subsets earlier builds' books embedded, taken while their face files and the
   * characters are unchanged; those this build makes are added (export/epub/known-book-fonts.ts).
   * The font thread is started all the same: it subsets the faces the record does not answer
   * (an edit that brings a new character), ready when they are known. The command line keeps
   * them in the user's cache folder. Default: every face is subset.
   */
  readonly knownBookFonts?: KnownBookFonts;
  /**
   * The cover earlier builds' books drew, taken while its text and face files are unchanged;
   * one drawn now is added (export/epub/known-cover.ts). The command line keeps it in the
   * user's cache folder. Default: the cover is drawn.
   */
  readonly knownCover?: KnownCovers;
}

/**
 * A build the audit refused: its errors (every one of the edition), the layout report as far as
 * the pages were set, and the files still written — the proof, when asked for.
 */
export class BuildError extends AuditError {
  constructor(
    audit: CheckReport,
    readonly layout: LayoutReport,
    readonly files: readonly string[],
  ) {
    super(audit);
    this.name = 'BuildError';
  }
}

export interface BuildResult {
  readonly slug: string;
  readonly files: readonly string[];
  readonly pages: number;
  /** The audit of the pages (no errors, or the build would have failed). */
  readonly audit: CheckReport;
  /** Per page and article: area, columns, lines set, fill, and the audit's findings (for `--report`). */
  readonly report: LayoutReport;
}

/** Parse an edition, with the command line's --no-normalize over the edition's own setting. */
function readEdition(dir: string, options: Pick<BuildOptions, 'normalizePunctuation' | 'warm' | 'knownPages'>, images?: ImageChecks): Edition {
  const parsed = parseEdition(dir, options.warm?.pages, images, options.knownPages);
  return options.normalizePunctuation === false ? { ...parsed, typography: { ...parsed.typography, normalize: false } } : parsed;
}

/** Parse and set an edition's pages, without writing anything. */
export function typesetEdition(dir: string, fonts: FontBook, options: Pick<BuildOptions, 'normalizePunctuation' | 'style'> = {}): Typeset {
  const edition = readEdition(dir, options);
  return setPages(edition, fonts, applyStyle(options.style ?? DEFAULT_STYLE, edition.style));
}

/** The proof PDF of the pages as set: `<out>/<slug>.proof.pdf`. */
async function writeProof(set: Typeset, fonts: FontBook, options: BuildOptions): Promise<string> {
  const { writePdf } = await import('./export/pdf/index.js');
  const style = applyStyle(options.style ?? DEFAULT_STYLE, set.edition.style);
  const pages = renderProofPages(set.composed, makeNoteSetter(fonts, style.header, set.edition.typography));
  const data = await writePdf(pages, fonts, { title: `${set.edition.title}（校样）`, language: set.edition.language, creationDate: dateOf(options.sourceDateEpoch), colour: 'cmyk' });
  const path = join(options.outDir, `${set.edition.slug}.proof.pdf`);
  mkdirSync(options.outDir, { recursive: true });
  removeStaleParts([path]);
  (options.parts ?? new PartFiles()).write(path, data);
  return path;
}


/** Page drawings (`<number>.svg`) in an edition's SVG folder that are not among `current`. */
function removeOldPages(dir: string, current: ReadonlySet<string>): void {
  for (const name of readdirSync(dir)) if (SVG_PAGE.test(name) && !current.has(name)) rmSync(join(dir, name), { force: true });
}

/** The dates written into the files: SOURCE_DATE_EPOCH's, else now. */
function dateOf(sourceDateEpoch: number | undefined): Date {
  return new Date((sourceDateEpoch ?? Math.floor(Date.now() / 1000)) * 1000);
}

/** The edition's PDF, in memory. (The exporters load when a file is made, not when a build fails before.) */
async function makePdf(edition: Edition, rendered: readonly RenderedPage[], fonts: FontBook, date: Date, colour: ColourMode = 'cmyk', programs?: KnownFontPrograms): Promise<Buffer> {
  const { writePdf } = await import('./export/pdf/index.js');
  const first = edition.pages[0];
  const sections = [...new Set(edition.pages.map((p) => p.section.trim()).filter(Boolean))];
  return writePdf(rendered, fonts, {
    title: edition.title,
    author: first?.paper,
    subject: first ? `${first.paper} ${headerDate(first.date)} ${edition.pages.map((p) => `${folio(p.number)} ${p.section}`.trim()).join('、')}` : edition.title,
    keywords: sections.join(', '),
    language: edition.language,
    creationDate: date,
    colour,
    // The printing condition belongs to CMYK output; a screen (RGB) PDF has none.
    ...(edition.print.outputIntent && colour === 'cmyk'
      ? { outputIntent: { profile: readFileSync(edition.print.outputIntent.profile), condition: edition.print.outputIntent.condition, info: edition.print.outputIntent.info } }
      : {}),
  }, programs);
}

/** Options of `checkEditionDir`: how to set the edition, and how strict the audit is. */
export type CheckDirOptions = Pick<BuildOptions, 'normalizePunctuation' | 'style' | 'strict' | 'sourceDateEpoch' | 'colour'> & {
  /** Also write the PDF in memory and read its text back (default true). */
  readonly pdf?: boolean;
};

/**
 * Set an edition and audit its pages (`banmian check`): nothing is written. The PDF is made in
 * memory, as the build would make it, and its text read back per article.
 */
export async function checkEditionDir(dir: string, options: CheckDirOptions, fonts: FontBook): Promise<CheckReport> {
  const set = typesetEdition(dir, fonts, { normalizePunctuation: options.normalizePunctuation, style: options.style });
  const pdf = options.pdf === false ? undefined : await makePdf(set.edition, set.rendered, fonts, dateOf(options.sourceDateEpoch), options.colour);
  return checkEdition({ itemized: set.itemized, composed: set.composed, drawn: set.drawn, ...(pdf ? { pdf } : {}) }, { strict: options.strict });
}

/** Build one edition folder into `<outDir>/<slug>.pdf` and `.epub`. */
export async function buildEdition(dir: string, options: BuildOptions, fonts: FontBook = loadFontBook(options.fontsDir)): Promise<BuildResult> {
  const date = dateOf(options.sourceDateEpoch);
  const wantPdf = options.formats.includes('pdf');
  const wantEpub = options.formats.includes('epub');
  // The book on a thread of its own only when there are pages to set beside it.
  // (The threads' code, and Node's worker_threads, load only when a build uses them.)
  const book: EpubThread | undefined = options.epubThread && wantEpub && wantPdf ? new (await import('./epub-thread.js')).EpubThread(options.threads) : undefined;
  let pageThreads: PageThreads | undefined;
  // Started before the edition is read: the thread is ready by the time the book asks for it,
  // and it readies ICU's word segmenter for the text stage meanwhile (subset-worker.ts).
  const wanted = options.subsetThread === true && usesFontThread(options);
  if (!wanted) options.fontThread?.cancel();
  const fontThread: SubsetThread | undefined = wanted ? (options.fontThread ?? new (await import('./subset-thread.js')).SubsetThread(options.threads).start()) : undefined;
  // With the thread, photos' JPEG data are checked there while the pages are set; not for a
  // process that builds again (`warm`), whose pages are kept parsed, checks and all.
  const images = new ImageChecks(fontThread && !options.warm ? fontThread.jpegCheck : undefined, options.knownImages);
  try {
    const edition = readEdition(dir, options, images);
    // The EPUB reads the model: give it the model with the same normalisation as the pages, and
    // the faces of the edition's language.
    const bookModel = (): Edition => (edition.typography.normalize ? normalizeEdition(edition) : edition);
    const bookFonts = fontsForLanguage(fonts, edition.language);
    // The faces' subsets and the cover earlier books kept, for a book made on this thread (`book` makes its own).
    const knownFonts = { ...(options.knownBookFonts ? { knownFonts: options.knownBookFonts } : {}), ...(options.knownCover ? { knownCover: options.knownCover } : {}) };
    book?.start(bookModel(), bookFonts, { modified: date, embedFonts: options.epubFonts });
    // Otherwise, beside a PDF, the book is begun before the pages: it writes its chapters now and
    // hands its faces, the chapters to deflate and its identifier's digest to a thread that
    // works while the pages are set (subset-thread.ts).
    // What it throws is waited for, and thrown, only where the book is asked for.
    let early: Promise<Buffer> | undefined;
    if (fontThread) {
      const { writeEpub } = await import('./export/epub/index.js');
      early = writeEpub(bookModel(), bookFonts, { modified: date, embedFonts: options.epubFonts, subsetter: fontThread.subsetter, deflater: fontThread.deflater, digester: fontThread.digester, ...knownFonts });
      early.catch(() => undefined);
    }
    const style = applyStyle(options.style ?? DEFAULT_STYLE, edition.style);
    // Pages on more threads than this one when asked, and there are enough of them; not for a
    // proof, which is drawn from the pages as set here.
    const threads = options.pageThreads && !options.proof ? pageThreadCount(options.pageThreads, edition.pages.length) : 1;
    pageThreads = threads > 1 ? new (await import('./page-threads.js')).PageThreads(threads - 1, options.threads) : undefined;
    let pages: PageRun;
    let typeset: Typeset | undefined;
    if (pageThreads) pages = await pageThreads.set(edition, fonts, style, options.strict);
    else {
      const result = await setRun(edition, fonts, style, options.strict, options.warm, options.knownText);
      if (!result.ok) throw result.error;
      pages = result.run;
      typeset = result.typeset;
    }
    // A damaged photo fails the build as the parse would have failed it, before the audit.
    await images.settle();
    const { audit } = pages;
    const report: LayoutReport = { edition: edition.slug, figures: audit.figures, pages: pages.layout };
    // A proof is for looking at what went wrong: it is written whether or not the pages pass.
    const proof = options.proof && typeset ? [await writeProof(typeset, fonts, options)] : [];
    if (audit.errors > 0) throw new BuildError(audit, report, proof);
    const outputs: { path: string; data: Buffer }[] = [];
    if (wantPdf) outputs.push({ path: join(options.outDir, `${edition.slug}.pdf`), data: await makePdf(edition, pages.rendered, fonts, date, options.colour, options.knownFontPrograms) });
    if (options.formats.includes('svg')) {
      const { writeSvgPages } = await import('./export/svg/index.js');
      // One file a page, in a folder named after the edition: `<out>/<slug>/<page>.svg`.
      for (const page of writeSvgPages(pages.rendered, fonts, { title: edition.title, language: edition.language })) {
        outputs.push({ path: join(options.outDir, edition.slug, `${page.number}.svg`), data: Buffer.from(page.svg, 'utf8') });
      }
    }
    if (wantEpub) {
      const data = book ? await book.book() : ((await early) ?? (await (await import('./export/epub/index.js')).writeEpub(bookModel(), bookFonts, { modified: date, embedFonts: options.epubFonts, ...knownFonts })));
      outputs.push({ path: join(options.outDir, `${edition.slug}.epub`), data });
    }
    // Only once every file is made is anything written, so a failure leaves no half an edition.
    for (const dir of new Set(outputs.map((o) => dirname(o.path)))) mkdirSync(dir, { recursive: true });
    removeStaleParts(outputs.map((o) => o.path));
    const parts = options.parts ?? new PartFiles();
    for (const output of outputs) parts.write(output.path, output.data);
    // The SVG folder holds this edition's pages only: a page it no longer has goes.
    if (options.formats.includes('svg')) removeOldPages(join(options.outDir, edition.slug), new Set(edition.pages.map((p) => `${p.number}.svg`)));
    return { slug: edition.slug, files: [...outputs.map((o) => o.path), ...proof], pages: edition.pages.length, audit, report };
  } catch (error) {
    // A photo met before what failed, and found damaged on the thread, is the error the parse
    // would have stopped at.
    await images.settle();
    throw error;
  } finally {
    book?.cancel();
    pageThreads?.cancel();
    fontThread?.cancel();
  }
}
