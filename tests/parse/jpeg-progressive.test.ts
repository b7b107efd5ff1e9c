/**
 * The JPEG check on progressive files (jpeg-encode.ts codes them as libjpeg does): every scan
 * kind decoded, whole files taken, files cut anywhere refused. jpeg-js decoding the progressive
 * and the baseline coding of the same coefficients to the same pixels shows the test files are
 * what they claim to be.
 */
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { ImageFault } from '../../src/parse/image-fault.js';
import { checkJpegData } from '../../src/parse/jpeg-check.js';
import { readJpegFrame } from '../../src/parse/jpeg-segments.js';
import { encodeJpeg, someCoefficients } from './jpeg-encode.js';

const coefficients = someCoefficients(40, 24);
const progressive = encodeJpeg(coefficients, true);
const baseline = encodeJpeg(coefficients, false);

function fault(bytes: Uint8Array): ImageFault | undefined {
  try {
    checkJpegData(bytes);
    return undefined;
  } catch (error) {
    if (error instanceof ImageFault) return error;
    throw error;
  }
}

describe('progressive JPEGs', () => {
  it('are what they claim: the same pixels as the baseline coding of the same coefficients', () => {
    const a = jpeg.decode(progressive, { useTArray: true });
    const b = jpeg.decode(baseline, { useTArray: true });
    expect([a.width, a.height]).toEqual([40, 24]);
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
  });

  it('are read whole, all ten scans of libjpeg\'s progression', () => {
    expect(readJpegFrame(progressive)).toMatchObject({ process: 'progressive', width: 40, height: 24, hMax: 2, vMax: 1 });
    expect(fault(progressive)).toBeUndefined();
    expect(fault(baseline)).toBeUndefined();
  });

  it('are refused when cut anywhere', () => {
    const cuts = Array.from({ length: 40 }, (_, i) => Math.floor(((i + 1) * (progressive.length - 2)) / 41));
    for (const at of cuts) expect(fault(progressive.subarray(0, at)), `cut at byte ${at}`).toBeInstanceOf(ImageFault);
  });

  it('are refused when a scan\'s data is short but the file ends properly', () => {
    // The first AC scan of Y, its data cut in half, then the file's end-of-image marker.
    const scan = progressive.indexOf(Buffer.from([0xff, 0xda]), progressive.indexOf(Buffer.from([0xff, 0xda])) + 2);
    const next = progressive.indexOf(Buffer.from([0xff, 0xc4]), scan);
    const short = Buffer.concat([progressive.subarray(0, (scan + next) >> 1), Buffer.from([0xff, 0xd9])]);
    expect(fault(short)?.reason).toMatch(/^its image data stops early/);
  });

  it('with many seeds: all taken', () => {
    for (let seed = 2; seed < 12; seed++) expect(fault(encodeJpeg(someCoefficients(24 + seed * 5, 8 + seed * 3, seed), true)), `seed ${seed}`).toBeUndefined();
  });
});
