/**
 * fonts.json, read strictly: a file that is empty, not JSON, or shaped otherwise than
 * `{ "faces": { key: { "file" | "package" + "path", "postscriptName"? } }, "roles": { role: [key…] } }`
 * is refused at its line, with what to write instead. JSON is parsed with `yaml` (JSON is YAML 1.2)
 * for the source ranges of its nodes; a syntax error is found by JSON.parse's stricter rules.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ContentError } from '../model/index.js';

/** A face as fonts.json describes it. */
export interface FaceSpec {
  readonly file?: string;
  readonly package?: string;
  readonly path?: string;
  readonly postscriptName?: string;
}

export interface FontsConfig {
  readonly faces: Record<string, FaceSpec>;
  readonly roles: Record<string, string[]>;
}

const SHAPE = 'fonts.json is { "faces": { "song": { "file": "NotoSerifSC.ttf" } }, "roles": { "body": ["song"], … } }';
const FACE_KEYS = ['file', 'package', 'path', 'postscriptName'];

export function readFontsConfig(file: string): FontsConfig {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  // Typed as a whole so that TypeScript narrows after a call (assertion signatures need one).
  const fail: (line: number, message: string, hint?: string) => never = (line, message, hint = SHAPE) => {
    throw new ContentError(message, { file, line }, hint);
  };
  if (text.trim() === '') fail(1, 'fonts.json is empty');
  const lines = new LineCounter();
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  try {
    JSON.parse(text);
  } catch (err) {
    // JSON.parse says where: "… at position 123" (Node 20) or "(line 4 column 2)" (later V8).
    const message = (err as Error).message.replace(/\s+/g, " ");
    const at = /position (\d+)/.exec(message);
    const line = /line (\d+)/.exec(message);
    fail(line ? Number(line[1]) : at ? text.slice(0, Number(at[1])).split('\n').length : 1, `fonts.json is not valid JSON: ${message}`);
  }
  const doc = parseDocument(text, { lineCounter: lines });
  const root = doc.contents;
  if (!isMap(root)) fail(lineOf(root), 'fonts.json must be an object with "faces" and "roles"');
  const faces: Record<string, FaceSpec> = {};
  const roles: Record<string, string[]> = {};
  const facesNode = root.get('faces', true);
  const rolesNode = root.get('roles', true);
  if (!isMap(facesNode)) fail(lineOf(facesNode ?? root), '"faces" must be an object of faces by key');
  if (!isMap(rolesNode)) fail(lineOf(rolesNode ?? root), '"roles" must be an object of font roles, each a list of face keys');
  for (const pair of facesNode.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const spec = pair.value;
    if (!isMap(spec)) fail(lineOf(pair.value as Node), `face "${key}" must be an object`, 'e.g. "song": { "file": "NotoSerifSC.ttf" }, or { "package": "name", "path": "inside/it.ttf" }');
    const face: Record<string, string> = {};
    for (const field of spec.items) {
      const name = isScalar(field.key) ? String(field.key.value) : '';
      if (!FACE_KEYS.includes(name)) fail(lineOf(field.key as Node), `face "${key}": unknown field "${name}"`, `a face takes ${FACE_KEYS.map((k) => `"${k}"`).join(', ')}`);
      if (!isScalar(field.value) || typeof field.value.value !== 'string' || field.value.value === '') fail(lineOf(field.value as Node), `face "${key}": "${name}" must be a non-empty string`);
      face[name] = (field.value as { value: string }).value;
    }
    if (!face.file && !(face.package && face.path)) fail(lineOf(spec), `face "${key}" names no font: give "file", or "package" and "path"`);
    faces[key] = face;
  }
  for (const pair of rolesNode.items) {
    const role = isScalar(pair.key) ? String(pair.key.value) : '';
    const list = pair.value;
    const entries = isSeq(list) ? list.items : undefined;
    if (!entries || entries.length === 0 || !entries.every((e) => isScalar(e) && typeof e.value === 'string')) {
      fail(lineOf((list as Node) ?? pair.key), `font role "${role}" must be a list of face keys`, `e.g. "${role}": ["song", "hei"] (faces in fallback order)`);
    }
    roles[role] = entries.map((e) => String((e as { value: string }).value));
  }
  return { faces, roles };
}

/** The line of a key in fonts.json, for errors found after reading (a role not mapped, a face not found). */
export function lineOfKey(file: string, key: string): number {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
