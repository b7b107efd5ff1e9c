/** Helpers for the parse-stage tests: temp edition folders, tiny JPEGs, error capture. */
import { PNG } from 'pngjs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { ContentError } from '../../src/model/errors.js';

/** A fresh temp folder; remove it with `removeDir`. */
export function makeTempDir(prefix = 'banmian-parse-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Write a file, creating its folders. */
export function writeFile(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Write a grey JPEG of `width` × `height` stored pixels, with an EXIF orientation if given. */
export function writeJpeg(path: string, width: number, height: number, orientation?: number): void {
  const data = Buffer.alloc(width * height * 4, 0x80);
  const encoded = jpeg.encode({ width, height, data }, 80).data;
  if (orientation === undefined) {
    writeFile(path, encoded);
    return;
  }
  // APP1 "Exif": big-endian TIFF header, one IFD entry 0x0112 (Orientation), SHORT, count 1.
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
  const app1 = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
  writeFile(path, Buffer.concat([encoded.subarray(0, 2), Buffer.from(app1), encoded.subarray(2)]));
}

/** A PNG of the given size with an alpha channel (a graphic). */
export function writePng(path: string, width: number, height: number): void {
  const png = new PNG({ width, height });
  png.data.fill(0x80);
  writeFile(path, PNG.sync.write(png));
}

/** A 1×1 GIF (not a JPEG). */
export function writeGif(path: string): void {
  writeFile(path, Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'));
}

/**
 * Front matter of 9 + bands lines: with one band, `---` closes on line 10 and the body
 * starts on line 11.
 */
export function frontMatter(areas: string[] = ['a'], columns = areas[0].split(' ').length): string {
  return [
    '---',
    'paper: 人民日报',
    'date: 2024-11-24',
    'page: 11',
    'section: 党建',
    'size: broadsheet',
    `columns: ${columns}`,
    'areas:',
    ...areas.map((band) => `  - ${band}`),
    '---',
    '',
  ].join('\n');
}

/** Run `fn` and return the ContentError it throws (fails the test otherwise). */
export function contentError(fn: () => unknown): ContentError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError, but nothing was thrown');
}
