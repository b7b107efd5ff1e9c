import type { Colour } from './draw-op.js';

/**
 * A mark's colour on a screen, as red, green and blue (0–1): a grey level as it is, a CMYK
 * colour by the naive (uncalibrated) conversion every viewer uses for DeviceCMYK without a
 * profile. The PDF for screens (`--colour rgb`) and the SVG pages both draw with it.
 */
export function screenRgb(colour: Colour): readonly [number, number, number] {
  if (colour.space === 'gray') return [colour.value, colour.value, colour.value];
  const { c, m, y, k } = colour;
  return [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)];
}
