/**
 * Photos printed at a resolution the press can hold: pixels per inch at the placed size. A photo
 * cropped to its frame is scaled to cover it, so its resolution is the smaller of the two ratios.
 */
import type { PlacedImage } from '../compose/index.js';
import { finding } from './finding.js';
import type { Finding } from './types.js';
import { quote, type EditionView } from './view.js';

/** Points per inch. */
const PT_PER_INCH = 72;
/** Below this a halftone shows its pixels: a warning (newspaper halftones want about 2× their 85 lpi screen). */
export const LOW_PPI = 150;
/** Below this the photo is visibly soft: a warning that `--strict` makes an error, like every warning. */
export const TOO_LOW_PPI = 100;

/** Resolution of an image at its placed size, in pixels per inch. */
export function placedPpi(image: Pick<PlacedImage, 'width' | 'height' | 'pixelWidth' | 'pixelHeight'>): number {
  return PT_PER_INCH * Math.min(image.pixelWidth / image.width, image.pixelHeight / image.height);
}

export function auditImages(view: EditionView): { findings: Finding[]; images: number } {
  const findings: Finding[] = [];
  let images = 0;
  for (const page of view.pages) {
    for (const e of page.page.elements) {
      if (e.kind !== 'image') continue;
      images++;
      const ppi = placedPpi(e);
      if (ppi >= LOW_PPI) continue;
      const name = e.alt ? quote(e.alt) : e.src;
      const size = `${e.pixelWidth} × ${e.pixelHeight} pixels over ${(e.width / PT_PER_INCH).toFixed(2)} × ${(e.height / PT_PER_INCH).toFixed(2)} in`;
      const message =
        ppi < TOO_LOW_PPI
          ? `the photo ${name} prints at ${Math.round(ppi)} ppi (${size}), below ${TOO_LOW_PPI} ppi: it will look soft`
          : `the photo ${name} prints at ${Math.round(ppi)} ppi (${size}), below the ${LOW_PPI} ppi a newspaper halftone wants`;
      findings.push(finding(view, page, 'low-resolution', 'warning', { article: e.tag.article, origin: e.origin, at: e }, message, `use an original of at least ${Math.ceil((LOW_PPI * e.width) / PT_PER_INCH)} × ${Math.ceil((LOW_PPI * e.height) / PT_PER_INCH)} pixels, or print it smaller ({cols=N})`));
    }
  }
  return { findings, images };
}
