/**
 * A photo paragraph → Figure: the file is resolved inside the edition folder, must be a JPEG
 * or a PNG within the size limits and whole (image-check.ts), and its pixel size is read now.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Token } from 'markdown-it';
import type { Figure, FigureHeight, FigurePlace, SourcePos } from '../model/document.js';
import { fail } from './fail.js';
import { ImageChecks } from './image-check.js';
import { toInlines, tokensText } from './inlines.js';
import { tokenizeInline } from './markdown.js';

const IMAGE_SYNTAX = '![说明](images/photo.jpg "图说") {cols=3}';

/** Whether `child` lies inside folder `dir` (both absolute). */
function inside(dir: string, child: string): boolean {
  const rel = relative(dir, child);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** Resolve `href` inside the edition folder, or fail. */
export function resolveImage(href: string, editionDir: string, pos: SourcePos): string {
  const inEdition = 'images are read only from inside the edition folder: put the file there and write a relative path such as images/photo.jpg';
  if (href.trim() === '') fail(pos, 'the photo has no file path', `write ${IMAGE_SYNTAX}`);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(href) && !/^[A-Za-z]:[\\/]/.test(href)) {
    fail(pos, `image ${href} is an address, not a file in the edition folder`, inEdition);
  }
  if (isAbsolute(href) || href.startsWith('/') || href.startsWith('\\')) {
    fail(pos, `image ${href} is an absolute path`, inEdition);
  }
  const dir = resolve(editionDir);
  const src = resolve(dir, href);
  if (!inside(dir, src)) fail(pos, `image ${href} is outside the edition folder`, inEdition);
  let isFile = false;
  try {
    isFile = statSync(src).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) fail(pos, `image ${href} not found (looked for ${src})`, 'check the file name and its folder; paths are relative to the edition folder');
  // A symbolic link must not lead out of the folder either. (The C library's realpath: Node's own
  // looks at each folder of the path in turn, some 0.2 ms a photo.)
  if (!inside(realpathSync.native(dir), realpathSync.native(src))) fail(pos, `image ${href} links to a file outside the edition folder`, inEdition);
  return src;
}

/**
 * A figure an earlier build's parse made (known-pages.ts) looked at again as `toFigure` looks at
 * its file: inside the edition folder, an image within the limits and whole, or the same error.
 */
export function recheckFigure(figure: Figure, editionDir: string, images: ImageChecks): void {
  images.check(resolveImage(figure.href, editionDir, figure.source), figure.href, figure.source);
}

/**
 * Build the Figure of a photo paragraph. `image` is the image token; `paragraphAttrs` the
 * attributes of its paragraph (`{cols=3}` after a space lands there).
 */
export function toFigure(
  image: Token,
  paragraphAttrs: readonly [string, string][],
  editionDir: string,
  columns: number,
  pos: SourcePos,
  images: ImageChecks,
): Figure {
  let cols: string | undefined;
  let place: FigurePlace | undefined;
  let crop: boolean | undefined;
  let depth: FigureHeight | undefined;
  const only = `a photo takes {cols=N}, its width in basic columns, {height=N} (grid lines) or {height=Nmm}, {place=top}, {place=bottom} or {place=above} (above the headline), and {crop=yes} or {crop=no}: ${IMAGE_SYNTAX}`;
  for (const [key, value] of [...(image.attrs ?? []), ...paragraphAttrs]) {
    if (key === 'src' || key === 'alt' || key === 'title') continue;
    if (key === 'cols') cols = value;
    else if (key === 'place') {
      if (value !== 'top' && value !== 'bottom' && value !== 'above') fail(pos, `{place=${value}} is not top, bottom or above`, only);
      place = value;
    } else if (key === 'height') {
      depth = figureHeight(value, pos, only);
    } else if (key === 'crop') {
      if (value !== 'yes' && value !== 'no') fail(pos, `{crop=${value}} is not yes or no`, only);
      crop = value === 'yes';
    } else {
      const written = key === 'class' ? `.${value}` : `${key}=${value}`;
      fail(pos, `unknown attribute {${written}} on a photo`, only);
    }
  }
  let colCount: number | undefined;
  if (cols !== undefined) {
    colCount = /^\d+$/.test(cols) ? Number(cols) : NaN;
    if (!(colCount >= 1 && colCount <= columns)) {
      fail(pos, `{cols=${cols}} is not a width between 1 and ${columns} columns`, 'cols is the photo width in basic columns of the page grid');
    }
  }
  const href = image.attrGet('src') ?? '';
  const src = resolveImage(href, editionDir, pos);
  const { kind, width, height } = images.check(src, href, pos);
  const title = image.attrGet('title') ?? '';
  const figure: Figure = {
    kind: 'figure',
    src,
    href,
    alt: tokensText(image.children ?? []),
    caption: title === '' ? [] : toInlines(tokenizeInline(title), pos),
    // A PNG is most often a graphic (a chart, a map): shown whole unless the page says otherwise.
    crop: crop ?? kind !== 'png',
    pixelWidth: width,
    pixelHeight: height,
    source: pos,
  };
  return { ...figure, ...(colCount === undefined ? {} : { cols: colCount }), ...(place === undefined ? {} : { place }), ...(depth === undefined ? {} : { height: depth }) };
}

/** Depths a photo may ask for: at least one grid line, at most a broadsheet's type area. */
const MAX_HEIGHT_LINES = 200;
const MAX_HEIGHT_MM = 500;

/** `{height=12}` (grid lines) or `{height=40mm}`. */
function figureHeight(value: string, pos: SourcePos, only: string): FigureHeight {
  const m = /^(\d+(?:\.\d+)?)(mm)?$/.exec(value);
  const n = m ? Number(m[1]) : NaN;
  if (m?.[2] === 'mm' && n >= 1 && n <= MAX_HEIGHT_MM) return { unit: 'mm', value: n };
  if (m && !m[2] && Number.isInteger(n) && n >= 1 && n <= MAX_HEIGHT_LINES) return { unit: 'lines', value: n };
  return fail(pos, `{height=${value}} is not a depth of 1 to ${MAX_HEIGHT_LINES} grid lines or 1 to ${MAX_HEIGHT_MM} mm`, only);
}
