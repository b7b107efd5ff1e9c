/**
 * The `entities` package (markdown-it's HTML entity decoder) builds its decoding tables at load:
 * `new Uint16Array("…".split("").map((c) => c.charCodeAt(0)))`, a 15,000-unit string split
 * into one-character strings and mapped back to numbers in JavaScript, some 3 ms of every cold
 * start. The bundle (scripts/bundle.mjs) writes it as the string's UTF-16 units copied by
 * Node's Buffer, the same array: tests/cli/bundle-shims.test.ts compares them.
 */

/** `(new Uint16Array(` string literal `.split("").map((c) => c.charCodeAt(0)))`, prettier's comment allowed between. */
const TABLE = /new Uint16Array\(\s*(?:\/\/[^\n]*\n\s*)?("(?:[^"\\]|\\[\s\S])*")\s*\.split\(""\)\s*\.map\(\(c\) => c\.charCodeAt\(0\)\)\)/g;

/** A module's code with each such table made by `utf16Units`, defined once at its top; other code as it is. */
export function fastUtf16Tables(code) {
  if (!TABLE.test(code)) return code;
  TABLE.lastIndex = 0;
  return `${UTF16_UNITS}\n${code.replace(TABLE, (_, literal) => `utf16Units(${literal})`)}`;
}

/**
 * The string's UTF-16 units as a Uint16Array: Buffer's UTF-16LE encoding copies them as they are
 * (a lone surrogate too); read back through a Uint16Array on a little-endian machine, one unit a
 * time elsewhere.
 */
const UTF16_UNITS = `import { endianness as __endianness } from 'node:os';
function utf16Units(text) {
  if (__endianness() !== 'LE') return Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
  const bytes = Buffer.from(text, 'utf16le');
  return new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}`;
