/** Helpers for the parse-stage tests: temp edition folders, tiny JPEGs, error capture. */
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

/** Write a grey JPEG of `width` × `height` pixels. */
export function writeJpeg(path: string, width: number, height: number): void {
  const data = Buffer.alloc(width * height * 4, 0x80);
  writeFile(path, jpeg.encode({ width, height, data }, 80).data);
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
