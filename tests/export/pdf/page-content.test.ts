/**
 * A page's content collected as text (page-content.ts) is the stream pdfkit writes itself:
 * the same operators, each followed by a newline, byte for byte, compressed or not.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { collectPageContent } from '../../../src/export/pdf/page-content.js';

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

async function pdf(collect: boolean, compress: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (let page = 0; page < 2; page++) {
    doc.addPage({ size: [200, 100], margin: 0 });
    if (collect) collectPageContent(doc);
    doc.addContent('0 0 0 1 k');
    doc.rect(10, 10, 50 + page, 20).fill();
    doc.markContent('Artifact', { type: 'Layout' });
    doc.addContent('BT /F1 9 Tf <0041> Tj ET');
    doc.endMarkedContent();
  }
  doc.end();
  return done;
}

describe('page content kept as text', () => {
  it('gives the bytes pdfkit gives, uncompressed and compressed', async () => {
    const plain = await pdf(true, false);
    expect(plain.equals(await pdf(false, false))).toBe(true);
    expect(plain.toString('latin1')).toContain('0 0 0 1 k\n');
    expect(plain.toString('latin1')).toContain('BT /F1 9 Tf <0041> Tj ET\nEMC\n');
    expect((await pdf(true, true)).equals(await pdf(false, true))).toBe(true);
  });
});
