/**
 * A face's character map read from its bytes: the glyph id fontkit 2's `CmapProcessor.lookup`
 * gives for a code point, from the same subtable by the same search, without its struct reader.
 * fontkit decodes each group it visits in a binary search through a lazy array (some fifteen
 * a look-up, microseconds each in a cold process), and `glyphForCodePoint` makes a glyph object
 * for every character a page asks about; the text stage needs only the id.
 *
 * fontkit's choice of subtable (its `CmapProcessor` constructor): the first encoding record, in
 * the order of the table, for the first of (3,10) (0,6) (0,4) (3,1) (0,3) (0,2) (0,1) (0,0) the
 * table has. Only a format 12 subtable (OpenType "cmap": segmented coverage, what a face beyond
 * the BMP has) is read here; any other choice, or a table cut short, is left to fontkit.
 * tests/fonts/cmap.test.ts compares every BMP code point and every group's edges with fontkit.
 */

/** fontkit's order of preference among Unicode subtables: (platform, encoding). */
const UNICODE_SUBTABLES: readonly (readonly [number, number])[] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];
/** cmap header: version, numTables; an encoding record: platformID, encodingID, offset. */
const HEADER_BYTES = 4;
const RECORD_BYTES = 8;
/** Format 12: format, reserved, length, language, numGroups; a group: start, end, startGlyphID. */
const SEGMENTED_COVERAGE = 12;
const FORMAT_12_HEADER_BYTES = 16;
const GROUP_BYTES = 12;

/** Where a table is in the file. */
export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/**
 * The glyph id of a code point (0: none), as fontkit's `_cmapProcessor.lookup(codePoint)` gives
 * it, for the face whose `cmap` is at `table` in `file`; undefined when fontkit must answer.
 */
export function cmapReader(file: ArrayBufferLike, table: TableRecord | undefined): ((codePoint: number) => number) | undefined {
  if (!table || table.offset + table.length > file.byteLength || table.length < HEADER_BYTES) return undefined;
  const view = new DataView(file, table.offset, table.length);
  const records = view.getUint16(2);
  if (HEADER_BYTES + records * RECORD_BYTES > table.length) return undefined;
  const chosen = chosenSubtable(view, records);
  if (chosen === undefined || chosen + FORMAT_12_HEADER_BYTES > table.length || view.getUint16(chosen) !== SEGMENTED_COVERAGE) return undefined;
  const groups = view.getUint32(chosen + 12);
  const first = chosen + FORMAT_12_HEADER_BYTES;
  if (first + groups * GROUP_BYTES > table.length) return undefined;
  return (codePoint) => {
    // fontkit's binary search, group by group.
    let min = 0;
    let max = groups - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      const at = first + mid * GROUP_BYTES;
      const start = view.getUint32(at);
      if (codePoint < start) max = mid - 1;
      else if (codePoint > view.getUint32(at + 4)) min = mid + 1;
      else return view.getUint32(at + 8) + (codePoint - start);
    }
    return 0;
  };
}

/** Offset in the table of the subtable fontkit reads, or undefined when it takes none of these. */
function chosenSubtable(view: DataView, records: number): number | undefined {
  for (const [platform, encoding] of UNICODE_SUBTABLES) {
    for (let r = 0; r < records; r++) {
      const at = HEADER_BYTES + r * RECORD_BYTES;
      if (view.getUint16(at) === platform && view.getUint16(at + 2) === encoding) return view.getUint32(at + 4);
    }
  }
  return undefined;
}
