/**
 * What an image file is, told from its first bytes (its magic number), never from its name: a
 * PNG saved as `photo.jpg` is a PNG, and an iPhone's HEIC photo renamed `.jpg` is still HEIC.
 */

/** The kinds banmian reads, and the ones it names when it refuses a file. */
export type ImageKind =
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'heic'
  | 'avif'
  | 'tiff'
  | 'bmp'
  | 'jpeg2000'
  | 'jpegxl'
  | 'psd'
  | 'pdf'
  | 'svg'
  | 'html'
  | 'text'
  | 'empty'
  | 'unknown';

/** The kinds a page can show: JPEG for photos, PNG for graphics. */
export type ReadableKind = Extract<ImageKind, 'jpeg' | 'png'>;

/** How a refusal names each kind: "image x.jpg is …, not a JPEG or PNG". */
export const KIND_NAME: Record<ImageKind, string> = {
  jpeg: 'a JPEG image',
  png: 'a PNG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  heic: 'a HEIC/HEIF image (the iPhone camera format)',
  avif: 'an AVIF image',
  tiff: 'a TIFF image',
  bmp: 'a BMP image',
  jpeg2000: 'a JPEG 2000 image',
  jpegxl: 'a JPEG XL image',
  psd: 'a Photoshop document (PSD)',
  pdf: 'a PDF document',
  svg: 'an SVG drawing',
  html: 'an HTML web page (perhaps a page saved instead of the picture)',
  text: 'a text file',
  empty: 'an empty file (0 bytes)',
  unknown: 'not an image banmian can read',
};

/** Fixed byte strings at the start of a file. */
const MAGIC: ReadonlyArray<{ readonly kind: ImageKind; readonly at: number; readonly bytes: readonly number[] }> = [
  // ITU T.81 B.1.1.3: SOI (FF D8), then the first marker's FF.
  { kind: 'jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] },
  // ISO/IEC 15948 §5.2 PNG signature.
  { kind: 'png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'gif', at: 0, bytes: [...ascii('GIF8')] },
  { kind: 'webp', at: 8, bytes: [...ascii('WEBP')] }, // after RIFF and its length
  { kind: 'tiff', at: 0, bytes: [0x49, 0x49, 0x2a, 0x00] }, // TIFF 6.0 §2: "II*\0"
  { kind: 'tiff', at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // "MM\0*"
  { kind: 'bmp', at: 0, bytes: [...ascii('BM')] },
  { kind: 'jpeg2000', at: 4, bytes: [...ascii('jP  ')] }, // ISO/IEC 15444-1 I.5.1 signature box
  { kind: 'jpeg2000', at: 0, bytes: [0xff, 0x4f, 0xff, 0x51] }, // a bare codestream: SOC, SIZ
  { kind: 'jpegxl', at: 0, bytes: [0xff, 0x0a] },
  { kind: 'jpegxl', at: 4, bytes: [...ascii('JXL ')] },
  { kind: 'psd', at: 0, bytes: [...ascii('8BPS')] },
  { kind: 'pdf', at: 0, bytes: [...ascii('%PDF-')] },
];

/** ISO/IEC 14496-12 §4.3 `ftyp` brands of HEIF (ISO/IEC 23008-12) and AVIF files. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** How much of the start of a file the text test looks at. */
const TEXT_SAMPLE_BYTES = 512;

function ascii(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** The kind of image in `bytes` (the file's first bytes are enough; the whole file does too). */
export function imageKind(bytes: Uint8Array): ImageKind {
  if (bytes.length === 0) return 'empty';
  for (const { kind, at, bytes: magic } of MAGIC) {
    if (bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)) return kind;
  }
  const box = isoBrand(bytes);
  if (box !== undefined && HEIF_BRANDS.has(box)) return 'heic';
  if (box !== undefined && AVIF_BRANDS.has(box)) return 'avif';
  return textKind(bytes);
}

/** The major brand of an ISO base media file (`....ftypBRND`), if it is one. */
function isoBrand(bytes: Uint8Array): string | undefined {
  const FTYP_AT = 4;
  const BRAND_AT = 8;
  const BRAND_END = 12;
  if (bytes.length < BRAND_END || Buffer.from(bytes.subarray(FTYP_AT, BRAND_AT)).toString('latin1') !== 'ftyp') return undefined;
  return Buffer.from(bytes.subarray(BRAND_AT, BRAND_END)).toString('latin1');
}

/** Text (an SVG, a web page, anything else readable) or an unknown binary. */
function textKind(bytes: Uint8Array): ImageKind {
  const head = Buffer.from(bytes.subarray(0, TEXT_SAMPLE_BYTES));
  // Control characters other than tab, line feed, carriage return and form feed mean binary.
  if (head.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d)) return 'unknown';
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'svg';
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) return 'html';
  return 'text';
}
