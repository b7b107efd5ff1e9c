/**
 * Images found whole by an earlier build (parse/known-images.ts): a file unchanged since is not
 * read again; one written to since — even with its modification time put back — is checked
 * again and refused if damaged; a file written just before its check is not kept; the record
 * survives its file and nothing else does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../../src/model/errors.js';
import { ImageChecks, KnownImages, parseEdition } from '../../src/parse/index.js';
import { fileIdentity, RACY_MS } from '../../src/file-identity.js';
import { MAX_KNOWN } from '../../src/parse/known-images.js';
import { frontMatter, makeTempDir, removeDir, writeFile } from './helpers.js';
import { noisyJpeg } from './image-files.js';

let root: string;
const PAGE = `${frontMatter(['a a a a'])}::: article a\n正文\n\n![](images/photo.jpg)\n:::\n`;
const JPEG = noisyJpeg(64, 48);
/** A clock as if the build ran well after the files were written: nothing is racy. */
const LATER = { clock: (): number => Date.now() + 10 * RACY_MS };

/** An edition folder of one page with a whole photo (64 × 48). */
function edition(name: string): string {
  const dir = join(root, name);
  writeFile(join(dir, '11.md'), PAGE);
  writeFile(join(dir, 'images', 'photo.jpg'), JPEG);
  return dir;
}

/** The photo's pixel size as the parse read it. */
function pixelsOf(dir: string, images: ImageChecks): [number, number] {
  const block = parseEdition(dir, undefined, images).pages[0].articles[0].blocks.find((b) => b.kind === 'figure');
  if (block?.kind !== 'figure') throw new Error('no figure');
  return [block.pixelWidth, block.pixelHeight];
}

/** Parse and settle with `known`; the ContentError, if any. */
async function build(dir: string, known: KnownImages): Promise<ContentError | undefined> {
  const images = new ImageChecks(undefined, known);
  try {
    parseEdition(dir, undefined, images);
    await images.settle();
    return undefined;
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
}

/** Wait until the clock has moved past `ms` from now: a write then gets a later change time. */
function pause(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

const stat = (path: string): BigIntStats => statSync(path, { bigint: true });

beforeAll(() => {
  root = makeTempDir();
});
afterAll(() => removeDir(root));

describe('known images', () => {
  it('answers a file unchanged since its check without reading it', async () => {
    const dir = edition('unchanged');
    const photo = join(dir, 'images', 'photo.jpg');
    const file = join(root, 'unchanged.json');
    const first = KnownImages.load(file, LATER);
    expect(await build(dir, first)).toBeUndefined();
    first.save();
    // Recorded as 64 × 48, then changed in the record: what the parse gives is the record's.
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { images: Record<string, { identity: string; image: { width: number } }> };
    expect(kept.images[photo].identity).toBe(fileIdentity(stat(photo)));
    kept.images[photo].image.width = 480;
    writeFileSync(file, JSON.stringify(kept));
    expect(pixelsOf(dir, new ImageChecks(undefined, KnownImages.load(file, LATER)))).toEqual([480, 48]);
    expect(pixelsOf(dir, new ImageChecks())).toEqual([64, 48]);
  });

  it('checks again a file written since, though its modification time was put back', async () => {
    const dir = edition('rewritten');
    const photo = join(dir, 'images', 'photo.jpg');
    const file = join(root, 'rewritten.json');
    // Its times whole seconds, so that they can be put back exactly.
    const written = Math.floor(Date.now() / 1000) - 100;
    utimesSync(photo, written, written);
    const known = KnownImages.load(file, LATER);
    expect(await build(dir, known)).toBeUndefined();
    known.save();
    const before = stat(photo);
    pause(20);
    // Damaged in place (an end-of-image marker halfway), the same size, its times put back.
    const damaged = Buffer.from(JPEG);
    damaged.set([0xff, 0xd9], damaged.length >> 1);
    writeFileSync(photo, damaged);
    utimesSync(photo, written, written);
    expect(stat(photo).mtimeNs).toBe(before.mtimeNs);
    expect(stat(photo).size).toBe(before.size);
    expect(stat(photo).ctimeNs).not.toBe(before.ctimeNs);
    const error = await build(dir, KnownImages.load(file, LATER));
    expect(error?.message).toMatch(/^image images\/photo\.jpg is damaged: /);
  });

  it('keeps no file written just before its check, nor one refused', async () => {
    const dir = edition('racy');
    const file = join(root, 'racy.json');
    const now = KnownImages.load(file);
    expect(await build(dir, now)).toBeUndefined();
    now.save();
    expect(existsSync(file)).toBe(false);
    const cut = edition('cut');
    writeFile(join(cut, 'images', 'photo.jpg'), JPEG.subarray(0, JPEG.length >> 1));
    const refused = KnownImages.load(join(root, 'cut.json'), LATER);
    expect((await build(cut, refused))?.message).toMatch(/^image images\/photo\.jpg is incomplete: /);
    refused.save();
    expect(existsSync(join(root, 'cut.json'))).toBe(false);
  });

  it('reads nothing from a file that is not its own, and keeps the newest when full', () => {
    const file = join(root, 'garbage.json');
    writeFileSync(file, '{"format":1,"images":{"/x.jpg":{"identity":"1","image":{"kind":"gif","width":1,"height":1}}}}');
    expect(KnownImages.load(file).answer('/x.jpg', '1')).toBeUndefined();
    writeFileSync(file, 'not json');
    expect(KnownImages.load(file).answer('/x.jpg', '1')).toBeUndefined();
    const photo = join(edition('full'), 'images', 'photo.jpg');
    const known = KnownImages.load(join(root, 'full.json'), LATER);
    const s = stat(photo);
    for (let i = 0; i <= MAX_KNOWN; i++) known.add(`${photo}.${i}`, s, { kind: 'jpeg', width: 64, height: 48 }, known.now());
    known.save();
    const again = KnownImages.load(join(root, 'full.json'));
    expect(again.answer(`${photo}.0`, fileIdentity(s))).toBeUndefined();
    expect(again.answer(`${photo}.${MAX_KNOWN}`, fileIdentity(s))).toEqual({ kind: 'jpeg', width: 64, height: 48 });
  });

  it('is written only when something was added, and says so once it is', () => {
    const photo = join(edition('saved'), 'images', 'photo.jpg');
    const file = join(root, 'saved.json');
    let saves = 0;
    const known = KnownImages.load(file, { ...LATER, afterSave: () => saves++ });
    known.save();
    expect(existsSync(file)).toBe(false);
    known.add(photo, stat(photo), { kind: 'jpeg', width: 64, height: 48 }, known.now());
    known.save();
    known.save();
    expect(existsSync(file)).toBe(true);
    expect(saves).toBe(1);
  });
});
