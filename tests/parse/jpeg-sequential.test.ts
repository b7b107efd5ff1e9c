/**
 * The one-loop decoder of sequential scans (jpeg-sequential.ts, its loop WebAssembly) against the general one
 * (jpeg-scan.ts readScan): the same verdict on whole files, with and without restart markers,
 * and on hundreds of damaged ones, where it must either read exactly what the general decoder
 * reads or hand the scan to it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageFault } from '../../src/parse/image-fault.js';
import { checkJpegData, type ScanReader } from '../../src/parse/jpeg-check.js';
import { mcuGrid, readScan, sequentialBlocks } from '../../src/parse/jpeg-scan.js';
import { decodeSequentialScan } from '../../src/parse/jpeg-sequential.js';
import { encodeJpeg, someCoefficients } from './jpeg-encode.js';
import { noisyJpeg } from './image-files.js';

const ROOT = join(import.meta.dirname, '../..');
const whole = noisyJpeg(64, 48);
const restarts = readFileSync(join(ROOT, 'tests/fixtures/images/restart-interval.jpg'));
const baseline = encodeJpeg(someCoefficients(40, 24), false);

/** What the check says of `bytes` when its scans are read by `read`: 'whole', or the fault. */
function verdict(bytes: Uint8Array, read?: ScanReader): string {
  try {
    checkJpegData(bytes, read);
    return 'whole';
  } catch (error) {
    if (error instanceof ImageFault) return `${error.fault}: ${error.reason}`;
    throw error;
  }
}

/** The scans' ends as each reader finds them (the one-loop decoder's `undefined` included). */
function scanEnds(bytes: Uint8Array): { fast: (number | undefined)[]; general: number[] } {
  const fast: (number | undefined)[] = [];
  const general: number[] = [];
  checkJpegData(bytes, (data, start, frame, scan, interval) => {
    fast.push(decodeSequentialScan(data, start, sequentialBlocks(scan), mcuGrid(frame, scan).total, interval));
    const end = readScan(data, start, frame, scan, interval);
    general.push(end);
    return end;
  });
  return { fast, general };
}

/** A copy of `bytes` with byte `at` set to `value`. */
function withByte(bytes: Uint8Array, at: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = value;
  return copy;
}

describe('the one-loop sequential decoder', () => {
  it('reads a whole file to the same end as the general decoder', () => {
    for (const file of [whole, restarts, baseline]) {
      const { fast, general } = scanEnds(file);
      expect(general.length).toBeGreaterThan(0);
      expect(fast).toEqual(general);
    }
  });

  it('reads a file larger than its module\'s memory was, then smaller ones again, each to the general decoder\'s end', () => {
    // Noise keeps the data from compressing: some 300 KB, past the module's first 64 KB page.
    const large = noisyJpeg(480, 360);
    expect(large.length).toBeGreaterThan(4 * 65536);
    for (const file of [whole, large, baseline, restarts, whole]) {
      const { fast, general } = scanEnds(file);
      expect(fast).toEqual(general);
    }
  });

  it('reads through restart markers (the fixture has them)', () => {
    const sos = restarts.indexOf(Buffer.from([0xff, 0xda]));
    const rst = restarts.subarray(sos).findIndex((b, i, a) => b === 0xff && a[i + 1] >= 0xd0 && a[i + 1] <= 0xd7);
    expect(rst).toBeGreaterThan(0);
    expect(scanEnds(restarts).fast.every((end) => end !== undefined)).toBe(true);
  });

  it('hands a cut file to the general decoder, which says where it ends', () => {
    const cut = whole.subarray(0, whole.length >> 1);
    expect(verdict(cut)).toBe(verdict(cut, readScan));
    expect(verdict(cut)).toMatch(/^cut: the file ends at byte \d+/);
  });

  it('gives the general decoder\'s verdict on every damaged copy of three files', () => {
    let damaged = 0;
    for (const file of [whole, restarts, baseline]) {
      const data = file.indexOf(Buffer.from([0xff, 0xda])) + 14;
      let seed = 7;
      for (let n = 0; n < 150; n++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const at = data + (seed % (file.length - 2 - data));
        const copy = withByte(file, at, (seed >> 8) & 0xff);
        const expected = verdict(copy, readScan);
        if (expected !== 'whole') damaged++;
        expect(verdict(copy), `byte ${at} = ${copy[at]}`).toBe(expected);
      }
    }
    // Some of the changes must have been found: otherwise this compared nothing.
    expect(damaged).toBeGreaterThan(50);
  });
});
