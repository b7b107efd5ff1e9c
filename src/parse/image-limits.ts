/**
 * How large an image banmian takes: checked from the file's size and its header, before a byte
 * of pixel data is decoded, so a small file that declares a huge picture is refused at once.
 */
import type { SourcePos } from '../model/document.js';
import { fail } from './fail.js';

/**
 * At most 60 megapixels. A photo printed across a whole broadsheet page at 300 ppi needs under
 * 30 megapixels; 60 leaves room for any camera short of medium format and keeps what checking
 * the file costs (up to 4 bytes a pixel for a PNG's pixel data) far inside a build's 1 GiB.
 */
export const MAX_IMAGE_PIXELS = 60_000_000;

/**
 * At most 20,000 pixels a side: three times a broadsheet page's long side at 300 ppi, room for
 * a stitched panorama, and no thin strip that is within the pixel count but absurd on a page.
 */
export const MAX_IMAGE_SIDE = 20_000;

/**
 * At most 160 MiB a file: a 60-megapixel JPEG from a camera is 20–60 MB, a 60-megapixel PNG of
 * a photo about 100 MB. The file is read whole (and is embedded in the PDF as it is).
 */
export const MAX_IMAGE_FILE_BYTES = 160 * 1024 * 1024;

/**
 * At most 256 MiB of decompressed PNG pixel data (ISO/IEC 15948 §7.2 scanlines with their
 * filter bytes), which the check inflates whole: an 8-bit RGBA picture of 60 megapixels fits,
 * a 16-bit one of that size does not.
 */
export const MAX_PNG_PIXEL_DATA_BYTES = 256 * 1024 * 1024;

const MEGA = 1_000_000;
const MIB = 1024 * 1024;

const SCALE_DOWN =
  'scale the picture down before placing it (a photo across a whole broadsheet page at 300 ppi needs under 30 megapixels, e.g. 6000 × 4500 pixels) and point to the smaller file';

/** Refuse a file larger than MAX_IMAGE_FILE_BYTES. */
export function checkFileSize(bytes: number, href: string, pos: SourcePos): void {
  if (bytes <= MAX_IMAGE_FILE_BYTES) return;
  fail(pos, `image ${href} is ${mib(bytes)} MiB: more than the ${mib(MAX_IMAGE_FILE_BYTES)} MiB a picture may be`,
    `save it again with more compression or fewer pixels; ${SCALE_DOWN}`);
}

/** Refuse a picture whose header declares too many pixels or too long a side. */
export function checkPixelSize(width: number, height: number, href: string, pos: SourcePos): void {
  const size = `${width} × ${height} pixels`;
  if (width * height > MAX_IMAGE_PIXELS) {
    fail(pos, `image ${href} is ${size} (${megapixels(width * height)} megapixels): more than the ${MAX_IMAGE_PIXELS / MEGA} megapixels a picture may have`, SCALE_DOWN);
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    fail(pos, `image ${href} is ${size}: more than the ${MAX_IMAGE_SIDE} pixels a side a picture may have`, SCALE_DOWN);
  }
}

/** Refuse a PNG whose pixel data, inflated, would be more than MAX_PNG_PIXEL_DATA_BYTES. */
export function checkPngDataSize(dataBytes: number, form: string, href: string, pos: SourcePos): void {
  if (dataBytes <= MAX_PNG_PIXEL_DATA_BYTES) return;
  fail(pos, `image ${href} holds ${mib(dataBytes)} MiB of pixel data (${form}): more than the ${mib(MAX_PNG_PIXEL_DATA_BYTES)} MiB a PNG may hold`,
    `save it as an 8-bit PNG (8 bits a channel, not 16), or ${SCALE_DOWN}`);
}

function mib(bytes: number): string {
  return String(Math.ceil(bytes / MIB));
}

function megapixels(pixels: number): string {
  return String(Math.round(pixels / MEGA));
}
