/**
 * The font files a build will open, read off the main thread while the stages' code loads (a
 * cold build reads some 70 MB of CJK faces; the main thread compiles code meanwhile). Only a
 * head start: fonts.json is read as plain JSON, and whatever cannot be found or read here is
 * left to loadFontBook, which reads it itself and says what is wrong.
 */
import { close, fstat, open, read, readFileSync } from 'node:fs';
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

/**
 * fs's callbacks as promises. Not fs/promises: loading it loads readline and fs's watchers with
 * it, some 2 ms of a cold start for four calls.
 */
const openFile = (file: string): Promise<number> => new Promise((done, fail) => open(file, 'r', (error, fd) => (error ? fail(error) : done(fd))));
const sizeOf = (fd: number): Promise<number> => new Promise((done, fail) => fstat(fd, (error, stats) => (error ? fail(error) : done(stats.size))));
const readInto = (fd: number, into: Buffer, offset: number, length: number): Promise<number> =>
  new Promise((done, fail) => read(fd, into, offset, length, offset, (error, bytesRead) => (error ? fail(error) : done(bytesRead))));
const closeFile = (fd: number): Promise<void> => new Promise((done) => close(fd, () => done()));

async function readAhead(file: string): Promise<FontFileBytes> {
  const fd = await openFile(file);
  const readAt = async (into: Buffer, offset: number, length: number): Promise<void> => {
    for (let done = 0; done < length; ) {
      const bytesRead = await readInto(fd, into, offset + done, length - done);
      if (bytesRead === 0) throw new Error(`${file} ended early`);
      done += bytesRead;
    }
  };
  try {
    const size = await sizeOf(fd);
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await readAt(head, 0, head.length);
    const plan = rangesToRead(head, size);
    const memory = new SharedArrayBuffer(size);
    const bytes = Buffer.from(memory);
    await Promise.all(plan.ranges.map(([offset, length]) => readAt(bytes, offset, length)));
    return { memory, outlines: plan.outlines };
  } finally {
    await closeFile(fd);
  }
}
