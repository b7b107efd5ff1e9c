/**
 * SVG exporter: each rendered page as one self-contained SVG file, drawing the same DrawOps as
 * the PDF and deciding nothing. Glyphs are their outlines from the embedded faces (outlines.ts),
 * so the page looks in any browser as it prints; an invisible text layer over them keeps the
 * text selectable and searchable. Photos are embedded (images.ts). Colours are the screen's
 * (`--colour rgb`'s conversion); overprint is a press matter and has no place on a screen.
 */
import type { FontBook } from '../../fonts/index.js';
import type { DrawOp, RenderedPage } from '../../render/index.js';
import { withoutBreakControls } from '../../text/ignorable.js';
import { cssColour } from './colour.js';
import { ImageData } from './images.js';
import { GlyphOutlines } from './outlines.js';
import { escapeXml, num } from './xml.js';

/** One page as an SVG file. */
export interface SvgPage {
  /** Page number (版次). */
  readonly number: number;
  readonly svg: string;
}

export interface SvgOptions {
  /** The edition's title, for each page's `<title>` with the page's label. */
  readonly title: string;
  /** BCP 47 language of the text layer. */
  readonly language: string;
}

/** The text layer: transparent, for selection and search only. */
const STYLE = '.t{fill-opacity:0;font-family:sans-serif;white-space:pre}';

/**
 * What SVG pages reuse: glyph outlines (per face and glyph) and photos (per file as it is on
 * disk). One per export, or one per preview session kept from build to build (same fonts).
 */
export class SvgCaches {
  readonly outlines: GlyphOutlines;
  readonly images = new ImageData();

  constructor(readonly fonts: FontBook) {
    this.outlines = new GlyphOutlines(fonts);
  }
}

/** Every page as an SVG document. */
export function writeSvgPages(pages: readonly RenderedPage[], fonts: FontBook, options: SvgOptions, caches: SvgCaches = new SvgCaches(fonts)): SvgPage[] {
  if (caches.fonts !== fonts) throw new Error('writeSvgPages: caches made for other fonts');
  return pages.map((page) => ({ number: page.number, svg: pageSvg(page, caches.outlines, caches.images, options) }));
}

function pageSvg(page: RenderedPage, outlines: GlyphOutlines, images: ImageData, options: SvgOptions): string {
  const defs = new Map<string, string>();
  const marks: string[] = [];
  const text: string[] = [];
  for (const op of page.ops) marks.push(drawOp(op, outlines, images, defs, text));
  const w = num(page.width);
  const h = num(page.height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}" xml:lang="${escapeXml(options.language)}">`,
    `<title>${escapeXml(`${options.title} ${page.label}`)}</title>`,
    `<style>${STYLE}</style>`,
    `<defs>${[...defs].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('')}</defs>`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    ...marks.filter((m) => m !== ''),
    `<g class="t">${text.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

function drawOp(op: DrawOp, outlines: GlyphOutlines, images: ImageData, defs: Map<string, string>, text: string[]): string {
  switch (op.op) {
    case 'glyphs': {
      const scale = op.size / outlines.unitsPerEm(op.face);
      const uses: string[] = [];
      const glyphs = op.glyphs;
      for (let i = 0; i < glyphs.ids.length; i++) {
        const d = outlines.path(op.face, glyphs.ids[i]);
        if (d === '') continue;
        const id = outlines.id(op.face, glyphs.ids[i]);
        defs.set(id, d);
        // Font units are y-up; the page is y-down.
        uses.push(`<use href="#${id}" transform="matrix(${num(scale)} 0 0 ${num(-scale)} ${num(op.x + glyphs.dx[i])} ${num(op.y + (glyphs.dy?.[i] ?? 0))})"/>`);
      }
      text.push(textLayer(op));
      return uses.length === 0 ? '' : `<g fill="${cssColour(op.colour)}">${uses.join('')}</g>`;
    }
    case 'rule':
      return `<line x1="${num(op.x1)}" y1="${num(op.y1)}" x2="${num(op.x2)}" y2="${num(op.y2)}" stroke="${cssColour(op.colour)}" stroke-width="${num(op.width)}"/>`;
    case 'fill':
      return `<rect x="${num(op.x)}" y="${num(op.y)}" width="${num(op.width)}" height="${num(op.height)}" fill="${cssColour(op.colour)}"/>`;
    case 'dot':
      return `<circle cx="${num(op.cx)}" cy="${num(op.cy)}" r="${num(op.r)}" fill="${cssColour(op.colour)}"/>`;
    case 'image': {
      // `cover`: scaled to cover the rectangle, centred and cut at its edges, as the PDF does.
      const aspect = op.fit === 'cover' ? 'xMidYMid slice' : 'none';
      return `<image x="${num(op.x)}" y="${num(op.y)}" width="${num(op.width)}" height="${num(op.height)}" preserveAspectRatio="${aspect}" href="${images.url(op.src)}"><title>${escapeXml(op.alt)}</title></image>`;
    }
    default: {
      const never: never = op;
      throw new Error(`unknown draw op ${JSON.stringify(never)}`);
    }
  }
}

/** A run's text at its glyphs' places: each character at its glyph's origin. */
function textLayer(op: Extract<DrawOp, { op: 'glyphs' }>): string {
  const xs: string[] = [];
  const ys: string[] = [];
  let chars = '';
  const glyphs = op.glyphs;
  for (let i = 0; i < glyphs.ids.length; i++) {
    for (const ch of withoutBreakControls(glyphs.text[i])) {
      xs.push(num(op.x + glyphs.dx[i]));
      ys.push(num(op.y + (glyphs.dy?.[i] ?? 0)));
      chars += ch;
    }
  }
  if (chars === '') return '';
  return `<text x="${xs.join(' ')}" y="${ys.join(' ')}" font-size="${num(op.size)}">${escapeXml(chars)}</text>`;
}
