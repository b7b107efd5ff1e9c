/**
 * A JPEG's data checked elsewhere (parse/image-check.ts with a JpegDataCheck, as the build does
 * on its font thread): the parse goes on past the photo, and `settle` fails with the very error
 * the parse gives when it checks at once, at the photo's line, before anything met after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ContentError } from '../../src/model/errors.js';
import { faultOf } from '../../src/parse/image-fault.js';
import { ImageChecks, parseEdition, type JpegDataCheck } from '../../src/parse/index.js';
import { checkJpegData } from '../../src/parse/jpeg-check.js';
import { contentError, frontMatter, makeTempDir, removeDir, writeFile } from './helpers.js';
import { noisyJpeg } from './image-files.js';

let root: string;
const ARTICLE = (photo: string, after = ''): string => `${frontMatter(['a a a a'])}::: article a\n正文\n\n![](${photo})\n${after}:::\n`;

/** An edition folder of one page holding `page`. */
function edition(name: string, page: string): string {
  const dir = join(root, name);
  writeFile(join(dir, '11.md'), page);
  return dir;
}

/** The check as the thread makes it: the fault, or none; in order, asked and answered. */
const asked: number[] = [];
const elsewhere: JpegDataCheck = async (bytes) => {
  asked.push(bytes.length);
  return faultOf(() => checkJpegData(bytes));
};
/** A thread that could not check: the check is made here when settled. */
const unavailable: JpegDataCheck = () => Promise.reject(new Error('the font thread stopped'));

async function settled(images: ImageChecks): Promise<ContentError | undefined> {
  try {
    await images.settle();
    return undefined;
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
}

beforeAll(() => {
  root = makeTempDir();
  const jpeg = noisyJpeg(64, 48);
  for (const dir of ['whole', 'cut', 'cut-then-heic', 'unavailable-cut', 'unavailable-whole']) {
    writeFile(join(root, dir, 'images', 'whole.jpg'), jpeg);
    writeFile(join(root, dir, 'images', 'half.jpg'), jpeg.subarray(0, jpeg.length >> 1));
    writeFile(join(root, dir, 'images', 'heic.jpg'), Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'latin1'), Buffer.alloc(32)]));
  }
});
afterAll(() => removeDir(root));

describe('JPEG data checked elsewhere', () => {
  it('passes a whole photo, asking once for it', async () => {
    const dir = edition('whole', ARTICLE('images/whole.jpg', '\n![](images/whole.jpg)\n'));
    asked.length = 0;
    const images = new ImageChecks(elsewhere);
    expect(parseEdition(dir, undefined, images).pages).toHaveLength(1);
    expect(await settled(images)).toBeUndefined();
    expect(asked).toHaveLength(1);
  });

  it('fails a damaged photo when settled, with the error the parse gives at once', async () => {
    const dir = edition('cut', ARTICLE('images/half.jpg'));
    const atOnce = contentError(() => parseEdition(dir));
    const images = new ImageChecks(elsewhere);
    parseEdition(dir, undefined, images);
    const later = await settled(images);
    expect(later?.format()).toBe(atOnce.format());
    expect(later?.pos).toEqual({ file: join(dir, '11.md'), line: 14 });
    expect(later?.message).toMatch(/^image images\/half\.jpg is incomplete: /);
  });

  it('reports the damaged photo before an error met after it', async () => {
    const dir = edition('cut-then-heic', ARTICLE('images/half.jpg', '\n![](images/heic.jpg)\n'));
    const atOnce = contentError(() => parseEdition(dir));
    expect(atOnce.pos?.line).toBe(14);
    const images = new ImageChecks(elsewhere);
    // The parse goes on past the photo and stops at the HEIC file; settling puts the photo first.
    const stoppedAt = contentError(() => parseEdition(dir, undefined, images));
    expect(stoppedAt.pos?.line).toBe(16);
    expect((await settled(images))?.format()).toBe(atOnce.format());
  });

  it('checks here what could not be checked elsewhere', async () => {
    const cut = edition('unavailable-cut', ARTICLE('images/half.jpg'));
    const images = new ImageChecks(unavailable);
    parseEdition(cut, undefined, images);
    expect((await settled(images))?.format()).toBe(contentError(() => parseEdition(cut)).format());
    const whole = new ImageChecks(unavailable);
    parseEdition(edition('unavailable-whole', ARTICLE('images/whole.jpg')), undefined, whole);
    expect(await settled(whole)).toBeUndefined();
  });
});
