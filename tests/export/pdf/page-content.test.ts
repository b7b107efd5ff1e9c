/**
 * A page's content collected as text (page-content.ts) is the stream pdfkit writes itself:
 * the same operators, each followed by a newline, byte for byte; compressed, the same bytes
 * deflated at the page content's own setting.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { collectPageContent, ContentBytes, PAGE_DEFLATE } from '../../../src/export/pdf/page-content.js';

/** A PDF's deflated streams, as written. */
function deflatedStreams(file: Buffer): Buffer[] {
  return [...file.toString('latin1').matchAll(/\/FlateDecode[^>]*>>\nstream\n([\s\S]*?)\nendstream/g)].map((m) => Buffer.from(m[1], 'latin1'));
}

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

async function pdf(collect: boolean, compress: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE } });
  const chunks: Buffer[] = [];
  const content = new ContentBytes();
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (let page = 0; page < 2; page++) {
    doc.addPage({ size: [200, 100], margin: 0 });
    if (collect) collectPageContent(doc, content);
    doc.addContent('0 0 0 1 k');
    doc.rect(10, 10, 50 + page, 20).fill();
    doc.markContent('Artifact', { type: 'Layout' });
    doc.addContent('BT /F1 9 Tf <0041> Tj ET');
    doc.endMarkedContent();
  }
  doc.end();
  return done;
}

describe('content bytes', () => {
  it('writes text as Latin-1, a byte a UTF-16 unit, and starts again after each take', () => {
    const content = new ContentBytes();
    content.line('BT');
    content.text('/F1 9 Tf');
    content.byte(0x0a);
    content.text('(\u00e9\u4e2d)');
    expect([...content.take()]).toEqual([...Buffer.from('BT\n/F1 9 Tf\n(\u00e9\u4e2d)', 'latin1')]);
    expect(content.empty).toBe(true);
    content.text('Q');
    expect(content.takeText()).toBe('Q');
  });

  it('grows past its first buffer without losing what it holds', () => {
    const content = new ContentBytes();
    const piece = '0123456789abcdef'.repeat(64);
    for (let i = 0; i < 400; i++) content.line(piece);
    const taken = content.take();
    expect(taken.length).toBe(400 * (piece.length + 1));
    expect(taken.toString('latin1')).toBe(`${piece}\n`.repeat(400));
  });
});

describe('page content kept as bytes', () => {
  it('gives the bytes pdfkit gives uncompressed; compressed, the same content deflated as PAGE_DEFLATE says', async () => {
    const plain = await pdf(true, false);
    expect(plain.equals(await pdf(false, false))).toBe(true);
    expect(plain.toString('latin1')).toContain('0 0 0 1 k\n');
    expect(plain.toString('latin1')).toContain('BT /F1 9 Tf <0041> Tj ET\nEMC\n');
    const ours = deflatedStreams(await pdf(true, true));
    const pdfkits = deflatedStreams(await pdf(false, true));
    expect(ours.map((raw) => inflateSync(raw).toString('latin1'))).toEqual(pdfkits.map((raw) => inflateSync(raw).toString('latin1')));
    // The two pages' contents, deflated here, not by pdfkit (its level 6).
    const pages = ours.filter((raw) => inflateSync(raw).toString('latin1').startsWith('1 0 0 -1 0 '));
    expect(pages).toHaveLength(2);
    for (const raw of pages) expect(raw.equals(deflateSync(inflateSync(raw), PAGE_DEFLATE))).toBe(true);
    expect(pages.some((raw) => raw.equals(deflateSync(inflateSync(raw))))).toBe(false);
  });
});
