import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Figure } from '../../src/model/document.js';
import { parsePage } from '../../src/parse/index.js';
import { contentError, frontMatter, makeTempDir, removeDir, writeFile, writeGif, writePng } from './helpers.js';
import { greyPng, hugeDeclaredPng, ihdr, noisyJpeg, png, pngChunk, sofAt } from './image-files.js';

let dir: string;
let jpegFile: Buffer;
const ROOT = join(import.meta.dirname, '../..');

beforeAll(() => {
  dir = makeTempDir();
  const image = (name: string, bytes: Uint8Array): void => writeFile(join(dir, 'images', name), bytes);
  jpegFile = noisyJpeg(64, 48);
  image('whole.jpg', jpegFile);
  image('half.jpg', jpegFile.subarray(0, jpegFile.length >> 1));
  image('no-eoi.jpg', jpegFile.subarray(0, jpegFile.length - 2));
  image('half-eoi.jpg', Buffer.concat([jpegFile.subarray(0, jpegFile.length >> 1), Buffer.from([0xff, 0xd9])]));
  // Three stray bytes after APP0 (which jpeg-js writes at bytes 2–19): skipped, as decoders do.
  image('stray-bytes.jpg', Buffer.concat([jpegFile.subarray(0, 20), Buffer.from([0, 0, 0]), jpegFile.subarray(20)]));
  image('header-only.jpg', jpegFile.subarray(0, sofAt(jpegFile) + 10));
  const twelveBit = Buffer.from(jpegFile);
  twelveBit[sofAt(twelveBit) + 4] = 12; // SOF0: FF C0, length (2 bytes), P
  image('twelve-bit.jpg', twelveBit);
  const huge = Buffer.from(jpegFile);
  huge.writeUInt16BE(9000, sofAt(huge) + 5); // Y
  huge.writeUInt16BE(9000, sofAt(huge) + 7); // X
  image('huge.jpg', huge);
  image('huge-rgba.png', hugeDeclaredPng(30000, 30000, 6));
  image('huge-rgb.png', hugeDeclaredPng(30000, 30000, 2));
  image('strip.png', hugeDeclaredPng(25000, 10, 2));
  const { file: grey, raw } = greyPng(20, 10);
  image('grey.png', grey);
  image('no-iend.png', grey.subarray(0, grey.length - 12));
  const badCrc = Buffer.from(grey);
  badCrc[grey.indexOf('IDAT') + 8] ^= 0x01;
  image('bad-crc.png', badCrc);
  const deflated = deflateSync(raw);
  image('short-idat.png', png(ihdr(20, 10, 0), pngChunk('IDAT', deflated.subarray(0, deflated.length >> 1)), pngChunk('IEND')));
  image('few-rows.png', png(ihdr(20, 10, 0), pngChunk('IDAT', deflateSync(raw.subarray(0, 5 * 21))), pngChunk('IEND')));
  const scrambled = Buffer.from(deflated);
  scrambled[scrambled.length - 1] ^= 0xff; // the Adler-32 of RFC 1950 §2.2
  image('bad-adler.png', png(ihdr(20, 10, 0), pngChunk('IDAT', scrambled), pngChunk('IEND')));
  const badFilter = Buffer.from(raw);
  badFilter[3 * 21] = 9;
  image('bad-filter.png', png(ihdr(20, 10, 0), pngChunk('IDAT', deflateSync(badFilter)), pngChunk('IEND')));
  image('no-plte.png', png(ihdr(4, 4, 3), pngChunk('IDAT', deflateSync(Buffer.alloc(4 * 5))), pngChunk('IEND')));
  writePng(join(dir, 'images', 'png-named.jpg'), 12, 6);
  writeGif(join(dir, 'images', 'gif-named.jpg'));
  image('webp-named.jpg', Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(24)]));
  image('heic-named.jpg', Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'latin1'), Buffer.alloc(32)]));
  image('page-named.jpg', Buffer.from('<!DOCTYPE html>\n<html><body>Not found</body></html>\n'));
  image('empty.jpg', Buffer.alloc(0));
  copyFileSync(join(ROOT, 'tests/fixtures/images/restart-interval.jpg'), join(dir, 'images', 'restart-interval.jpg'));
});
afterAll(() => removeDir(dir));

/** The page's only block, a photo on line 14 (the body starts on line 11). */
function figure(href: string): Figure {
  const page = parsePage(`${frontMatter(['a a a a'])}::: article a\n正文\n\n![](${href})\n:::\n`, 'content/3.md', dir);
  const block = page.articles[0].blocks[1];
  if (block.kind !== 'figure') throw new Error('expected a figure');
  return block;
}

function refusal(href: string): { message: string; hint: string } {
  const error = contentError(() => figure(href));
  expect(error.pos).toEqual({ file: 'content/3.md', line: 14 });
  expect(error.format()).toMatch(/^content\/3\.md:14: image images\//);
  return { message: error.message, hint: error.hint ?? '' };
}

describe('image checks', () => {
  it('takes a whole JPEG, a whole PNG and a JPEG with restart markers', () => {
    expect(figure('images/whole.jpg')).toMatchObject({ pixelWidth: 64, pixelHeight: 48, crop: true });
    expect(figure('images/grey.png')).toMatchObject({ pixelWidth: 20, pixelHeight: 10, crop: false });
    expect(figure('images/restart-interval.jpg')).toMatchObject({ pixelWidth: 40, pixelHeight: 24 });
    expect(figure('images/stray-bytes.jpg')).toMatchObject({ pixelWidth: 64, pixelHeight: 48 });
  });

  it('reads a PNG named .jpg as the PNG it is: its size, shown whole', () => {
    expect(figure('images/png-named.jpg')).toMatchObject({ pixelWidth: 12, pixelHeight: 6, crop: false });
  });

  it.each([
    ['huge-rgba.png', '30000 × 30000 pixels (900 megapixels): more than the 60 megapixels a picture may have'],
    ['huge-rgb.png', '30000 × 30000 pixels (900 megapixels): more than the 60 megapixels a picture may have'],
    ['huge.jpg', '9000 × 9000 pixels (81 megapixels): more than the 60 megapixels a picture may have'],
    ['strip.png', '25000 × 10 pixels: more than the 20000 pixels a side a picture may have'],
  ])('refuses %s from its header, at once and without decoding it', (name, size) => {
    const before = process.memoryUsage().arrayBuffers;
    const start = performance.now();
    const { message, hint } = refusal(`images/${name}`);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    expect(message).toBe(`image images/${name} is ${size}`);
    expect(hint).toMatch(/^scale the picture down before placing it .* and point to the smaller file$/);
  });

  const reexport = /export it again from the original .* and point to the new file/;
  const recopy = /cut short, most likely by an interrupted copy or download: copy it again, or export it again from the original as (JPEG|PNG)/;

  it.each([
    ['half.jpg', /^is incomplete: the file ends at byte \d+, inside its image data$/, recopy],
    ['no-eoi.jpg', /^is incomplete: the file ends at byte \d+ without its end-of-image marker \(EOI\)$/, recopy],
    ['half-eoi.jpg', /^is damaged: its image data stops early, at the EOI marker at byte \d+$/, reexport],
    ['header-only.jpg', /^is incomplete: the file ends at byte \d+, inside a SOF0 segment that should end at byte \d+$/, recopy],
    ['twelve-bit.jpg', /^is a 12-bit JPEG; a PDF takes 8-bit JPEGs$/, /save it again as a standard JPEG \(baseline or progressive, 8 bits/],
    ['no-iend.png', /^is incomplete: the file ends at byte \d+ after its IDAT chunk, without its IEND chunk$/, recopy],
    ['bad-crc.png', /^is damaged: its IDAT chunk at byte 33 fails its CRC check \(its bytes were changed\)$/, reexport],
    ['short-idat.png', /^is incomplete: its compressed pixel data \(IDAT\) stops before the end of the picture$/, recopy],
    ['few-rows.png', /^is incomplete: its pixel data \(IDAT\) stops early: 105 of 210 bytes$/, recopy],
    ['bad-adler.png', /^is damaged: its compressed pixel data \(IDAT\) is damaged \(incorrect data check\)$/, reexport],
    ['bad-filter.png', /^is damaged: its pixel data is damaged: scanline 4 has an unknown filter type 9$/, reexport],
    ['no-plte.png', /^is damaged: it is an indexed-colour PNG without its palette \(PLTE\)$/, reexport],
  ])('refuses %s, naming what is wrong', (name, message, hint) => {
    const refused = refusal(`images/${name}`);
    expect(refused.message.slice(`image images/${name} `.length)).toMatch(message);
    expect(refused.hint).toMatch(hint);
  });

  it.each([
    ['gif-named.jpg', 'a GIF image', /JPEG \(\.jpg\) or PNG \(\.png\): convert the image/],
    ['webp-named.jpg', 'a WebP image', /convert the image/],
    ['heic-named.jpg', 'a HEIC/HEIF image (the iPhone camera format)', /export the photo as JPEG/],
    ['page-named.jpg', 'an HTML web page (perhaps a page saved instead of the picture)', /download the picture itself/],
    ['empty.jpg', 'an empty file (0 bytes)', /the file is empty: copy the picture again/],
  ])('refuses %s as what it is', (name, what, hint) => {
    const refused = refusal(`images/${name}`);
    expect(refused.message).toBe(`image images/${name} is ${what}, not a JPEG or PNG`);
    expect(refused.hint).toMatch(hint);
  });

  it('checks a file once however many photos show it', () => {
    expect(figure('images/whole.jpg').pixelWidth).toBe(64);
    expect(figure('images/whole.jpg').pixelWidth).toBe(64);
  });

  it('reads the sample photos whole', () => {
    for (const name of ['chenhao-survey.jpg', 'chenhao-team.jpg']) {
      writeFile(join(dir, 'images', name), readFileSync(join(ROOT, 'content/images', name)));
      expect(figure(`images/${name}`).pixelWidth).toBe(1800);
    }
  });
});
