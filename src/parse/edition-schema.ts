/**
 * The schema of `edition.yml` (zod): which keys each setting takes, of which type, within which
 * range. Checked first, against the YAML document with its source ranges, so that a problem in a
 * nested setting (`style: { columnChars: 90 }`) is reported at its own line; the readers in
 * edition.ts and print-settings.ts then turn the checked values into the model.
 */
import * as z from 'zod/mini';
import { SIZED_ELEMENTS } from '../model/style-overrides.js';
import { HAO, TYPOGRAPHY_CHOICES } from '../model/style.js';
import { COLOUR_NAME } from '../model/colour.js';
import { COLOURS_HINT, MASTHEAD_HINT } from './house-colours.js';
import { MAX_BLEED_MM } from './print-settings.js';

// zod's functional API (zod/mini): its schemas are made without the dozens of methods the
// chained API binds to each, and it checks without them: making and running this schema and
// fonts.json's took the main thread some 6 ms less at every start. It sets no language of its
// own for the messages banmian does not word itself.
z.config(z.locales.en());

/** Limits of the column grid an edition may ask for. */
export const COLUMN_CHARS = { min: 4, max: 40 } as const;
export const GUTTER_CHARS = { min: 0.5, max: 3 } as const;
export const LEADING = { min: 1.2, max: 2.5 } as const;

const text = z.string({ error: 'must be a text' }).check(z.minLength(1, 'must be a text'));
const choice = <T extends readonly (string | boolean)[]>(choices: T) => z.union(choices.map((c) => z.literal(c)) as unknown as [z.ZodMiniLiteral<T[number]>, z.ZodMiniLiteral<T[number]>]);
const typography = z.strictObject(
  Object.fromEntries(Object.entries(TYPOGRAPHY_CHOICES).map(([key, choices]) => [key, z.optional(choice(choices))])) as Record<string, z.ZodMiniOptional<z.ZodMiniType>>,
);
const size = z.union([z.string(), z.number()], { error: `must be a size in 号 (${Object.keys(HAO).join(' ')}) or points (9pt)` });
/** A number from `min` to `max`, any number of another type refused with `message` too. */
const between = (min: number, max: number, message: string) => z.number({ error: message }).check(z.minimum(min, message), z.maximum(max, message));
const wholeBetween = (min: number, max: number, message: string) => z.number().check(z.int(message), z.minimum(min, message), z.maximum(max, message));
const style = z.strictObject({
  ...Object.fromEntries(SIZED_ELEMENTS.map((e) => [e, z.optional(size)])),
  columnChars: z.optional(wholeBetween(COLUMN_CHARS.min, COLUMN_CHARS.max, `must be a whole number from ${COLUMN_CHARS.min} to ${COLUMN_CHARS.max}`)),
  gutterChars: z.optional(between(GUTTER_CHARS.min, GUTTER_CHARS.max, `must be a number of characters from ${GUTTER_CHARS.min} to ${GUTTER_CHARS.max}`)),
  leading: z.optional(between(LEADING.min, LEADING.max, `must be a multiple of the body size from ${LEADING.min} to ${LEADING.max}`)),
});
const print = z.strictObject({
  bleed: z.optional(between(0, MAX_BLEED_MM, `must be a number of millimetres from 0 to ${MAX_BLEED_MM}`)),
  cropMarks: z.optional(z.boolean({ error: 'must be true or false' })),
  outputIntent: z.optional(z.strictObject({ profile: z.optional(text), condition: z.optional(text), info: z.optional(text) })),
});

const percent = between(0, 100, 'must be a percentage from 0 to 100');
const colours = z.record(
  z.string().check(z.regex(COLOUR_NAME, 'names must be small letters, digits and - (red, party-red)')),
  z.tuple([percent, percent, percent, percent], { error: 'must be four percentages [C, M, Y, K], e.g. [0, 100, 100, 0]' }),
  { error: 'must be a list of `name: [C, M, Y, K]` lines' },
);
const masthead = z.strictObject(
  { name: z.optional(text), colour: z.optional(text), image: z.optional(text), issue: z.optional(text), publisher: z.optional(text), lines: z.optional(z.array(text, { error: 'must be a list of texts' })) },
  { error: 'must be a list of `key: value` lines' },
);

export const EDITION_KEYS = ['slug', 'title', 'language', 'typography', 'print', 'style', 'colours', 'masthead'] as const;

export const EDITION_SCHEMA = z.strictObject({
  slug: z.optional(text),
  title: z.optional(text),
  language: z.optional(text),
  typography: z.optional(typography),
  print: z.optional(print),
  style: z.optional(style),
  colours: z.optional(colours),
  masthead: z.optional(masthead),
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
