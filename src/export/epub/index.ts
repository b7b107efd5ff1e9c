/**
 * EPUB 3 export: the edition's articles as a reflowable e-book, built from the document model
 * (not from laid-out pages). A typographic cover (SVG of glyph outlines) and its page first,
 * then one XHTML chapter per article in page order, a two-level navigation document
 * (page → article), a stylesheet with subset fonts, the figures' images, packed reproducibly:
 * the same edition, fonts and `modified` date give the same bytes. The edition's typography
 * `writingMode: vertical` sets it top to bottom, pages turning right to left.
 *
 * The packer is our own (its zip on Node's zlib, zip.ts), not epub-gen-memory: see README (EPUB) for why.
 */
import type { FontBook } from '../../fonts/types.js';
import type { Edition } from '../../model/document.js';
import { ContentError } from '../../model/errors.js';
import { folio, headerDate } from '../../text/header-text.js';
import { accessibilityFacts, accessibilityMetadata } from './accessibility.js';
import { renderChapter } from './chapter.js';
import { renderCoverPage, renderCoverSvg, type CoverText } from './cover.js';
import { colourCss } from './colour-css.js';
import { buildCss } from './css.js';
import { MASTHEAD_CSS, mastheadHtml } from './masthead.js';
import { GlyphCollector, subsetFaces, subsetHere, type EmbeddedFont, type FontSubsetter } from './fonts.js';

export { compileHarfBuzz } from './harfbuzz.js';
export type { FontSubsetter, SubsetFace } from './fonts.js';
export { KnownBookFonts, MAX_BOOK_FONTS, type KnownBookFontsOptions } from './known-book-fonts.js';
export { KnownCovers, MAX_COVERS } from './known-cover.js';
import type { KnownBookFonts } from './known-book-fonts.js';
import type { KnownCovers } from './known-cover.js';
export type { Digester } from './package-opf.js';
export { deflateEntry, entryBytes } from './zip.js';
import { loadImages } from './images.js';
import { renderNav } from './nav.js';
import { buildPackage, digestHere, identifierOf, identifierParts, type Digester, type ManifestItem } from './package-opf.js';
import { pageLabel, planEdition } from './plan.js';
import { ignoreGlyphs } from './roles.js';
import { entryBytes, packEpub, type ZipEntry } from './zip.js';

/** Options of writeEpub. */
export interface EpubOptions {
  /** Written as `dcterms:modified` and as every zip entry's time (whole seconds, UTC). */
  readonly modified: Date;
  /**
   * Text normaliser applied to every text node (e.g. half-width `,` `:` next to Han characters →
   * full-width), the same one the PDF uses. Default: identity.
   */
  readonly normalize?: (text: string) => string;
  /** Embed subsets of the faces the text uses (default true). Without, the CSS names only generic families. */
  readonly embedFonts?: boolean;
  /** HarfBuzz, compiled ahead (`compileHarfBuzz`, while the pages are set); default: compiled when needed. */
  readonly harfbuzz?: Promise<WebAssembly.Module>;
  /**
   * What subsets the faces (default: HarfBuzz here, `subsetHere`). Everything the book does
   * before it is called is synchronous: a book started before the pages are set hands its fonts
   * to a subsetter on another thread at once.
   */
  readonly subsetter?: FontSubsetter;
  /**
   * What deflates entries of the zip ahead (zip.ts deflateEntry, the same bytes), called with
   * what the book knows before its fonts are subset; default: the packer deflates them.
   */
  readonly deflater?: (data: readonly Uint8Array[]) => Promise<Uint8Array[]>;
  /** What takes the SHA-256 the book's identifier comes from (the same digest); default: here, `digestHere`. */
  readonly digester?: Digester;
  /**
   * The faces' subsets earlier builds embedded, taken while the face files and the characters
   * are the same; those this book makes are added (known-book-fonts.ts). Default: every face is
   * subset.
   */
  readonly knownFonts?: KnownBookFonts;
  /** The cover an earlier build drew of the same text and face files (known-cover.ts); default: drawn. */
  readonly knownCover?: KnownCovers;
}

/** Folder of the publication inside the container. */
const ROOT = 'EPUB';
/** The cover page (first in the spine) and its image. */
const COVER_PAGE = 'cover.xhtml';
const COVER_IMAGE = 'cover.svg';

const CONTAINER_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n' +
  '  <rootfiles>\n' +
  `    <rootfile full-path="${ROOT}/package.opf" media-type="application/oebps-package+xml"/>\n` +
  '  </rootfiles>\n' +
  '</container>\n';

/** The cover image: as an earlier build drew it, when `known` has it, else drawn now (and kept). */
function coverOf(text: CoverText, fonts: FontBook, known: KnownCovers | undefined): string {
  const kept = known?.coverOf(text, fonts);
  if (kept !== undefined) return kept;
  const svg = renderCoverSvg(text, fonts);
  known?.keep(text, fonts, svg);
  return svg;
}

/**
 * Build the EPUB of an edition and return it as a Buffer (nothing is written to disk).
 * Throws ContentError when the edition has no articles or an image/font cannot be used.
 */
export async function writeEpub(edition: Edition, fonts: FontBook, options: EpubOptions): Promise<Buffer> {
  const normalize = options.normalize ?? ((text: string) => text);
  const embedFonts = options.embedFonts ?? true;
  const lang = edition.language || 'zh-Hans';
  const firstPage = edition.pages.find((p) => p.articles.length > 0);
  if (!firstPage) throw new ContentError(`EPUB: edition "${edition.slug}" has no articles`);

  const plan = planEdition(edition, normalize);
  const images = loadImages(plan.images);
  const imageFile = new Map(plan.images.map((p, i) => [p.src, images[i].file]));

  const vertical = edition.typography.writingMode === 'vertical';
  const collector = new GlyphCollector(fonts);
  const glyphs = embedFonts ? collector.sink : ignoreGlyphs;
  const chapters = plan.chapters.map((ch) => ({
    file: ch.file,
    xhtml: renderChapter(ch.article, {
      lang,
      title: ch.title,
      normalize,
      glyphs,
      vertical,
      imageHref: (fig) => imageFile.get(fig.src)!,
      ...(ch.pageStart ? { pageStart: ch.page.number } : {}),
      ...(ch.pageStart && ch.page.front ? { masthead: mastheadHtml(ch.page, edition, normalize, glyphs) } : {}),
    }),
  }));
  const paper = normalize(firstPage.paper).trim() || normalize(edition.title);
  const coverText: CoverText = {
    paper,
    date: /^\d{4}-\d{2}-\d{2}$/.test(firstPage.date) ? headerDate(firstPage.date) : firstPage.date,
    page: pageLabel(firstPage, normalize) || folio(firstPage.number),
    headline: plan.chapters[0].title,
    lang,
  };
  // The cover is drawn as outlines: it needs no font, so nothing is recorded for the subsets.
  const coverSvg = coverOf(coverText, fonts, options.knownCover);
  const coverPage = renderCoverPage(coverText, COVER_IMAGE);
  const nav = renderNav(plan.chapters, { lang, normalize, glyphs, cover: COVER_PAGE });
  // The faces are asked for first: a font thread starts compiling HarfBuzz at the ask (off its
  // own thread) and deflates the entries asked for next meanwhile.
  const subsets: Promise<EmbeddedFont[]> = embedFonts ? subsetFaces(collector.faceTexts(), options.subsetter ?? subsetHere(options.harfbuzz), options.knownFonts) : Promise.resolve([]);
  subsets.catch(() => undefined);
  // What is known now goes into the zip as it is: deflated ahead where a deflater is given
  // (on the font thread, while the pages are set), before the fonts are waited for.
  const early: { readonly path: string; readonly data: string | Uint8Array }[] = [
    { path: `${ROOT}/nav.xhtml`, data: nav },
    { path: `${ROOT}/${COVER_PAGE}`, data: coverPage },
    { path: `${ROOT}/${COVER_IMAGE}`, data: coverSvg },
    ...chapters.map((c) => ({ path: `${ROOT}/${c.file}`, data: c.xhtml })),
    ...images.map((im) => ({ path: `${ROOT}/${im.file}`, data: im.data })),
  ];
  const deflatedEarly = options.deflater?.(early.map((e) => entryBytes(e.data)));
  deflatedEarly?.catch(() => undefined);
  // The identifier covers what the reader reads (chapters, nav, images), not fonts or dates.
  const digest = (options.digester ?? digestHere)(
    identifierParts(edition.slug, [...chapters.map((c) => ({ name: c.file, data: c.xhtml })), { name: 'nav.xhtml', data: nav }, ...images.map((im) => ({ name: im.file, data: im.data }))]),
  );
  digest.catch(() => undefined);
  const embedded: EmbeddedFont[] = await subsets;
  const css = buildCss(fonts, embedded, { vertical, autospace: edition.typography.autospace }) + MASTHEAD_CSS + colourCss(edition);

  const identifier = identifierOf(await digest);
  const manifest: ManifestItem[] = [
    { id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'css', href: 'style.css', mediaType: 'text/css' },
    { id: 'cover', href: COVER_PAGE, mediaType: 'application/xhtml+xml' },
    { id: 'cover-image', href: COVER_IMAGE, mediaType: 'image/svg+xml', properties: 'cover-image' },
    ...chapters.map((c, i) => ({ id: `ch${i + 1}`, href: c.file, mediaType: 'application/xhtml+xml' })),
    ...images.map((im, i) => ({ id: `img${i + 1}`, href: im.file, mediaType: im.mediaType })),
    ...embedded.map((f, i) => ({ id: `font${i + 1}`, href: f.file, mediaType: f.mediaType })),
  ];
  const opf = buildPackage(
    {
      identifier,
      title: normalize(edition.title),
      language: lang,
      publisher: paper,
      description: describe(edition, paper, normalize),
      date: firstPage.date,
      modified: options.modified,
      printSource: `${paper} ${firstPage.date}`,
      extra: accessibilityMetadata(accessibilityFacts(edition, plan.chapters.some((c) => c.pageStart))),
    },
    manifest,
    ['cover', ...chapters.map((_, i) => `ch${i + 1}`)],
    { rtl: vertical },
  );

  const ahead = deflatedEarly ? await deflatedEarly : undefined;
  const entries: ZipEntry[] = [
    { path: 'META-INF/container.xml', data: CONTAINER_XML },
    { path: `${ROOT}/package.opf`, data: opf },
    { path: `${ROOT}/style.css`, data: css },
    ...early.map((e, i) => (ahead ? { ...e, deflated: ahead[i] } : e)),
    ...embedded.map((f) => ({ path: `${ROOT}/${f.file}`, data: f.data, ...(f.deflated ? { deflated: f.deflated } : {}) })),
  ];
  return packEpub(entries, options.modified);
}

/** `人民日报 2024年11月24日 第11版` (several pages: `第1—4、8版`). Never empty: epubcheck rejects an empty description. */
function describe(edition: Edition, paper: string, normalize: (text: string) => string): string {
  const pages = edition.pages.filter((p) => p.articles.length > 0);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(pages[0].date);
  const date = m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : pages[0].date;
  const numbers = `第${ranges(pages.map((p) => p.number))}版`;
  return [paper, date, numbers].filter(Boolean).join(' ') || normalize(edition.title);
}

/** `[1,2,3,4,8]` → `1—4、8`. */
function ranges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}—${sorted[j]}` : sorted.slice(i, j + 1).join('、'));
    i = j + 1;
  }
  return parts.join('、');
}
