/**
 * A photo paragraph → Figure: the file is resolved inside the edition folder, must be a JPEG,
 * and its pixel size is read now.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { imageSize } from 'image-size';
import type { Token } from 'markdown-it';
import type { Figure, FigureHeight, FigurePlace, SourcePos } from '../model/document.js';
import { fail } from './fail.js';
import { toInlines, tokensText } from './inlines.js';
import { tokenizeInline } from './markdown.js';

const IMAGE_SYNTAX = '![说明](images/photo.jpg "图说") {cols=3}';

/** Whether `child` lies inside folder `dir` (both absolute). */
function inside(dir: string, child: string): boolean {
  const rel = relative(dir, child);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** Resolve `href` inside the edition folder, or fail. */
function resolveImage(href: string, editionDir: string, pos: SourcePos): string {
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
  // A symbolic link must not lead out of the folder either.
  if (!inside(realpathSync(dir), realpathSync(src))) fail(pos, `image ${href} links to a file outside the edition folder`, inEdition);
  return src;
}

/** Pixel size of a JPEG (upright: EXIF orientations 5–8 swap width and height) or a PNG. */
function pixelSize(src: string, href: string, pos: SourcePos): { width: number; height: number; png: boolean } {
  const bytes = readFileSync(src);
  const hint = 'photos and graphics are JPEG (.jpg) or PNG (.png): convert the image to one of them and point to that file';
  let detected: { width?: number; height?: number; type?: string; orientation?: number } | undefined;
  try {
    detected = imageSize(bytes);
  } catch {
    detected = undefined;
  }
  const isJpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const isPng = bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
  if (!isJpeg && !isPng) {
    const type = detected?.type ? `a ${detected.type.toUpperCase()} image` : 'not an image banmian can read';
    fail(pos, `image ${href} is ${type}, not a JPEG or PNG`, hint);
  }
  if (!detected?.width || !detected.height) fail(pos, `cannot read the pixel size of image ${href}`, `the file may be damaged; ${hint}`);
  const turned = isJpeg && detected.orientation !== undefined && detected.orientation >= 5;
  return turned ? { width: detected.height, height: detected.width, png: isPng } : { width: detected.width, height: detected.height, png: isPng };
}

/** The eight bytes every PNG file starts with (ISO/IEC 15948 §5.2). */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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
): Figure {
  let cols: string | undefined;
  let place: FigurePlace | undefined;
  let crop: boolean | undefined;
  let depth: FigureHeight | undefined;
  const only = `a photo takes {cols=N}, its width in basic columns, {height=N} (grid lines) or {height=Nmm}, {place=top} or {place=bottom}, and {crop=yes} or {crop=no}: ${IMAGE_SYNTAX}`;
  for (const [key, value] of [...(image.attrs ?? []), ...paragraphAttrs]) {
    if (key === 'src' || key === 'alt' || key === 'title') continue;
    if (key === 'cols') cols = value;
    else if (key === 'place') {
      if (value !== 'top' && value !== 'bottom') fail(pos, `{place=${value}} is not top or bottom`, only);
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
  const { width, height, png } = pixelSize(src, href, pos);
  const title = image.attrGet('title') ?? '';
  const figure: Figure = {
    kind: 'figure',
    src,
    href,
    alt: tokensText(image.children ?? []),
    caption: title === '' ? [] : toInlines(tokenizeInline(title), pos),
    // A PNG is most often a graphic (a chart, a map): shown whole unless the page says otherwise.
    crop: crop ?? !png,
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
