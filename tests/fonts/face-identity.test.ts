/**
 * The identities of the face files a build's records share (fonts/face-identity.ts): each face
 * file is looked at once a build, whichever record asks; a record without the shared ones reads
 * its own by its clock.
 */
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnownCovers } from '../../src/export/epub/known-cover.js';
import { RACY_MS } from '../../src/file-identity.js';
import { FaceIdentities, faceIdentitiesFor, type Face, type FontBook } from '../../src/fonts/index.js';

const dir = mkdtempSync(join(tmpdir(), 'banmian-face-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LATER = (): number => Date.now() + 10 * RACY_MS;

function face(name: string): Face {
  const file = join(dir, name);
  writeFileSync(file, 'true face bytes');
  return { file, postscriptName: name } as Face;
}

describe('face identities shared by a build’s records', () => {
  it('are the ones given, else the record’s own by its clock', () => {
    const shared = new FaceIdentities(LATER);
    expect(faceIdentitiesFor({ faces: shared })).toBe(shared);
    const own = faceIdentitiesFor({ clock: LATER });
    expect(own).not.toBe(shared);
    const f = face('own.ttf');
    expect(own.of(f)).toBe(shared.of(f));
  });

  it('tell every record the identity the build first saw of a face file', () => {
    const f = face('shared.ttf');
    const shared = new FaceIdentities(LATER);
    const first = shared.of(f);
    expect(first).not.toBeNull();
    // The file written to afterwards: a record with the build's identities still sees the face
    // as the build first did; one reading its own sees the new file.
    const before = statSync(f.file);
    writeFileSync(f.file, 'true othr bytes');
    utimesSync(f.file, before.atime, new Date(before.mtimeMs + 5000));
    const book = { chain: () => [f] } as unknown as FontBook;
    const text = { paper: '人民日报', date: '', page: '', headline: '党建', lang: 'zh-Hans' };
    const withShared = KnownCovers.load(join(dir, 'cover.json'), { faces: shared });
    withShared.keep(text, book, '<svg/>');
    withShared.save();
    expect(KnownCovers.load(join(dir, 'cover.json'), { faces: shared }).coverOf(text, book)).toBe('<svg/>');
    expect(KnownCovers.load(join(dir, 'cover.json'), { clock: LATER }).coverOf(text, book)).toBeUndefined();
  });
});
