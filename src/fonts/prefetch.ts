/**
 * The font files a build will open, read off the main thread while the stages' code loads (a
 * cold build reads some 70 MB of CJK faces; the main thread compiles code meanwhile). Only a
 * head start: fonts.json is read as plain JSON, and whatever cannot be found or read here is
 * left to loadFontBook, which reads it itself and says what is wrong.
 */
import { closeSync, fstatSync, openSync, read, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { FaceSpec } from './config.js';
import { CONFIG_NAME, faceFile, fontsDirOf } from './files.js';
import { HEAD_BYTES, rangesToRead, type FontFileBytes } from './font-file.js';

/** The files of the faces fonts.json's roles name, read into shared memory (every table but the glyph outlines: font-file.ts), by path. */
export async function prefetchFontFiles(dir?: string): Promise<Map<string, FontFileBytes>> {
  const read = new Map<string, FontFileBytes>();
  let config: { faces?: Record<string, FaceSpec>; roles?: Record<string, string[]> };
  const fontsDir = fontsDirOf(dir);
  try {
    config = JSON.parse(readFileSync(join(fontsDir, CONFIG_NAME), 'utf8')) as typeof config;
  } catch {
    return read;
  }
  const keys = new Set(Object.values(config.roles ?? {}).flatMap((chain) => (Array.isArray(chain) ? chain : [])));
  const files = new Set<string>();
  for (const key of keys) {
    const spec = config.faces?.[key];
    const file = spec && typeof spec === 'object' ? faceFile(spec, fontsDir).file : undefined;
    if (file) files.add(file);
  }
  await Promise.all(
    [...files].map(async (file) => {
      try {
        read.set(file, await readAhead(file));
      } catch {
        // loadFontBook reads it again and reports what is wrong.
      }
    }),
  );
  return read;
}

/** fs.read as a promise. Not fs/promises: loading it loads readline and fs's watchers with it, some 2 ms of a cold start. */
const readInto = (fd: number, into: Buffer, offset: number, length: number): Promise<number> =>
  new Promise((done, fail) => read(fd, into, offset, length, offset, (error, bytesRead) => (error ? fail(error) : done(bytesRead))));

/**
 * A face file's tables read into shared memory. The header and table directory are read at once
 * (a few KB), so that every table's read is asked for before this returns: the thread pool reads
 * them while the main thread loads the stages' code. Asked one after another, each through a
 * turn of the event loop, they waited for that code to load first: the main thread then waited
 * some 20 ms for them (the sample, in a cold process).
 */
function readAhead(file: string): Promise<FontFileBytes> {
  const fd = openSync(file, 'r');
  let reading: Promise<FontFileBytes>;
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    readFully(fd, head);
    const plan = rangesToRead(head, size);
    const memory = new SharedArrayBuffer(size);
    const bytes = Buffer.from(memory);
    const readAt = async (offset: number, length: number): Promise<void> => {
      for (let done = 0; done < length; ) {
        const bytesRead = await readInto(fd, bytes, offset + done, length - done);
        if (bytesRead === 0) throw new Error(`${file} ended early`);
        done += bytesRead;
      }
    };
    reading = Promise.all(plan.ranges.map(([offset, length]) => readAt(offset, length))).then(() => ({ memory, outlines: plan.outlines }));
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return reading.finally(() => closeSync(fd));
}

/** Fill `into` from the start of the file `fd`, or as much as the file has. */
function readFully(fd: number, into: Buffer): void {
  for (let done = 0; done < into.length; ) {
    const n = readSync(fd, into, done, into.length - done, done);
    if (n === 0) break;
    done += n;
  }
}
