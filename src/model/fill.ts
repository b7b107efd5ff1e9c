/**
 * The share of an article's area that may stay blank (line slots under its columns) once the
 * page builder has filled it: past it the audit warns, the proof tints the area, and the
 * make-up proposer does not offer the depth. One figure for all three.
 */
export const BLANK_SHARE = 0.03;
