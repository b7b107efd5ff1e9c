/**
 * `print:` in edition.yml: what the printer asks for around and inside the page. Bleed and crop
 * marks, and the output intent: the printer's ICC profile, so preflight knows which printing
 * condition the CMYK was separated for (newsprint is ISOnewspaper26v4, not coated paper).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { DEFAULT_PRINT, type OutputIntent, type PrintSettings, type SourcePos } from '../model/document.js';
import { fail } from './fail.js';
import type { YamlFields } from './yaml-fields.js';

/** Largest bleed accepted, in millimetres (printers ask for 3–5). */
export const MAX_BLEED_MM = 20;

const HINT = 'write e.g. print: { bleed: 3, cropMarks: true } (bleed in millimetres)';
const INTENT_HINT =
  'write e.g. outputIntent: { profile: profiles/ISOnewspaper26v4.icc, condition: ISOnewspaper26v4 } with the CMYK output profile your printer gives you, inside the edition folder';

/** ICC.1:2010 §7.2: the header's fields that say what a profile is. */
const ICC_HEADER_BYTES = 128;
const ICC_SIGNATURE = 'acsp';
const ICC_OUTPUT_CLASS = 'prtr';
const ICC_CMYK = 'CMYK';

/** Reads `print:`; `dir` is the edition folder, which a profile must be inside. */
export function readPrint(fields: YamlFields, dir: string): PrintSettings {
  const value = fields.value('print');
  if (value === undefined || value === null) return DEFAULT_PRINT;
  const pos = fields.pos('print');
  if (typeof value !== 'object' || Array.isArray(value)) fail(pos, 'print must be a list of `key: value` lines', HINT);
  let out: PrintSettings = { ...DEFAULT_PRINT };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'bleed') {
      if (typeof v !== 'number' || !(v >= 0 && v <= MAX_BLEED_MM)) fail(pos, `print bleed must be a number of millimetres from 0 to ${MAX_BLEED_MM}, not ${JSON.stringify(v)}`, HINT);
      out = { ...out, bleedMm: v };
    } else if (key === 'cropMarks') {
      if (typeof v !== 'boolean') fail(pos, `print cropMarks must be true or false, not ${JSON.stringify(v)}`, HINT);
      out = { ...out, cropMarks: v };
    } else if (key === 'outputIntent') {
      out = { ...out, outputIntent: readOutputIntent(v, pos, dir) };
    } else fail(pos, `unknown print setting "${key}"`, `${HINT}; outputIntent: { profile, condition, info }`);
  }
  return out;
}

function readOutputIntent(value: unknown, pos: SourcePos, dir: string): OutputIntent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(pos, 'print outputIntent must be a list of `key: value` lines', INTENT_HINT);
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!['profile', 'condition', 'info'].includes(key)) fail(pos, `unknown outputIntent setting "${key}"`, INTENT_HINT);
  }
  const text = (key: string): string | undefined => {
    const v = fields[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v.trim() === '') fail(pos, `print outputIntent ${key} must be a text, not ${JSON.stringify(v)}`, INTENT_HINT);
    return v.trim();
  };
  const profile = text('profile');
  const condition = text('condition');
  if (!profile || !condition) fail(pos, `print outputIntent needs a profile and a condition`, INTENT_HINT);
  const path = insideEdition(profile, dir, pos);
  checkProfile(path, profile, pos);
  return { profile: path, condition, info: text('info') ?? condition };
}

/** The profile's absolute path, which must be a file inside the edition folder. */
function insideEdition(profile: string, dir: string, pos: SourcePos): string {
  const path = resolve(dir, profile);
  if (!existsSync(path) || !statSync(path).isFile()) fail(pos, `print outputIntent profile ${profile} is not a file`, INTENT_HINT);
  const rel = relative(realpathSync(dir), realpathSync(path));
  if (rel.startsWith(`..${sep}`) || rel === '..' || resolve(rel) === rel) fail(pos, `print outputIntent profile ${profile} is outside the edition folder`, INTENT_HINT);
  return path;
}

/** An ICC output profile in CMYK (ICC.1:2010 §7.2: signature, device class, colour space). */
function checkProfile(path: string, name: string, pos: SourcePos): void {
  const bytes = readFileSync(path);
  const field = (at: number): string => bytes.subarray(at, at + 4).toString('latin1');
  if (bytes.length < ICC_HEADER_BYTES || field(36) !== ICC_SIGNATURE) fail(pos, `print outputIntent profile ${name} is not an ICC profile`, INTENT_HINT);
  if (bytes.readUInt32BE(0) > bytes.length) fail(pos, `print outputIntent profile ${name} is cut short: its header says ${bytes.readUInt32BE(0)} bytes, the file has ${bytes.length}`, INTENT_HINT);
  if (field(12) !== ICC_OUTPUT_CLASS || field(16) !== ICC_CMYK) {
    fail(pos, `print outputIntent profile ${name} is a "${field(12)}" profile in "${field(16).trim()}", not a CMYK output profile`, INTENT_HINT);
  }
}
