/**
 * What the book's subsets hold (export/epub/fonts.ts GlyphCollector): each character a role
 * reports, in the first face of the role's chain that has it, once however often it is
 * reported; control characters in none; characters beyond the BMP whole.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GlyphCollector } from '../../../src/export/epub/fonts.js';
import { loadFontBook, type FontBook } from '../../../src/fonts/index.js';

let fonts: FontBook;
beforeAll(() => {
  fonts = loadFontBook();
});

/** Each face's characters as the collector gives them, by face key. */
function collected(reports: readonly [Parameters<GlyphCollector['sink']>[0], string][]): Record<string, string> {
  const collector = new GlyphCollector(fonts);
  for (const [role, text] of reports) collector.sink(role, text);
  return Object.fromEntries(collector.faceTexts().map(({ face, text }) => [face.key, text]));
}

describe('the characters a book draws, by face', () => {
  it('takes each character into the first face of its role that has it, once, in code-point order', () => {
    const body = collected([['body', '党建引领党建，Aa1 党建']]);
    const [face] = fonts.chain('body');
    expect(Object.keys(body)).toContain(face.key);
    expect(body[face.key]).toBe([...new Set(Array.from('党建引领，Aa1 '))].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join(''));
  });

  it('gives the same faces whatever the order and repetition of the reports', () => {
    const text = '高质量发展——“新时代”的硬道理 ABC 123';
    const once = collected([['body', text], ['headline', '党建聚合力'], ['byline', '本报记者']]);
    const repeated = collected([['headline', '党建聚合力党建'], ['body', text + text], ['byline', '本报记者'], ['body', text.split('').reverse().join('')]]);
    expect(repeated).toEqual(once);
  });

  it('leaves out control characters and keeps a character beyond the BMP whole', () => {
    const withControls = collected([['body', '党\u0007建\u0085\u007f']]);
    expect(withControls).toEqual(collected([['body', '党建']]));
    const supplementary = collected([['body', '𠮷党']]);
    const all = Object.values(supplementary).join('');
    expect(Array.from(all).filter((c) => c === '𠮷' || c === '党')).toHaveLength(2);
    expect(all).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
