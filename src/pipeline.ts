/**
 * The pipeline, wired: parse → text → compose → render → export. Each stage's entry point is
 * called once, in order; none calls back into an earlier one.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composePages, type ArticleLayout, type ComposedPage } from './compose/index.js';
import { writeEpub } from './export/epub/index.js';
import { writePdf, type ColourMode } from './export/pdf/index.js';
import { loadFontBook, type FontBook } from './fonts/index.js';
import { applyStyle, ContentError, DEFAULT_STYLE, type Edition, type HouseStyle } from './model/index.js';
import { parseEdition } from './parse/index.js';
import { renderPages, type RenderedPage } from './render/index.js';
import { folio, headerDate, itemizeEdition, normalizeEdition, type ItemizedEdition } from './text/index.js';

export type OutputFormat = 'pdf' | 'epub';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'epub'];

export interface BuildOptions {
  /** Folder the files are written to. */
  readonly outDir: string;
  readonly formats: readonly OutputFormat[];
  /** Folder with fonts.json (default: ./fonts, else banmian's own). */
  readonly fontsDir?: string;
  /** false: keep half-width punctuation as written, whatever the edition's typography says. */
  readonly normalizePunctuation?: boolean;
  /** Fail on warnings (characters no font has). */
  readonly strict?: boolean;
  /** Seconds since 1970 for dates written into the files (SOURCE_DATE_EPOCH); default now. */
  readonly sourceDateEpoch?: number;
  readonly style?: HouseStyle;
  /** PDF colour: `cmyk` (default; black text and rules as pure K, for print) or `rgb` (screen). */
  readonly colour?: ColourMode;
  /** Embed subset fonts in the EPUB (default true); false leaves the choice of font to the reader. */
  readonly epubFonts?: boolean;
}

export interface BuildResult {
  readonly slug: string;
  readonly files: readonly string[];
  readonly pages: number;
  readonly warnings: readonly string[];
  /** Per page and article: area, columns, lines set, fill (for `--report`). */
  readonly report: LayoutReport;
}

export interface LayoutReport {
  readonly edition: string;
  readonly pages: readonly {
    readonly page: number;
    readonly articles: readonly ArticleLayout[];
    readonly warnings: readonly string[];
  }[];
}

/** What compose found, as plain data for CI to read. */
export function layoutReport(slug: string, pages: readonly ComposedPage[]): LayoutReport {
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    edition: slug,
    pages: pages.map((page) => ({
      page: page.number,
      articles: page.articles.map((a) => ({ ...a, x: round(a.x), y: round(a.y), width: round(a.width), height: round(a.height), fill: round(a.fill) })),
      warnings: page.warnings.map((w) => `${w.article}: ${w.message}`),
    })),
  };
}

/** Everything the page pipeline makes, for tests and tools. */
export interface Typeset {
  readonly edition: Edition;
  readonly itemized: ItemizedEdition;
  readonly composed: readonly ComposedPage[];
  readonly rendered: readonly RenderedPage[];
  /** Everything worth telling: characters no font has, then layout warnings. */
  readonly warnings: readonly string[];
  /** The characters no font has (what --strict fails on). */
  readonly missing: readonly string[];
}

/** Parse and set an edition's pages, without writing anything. */
export function typesetEdition(dir: string, fonts: FontBook, options: Pick<BuildOptions, 'normalizePunctuation' | 'style'> = {}): Typeset {
  const parsed = parseEdition(dir);
  const style = applyStyle(options.style ?? DEFAULT_STYLE, parsed.style);
  // The command line's --no-normalize overrides the edition's setting.
  const edition: Edition = options.normalizePunctuation === false ? { ...parsed, typography: { ...parsed.typography, normalize: false } } : parsed;
  const itemized = itemizeEdition(edition, fonts, style);
  const composed = composePages(itemized, style);
  const rendered = renderPages(composed, edition.print);
  const missing = itemized.missing.map(
    (m) => `${m.source.file}:${m.source.line}: no font of role "${m.role}" has ${JSON.stringify(m.char)} (U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')})`,
  );
  const layout = composed.flatMap((page) => page.warnings.map((w) => `page ${page.number}: article "${w.article}": ${w.message}`));
  const warnings = [...missing, ...layout];
  return { edition, itemized, composed, rendered, warnings, missing };
}

/** Write a file whole or not at all: to a temporary name first, then renamed into place. */
function writeAtomically(path: string, data: Buffer): void {
  const temp = `${path}.part-${process.pid}`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** Build one edition folder into `<outDir>/<slug>.pdf` and `.epub`. */
export async function buildEdition(dir: string, options: BuildOptions, fonts: FontBook = loadFontBook(options.fontsDir)): Promise<BuildResult> {
  const set = typesetEdition(dir, fonts, { normalizePunctuation: options.normalizePunctuation, style: options.style });
  const normalize = set.edition.typography.normalize;
  if (options.strict && set.missing.length > 0) {
    throw new ContentError(`${set.missing.length} character(s) have no font (strict mode):\n  ${set.missing.join('\n  ')}`, undefined, 'map a font that has them in fonts/fonts.json');
  }
  const date = new Date((options.sourceDateEpoch ?? Math.floor(Date.now() / 1000)) * 1000);
  const { edition } = set;
  const outputs: { path: string; data: Buffer }[] = [];
  if (options.formats.includes('pdf')) {
    const first = edition.pages[0];
    const sections = [...new Set(edition.pages.map((p) => p.section.trim()).filter(Boolean))];
    const data = await writePdf(set.rendered, fonts, {
      title: edition.title,
      author: first?.paper,
      subject: first ? `${first.paper} ${headerDate(first.date)} ${edition.pages.map((p) => `${folio(p.number)} ${p.section}`.trim()).join('、')}` : edition.title,
      keywords: sections.join(', '),
      language: edition.language,
      creationDate: date,
      colour: options.colour,
      // The printing condition belongs to CMYK output; a screen (RGB) PDF has none.
      ...(edition.print.outputIntent && (options.colour ?? 'cmyk') === 'cmyk'
        ? { outputIntent: { profile: readFileSync(edition.print.outputIntent.profile), condition: edition.print.outputIntent.condition, info: edition.print.outputIntent.info } }
        : {}),
    });
    outputs.push({ path: join(options.outDir, `${edition.slug}.pdf`), data });
  }
  if (options.formats.includes('epub')) {
    // The EPUB reads the model: give it the model with the same normalisation as the pages.
    const data = await writeEpub(normalize ? normalizeEdition(edition) : edition, fonts, { modified: date, embedFonts: options.epubFonts });
    outputs.push({ path: join(options.outDir, `${edition.slug}.epub`), data });
  }
  // Only once every file is made is anything written, so a failure leaves no half an edition.
  mkdirSync(options.outDir, { recursive: true });
  for (const output of outputs) writeAtomically(output.path, output.data);
  return { slug: edition.slug, files: outputs.map((o) => o.path), pages: edition.pages.length, warnings: set.warnings, report: layoutReport(edition.slug, set.composed) };
}
