/**
 * A font's ToUnicode CMap as pdfkit 0.20 writes it (EmbeddedFont `toUnicodeCmap`: one
 * `beginbfrange` entry per 256 CIDs, each CID's code points as UTF-16 in four hex digits), made
 * with a table of hex digit pairs: pdfkit pads and slices a string per code unit, some 5 ms of
 * a build of the sample, run once, cold, for each face's 500–2,000 CIDs. The text is the same,
 * byte for byte (tests/export/pdf/to-unicode.test.ts holds it against pdfkit's own).
 */

/** CIDs per `bfrange` entry, as pdfkit writes them. */
const CIDS_PER_RANGE = 256;
const BYTE = 0xff;
/** Two hex digits of each byte. */
const HEX_PAIRS = Array.from({ length: BYTE + 1 }, (_, i) => i.toString(16).padStart(2, '0'));
/** The first code point UTF-16 writes as two units (a surrogate pair). */
const SUPPLEMENTARY = 0x10000;
const HIGH_SURROGATE = 0xd800;
const LOW_SURROGATE = 0xdc00;
const TEN_BITS = 0x3ff;

/** A 16-bit value in four hex digits (pdfkit's `toHex` of a value up to 0xffff). */
function hex4(value: number): string {
  return HEX_PAIRS[(value >>> 8) & BYTE] + HEX_PAIRS[value & BYTE];
}

/** A CID's code points as pdfkit writes them: `<d85a dc00 4e00>`. */
function codeUnits(codePoints: readonly number[]): string {
  let out = '';
  for (let value of codePoints) {
    if (value >= SUPPLEMENTARY) {
      value -= SUPPLEMENTARY;
      out += `${hex4(((value >>> 10) & TEN_BITS) | HIGH_SURROGATE)} `;
      value = LOW_SURROGATE | (value & TEN_BITS);
    }
    out += `${hex4(value)} `;
  }
  return `<${out.slice(0, -1)}>`;
}

/** The CMap's text for the code points of each CID in turn (pdfkit's `unicode`). */
export function toUnicodeCmapText(unicode: readonly (readonly number[])[]): string {
  const ranges: string[] = [];
  for (let start = 0; start < unicode.length; start += CIDS_PER_RANGE) {
    const end = Math.min(start + CIDS_PER_RANGE, unicode.length);
    const entries: string[] = new Array(end - start);
    for (let cid = start; cid < end; cid++) entries[cid - start] = codeUnits(unicode[cid]);
    ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries.join(' ')}]`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}
