/**
 * Layouts made by an earlier build (text/known-layouts.ts): a run laid out once is answered
 * from the record by the next build, exactly as it was laid out; a face file written to since —
 * even with its modification time put back — a face of another name, other features or text
 * are laid out afresh; a face file written just before the build keeps nothing; the record
 * keeps the most recently used runs and survives its file being damaged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RACY_MS } from '../../src/file-identity.js';
import type { Face } from '../../src/fonts/index.js';
import type { LaidRun } from '../../src/text/fontkit-layout.js';
import { KnownLayouts, MAX_LAYOUTS } from '../../src/text/known-layouts.js';
import { makeTempDir, removeDir } from '../parse/helpers.js';

let root: string;
/** A clock as if the build ran well after the files were written: nothing is racy. */
const LATER = { clock: (): number => Date.now() + 10 * RACY_MS };
const KERN = ['kern', 'pwid'];

/** A run as fontkit might lay `text` out: a glyph a character, with advances that are not whole. */
function laidOut(text: string): LaidRun {
  return { glyphs: Array.from(text, (ch, i) => ({ id: 100 + i, advance: 512.5 - i, codePoints: [ch.codePointAt(0)!] })), rightToLeft: false };
}

/** A face as the record sees it: its file and PostScript name. */
function face(name: string, postscriptName = 'NotoSerifSC-Regular'): Face {
  const file = join(root, name);
  if (!existsSync(file)) writeFileSync(file, 'OTTO face bytes');
  return { file, postscriptName } as Face;
}

/** Lays `text` out through `known`; whether the layout was made (not answered) and the run. */
function lay(known: KnownLayouts, f: Face, text: string, features = KERN, made: LaidRun = laidOut(text)): { made: boolean; run: LaidRun } {
  let called = false;
  const run = known.run(f, text, features, () => {
    called = true;
    return made;
  });
  return { made: called, run };
}

beforeAll(() => {
  root = makeTempDir('banmian-known-layouts-');
});

afterAll(() => removeDir(root));

describe('layouts known from an earlier build', () => {
  it('answers a run laid out before, as it was laid out, without laying it out again', () => {
    const record = join(root, 'answers.json');
    const f = face('answers.otf');
    const first = KnownLayouts.load(record, LATER);
    const rtl: LaidRun = { glyphs: [{ id: 7, advance: 600, codePoints: [0x5d0, 0x5b8] }], rightToLeft: true };
    expect(lay(first, f, '2024').made).toBe(true);
    expect(lay(first, f, 'אָ', KERN, rtl).made).toBe(true);
    // Asked again in the same build: answered.
    expect(lay(first, f, '2024').made).toBe(false);
    first.save();

    const again = KnownLayouts.load(record, LATER);
    expect(lay(again, f, '2024')).toEqual({ made: false, run: laidOut('2024') });
    expect(lay(again, f, 'אָ')).toEqual({ made: false, run: rtl });
  });

  it('lays out afresh for other features, text, or a face of another name in the file', () => {
    const record = join(root, 'keys.json');
    const f = face('keys.otf');
    const first = KnownLayouts.load(record, LATER);
    lay(first, f, 'GDP');
    first.save();
    const again = KnownLayouts.load(record, LATER);
    expect(lay(again, f, 'GDP', ['fwid']).made).toBe(true);
    expect(lay(again, f, 'GDP ').made).toBe(true);
    expect(lay(again, face('keys.otf', 'NotoSerifSC-Bold'), 'GDP').made).toBe(true);
    expect(lay(again, f, 'GDP').made).toBe(false);
  });

  it('lays out afresh once the face file is written to, even with its modification time put back', () => {
    const record = join(root, 'written.json');
    const f = face('written.otf');
    const first = KnownLayouts.load(record, LATER);
    lay(first, f, 'APEC');
    first.save();
    const before = statSync(f.file);
    writeFileSync(f.file, 'OTTO other bytes');
    utimesSync(f.file, before.atime, before.mtime);
    expect(lay(KnownLayouts.load(record, LATER), f, 'APEC').made).toBe(true);
  });

  it('keeps nothing for a face file written just before the build', () => {
    const record = join(root, 'racy.json');
    const f = face('racy.otf');
    const known = KnownLayouts.load(record);
    expect(lay(known, f, 'CPU').made).toBe(true);
    expect(lay(known, f, 'CPU').made).toBe(true);
    known.save();
    expect(existsSync(record)).toBe(false);
  });

  it('writes nothing when nothing was laid out, and nothing at all when kept nowhere', () => {
    const record = join(root, 'unchanged.json');
    const f = face('unchanged.otf');
    const first = KnownLayouts.load(record, LATER);
    lay(first, f, '5G');
    first.save();
    const written = statSync(record).mtimeMs;
    const again = KnownLayouts.load(record, LATER);
    lay(again, f, '5G');
    again.save();
    expect(statSync(record).mtimeMs).toBe(written);
    const none = KnownLayouts.none();
    expect(lay(none, f, '5G').made).toBe(true);
    expect(lay(none, f, '5G').made).toBe(true);
  });

  it('keeps the most recently used runs when there are too many', () => {
    const record = join(root, 'many.json');
    const f = face('many.otf');
    const first = KnownLayouts.load(record, LATER);
    for (let i = 0; i <= MAX_LAYOUTS; i++) lay(first, f, `w${i}`);
    first.save();
    const again = KnownLayouts.load(record, LATER);
    expect(lay(again, f, 'w1').made).toBe(false);
    expect(lay(again, f, `w${MAX_LAYOUTS}`).made).toBe(false);
    // The first one laid out went to make room.
    expect(lay(again, f, 'w0').made).toBe(true);
  });

  it('knows nothing from a damaged or foreign record, and lays out as usual', () => {
    const f = face('damaged.otf');
    const cases: [string, string][] = [
      ['truncated.json', '{"format":1,"runs":{'],
      ['other-format.json', '{"format":2,"runs":{}}'],
      ['bad-glyph.json', JSON.stringify({ format: 1, runs: { x: [[[1.5, 500, [65]]], 0] } })],
    ];
    for (const [name, text] of cases) {
      const record = join(root, name);
      writeFileSync(record, text);
      const known = KnownLayouts.load(record, LATER);
      expect(lay(known, f, 'A').made).toBe(true);
      known.save();
      expect(JSON.parse(readFileSync(record, 'utf8')).format).toBe(1);
    }
  });
});
