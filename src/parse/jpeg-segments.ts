/**
 * The marker segments of a JPEG file (ITU T.81 Annex B) and its frame header: enough to know
 * the picture's size and form without touching its entropy-coded data.
 */
import { corrupt, cut, unsupported } from './image-fault.js';

/** ITU T.81 Table B.1 marker codes (the byte after 0xFF). */
export const SOI = 0xd8;
export const EOI = 0xd9;
export const SOS = 0xda;
export const DQT = 0xdb;
export const DNL = 0xdc;
export const DRI = 0xdd;
export const DHT = 0xc4;
export const RST0 = 0xd0;
export const RST7 = 0xd7;
const TEM = 0x01;
const SOF_FIRST = 0xc0;
const SOF_LAST = 0xcf;
/** C4 (DHT), C8 (JPG, reserved) and CC (DAC) lie in the SOF range but are not frame headers. */
const NOT_SOF = new Set([DHT, 0xc8, 0xcc]);
const MARKER_PREFIX = 0xff;
/** 0xFF 0x00 in entropy-coded data is a stuffed 0xFF byte (B.1.1.5), not a marker. */
const STUFFED = 0x00;

/** The JPEG coding processes (T.81 Table B.1): only the first three are in a PDF's DCTDecode. */
export type JpegProcess = 'baseline' | 'extended' | 'progressive';

/** One marker and its parameters: `data` is the segment after its length field. */
export interface Segment {
  readonly marker: number;
  /** Offset of the 0xFF of the marker. */
  readonly at: number;
  readonly data: Uint8Array;
  /** Offset just after the segment. */
  readonly end: number;
}

/** T.81 B.2.2 frame component: identifier, sampling factors, quantization table. */
export interface FrameComponent {
  readonly id: number;
  readonly h: number;
  readonly v: number;
  readonly tq: number;
}

export interface JpegFrame {
  readonly process: JpegProcess;
  readonly width: number;
  readonly height: number;
  readonly components: readonly FrameComponent[];
  readonly hMax: number;
  readonly vMax: number;
}

/** Whether `marker` stands alone, without a length (T.81 B.1.1.3 and Table B.1). */
function standalone(marker: number): boolean {
  return marker === SOI || marker === EOI || marker === TEM || (marker >= RST0 && marker <= RST7);
}

export function isSof(marker: number): boolean {
  return marker >= SOF_FIRST && marker <= SOF_LAST && !NOT_SOF.has(marker);
}

/**
 * Read the marker segment at `at`, after any 0xFF fill bytes (T.81 B.1.1.2). Stray bytes before
 * a marker are skipped, as libjpeg's next_marker does: such files exist and every viewer shows
 * them; what counts is that the segments and the image data are whole.
 */
export function segmentAt(bytes: Uint8Array, at: number): Segment {
  let i = at;
  for (;;) {
    while (i < bytes.length && bytes[i] !== MARKER_PREFIX) i++;
    while (i < bytes.length && bytes[i] === MARKER_PREFIX) i++;
    if (i >= bytes.length) throw cut(`the file ends at byte ${bytes.length} without its end-of-image marker (EOI)`);
    if (bytes[i] !== STUFFED) break;
  }
  const marker = bytes[i];
  const after = i + 1;
  if (standalone(marker)) return { marker, at: i - 1, data: bytes.subarray(after, after), end: after };
  const LENGTH_BYTES = 2;
  if (after + LENGTH_BYTES > bytes.length) throw cut(`the file ends at byte ${bytes.length}, inside the header of a ${markerName(marker)} segment`);
  const length = (bytes[after] << 8) | bytes[after + 1];
  if (length < LENGTH_BYTES) throw corrupt(`the ${markerName(marker)} segment at byte ${i - 1} has an impossible length of ${length}`);
  const end = after + length;
  if (end > bytes.length) throw cut(`the file ends at byte ${bytes.length}, inside a ${markerName(marker)} segment that should end at byte ${end}`);
  return { marker, at: i - 1, data: bytes.subarray(after + LENGTH_BYTES, end), end };
}

/** How a refusal names a marker: `SOF0`, `DHT`, `APP1`, or its code. */
export function markerName(marker: number): string {
  const named: Record<number, string> = { [SOI]: 'SOI', [EOI]: 'EOI', [SOS]: 'SOS', [DQT]: 'DQT', [DNL]: 'DNL', [DRI]: 'DRI', [DHT]: 'DHT', 0xfe: 'COM' };
  const APP_FIRST = 0xe0;
  const APP_LAST = 0xef;
  if (named[marker]) return named[marker];
  if (isSof(marker)) return `SOF${marker - SOF_FIRST}`;
  if (marker >= APP_FIRST && marker <= APP_LAST) return `APP${marker - APP_FIRST}`;
  if (marker >= RST0 && marker <= RST7) return `RST${marker - RST0}`;
  return `0xFF${marker.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The offset just after the SOI marker (T.81 B.2.1), or a fault if the file does not start with one. */
export function afterSoi(bytes: Uint8Array): number {
  const SOI_BYTES = 2;
  if (bytes.length < SOI_BYTES || bytes[0] !== MARKER_PREFIX || bytes[1] !== SOI) throw corrupt('it does not start with a JPEG start-of-image marker');
  return SOI_BYTES;
}

/** The frame header, read by walking the segments before it. */
export function readJpegFrame(bytes: Uint8Array): JpegFrame {
  let at = afterSoi(bytes);
  for (;;) {
    const segment = segmentAt(bytes, at);
    if (isSof(segment.marker)) return parseFrame(segment);
    if (segment.marker === SOS || segment.marker === EOI) throw corrupt(`it has no frame header (SOF) before its ${markerName(segment.marker)} marker`);
    at = segment.end;
  }
}

/** Sampling factors lie in 1…4 (T.81 B.2.2, Table B.2). */
const MAX_SAMPLING = 4;
/** 8-bit samples: the only precision of baseline and the only one banmian passes to a PDF. */
const PRECISION = 8;
/** Colour components a PDF's DCTDecode image takes: grey, RGB/YCbCr, CMYK/YCCK. */
const COMPONENT_COUNTS = [1, 3, 4];
const FRAME_FIXED_BYTES = 6;
const COMPONENT_BYTES = 3;
const RESAVE = 'open it in an image editor and save it again as a standard JPEG (baseline or progressive, 8 bits, RGB or greyscale), then point to that file';

/** T.81 B.2.2 frame header: P, Y, X, Nf, then Ci, Hi/Vi, Tqi for each component. */
export function parseFrame(segment: Segment): JpegFrame {
  const { marker, data } = segment;
  const code = marker - SOF_FIRST;
  const LOSSLESS = 3;
  const ARITHMETIC = 8;
  const DIFFERENTIAL = 4;
  if (code >= ARITHMETIC) throw unsupported('is an arithmetic-coded JPEG, which PDF readers cannot show', RESAVE);
  if (code & DIFFERENTIAL) throw unsupported('is a hierarchical JPEG, which PDF readers cannot show', RESAVE);
  if (code === LOSSLESS) throw unsupported('is a lossless JPEG, which PDF readers cannot show', RESAVE);
  if (data.length < FRAME_FIXED_BYTES) throw corrupt(`its frame header (${markerName(marker)}) is too short`);
  const precision = data[0];
  const height = (data[1] << 8) | data[2];
  const width = (data[3] << 8) | data[4];
  const count = data[5];
  if (precision !== PRECISION) throw unsupported(`is a ${precision}-bit JPEG; a PDF takes 8-bit JPEGs`, RESAVE);
  if (height === 0) throw unsupported('leaves its height to a later DNL marker, which banmian does not read', RESAVE);
  if (width === 0) throw corrupt('its frame header gives a width of 0 pixels');
  if (!COMPONENT_COUNTS.includes(count)) throw unsupported(`has ${count} colour components; a page takes greyscale (1), colour (3) or CMYK (4) JPEGs`, RESAVE);
  if (data.length !== FRAME_FIXED_BYTES + count * COMPONENT_BYTES) throw corrupt(`its frame header (${markerName(marker)}) has the wrong length for ${count} components`);
  const components: FrameComponent[] = [];
  for (let i = 0; i < count; i++) {
    const p = FRAME_FIXED_BYTES + i * COMPONENT_BYTES;
    const h = data[p + 1] >> 4;
    const v = data[p + 1] & 0x0f;
    const tq = data[p + 2];
    const MAX_TABLE = 3;
    if (h < 1 || h > MAX_SAMPLING || v < 1 || v > MAX_SAMPLING || tq > MAX_TABLE) throw corrupt(`its frame header gives component ${data[p]} impossible sampling factors or table`);
    if (components.some((c) => c.id === data[p])) throw corrupt(`its frame header names component ${data[p]} twice`);
    components.push({ id: data[p], h, v, tq });
  }
  const process: JpegProcess = code === 0 ? 'baseline' : code === 1 ? 'extended' : 'progressive';
  return {
    process,
    width,
    height,
    components,
    hMax: Math.max(...components.map((c) => c.h)),
    vMax: Math.max(...components.map((c) => c.v)),
  };
}
