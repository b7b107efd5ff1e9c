/**
 * Page files and edition.yml are UTF-8 (src/parse/source-text.ts): GBK, UTF-16 with or without a
 * byte-order mark, bytes that are no UTF-8, and control characters are refused at their line,
 * naming the encoding where it can be told and how to convert.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceText } from '../../src/parse/source-text.js';
import { gb18030 } from '../helpers/gb18030.js';
import { contentError } from './helpers.js';

const TEXT = '---\npaper: 人民日报\n---\n\n::: article a\n\n# 党建聚合力\n\n江苏省靖江市，新时代造船有限公司码头。\n\n:::\n';

function file(bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'banmian-enc-')), '1.md');
  writeFileSync(path, bytes);
  return path;
}

const utf16le = (s: string): Buffer => Buffer.from(s, 'utf16le');

describe('readSourceText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(readSourceText(file(Buffer.from(TEXT)))).toBe(TEXT);
    expect(readSourceText(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])))).toBe(TEXT);
  });

  it.each([
    ['UTF-16LE with its mark', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TEXT)]), 1, /the file is in UTF-16LE, not UTF-8/, /iconv -f UTF-16LE -t UTF-8/],
    ['UTF-16BE with its mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(TEXT).swap16()]), 1, /the file is in UTF-16BE, not UTF-8/, /iconv -f UTF-16BE/],
    ['UTF-16LE without a mark', utf16le(TEXT), 1, /looks like UTF-16LE \(no byte-order mark\)/, /iconv -f UTF-16LE/],
    ['GBK', gb18030(TEXT), 2, /the file is in GBK \(GB 18030\), not UTF-8/, /iconv -f GB18030 -t UTF-8/],
    ['a byte that is no UTF-8', Buffer.concat([Buffer.from(TEXT.slice(0, 30)), Buffer.from([0xff]), Buffer.from(TEXT.slice(30))]), 5, /not valid UTF-8/, /save it as UTF-8/],
    ['a NUL byte', Buffer.from(`${TEXT.slice(0, 40)}\u0000${TEXT.slice(40)}`), 7, /a control character \(U\+0000, NUL\)/, /delete it/],
    ['a vertical tab', Buffer.from(`${TEXT.slice(0, 40)}\u000b${TEXT.slice(40)}`), 7, /a control character \(U\+000B\)/, /delete it/],
  ])('refuses %s at its line, with how to convert', (_name, bytes, line, message, hint) => {
    const path = file(bytes);
    const error = contentError(() => readSourceText(path));
    expect(error.pos).toEqual({ file: path, line });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });
});
