/**
 * `length` bytes of an open file read at `position` into `into` at `offset`, over as many reads
 * as the system takes (a read may return fewer bytes than asked), stopping only where the file
 * ends: the bytes read. Shared by what reads files into memory of its own (fonts/font-file.ts,
 * export/epub/harfbuzz.ts, file-shared.ts) and by the launcher (bundle-read.cts), hence
 * CommonJS.
 */
import { readSync } from 'node:fs';

export function readFully(fd: number, into: Uint8Array, offset: number, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, offset + done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}
