import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A font file's bytes, read once per build into memory that threads share (a
 * SharedArrayBuffer): the EPUB's thread opens the same faces from the same bytes, and its
 * subsetter reads them there, so a 10–15 MB CJK face is neither read nor held twice.
 */
export function readFontFile(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    for (let done = 0; done < size; ) {
      const read = readSync(fd, bytes, done, size - done, done);
      if (read === 0) throw new Error(`${file} ended after ${done} of ${size} bytes`);
      done += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The shared memory behind bytes read by readFontFile, to send to another thread. */
export function sharedMemory(bytes: Buffer): SharedArrayBuffer {
  if (!(bytes.buffer instanceof SharedArrayBuffer)) throw new Error('font bytes are not in shared memory');
  return bytes.buffer;
}
