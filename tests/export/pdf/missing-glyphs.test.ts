/**
 * Issue 11, end to end: a page with characters no bundled face has (📱😀, an Arabic word), a
 * combining mark, and invisible characters, set, audited and written to PDF, then read back with
 * poppler (`pdftotext`) and pdf.js.
 * - Each missing character is drawn as .notdef and reads back as itself, not as the first one.
 * - a + U+0323 reads back as a + U+0323 (the face has it only as ạ U+1EA1, whose glyph is drawn).
 * - U+200B and U+FEFF take no width: the page is set exactly as without them.
 * - The audit names each missing character: a warning, an error under --strict.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEdition, type CheckReport } from '../../../src/check/index.js';
import { writePdf } from '../../../src/export/pdf/index.js';
import { loadFontBook, type FontBook } from '../../../src/fonts/index.js';
import { typesetEdition, type Typeset } from '../../../src/pipeline.js';
import { withoutIgnorables } from '../../../src/text/index.js';
import { article, pageFile, writeEditionFolder } from '../../helpers/edition.js';
import { save, tempDir, tool } from './helpers.js';
import { glyphList } from '../../../src/render/placed-glyphs.js';

const EMOJI = '表情📱😀在这里，手机和笑脸两个字符没有一款字体有。';
const ARABIC = '阿拉伯文的问候语مرحبا在这一行里只占一小部分，其余都是汉字，没有阿拉伯文字体。';
const ZWSP = '零宽\u200b空格在汉字之间，不占宽度，也不画出任何东西。';
const BOM = '\ufeff段首有字节序标记，也不占宽度。';
const MARK = '越南文的ha\u0323在拉丁字母后有一个组合附加符号。';
const PARAGRAPHS = [EMOJI, ARABIC, ZWSP, BOM, MARK];
const MISSING = ['📱', '😀', 'م', 'ر', 'ح', 'ب', 'ا'];

/**
 * One article in one 24-character column. pdf.js takes a line as right to left when 30% or more
 * of its characters are (its `bidi()`), and then reads its Chinese backwards too: in a column of
 * 13 the Arabic word would be 5 of 12 characters of its line.
 */
const edition = (paragraphs: readonly string[]): Record<string, string> => ({
  'edition.yml': 'style:\n  columnChars: 24\n',
  '1.md': pageFile({ page: 1, size: 'A4', areas: ['a'], rows: ['60mm'] }, [article('a', ['# 缺字与零宽字符', ...paragraphs])]),
});

let fonts: FontBook;
let tmp: ReturnType<typeof tempDir>;
const folders: string[] = [];
let set: Typeset;
let pdf: Buffer;
let file: string;

function typeset(paragraphs: readonly string[]): Typeset {
  const dir = writeEditionFolder(edition(paragraphs), 'banmian-glyphs-');
  folders.push(dir);
  return typesetEdition(dir, fonts);
}

beforeAll(async () => {
  fonts = loadFontBook();
  tmp = tempDir();
  set = typeset(PARAGRAPHS);
  pdf = await writePdf(set.rendered, fonts, { title: '缺字', language: 'zh-CN', creationDate: new Date(0) });
  file = save(tmp.dir, 'missing.pdf', pdf);
});

afterAll(() => {
  tmp?.remove();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/**
 * A text as it is compared: without white space (extractors guess spaces from gaps) and
 * without invisible characters — the ZWSP and U+FEFF the PDF leaves out, and the U+202B/U+202C
 * (RLE, PDF) that pdftotext puts around right-to-left text.
 */
const squeeze = (text: string): string => withoutIgnorables(text.replace(/\s+/gu, ''));

async function pdfjsText(data: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    return content.items.map((item) => ('str' in item ? item.str : '')).join('');
  } finally {
    await doc.destroy();
  }
}

describe('the PDF read back', () => {
  it('pdftotext gives every paragraph as written: each missing character itself, the mark after its letter', () => {
    const text = squeeze(tool('pdftotext', ['-raw', file, '-']));
    for (const paragraph of PARAGRAPHS) expect(text).toContain(squeeze(paragraph));
    expect(text).toContain('ha\u0323');
    expect(text).not.toContain('\u0308');
    expect(text).not.toContain('\u0000');
  });

  it('pdf.js gives the same', async () => {
    const text = squeeze(await pdfjsText(pdf));
    for (const paragraph of PARAGRAPHS) expect(text).toContain(squeeze(paragraph));
    expect(text).not.toMatch(/[\u0000\ufffd]/u);
  });

  it('neither gives back the invisible break controls', async () => {
    for (const text of [tool('pdftotext', ['-raw', file, '-']), await pdfjsText(pdf)]) expect(text).not.toMatch(/[\u200b\ufeff]/u);
  });

  it('the missing characters are .notdef, each mapped to its own code point', () => {
    const notdef = set.rendered[0].ops.flatMap((op) => (op.op === 'glyphs' ? glyphList(op.glyphs).filter((g) => g.id === 0).map((g) => g.text) : []));
    expect(notdef).toEqual(MISSING);
  });
});

describe('invisible characters take no width', () => {
  it('the page is set exactly as without U+200B and U+FEFF: every glyph at the same place', () => {
    const plain = typeset(PARAGRAPHS.map((p) => p.replace(/[\u200b\ufeff]/gu, '')));
    const where = (s: Typeset): string[] =>
      s.rendered[0].ops.flatMap((op) => (op.op === 'glyphs' ? [`${op.face} ${op.size} ${op.x} ${op.y} ${glyphList(op.glyphs).map((g) => `${g.id}@${g.dx}`).join(' ')}`] : []));
    expect(where(set)).toEqual(where(plain));
  });
});

describe('the audit', () => {
  let report: CheckReport;
  beforeAll(async () => {
    report = await checkEdition({ itemized: set.itemized, composed: set.composed, pdf }, {});
  });

  it('names each missing character once, as a warning, and nothing else', () => {
    expect(report.findings.map((f) => f.code)).toEqual(MISSING.map(() => 'tofu'));
    expect(report.findings.every((f) => f.severity === 'warning')).toBe(true);
    MISSING.forEach((ch, i) => {
      const cp = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(report.findings[i].message).toContain(`“${ch}” (${cp}) has no glyph`);
    });
    expect(report.figures.placedChars).toBe(report.figures.sourceChars);
    expect(report.figures.pdfArticlesMatching).toBe(report.figures.pdfArticles);
  });

  it('--strict makes them errors', async () => {
    const strict = await checkEdition({ itemized: set.itemized, composed: set.composed, pdf }, { strict: true });
    expect(strict.errors).toBe(MISSING.length);
    expect(strict.findings.every((f) => f.code === 'tofu' && f.severity === 'error')).toBe(true);
  });
});
