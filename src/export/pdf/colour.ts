import type { Colour } from '../../render/draw-op.js';
import { pdfNumber } from './pdf-number.js';

/**
 * Colour-setting operators for a DrawOp colour.
 *
 * Written as raw operators rather than through pdfkit's `fillColor()`: pdfkit has no DeviceGray
 * (a grey becomes DeviceRGB, and RGB black turns into four-colour "rich" black on a press),
 * and it round-trips CMYK through 0–100 with float noise. Grey → DeviceGray (`g`/`G`),
 * CMYK → DeviceCMYK (`k`/`K`), exactly the values the op gives.
 */
export function colourOperator(colour: Colour, stroke: boolean): string {
  if (colour.space === 'gray') {
    return `${channel(colour.value)} ${stroke ? 'G' : 'g'}`;
  }
  const { c, m, y, k } = colour;
  return `${[c, m, y, k].map(channel).join(' ')} ${stroke ? 'K' : 'k'}`;
}

/** A colour channel (0–1). Out-of-range values are a bug upstream, not something to clamp silently. */
function channel(v: number): string {
  if (!(v >= 0 && v <= 1)) throw new Error(`colour channel ${v} is outside 0–1`);
  return pdfNumber(v);
}
