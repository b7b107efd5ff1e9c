/**
 * A JPEG checked whole: every segment from SOI to EOI (ITU T.81 B.2), every scan's entropy-coded
 * data decoded (jpeg-scan.ts). A file cut anywhere, with its EOI missing, or with damaged data
 * is refused here, before a PDF would carry it and a viewer show a grey band or nothing.
 * Memory: the file itself, plus two words a block for a progressive JPEG (about 30 MB at the
 * 60-megapixel limit), whatever the picture.
 */
import { corrupt } from './image-fault.js';
import { readHuffmanTables, type HuffmanTable, type TableClass } from './jpeg-huffman.js';
import { componentGrid, decodeScan, nonZeroMap, type ComponentGrid, type Scan, type ScanComponent } from './jpeg-scan.js';
import { afterSoi, DHT, DQT, DRI, EOI, isSof, parseFrame, RST0, RST7, segmentAt, SOS, type JpegFrame, type Segment } from './jpeg-segments.js';

/**
 * At most 64 scans. Encoders write one to three sequential scans, or about ten progressive ones
 * (libjpeg's default script for colour has ten); each scan visits every block, so a bound keeps
 * a crafted file of thousands of empty scans from taking minutes.
 */
const MAX_SCANS = 64;
/** T.81 B.2.3: an interleaved MCU holds at most 10 blocks. */
const MAX_BLOCKS_PER_MCU = 10;
/** G.1.1.1.1 (Table B.3): successive approximation bit positions Ah and Al lie in 0…13. */
const MAX_SUCCESSIVE_BIT = 13;
/** Zig-zag index of a block's last coefficient (64 coefficients, F.1.1.5). */
const LAST_COEFFICIENT = 63;
/** B.2.4.1: quantization table destinations 0…3. */
const QUANT_TABLES = 4;

interface State {
  frame?: JpegFrame;
  grids: ComponentGrid[];
  huffman: Record<TableClass, (HuffmanTable | undefined)[]>;
  quantDefined: boolean[];
  restartInterval: number;
  scans: number;
  scanned: Set<number>;
}

/** How a scan's data is read: jpeg-scan.ts's decodeScan, or its general decoder alone (readScan). */
export type ScanReader = typeof decodeScan;

/** Check the whole file; returns nothing, throws an ImageFault. */
export function checkJpegData(bytes: Uint8Array, read: ScanReader = decodeScan): void {
  const state: State = { grids: [], huffman: { dc: [], ac: [] }, quantDefined: [], restartInterval: 0, scans: 0, scanned: new Set() };
  let at = afterSoi(bytes);
  for (;;) {
    const segment = segmentAt(bytes, at);
    if (segment.marker === EOI) break;
    at = segment.marker === SOS ? scan(bytes, segment, state, read) : header(segment, state);
  }
  if (!state.frame || state.scans === 0) throw corrupt('it ends without any image data');
  const missing = state.grids.find((g) => !state.scanned.has(g.component.id));
  if (missing) throw corrupt(`it has no image data for its colour component ${missing.component.id}`);
}

/** A table, restart interval, frame header or application segment; returns where the next one starts. */
function header(segment: Segment, state: State): number {
  const { marker, data } = segment;
  if (isSof(marker)) {
    if (state.frame) throw corrupt('it has a second frame header (SOF): it is not one picture');
    const frame = parseFrame(segment);
    state.frame = frame;
    state.grids = frame.components.map((c) => componentGrid(frame, c));
    if (frame.process === 'progressive') {
      for (const g of state.grids) g.nonZero = nonZeroMap(g);
    }
  } else if (marker === DHT) {
    readHuffmanTables(data, state.huffman);
  } else if (marker === DQT) {
    readQuantTables(data, state);
  } else if (marker === DRI) {
    const DRI_BYTES = 2;
    if (data.length !== DRI_BYTES) throw corrupt('its restart interval (DRI) has the wrong length');
    state.restartInterval = (data[0] << 8) | data[1];
  } else if (marker >= RST0 && marker <= RST7) {
    throw corrupt(`it has a restart marker outside image data, at byte ${segment.at}`);
  }
  // APPn, COM, DNL (after the first scan) and other segments carry nothing to check.
  return segment.end;
}

/** B.2.4.1: DQT, one or more tables of 64 values of 8 or 16 bits. */
function readQuantTables(data: Uint8Array, state: State): void {
  const COEFFICIENTS = 64;
  let p = 0;
  while (p < data.length) {
    const precision = data[p] >> 4;
    const tq = data[p] & 0x0f;
    const size = 1 + COEFFICIENTS * (precision === 0 ? 1 : 2);
    if (precision > 1 || tq >= QUANT_TABLES) throw corrupt('one of its quantization tables (DQT) has an impossible precision or number');
    if (p + size > data.length) throw corrupt('one of its quantization tables (DQT) is cut short');
    state.quantDefined[tq] = true;
    p += size;
  }
}

/** B.2.3 scan header, then its entropy-coded data; returns the offset of the marker after it. */
function scan(bytes: Uint8Array, segment: Segment, state: State, read: ScanReader): number {
  const frame = state.frame;
  if (!frame) throw corrupt(`its image data (SOS at byte ${segment.at}) comes before its frame header (SOF)`);
  if (++state.scans > MAX_SCANS) throw corrupt(`it has more than ${MAX_SCANS} scans`);
  const { data } = segment;
  const count = data[0];
  const MAX_SCAN_COMPONENTS = 4;
  const FIXED_BYTES = 4;
  if (count < 1 || count > MAX_SCAN_COMPONENTS || data.length !== FIXED_BYTES + 2 * count) throw corrupt(`its scan header at byte ${segment.at} is malformed`);
  const after = 1 + 2 * count;
  const ss = data[after];
  const se = data[after + 1];
  const ah = data[after + 2] >> 4;
  const al = data[after + 2] & 0x0f;
  const progressive = frame.process === 'progressive';
  if (progressive) checkProgression(ss, se, ah, al, count, segment.at);
  const needDc = !progressive || (ss === 0 && ah === 0);
  const needAc = !progressive || ss > 0;
  const components: ScanComponent[] = [];
  let blocksPerMcu = 0;
  for (let i = 0; i < count; i++) {
    const id = data[1 + 2 * i];
    const td = data[2 + 2 * i] >> 4;
    const ta = data[2 + 2 * i] & 0x0f;
    const grid = state.grids.find((g) => g.component.id === id);
    if (!grid) throw corrupt(`its scan at byte ${segment.at} names colour component ${id}, which the frame does not have`);
    if (!state.quantDefined[grid.component.tq]) throw corrupt(`its colour component ${id} uses quantization table ${grid.component.tq}, which the file does not define`);
    const dc = needDc ? table(state, 'dc', td) : undefined;
    const ac = needAc ? table(state, 'ac', ta) : undefined;
    components.push({ grid, dc, ac });
    blocksPerMcu += grid.component.h * grid.component.v;
    state.scanned.add(id);
  }
  if (count > 1 && blocksPerMcu > MAX_BLOCKS_PER_MCU) throw corrupt(`its scan at byte ${segment.at} has more than ${MAX_BLOCKS_PER_MCU} blocks in an MCU`);
  const parameters: Scan = { components, ss, se, ah, al };
  return read(bytes, segment.end, frame, parameters, state.restartInterval);
}

function table(state: State, tableClass: TableClass, n: number): HuffmanTable {
  const found = state.huffman[tableClass][n];
  if (!found) throw corrupt(`its image data uses ${tableClass.toUpperCase()} Huffman table ${n}, which the file does not define`);
  return found;
}

/** G.1.1.1.1: a DC scan has Ss = Se = 0; an AC scan one component and 0 < Ss ≤ Se ≤ 63. */
function checkProgression(ss: number, se: number, ah: number, al: number, count: number, at: number): void {
  const dcScan = ss === 0 && se === 0;
  const acScan = ss > 0 && se >= ss && se <= LAST_COEFFICIENT && count === 1;
  if ((!dcScan && !acScan) || ah > MAX_SUCCESSIVE_BIT || al > MAX_SUCCESSIVE_BIT) {
    throw corrupt(`its progressive scan at byte ${at} has impossible parameters`);
  }
}
