/** GB 18030 bytes of a text, for tests of files in a Chinese legacy encoding (Node decodes GB 18030 but does not encode it). */

let table: Map<string, readonly number[]> | undefined;

/** Each character of GBK's two-byte range (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F) by its bytes. */
function twoByteTable(): Map<string, readonly number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

/** The text in GB 18030 (ASCII as itself, each other character by the two-byte range; `?` when it has none there). */
export function gb18030(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else for (const b of twoByteTable().get(ch) ?? [0x3f]) out.push(b);
  }
  return Buffer.from(out);
}
