/**
 * What the line breaker sees: widths, stretch, shrink and penalties (TeX part 38: "the other
 * parts of TeX do not need to know anything about how line-breaking is done", and the breaker
 * knows nothing of fonts). Any item list with these fields can be broken.
 */
export type BreakItem =
  | { readonly kind: 'box'; readonly width: number }
  | {
      readonly kind: 'glue';
      readonly width: number;
      readonly stretch: number;
      readonly shrink: number;
      /** Emergency stretch (after TeX's \emergencystretch): counted only when the breaker falls
       *  back on last-resort breaks (the letter spacing of a word broken between letters). */
      readonly emergency?: boolean;
    }
  | { readonly kind: 'penalty'; readonly width: number; readonly penalty: number; readonly flagged: boolean };

/** Penalties at or above this forbid a break; at or below its negative force one (TeX §10). */
export const INFINITY_PENALTY = 10_000;

/**
 * Penalties from here up to INFINITY_PENALTY are last-resort breaks: a token broken between any
 * two of its letters (CSS `overflow-wrap: anywhere`). The breaker takes one only when no set of
 * breaks without them keeps every line within its measure, so an ordinary word never breaks
 * where a loose line would do, and a token wider than the measure still breaks rather than
 * running past it.
 */
export const LAST_RESORT_PENALTY = 9_000;

/**
 * What a pass of the breaker may fall back on, after TeX's passes (tex.web §863: without
 * discretionaries, with them, with \emergencystretch) and CSS `overflow-wrap: anywhere`:
 * - 'none': ordinary breaks and stretch;
 * - 'letter-spacing': emergency stretch counts too (a line of a URL's pieces can be set flush);
 * - 'anywhere': last-resort breaks too (a token wider than the measure broken between letters).
 */
export type Fallback = 'none' | 'letter-spacing' | 'anywhere';

/** One line of a paragraph: items[start, end) with the break at `end`. */
export interface Line {
  /** First item of the line (after discarded glue and penalties). */
  readonly start: number;
  /** Index of the break item: the line holds items up to, not including, it. */
  readonly end: number;
  /** Adjustment ratio: > 0 stretches glue by ratio × stretch, < 0 shrinks by ratio × shrink. */
  readonly ratio: number;
  /** Natural width of the line's content in points (with a penalty's width at the break). */
  readonly naturalWidth: number;
  /** Width the line is set to. */
  readonly width: number;
  /** The line is wider than its measure even at full shrink (reported, never cut). */
  readonly overfull: boolean;
}

/** Line widths: one for every line, or per line index (0-based). */
export type LineWidths = number | ((line: number) => number);

export type BreakMode = 'total-fit' | 'first-fit';

export interface BreakOptions {
  readonly mode: BreakMode;
  /** Largest stretch ratio a line may have before the breaker tries harder (TeX's tolerance, as a ratio). */
  readonly tolerance: number;
  /** Demerits added to every line (TeX \linepenalty). */
  readonly linePenalty: number;
  /** Extra demerits when two adjacent lines differ by more than one fitness class (TeX \adjdemerits). */
  readonly fitnessDemerits: number;
  /** Lines are not stretched (centred or flush text): a short line costs nothing extra. */
  readonly ragged?: boolean;
  /** TeX's \looseness: ask for this many lines more (or fewer, if negative) than the best. */
  readonly looseness?: number;
}

export const DEFAULT_BREAK_OPTIONS: BreakOptions = {
  mode: 'total-fit',
  tolerance: 2,
  linePenalty: 10,
  fitnessDemerits: 10_000,
};
