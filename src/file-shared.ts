/**
 * A file's bytes read into memory the process's threads share (a SharedArrayBuffer), for bytes
 * that are posted to the font thread (subset-thread.ts): a photo's JPEG data to check, its entry
 * in the book to deflate, its part of the book's identifier to digest. Posted, such bytes are
 * shared, not copied: each of the sample's two photos (160 and 170 KB) went to the thread three
 * times, each time copied on this thread and again into memory new to the other (a page fault a
 * 4 KB page, some 12 µs on the bench's machine).
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { readFully } from './read-fully.cjs';

/** The whole of `file`, as a Buffer over shared memory. Throws as readFileSync does. */
export function readFileShared(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    const done = readFully(fd, bytes, 0, size, 0);
    // A file cut short while it is read: what is there, as readFileSync gives it.
    return done < size ? bytes.subarray(0, done) : bytes;
  } finally {
    closeSync(fd);
  }
}
