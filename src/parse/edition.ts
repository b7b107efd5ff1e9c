/**
 * An edition folder → Edition: `edition.yml` (optional) and every page file, in page order,
 * with the checks that span pages (jumps, duplicate ids, duplicate page numbers).
 */
import type { PageCache } from './page-cache.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readSourceText } from './source-text.js';
import { COLUMN_CHARS, describeEditionIssue, EDITION_SCHEMA, GUTTER_CHARS, LEADING } from './edition-schema.js';
import { basename, dirname, join, resolve } from 'node:path';
import { ContentError } from '../model/errors.js';
import { DEFAULT_PRINT, type Edition, type Masthead, type Page, type PrintSettings, type SourcePos } from '../model/document.js';
import { columnCharsThatFit } from '../model/page-size.js';
import { DEFAULT_STYLE, DEFAULT_TYPOGRAPHY, HAO, TYPOGRAPHY_CHOICES, type Typography } from '../model/style.js';
import { applyStyle, parseSize, SIZED_ELEMENTS, type SizedElement, type StyleOverrides } from '../model/style-overrides.js';
import { fail } from './fail.js';
import { checkEarsStay } from './front-fields.js';
import { ImageChecks } from './image-check.js';
import { recheckFigure } from './figure.js';
import { figuresOf, KnownPages } from './known-pages.js';
import { checkPageColours, markFrontPages, readMasthead, readPalette } from './house-colours.js';
import { makePalette, type Palette } from '../model/colour.js';
import { parsePageDetailed } from './page.js';
import { readPrint } from './print-settings.js';
import type { ParsedPage } from './page.js';
import { YamlFields } from './yaml-fields.js';

interface EditionSettings {
  slug?: string;
  title?: string;
  language?: string;
  typography: Typography;
  print: PrintSettings;
  style?: StyleOverrides;
  /** Where `style:` is, for errors about it found once the pages are read. */
  stylePos?: SourcePos;
  palette: Palette;
  masthead?: Masthead;
}

/** The longest slug in bytes (file systems allow 255 bytes a name; the build adds `.proof.pdf.part-<pid>`). */
const MAX_SLUG_BYTES = 200;

/** `style:` in edition.yml: sizes in 号 or points, the column grid, the body leading. */
function readStyle(fields: YamlFields): StyleOverrides | undefined {
  const value = fields.value('style');
  if (value === undefined || value === null) return undefined;
  const pos = fields.pos('style');
  const hint = `write e.g. style: { body: 小五, headline: 小初, columnChars: 13, leading: 1.5 }; sizes in 号 (${Object.keys(HAO).join(' ')}) or points (9pt); elements: ${SIZED_ELEMENTS.join(', ')}`;
  if (typeof value !== 'object' || Array.isArray(value)) fail(pos, 'style must be a list of `key: value` lines', hint);
  const sizes: Partial<Record<SizedElement, number>> = {};
  let columnChars: number | undefined;
  let gutterChars: number | undefined;
  let leading: number | undefined;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if ((SIZED_ELEMENTS as readonly string[]).includes(key)) {
      const size = parseSize(v);
      if (size === undefined) fail(pos, `style ${key}: "${String(v)}" is not a size`, hint);
      sizes[key as SizedElement] = size;
    } else if (key === 'columnChars') {
      if (!Number.isInteger(v) || (v as number) < COLUMN_CHARS.min || (v as number) > COLUMN_CHARS.max) fail(pos, `style columnChars must be a whole number from ${COLUMN_CHARS.min} to ${COLUMN_CHARS.max}`, hint);
      columnChars = v as number;
    } else if (key === 'gutterChars') {
      if (typeof v !== 'number' || v < GUTTER_CHARS.min || v > GUTTER_CHARS.max) fail(pos, `style gutterChars must be a number of characters from ${GUTTER_CHARS.min} to ${GUTTER_CHARS.max}`, hint);
      gutterChars = v;
    } else if (key === 'leading') {
      if (typeof v !== 'number' || v < LEADING.min || v > LEADING.max) fail(pos, `style leading must be a multiple of the body size from ${LEADING.min} to ${LEADING.max}`, hint);
      leading = v;
    } else fail(pos, `unknown style setting "${key}"`, hint);
  }
  return { sizes, columnChars, gutterChars, leading };
}
/** `typography:` in edition.yml: each key one of its known values. */
function readTypography(fields: YamlFields): Typography {
  const value = fields.value('typography');
  if (value === undefined || value === null) return DEFAULT_TYPOGRAPHY;
  const pos = fields.pos('typography');
  const keys = Object.keys(TYPOGRAPHY_CHOICES) as (keyof Typography)[];
  const describe = keys.map((k) => `${k}: ${TYPOGRAPHY_CHOICES[k].join(' | ')}`).join('; ');
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail(pos, 'typography must be a list of `key: value` lines', describe);
  }
  const out: Record<string, unknown> = { ...DEFAULT_TYPOGRAPHY };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!keys.includes(key as keyof Typography)) fail(pos, `unknown typography setting "${key}"`, describe);
    const choices = TYPOGRAPHY_CHOICES[key as keyof Typography] as readonly unknown[];
    if (!choices.includes(v)) fail(pos, `typography ${key} cannot be ${JSON.stringify(v)}`, `${key}: ${choices.join(' | ')}`);
    out[key] = v;
  }
  return out as unknown as Typography;
}

function readSettings(file: string, images: ImageChecks): EditionSettings {
  if (!existsSync(file)) return { typography: DEFAULT_TYPOGRAPHY, print: DEFAULT_PRINT, palette: makePalette() };
  const fields = YamlFields.parse(readSourceText(file), file, 1, 'edition.yml');
  fields.conform(EDITION_SCHEMA, describeEditionIssue);
  const slug = fields.string('slug', false, 'slug: is the output file stem, e.g. slug: renmin-ribao-dangjian');
  // A file name: no path separator, not hidden, no control character, and short enough that
  // `<slug>.proof.pdf.part-<pid>` stays under the 255 bytes file systems allow for a name.
  if (slug !== undefined && Buffer.byteLength(slug) > MAX_SLUG_BYTES) {
    fail(fields.pos('slug'), `slug is ${Buffer.byteLength(slug)} bytes long, more than the ${MAX_SLUG_BYTES} a file name can take here`, 'use a short name, e.g. slug: renmin-ribao-dangjian');
  }
  if (slug !== undefined && (/[\\/]/.test(slug) || slug.startsWith('.') || /[\u0000-\u001f]/.test(slug))) {
    fail(fields.pos('slug'), `slug "${slug}" cannot be a file name`, 'write a plain name without / or \\, e.g. slug: renmin-ribao-dangjian');
  }
  const title = fields.string('title', false, 'title: is the edition title, e.g. title: 人民日报·党建');
  const language = fields.string('language', false, 'language: is a BCP 47 tag, e.g. language: zh-Hans');
  if (language !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) {
    fail(fields.pos('language'), `language "${language}" is not a BCP 47 tag`, 'write e.g. zh-Hans, zh-Hant or en');
  }
  const palette = readPalette(fields);
  const masthead = readMasthead(fields, dirname(file), palette, images);
  return { slug, title, language, typography: readTypography(fields), print: readPrint(fields, dirname(file)), style: readStyle(fields), stylePos: fields.pos('style'), palette, ...(masthead ? { masthead } : {}) };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link, such as an editor's lock file
  }
}

/** Page files of the folder: `*.md` except README.md and hidden files, in name order. */
export function pageFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md' && !name.startsWith('.'))
    .filter((name) => isFile(join(dir, name)))
    .sort();
}

/** Checks across pages: page numbers, article ids, and jumps in `areas`. */
function checkAcrossPages(parsed: readonly ParsedPage[]): void {
  const numbers = new Map<number, SourcePos>();
  const articles = new Map<string, SourcePos>();
  const bandHeads = new Set<string>();
  for (const { page, bands } of parsed) {
    const other = numbers.get(page.number);
    if (other) fail(page.source, `page ${page.number} is also ${other.file}`, 'give each page file its own page number');
    numbers.set(page.number, page.source);
    const own = new Set<string>();
    for (const article of page.articles) {
      const first = articles.get(article.id);
      if (first) {
        fail(article.source, `article "${article.id}" is already an article of ${first.file}:${first.line}`, `to go on with "${article.id}" on this page (a jump), place "${article.id}" in areas only, without a second ::: article ${article.id}; otherwise give this article another id`);
      }
      own.add(article.id);
    }
    // On a page with areas: auto, its `continued:` list names the jumps as areas would.
    const named = page.auto ? [page.auto.continued] : page.areas;
    named.forEach((band, index) => {
      for (const id of band) {
        if (bandHeads.has(id) && !own.has(id)) {
          fail(bands[index], `"${id}" in areas is the band head of an earlier page`, 'a band head stands over its stories on its own page and does not go on (jump): leave it out of this page\'s areas');
        }
        if (id === '.' || own.has(id) || articles.has(id)) continue;
        const ids = page.articles.map((article) => article.id).join(', ') || 'none';
        fail(bands[index], `"${id}" in areas is not an article of this page or of an earlier page`, `write ::: article ${id} on this page, or fix the id (articles of this page: ${ids}); a jump goes on with an article of an earlier page`);
      }
    });
    for (const article of page.articles) {
      articles.set(article.id, article.source);
      if (article.kind === 'band-head') bandHeads.add(article.id);
    }
  }
}

/** A column width asked for in `style:` that a page's grid cannot hold is refused, never narrowed silently. */
function checkColumnChars(style: StyleOverrides, pages: readonly Page[], pos: SourcePos): void {
  const house = applyStyle(DEFAULT_STYLE, style);
  for (const page of pages) {
    const fit = columnCharsThatFit(page.size, page.columns, house.body.size, house.gutterChars);
    if (house.columnChars > fit) {
      fail(pos, `style columnChars: ${house.columnChars} does not fit page ${page.number}: ${page.columns} columns of ${house.body.size} pt characters hold at most ${fit} each there`, `give columnChars: ${Math.max(1, fit)} or fewer, fewer columns, or a wider page (${page.source.file})`);
    }
  }
}

/**
 * Read an edition folder: `edition.yml` and every page file (`*.md`, README.md ignored). The
 * pages parsed before are taken from `cache` (this process's last build), else from `known`
 * (what earlier builds kept: known-pages.ts); the images are checked by `images` (which may
 * check a JPEG's data elsewhere and report it when settled: image-check.ts).
 */
export function parseEdition(dir: string, cache?: PageCache, images: ImageChecks = new ImageChecks(), known: KnownPages = KnownPages.none()): Edition {
  const absolute = resolve(dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new ContentError(`edition folder ${dir} not found`, undefined, 'give the folder that holds the page files (*.md)');
  }
  // The images of this edition (`images`), each checked once however many times it is used.
  const settings = readSettings(join(dir, 'edition.yml'), images);
  const files = pageFiles(absolute);
  if (files.length === 0) {
    throw new ContentError(`no page files (*.md) in ${dir}`, undefined, 'an edition is a folder of page files such as 11.md, each starting with front matter');
  }
  const parsed = files
    .map((name) => {
      const file = join(dir, name);
      const source = readSourceText(file);
      const parse = (): ParsedPage => parsePageDetailed(source, file, absolute, images);
      const kept = (): ParsedPage =>
        known.page(file, source, parse, (page) => {
          for (const figure of figuresOf(page)) recheckFigure(figure, absolute, images);
        });
      return cache ? cache.page(file, source, kept) : kept();
    })
    .sort((a, b) => a.page.number - b.page.number);
  const current = new Set(files.map((name) => join(dir, name)));
  cache?.keepOnly(current);
  known.keepOnly(current);
  checkAcrossPages(parsed);
  if (settings.slug === undefined && Buffer.byteLength(basename(absolute)) > MAX_SLUG_BYTES) {
    throw new ContentError(`the folder name ${basename(absolute).slice(0, 40)}… is ${Buffer.byteLength(basename(absolute))} bytes, too long to name the output files`, undefined, `give a short name in edition.yml: slug: renmin-ribao-dangjian (at most ${MAX_SLUG_BYTES} bytes)`);
  }
  const pages: Page[] = markFrontPages(
    parsed.map((entry) => entry.page),
    settings.masthead,
  );
  checkPageColours(pages, settings.palette);
  checkEarsStay(pages);
  if (settings.style?.columnChars !== undefined) checkColumnChars(settings.style, pages, settings.stylePos!);
  const first = pages[0];
  return {
    slug: settings.slug ?? basename(absolute),
    title: settings.title ?? `${first.paper}·${first.section}`,
    language: settings.language ?? 'zh-Hans',
    dir: absolute,
    pages,
    typography: settings.typography,
    print: settings.print,
    ...(settings.style ? { style: settings.style } : {}),
    palette: settings.palette,
    ...(settings.masthead ? { masthead: settings.masthead } : {}),
  };
}
