/**
 * House colours (专色 as process colours): named CMYK colours of an edition (`colours:` in
 * edition.yml), tints of them (底纹: 10% of black, 15% of red), and what they print as. Colour
 * lives here and in the layout; exporters write what they are given.
 */

/** A process colour, each channel 0–1 (100% = 1). */
export interface ProcessColour {
  readonly space: 'cmyk';
  readonly c: number;
  readonly m: number;
  readonly y: number;
  readonly k: number;
}

/** A use of a house colour: its name and the share of it printed (1 = solid, 0.1 = a 10% tint). */
export interface ColourRef {
  readonly name: string;
  readonly tint: number;
}

/** The edition's named colours; `black` (pure K) is always among them. */
export type Palette = ReadonlyMap<string, ProcessColour>;

/** The one colour every edition has: pure K, the body text's black. */
export const BLACK_NAME = 'black';
export const PURE_K: ProcessColour = { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 };
/** Paper: nothing printed. Reversed text (反白字) is paper showing through its bar. */
export const PAPER: ProcessColour = { space: 'cmyk', c: 0, m: 0, y: 0, k: 0 };

/** Colour names: ASCII letters, digits and `-`, as an article id (`red`, `party-red`). */
export const COLOUR_NAME = /^[a-z][a-z0-9-]*$/;

/** `[0, 100, 100, 0]` (percentages) → a process colour. */
export function fromPercentages([c, m, y, k]: readonly [number, number, number, number]): ProcessColour {
  return { space: 'cmyk', c: c / 100, m: m / 100, y: y / 100, k: k / 100 };
}

/** The palette of an edition: `black` and the named colours of edition.yml. */
export function makePalette(named: Readonly<Record<string, ProcessColour>> = {}): Palette {
  return new Map<string, ProcessColour>([[BLACK_NAME, PURE_K], ...Object.entries(named)]);
}

/** The syntax of a colour use, for hints: `red`, `red:15%`, `10%` (of black). */
export const COLOUR_SYNTAX = 'a colour name from edition.yml `colours:` or black, with a tint after a colon: red, red:15%, black:10% (or 10%, of black)';

/**
 * `red`, `red:15%`, `black:10%`, `10%` → a colour use; undefined when it is not written so
 * (names are checked against the palette by the caller, which knows where they stand).
 */
export function parseColourRef(text: string): ColourRef | undefined {
  const match = /^(?:([a-z][a-z0-9-]*)(?::(\d+(?:\.\d+)?)%)?|(\d+(?:\.\d+)?)%)$/.exec(text.trim());
  if (!match) return undefined;
  const percent = match[2] ?? match[3];
  const tint = percent === undefined ? 1 : Number(percent) / 100;
  if (!(tint > 0 && tint <= 1)) return undefined;
  return { name: match[1] ?? BLACK_NAME, tint };
}

/** The colour a use prints: its house colour, each channel scaled by the tint. */
export function resolveColour(ref: ColourRef, palette: Palette): ProcessColour {
  const base = palette.get(ref.name);
  if (!base) throw new Error(`colour "${ref.name}" is not in the palette (the parser checks names)`);
  const scale = (v: number): number => Math.round(v * ref.tint * 10000) / 10000;
  return { space: 'cmyk', c: scale(base.c), m: scale(base.m), y: scale(base.y), k: scale(base.k) };
}

/** Is this pure K (no C, M or Y)? Black text keeps to the black plate. */
export function isPureBlack(colour: ProcessColour): boolean {
  return colour.c === 0 && colour.m === 0 && colour.y === 0 && colour.k === 1;
}

/**
 * CMYK → sRGB by the naive formula (R = (1 − C)(1 − K), …): no ICC profile, as a viewer shows
 * DeviceCMYK without one. Good enough for a screen PDF and the e-book; not a proof of press colour.
 */
export function naiveRgb(colour: ProcessColour): readonly [number, number, number] {
  return [colour.c, colour.m, colour.y].map((v) => (1 - v) * (1 - colour.k)) as unknown as readonly [number, number, number];
}

/** `#d7000f`-style hex of the naive RGB, for CSS. */
export function rgbHex(colour: ProcessColour): string {
  return `#${naiveRgb(colour)
    .map((v) => Math.round(v * 255).toString(16).padStart(2, '0'))
    .join('')}`;
}
