/**
 * fonts.json, read strictly against its schema (zod): a file that is empty, not JSON, or shaped
 * otherwise than `{ "faces": { key: { "file" | "package" + "path", "postscriptName"? } },
 * "roles": { role: [key…] } }` is refused at the line of the offending value, with what to write
 * instead. JSON is parsed again with `yaml` (JSON is YAML 1.2) for the source ranges of its
 * nodes; a syntax error is found by JSON.parse's stricter rules.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod/mini';
import { ContentError } from '../model/index.js';

const FACE_HINT = 'e.g. "song": { "file": "NotoSerifSC.ttf" }, or { "package": "name", "path": "inside/it.ttf" }; a collection (.ttc) also "postscriptName"';
const ROLE_HINT = 'e.g. "body": ["song", "hei"] (face keys, in fallback order)';
const SHAPE = 'fonts.json is { "faces": { "song": { "file": "NotoSerifSC.ttf" } }, "roles": { "body": ["song"], … } }';

// zod's functional API, with English for the messages banmian does not word itself (as
// parse/edition-schema.ts, which says why).
z.config(z.locales.en());

const name = z.string().check(z.minLength(1, 'must be a non-empty string'));
const FaceSchema = z
  .strictObject({ file: z.optional(name), package: z.optional(name), path: z.optional(name), postscriptName: z.optional(name) }, { error: 'a face must be an object' })
  .check(z.refine((f) => f.file !== undefined || (f.package !== undefined && f.path !== undefined), 'names no font: give "file", or "package" and "path"'));
const FontsSchema = z.looseObject(
  {
    faces: z.record(z.string(), FaceSchema, { error: '"faces" must be an object of faces by key' }),
    roles: z.record(z.string(), z.array(name, { error: 'must be a list of face keys' }).check(z.minLength(1, 'must name at least one face')), { error: '"roles" must be an object of font roles, each a list of face keys' }),
    // Per language (a BCP 47 tag such as zh-Hant): the faces that replace the default ones in every role.
    languages: z.optional(
      z.record(z.string(), z.record(z.string(), name, { error: 'must map face keys to face keys, e.g. { "song": "song-tc" }' }), { error: '"languages" must be an object of languages, each mapping face keys to face keys' }),
    ),
  },
  { error: 'fonts.json must be an object with "faces" and "roles"' },
);

/** A face as fonts.json describes it. */
export type FaceSpec = z.infer<typeof FaceSchema>;
export type FontsConfig = z.infer<typeof FontsSchema>;

export function readFontsConfig(file: string): FontsConfig {
  const text = readFileSync(file, 'utf8');
  // Typed as a whole so that TypeScript narrows after a call (assertion signatures need one).
  const fail: (line: number, message: string, hint?: string) => never = (line, message, hint = SHAPE) => {
    throw new ContentError(message, { file, line }, hint);
  };
  if (text.trim() === '') fail(1, 'fonts.json is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    // JSON.parse says where: "… at position 123" (Node 20) or "(line 4 column 2)" (later V8).
    const message = (err as Error).message.replace(/\s+/g, ' ');
    const at = /position (\d+)/.exec(message);
    const line = /line (\d+)/.exec(message);
    fail(line ? Number(line[1]) : at ? text.slice(0, Number(at[1])).split('\n').length : 1, `fonts.json is not valid JSON: ${message}`);
  }
  const valid = FontsSchema.safeParse(parsed);
  if (valid.success) return valid.data;
  // Read again as a document only to say on which line the problem is.
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const checked = FontsSchema.safeParse(doc.toJS());
  if (checked.success) return checked.data;
  // The first problem, at the line of the value it is about (or of the nearest enclosing one).
  const [issue] = checked.error.issues;
  let path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  while (!node?.range && path.length > 0) {
    path = path.slice(0, -1);
    node = (path.length > 0 ? doc.getIn(path, true) : doc.contents) as { range?: [number, number, number] } | undefined;
  }
  const line = node?.range ? lines.linePos(node.range[0]).line : 1;
  const [group, key] = issue.path.map(String);
  const subject = group === 'faces' && key ? `face "${key}"` : group === 'roles' && key ? `font role "${key}"` : undefined;
  const said = issue.code === 'unrecognized_keys' ? `has an unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  fail(line, subject ? `${subject} ${said}` : said, group === 'faces' ? FACE_HINT : group === 'roles' ? ROLE_HINT : SHAPE);
}

/** The line of a key in fonts.json, for errors found after reading (a role not mapped, a face not found). */
export function lineOfKey(file: string, key: string): number {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
