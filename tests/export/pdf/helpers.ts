/** Shared fixtures for the PDF exporter tests: hand-built DrawOps and poppler/qpdf/mutool runners. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import type { FontBook } from '../../../src/fonts/index.js';
import type { Colour, DrawOp, MarkTag, PageBoxes, PlacedGlyph, RenderedPage } from '../../../src/render/draw-op.js';
import { placedGlyphs } from '../../../src/render/placed-glyphs.js';

export const BLACK: Colour = { space: 'gray', value: 0 };

/** Glyphs for `text` in `faceKey`, one per code point, at the given x offsets. */
export function placeGlyphs(fonts: FontBook, faceKey: string, text: string, dxs: readonly number[]): PlacedGlyph[] {
  const face = fonts.face(faceKey);
  return Array.from(text).map((ch, i) => {
    const glyph = fonts.glyph(face, ch.codePointAt(0)!);
    if (!glyph) throw new Error(`face ${faceKey} has no glyph for ${ch}`);
    return { id: glyph.id, dx: dxs[i], text: ch };
  });
}

/** A glyph run of `text` with glyph i at `pitch × i` (a solid CJK run when pitch = size). */
export function run(
  fonts: FontBook,
  opts: { face: string; text: string; size: number; x: number; y: number; pitch?: number; tag?: MarkTag; colour?: Colour },
): Extract<DrawOp, { op: 'glyphs' }> {
  const pitch = opts.pitch ?? opts.size;
  const dxs = Array.from(opts.text, (_, i) => pitch * i);
  return {
    op: 'glyphs',
    face: opts.face,
    size: opts.size,
    x: opts.x,
    y: opts.y,
    glyphs: placedGlyphs(placeGlyphs(fonts, opts.face, opts.text, dxs)),
    colour: opts.colour ?? BLACK,
    tag: opts.tag ?? { article: 'a1', role: 'P' },
  };
}

/** What a rendered page is besides its marks; the outline (bookmarks under the page) is empty unless given. */
export interface PageFields {
  readonly width: number;
  readonly height: number;
  readonly number: number;
  readonly label: string;
  readonly boxes?: PageBoxes;
  readonly outline?: RenderedPage['outline'];
}

/** A RenderedPage as the render stage makes one, every field filled in: the exporter tests feed marks directly. */
export function renderedPage(fields: PageFields, ops: readonly DrawOp[]): RenderedPage {
  const { outline = [], ...rest } = fields;
  return { ...rest, ops, outline };
}

export type ImageOp = Extract<DrawOp, { op: 'image' }>;

/**
 * An image mark: `src` in the rectangle, tagged. `fit: 'fill'` (the default) scales it into the
 * rectangle, as for a graphic or a photo the layout did not crop; `cover` crops it to fill it.
 */
export function image(
  src: string,
  rect: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  opts: { readonly alt: string; readonly tag: MarkTag; readonly fit?: ImageOp['fit'] },
): ImageOp {
  return { op: 'image', src, ...rect, alt: opts.alt, fit: opts.fit ?? 'fill', tag: opts.tag };
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-pdf-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a `width` × `height` baseline JPEG of one flat RGB colour and returns its path. */
export function makeJpeg(dir: string, name: string, width: number, height: number, rgb: [number, number, number]): string {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  const file = join(dir, name);
  writeFileSync(file, jpeg.encode({ data, width, height }, 95).data);
  return file;
}

/** Runs a command and returns its stdout; throws with stderr if it fails. */
export function tool(cmd: string, args: readonly string[]): string {
  const res = spawnSync(cmd, args, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${res.status}: ${res.stderr}${res.stdout}`);
  return res.stdout;
}

/** Saves `pdf` into `dir` under `name` and returns the path. */
export function save(dir: string, name: string, pdf: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

/** A character as mutool's structured text reports it: origin and character, top-down points. */
export interface StextChar {
  readonly x: number;
  readonly y: number;
  readonly c: string;
  readonly font: string;
  readonly size: number;
  readonly color: string;
}

/** Every character of page `page` (1-based) with its origin, via `mutool draw -F stext`. */
export function stextChars(file: string, page = 1): StextChar[] {
  const xml = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', file, String(page)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const chars: StextChar[] = [];
  let font = '';
  let size = 0;
  for (const m of xml.matchAll(/<font name="([^"]*)" size="([^"]*)"|<char [^>]*\bx="([^"]*)" y="([^"]*)" color="([^"]*)" c="([^"]*)"/g)) {
    if (m[1] !== undefined) {
      font = m[1];
      size = Number(m[2]);
    } else {
      chars.push({ x: Number(m[3]), y: Number(m[4]), color: m[5], c: decodeXml(m[6]), font, size });
    }
  }
  return chars;
}

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Renders page 1 at 72 dpi (1 px = 1 pt) with pdftoppm and returns an RGB pixel reader. */
export function renderPage(file: string, dir: string): { width: number; height: number; rgb(x: number, y: number): [number, number, number] } {
  const prefix = join(dir, 'render');
  tool('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // Binary PPM: "P6\n<w> <h>\n<max>\n" then RGB bytes.
  const header = ppm.subarray(0, 64).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error('pdftoppm did not write a binary PPM');
  const [width, height, offset] = [Number(m[1]), Number(m[2]), m[0].length];
  return {
    width,
    height,
    rgb(x, y) {
      const i = offset + (Math.floor(y) * width + Math.floor(x)) * 3;
      return [ppm[i], ppm[i + 1], ppm[i + 2]];
    },
  };
}
