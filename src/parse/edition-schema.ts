/**
 * The schema of `edition.yml` (zod): which keys each setting takes, of which type, within which
 * range. Checked first, against the YAML document with its source ranges, so that a problem in a
 * nested setting (`style: { columnChars: 90 }`) is reported at its own line; the readers in
 * edition.ts and print-settings.ts then turn the checked values into the model.
 */
import { z } from 'zod';
import { SIZED_ELEMENTS } from '../model/style-overrides.js';
import { HAO, TYPOGRAPHY_CHOICES } from '../model/style.js';
import { COLOUR_NAME } from '../model/colour.js';
import { COLOURS_HINT, MASTHEAD_HINT } from './house-colours.js';
import { MAX_BLEED_MM } from './print-settings.js';

/** Limits of the column grid an edition may ask for. */
export const COLUMN_CHARS = { min: 4, max: 40 } as const;
export const GUTTER_CHARS = { min: 0.5, max: 3 } as const;
export const LEADING = { min: 1.2, max: 2.5 } as const;

const text = z.string({ error: 'must be a text' }).min(1, 'must be a text');
const choice = <T extends readonly (string | boolean)[]>(choices: T) => z.union(choices.map((c) => z.literal(c)) as unknown as [z.ZodLiteral<T[number]>, z.ZodLiteral<T[number]>]);
const typography = z.strictObject(
  Object.fromEntries(Object.entries(TYPOGRAPHY_CHOICES).map(([key, choices]) => [key, choice(choices).optional()])) as Record<string, z.ZodOptional<z.ZodType>>,
);
const size = z.union([z.string(), z.number()], { error: `must be a size in 号 (${Object.keys(HAO).join(' ')}) or points (9pt)` });
const style = z.strictObject({
  ...Object.fromEntries(SIZED_ELEMENTS.map((e) => [e, size.optional()])),
  columnChars: z.number().int(`must be a whole number from ${COLUMN_CHARS.min} to ${COLUMN_CHARS.max}`).min(COLUMN_CHARS.min, `must be a whole number from ${COLUMN_CHARS.min} to ${COLUMN_CHARS.max}`).max(COLUMN_CHARS.max, `must be a whole number from ${COLUMN_CHARS.min} to ${COLUMN_CHARS.max}`).optional(),
  gutterChars: z.number({ error: `must be a number of characters from ${GUTTER_CHARS.min} to ${GUTTER_CHARS.max}` }).min(GUTTER_CHARS.min, `must be a number of characters from ${GUTTER_CHARS.min} to ${GUTTER_CHARS.max}`).max(GUTTER_CHARS.max, `must be a number of characters from ${GUTTER_CHARS.min} to ${GUTTER_CHARS.max}`).optional(),
  leading: z.number({ error: `must be a multiple of the body size from ${LEADING.min} to ${LEADING.max}` }).min(LEADING.min, `must be a multiple of the body size from ${LEADING.min} to ${LEADING.max}`).max(LEADING.max, `must be a multiple of the body size from ${LEADING.min} to ${LEADING.max}`).optional(),
});
const print = z.strictObject({
  bleed: z.number({ error: `must be a number of millimetres from 0 to ${MAX_BLEED_MM}` }).min(0, `must be a number of millimetres from 0 to ${MAX_BLEED_MM}`).max(MAX_BLEED_MM, `must be a number of millimetres from 0 to ${MAX_BLEED_MM}`).optional(),
  cropMarks: z.boolean({ error: 'must be true or false' }).optional(),
  outputIntent: z.strictObject({ profile: text.optional(), condition: text.optional(), info: text.optional() }).optional(),
});

const percent = z.number({ error: 'must be a percentage from 0 to 100' }).min(0, 'must be a percentage from 0 to 100').max(100, 'must be a percentage from 0 to 100');
const colours = z.record(
  z.string().regex(COLOUR_NAME, 'names must be small letters, digits and - (red, party-red)'),
  z.tuple([percent, percent, percent, percent], { error: 'must be four percentages [C, M, Y, K], e.g. [0, 100, 100, 0]' }),
  { error: 'must be a list of `name: [C, M, Y, K]` lines' },
);
const masthead = z.strictObject(
  { name: text.optional(), colour: text.optional(), image: text.optional(), issue: text.optional(), publisher: text.optional(), lines: z.array(text, { error: 'must be a list of texts' }).optional() },
  { error: 'must be a list of `key: value` lines' },
);

export const EDITION_KEYS = ['slug', 'title', 'language', 'typography', 'print', 'style', 'colours', 'masthead'] as const;

export const EDITION_SCHEMA = z.strictObject({
  slug: text.optional(),
  title: text.optional(),
  language: text.optional(),
  typography: typography.optional(),
  print: print.optional(),
  style: style.optional(),
  colours: colours.optional(),
  masthead: masthead.optional(),
});

/** What to write instead, by setting. */
const HINTS: Readonly<Record<string, string>> = {
  typography: Object.entries(TYPOGRAPHY_CHOICES)
    .map(([k, c]) => `${k}: ${c.join(' | ')}`)
    .join('; '),
  print: 'write e.g. print: { bleed: 3, cropMarks: true } (bleed in millimetres); outputIntent: { profile, condition, info }',
  colours: COLOURS_HINT,
  masthead: MASTHEAD_HINT,
  style: `write e.g. style: { body: 小五, headline: 小初, columnChars: 13, leading: 1.5 }; sizes in 号 or points (9pt); elements: ${SIZED_ELEMENTS.join(', ')}`,
};

/** The wording of a problem the schema found: `style columnChars must be …`, `unknown print setting "x"`. */
export function describeEditionIssue(issue: z.core.$ZodIssue, value: unknown): { message: string; hint: string } {
  const path = issue.path.map(String);
  const [group, key] = path;
  const hint = HINTS[group] ?? `known fields: ${EDITION_KEYS.join(', ')}`;
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys[0];
    return path.length === 0 ? { message: `unknown field "${unknown}" in the edition.yml`, hint } : { message: `unknown ${path.join(' ')} setting "${unknown}"`, hint };
  }
  if (path.length === 1 && issue.code === 'invalid_type' && (group === 'typography' || group === 'print' || group === 'style')) {
    return { message: `${group} must be a list of \`key: value\` lines`, hint };
  }
  if (group === 'typography' && key) {
    return { message: `typography ${key} cannot be ${JSON.stringify(value)}`, hint: `${key}: ${(TYPOGRAPHY_CHOICES as Record<string, readonly unknown[]>)[key].join(' | ')}` };
  }
  return { message: `${path.join(' ')} ${issue.message}, not ${JSON.stringify(value)}`, hint };
}
