/**
 * The font files a build will open, read off the main thread while the stages' code loads (a
 * cold build reads some 70 MB of CJK faces; the main thread compiles code meanwhile). Only a
 * head start: fonts.json is read as plain JSON, and whatever cannot be found or read here is
 * left to loadFontBook, which reads it itself and says what is wrong.
 */
import { open } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaceSpec } from './config.js';
import { CONFIG_NAME, faceFile, fontsDirOf } from './files.js';

/** The files of the faces fonts.json's roles name, each read into shared memory, by path. */
export async function prefetchFontFiles(dir?: string): Promise<Map<string, SharedArrayBuffer>> {
  const read = new Map<string, SharedArrayBuffer>();
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
        read.set(file, await readShared(file));
      } catch {
        // loadFontBook reads it again and reports what is wrong.
      }
    }),
  );
  return read;
}

async function readShared(file: string): Promise<SharedArrayBuffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const memory = new SharedArrayBuffer(size);
    const bytes = Buffer.from(memory);
    for (let done = 0; done < size; ) {
      const { bytesRead } = await handle.read(bytes, done, size - done, done);
      if (bytesRead === 0) throw new Error(`${file} ended early`);
      done += bytesRead;
    }
    return memory;
  } finally {
    await handle.close();
  }
}
