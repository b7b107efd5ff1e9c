import { describe, expect, it } from 'vitest';
import { imageKind } from '../../src/parse/image-kind.js';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('imageKind', () => {
  it.each([
    [bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    [bytes([0x89], 'PNG\r\n\x1a\n'), 'png'],
    [bytes('GIF89a'), 'gif'],
    [bytes('RIFF\x10\x00\x00\x00WEBPVP8L'), 'webp'],
    [bytes([0, 0, 0, 0x18], 'ftypheic'), 'heic'],
    [bytes([0, 0, 0, 0x18], 'ftypmif1'), 'heic'],
    [bytes([0, 0, 0, 0x1c], 'ftypavif'), 'avif'],
    [bytes('II*\x00'), 'tiff'],
    [bytes('MM\x00*'), 'tiff'],
    [bytes('BM\x36\x00'), 'bmp'],
    [bytes([0, 0, 0, 0x0c], 'jP  \r\n\x87\n'), 'jpeg2000'],
    [bytes([0xff, 0x0a, 0x00]), 'jpegxl'],
    [bytes('8BPS\x00\x01'), 'psd'],
    [bytes('%PDF-1.7\n'), 'pdf'],
    [Buffer.from('\ufeff<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', 'utf8'), 'svg'],
    [bytes('  <svg viewBox="0 0 1 1"/>'), 'svg'],
    [bytes('<!DOCTYPE HTML>\n<html>'), 'html'],
    [Buffer.from('这不是图片\n', 'utf8'), 'text'],
    [bytes([0, 1, 2, 3, 4, 5]), 'unknown'],
    [Buffer.alloc(0), 'empty'],
  ])('tells case %# from its first bytes', (head, kind) => {
    expect(imageKind(head)).toBe(kind);
  });
});
