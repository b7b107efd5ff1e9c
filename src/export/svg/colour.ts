import { screenRgb, type Colour } from '../../render/index.js';

const CHANNEL_MAX = 255;

/** A mark's colour as CSS `rgb()` (a screen has no plates: overprint and pure K do not apply). */
export function cssColour(colour: Colour): string {
  const [r, g, b] = screenRgb(colour).map((v) => Math.round(v * CHANNEL_MAX));
  return `rgb(${r},${g},${b})`;
}
