import type { Colour } from '../../render/draw-op.js';
import { screenRgb } from '../../render/screen-colour.js';
import { pdfNumber } from './pdf-number.js';

/**
 * The colour space marks are written in:
 * - `cmyk` (print, the default): everything in DeviceCMYK. A grey level g becomes K = 1 − g with
 *   no C, M or Y, so black text, rules and dots print as pure K on one plate (no rich black, no
 *   misregistration fringes on small type); CMYK colours are written as given.
 * - `rgb` (screen): greys in DeviceGray, CMYK colours converted naively to DeviceRGB.
 */
export type ColourMode = 'cmyk' | 'rgb';

/**
 * Colour-setting operators for a DrawOp colour.
 *
 * Written as raw operators rather than through pdfkit's `fillColor()`: pdfkit has no DeviceGray
 * (a grey becomes DeviceRGB, and RGB black turns into four-colour "rich" black on a press),
 * and it round-trips CMYK through 0–100 with float noise.
 *
 * Without `mode` the colour is written in its own space: grey → DeviceGray (`g`/`G`), CMYK →
 * DeviceCMYK (`k`/`K`), exactly the values the op gives. With a mode, see ColourMode.
 */
export function colourOperator(colour: Colour, stroke: boolean, mode?: ColourMode): string {
  if (colour.space === 'gray') {
    const value = channel(colour.value);
    if (mode === 'cmyk') return `0 0 0 ${pdfNumber(1 - colour.value)} ${stroke ? 'K' : 'k'}`;
    return `${value} ${stroke ? 'G' : 'g'}`;
  }
  const { c, m, y, k } = colour;
  // Every channel checked within 0–1, whichever space is written.
  const channels = [c, m, y, k].map(channel);
  if (mode === 'rgb') {
    return `${screenRgb(colour).map(pdfNumber).join(' ')} ${stroke ? 'RG' : 'rg'}`;
  }
  return `${channels.join(' ')} ${stroke ? 'K' : 'k'}`;
}

/** A colour channel (0–1). Out-of-range values are a bug upstream, not something to clamp silently. */
function channel(v: number): string {
  if (!(v >= 0 && v <= 1)) throw new Error(`colour channel ${v} is outside 0–1`);
  return pdfNumber(v);
}
