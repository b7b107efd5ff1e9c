/** Reading a PDF's page content streams back (decompressed, through qpdf) for operator checks. */
import { spawnSync } from 'node:child_process';

function qpdf(args: readonly string[]): string {
  const res = spawnSync('qpdf', args, { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
  // qpdf exits 3 for warnings; anything else non-zero is an error.
  if (res.status !== 0 && res.status !== 3) throw new Error(`qpdf ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return res.stdout;
}

/** Page `index` (0-based): its content stream(s), decompressed, joined. Latin-1 text. */
export function contentStream(file: string, index: number): string {
  const json = JSON.parse(qpdf(['--json', '--json-key=pages', file])) as { pages: { contents: string[] }[] };
  const page = json.pages[index];
  if (!page) throw new Error(`${file} has no page ${index + 1}`);
  return page.contents.map((ref) => qpdf([`--show-object=${ref.split(' ')[0]}`, '--filtered-stream-data', file])).join('\n');
}

/** Number of pages, from qpdf. */
export function pageCount(file: string): number {
  return (JSON.parse(qpdf(['--json', '--json-key=pages', file])) as { pages: unknown[] }).pages.length;
}

/**
 * Every colour-setting operator of a content stream, operands included (`0 0 0 1 k`, `0 g`,
 * `/DeviceRGB cs`, …), in order. Colour operators are recognised as tokens wherever they stand
 * on a line, so an operator pdfkit might write on a shared line is not missed.
 */
export function colourOps(stream: string): string[] {
  const ops: string[] = [];
  // Operands: numbers or one name; operator: a colour operator, as whole tokens.
  const re = /(?:^|\s)((?:[-+]?(?:\d+\.?\d*|\.\d+)\s+)+|\/[^\s/[\]()<>{}%]+\s+)(k|K|g|G|rg|RG|sc|SC|scn|SCN|cs|CS)(?=\s|$)/g;
  for (const line of stream.split('\n')) {
    // Skip the inside of strings and hex strings in text-showing lines.
    if (/\bT[Jj]\s*$/.test(line)) continue;
    for (const m of line.matchAll(re)) ops.push(`${m[1].trim().replace(/\s+/g, ' ')} ${m[2]}`);
  }
  return ops;
}
