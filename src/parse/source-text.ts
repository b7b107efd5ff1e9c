/**
 * A text file of the edition (a page file, edition.yml) read as the content format requires:
 * UTF-8, a byte-order mark allowed. Anything else is refused naming the file — and, where it
 * can be told, the encoding it is in (UTF-16, GBK/GB 18030) and how to convert it — instead of
 * every Chinese character silently becoming U+FFFD. NUL and other C0/C1 control characters
 * (but tab, line feed and carriage return) are refused at their line: they are no text.
 */
import { readFileSync } from 'node:fs';
import { fail } from './fail.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** A sample this long is enough to tell UTF-16 by its NUL bytes. */
const SNIFF_BYTES = 4096;
/** Share of NUL bytes at odd (or even) offsets that says UTF-16 without a byte-order mark. */
const UTF16_NUL_SHARE = 0.3;
/** Han characters (CJK Unified Ideographs) in a decoding that make GBK the likely encoding. */
const HAN = /[\u4e00-\u9fff]/gu;
const CONVERT = (file: string, from: string): string => `save it as UTF-8 (in the editor's "Save with encoding"), or convert it: iconv -f ${from} -t UTF-8 '${file}' > utf8.md`;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The file's text, or a ContentError at file:line saying what it is and what to do. */
export function readSourceText(file: string): string {
  const bytes = readFileSync(file);
  const at = (line: number): { file: string; line: number } => ({ file, line });
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const order = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    fail(at(1), `the file is in ${order}, not UTF-8`, CONVERT(file, order));
  }
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let evenNul = 0;
  let oddNul = 0;
  sample.forEach((b, i) => {
    if (b === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  });
  if (sample.length >= 2 && Math.max(evenNul, oddNul) / (sample.length / 2) > UTF16_NUL_SHARE) {
    const order = oddNul > evenNul ? 'UTF-16LE' : 'UTF-16BE';
    fail(at(1), `the file looks like ${order} (no byte-order mark), not UTF-8`, CONVERT(file, order));
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const line = lineOfInvalid(body);
    const gbk = new TextDecoder('gb18030').decode(body);
    const looksGbk = (gbk.match(HAN)?.length ?? 0) > 0 && !gbk.includes('\uFFFD');
    if (looksGbk) fail(at(line), 'the file is in GBK (GB 18030), not UTF-8', CONVERT(file, 'GB18030'));
    fail(at(line), 'the file is not valid UTF-8 (a byte here is no UTF-8 character)', `save it as UTF-8; if it came from another system, convert it, e.g. iconv -f GB18030 -t UTF-8 '${file}' > utf8.md`);
  }
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    fail(at(line), `a control character (${code}${control[0] === '\u0000' ? ', NUL' : ''}) in the text`, 'delete it: it is no character a page can print (often the trace of a copy from a word processor or a binary file)');
  }
  return text;
}

/** The line of the first byte that is no UTF-8 (lines counted by their line feeds before it). */
function lineOfInvalid(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}
