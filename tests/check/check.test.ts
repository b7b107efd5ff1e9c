/**
 * The audit (src/check) on pages set from a real edition, and on hand-broken copies of them: a
 * clean page gives no finding, and each breakage gives exactly the finding it should.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEdition, type CheckReport, type FindingCode } from '../../src/check/index.js';
import type { ComposedPage, PlacedElement, PlacedLine } from '../../src/compose/index.js';
import { writePdf } from '../../src/export/pdf/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { INFINITE_PENALTY, type ItemizedEdition } from '../../src/text/index.js';
import { typesetEdition, type Typeset } from '../../src/pipeline.js';
import { article, jpegBytes, pageFile, writeEditionFolder, type EditionFiles } from '../helpers/edition.js';

const PARAGRAPHS = [
  '初冬时节，走进安吉县余村，青山叠翠、溪水潺潺。村党支部书记说：“绿水青山就是金山银山。”这些年，村里坚持生态优先，走出了一条绿色发展的路子。',
  '村里建立了“支部+合作社+农户”模式，带动三百余户群众增收。数据显示，去年全村人均收入超过6万元，比五年前翻了一番。',
  '## 组织有力',
  '党员干部带头，把支部建在产业链上，让党员站在最前沿。每逢村里有大事，党员总是第一个站出来——修路、治水、办民宿，样样走在前头。',
  '“群众看党员，党员看干部。”老支书的话，大家记在心里。村里定期开展党员承诺践诺活动，把为民办实事落到一件件具体的事情上。',
  '从“卖石头”到“卖风景”，余村的变化，是基层党建引领乡村振兴的一个缩影。下一步，村里将继续深化改革，让更多群众共享发展成果。',
];

/**
 * A one-page A4 edition: article `a` over three of four columns (the fourth left empty), with a
 * photo, in a band 124 mm deep that its text fills.
 */
function files(options: { paragraphs?: readonly string[]; photo?: Uint8Array; rows?: readonly string[]; typography?: string } = {}): EditionFiles {
  return {
    '1.md': pageFile({ page: 1, size: 'A4', areas: ['a a a .'], rows: options.rows ?? ['124mm'] }, [
      article('a', ['# 基层党建引领乡村振兴', '本报记者 张晓明 {.byline}', '![余村竹林风光](images/photo.jpg "图为安吉县余村的竹林。"){cols=2}', ...(options.paragraphs ?? PARAGRAPHS)]),
    ]),
    'images/photo.jpg': options.photo ?? jpegBytes(1200, 795),
    ...(options.typography ? { 'edition.yml': `typography:\n${options.typography}\n` } : {}),
  };
}

let fonts: FontBook;
const folders: string[] = [];

function typeset(editionFiles: EditionFiles): Typeset {
  const dir = writeEditionFolder(editionFiles, 'banmian-check-');
  folders.push(dir);
  return typesetEdition(dir, fonts);
}

const audit = (set: Typeset, composed: readonly ComposedPage[] = set.composed, options: { strict?: boolean; itemized?: ItemizedEdition } = {}): Promise<CheckReport> =>
  checkEdition({ itemized: options.itemized ?? set.itemized, composed }, { strict: options.strict });

const codes = (report: CheckReport): FindingCode[] => report.findings.map((f) => f.code);

/** The page with its elements replaced. */
const withElements = (page: ComposedPage, elements: readonly PlacedElement[]): ComposedPage => ({ ...page, elements });

const isBody = (e: PlacedElement): e is PlacedLine => e.kind === 'line' && e.onGrid && e.tag.article === 'a';

let clean: Typeset;
let page: ComposedPage;

beforeAll(() => {
  fonts = loadFontBook();
  clean = typeset(files());
  [page] = clean.composed;
});

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('a page set as it should be', () => {
  it('gives no finding, and figures that count every line, character and photo', async () => {
    const report = await audit(clean);
    expect(report.findings).toEqual([]);
    const f = report.figures;
    expect(f.lines).toBe(page.elements.filter((e) => e.kind === 'line').length);
    expect(f.flushLines).toBe(f.justifiedLines);
    expect(f.justifiedLines).toBeGreaterThan(10);
    expect(f.onGridLines).toBe(f.gridLines);
    expect(f.gridLines).toBeGreaterThan(f.justifiedLines);
    expect(f.placedChars).toBe(f.sourceChars);
    const text = ['基层党建引领乡村振兴', '本报记者张晓明', '图为安吉县余村的竹林。', ...PARAGRAPHS.map((p) => p.replace(/^## /, ''))].join('').replace(/\s/g, '');
    expect(f.sourceChars).toBe(Array.from(text).length);
    expect(f.images).toBe(1);
    expect(f.pdfArticles).toBeUndefined();
  });

  it('reads the same text back from the PDF written from it, article by article', async () => {
    const pdf = await writePdf(clean.rendered, fonts, { title: 't', language: 'zh-Hans', creationDate: new Date(0) });
    const report = await checkEdition({ itemized: clean.itemized, composed: clean.composed, pdf });
    expect(report.findings).toEqual([]);
    expect(report.figures.pdfArticles).toBe(1);
    expect(report.figures.pdfArticlesMatching).toBe(1);
  });
});

describe('a page broken by hand gives exactly the finding it should', () => {
  it('a photo moved down over its article’s text: overlap', async () => {
    const broken = page.elements.map((e) => (e.kind === 'image' ? { ...e, y: e.y + 4 * page.grid.pitch } : e));
    const report = await audit(clean, [withElements(page, broken)]);
    expect(codes(report)).toEqual(['overlap']);
    expect(report.findings[0].message).toMatch(/is drawn over the photo “余村竹林风光” of article "a"|the photo “余村竹林风光” of article "a" is drawn over/);
    expect(report.findings[0].source.file).toMatch(/1\.md$/);
  });

  it('the last body line moved into the empty column: outside its area', async () => {
    const last = page.elements.findLast(isBody)!;
    const step = page.articles[0].width / 3 + 1;
    const report = await audit(clean, [withElements(page, page.elements.map((e) => (e === last ? { ...last, x: last.x + step } : e)))]);
    expect(codes(report)).toEqual(['outside-area']);
    expect(report.findings[0].article).toBe('a');
  });

  it('one character dropped from a paragraph’s last line: lost text, naming the character', async () => {
    const target = page.elements.find((e): e is PlacedLine => {
      if (!isBody(e)) return false;
      const end = e.items[e.line.end];
      const third = e.items[e.line.start + 2];
      return end?.kind === 'penalty' && end.penalty <= -INFINITE_PENALTY && e.line.end - e.line.start > 6 && third?.kind === 'box' && /\p{Script=Han}/u.test(third.run?.glyphs[0]?.text ?? '');
    })!;
    const dropped = target.items[target.line.start];
    const char = dropped.kind === 'box' ? dropped.run!.glyphs[0].text : '';
    const broken = { ...target, line: { ...target.line, start: target.line.start + 2 } };
    const report = await audit(clean, [withElements(page, page.elements.map((e) => (e === target ? broken : e)))]);
    expect(codes(report)).toEqual(['lost-text']);
    expect(report.findings[0].message).toContain(`1 of its`);
    expect(report.findings[0].message).toContain(`“${char}”`);
  });

  it('a line placed twice: repeated text (and out of reading order)', async () => {
    const line = page.elements.find(isBody)!;
    const elements = [...page.elements];
    elements.splice(elements.indexOf(line) + 1, 0, line);
    const report = await audit(clean, [withElements(page, elements)]);
    expect(new Set(codes(report))).toEqual(new Set(['repeated-text', 'reading-order']));
  });

  it('two lines of a column swapped: reading order', async () => {
    const body = page.elements.filter(isBody);
    const i = body.findIndex((l, k) => k > 0 && l.x === body[k - 1].x && l.x === body[k + 1]?.x);
    const [a, b] = [body[i], body[i + 1]];
    const report = await audit(clean, [withElements(page, page.elements.map((e) => (e === a ? { ...a, baseline: b.baseline } : e === b ? { ...b, baseline: a.baseline } : e)))]);
    expect(codes(report)).toEqual(['reading-order']);
  });

  it('a body line shifted 1 pt: off the grid', async () => {
    const line = page.elements.filter(isBody)[3];
    const report = await audit(clean, [withElements(page, page.elements.map((e) => (e === line ? { ...line, baseline: line.baseline + 1 } : e)))]);
    expect(codes(report)).toEqual(['off-grid']);
    expect(report.findings[0].message).toMatch(/1\.00 pt off the page's 13\.5 pt baseline grid/);
  });

  it('a justified line’s column made 3 pt narrower: not flush (overfull)', async () => {
    const line = page.elements.find((e): e is PlacedLine => isBody(e) && e.align === 'justify' && !e.last && e.items[e.line.end]?.kind !== 'penalty')!;
    const report = await audit(clean, [withElements(page, page.elements.map((e) => (e === line ? { ...line, measure: line.measure - 3 } : e)))]);
    expect(codes(report)).toEqual(['not-flush']);
    expect(report.findings[0].message).toMatch(/runs 3\.00 pt past its column edge/);
  });

  it('the type area made narrower than the article’s area: outside the type area', async () => {
    const typeArea = { ...page.typeArea, x: page.typeArea.x + 10, width: page.typeArea.width - 10 };
    const report = await audit(clean, [{ ...page, typeArea }]);
    expect(codes(report)).toEqual(['outside-type-area']);
  });

  it('a running-head field moved left of the page: off the page', async () => {
    const head = page.elements.find((e): e is PlacedLine => e.kind === 'line' && e.origin.kind === 'header')!;
    const report = await audit(clean, [withElements(page, page.elements.map((e) => (e === head ? { ...head, x: -30 } : e)))]);
    expect(codes(report)).toEqual(['off-page']);
  });

  it('a running-head field moved to 1 mm from the left edge: on the page, but inside the 3 mm safe margin', async () => {
    const head = page.elements.find((e): e is PlacedLine => e.kind === 'line' && e.origin.kind === 'header')!;
    const report = await audit(clean, [withElements(page, page.elements.map((e) => (e === head ? { ...head, x: 72 / 25.4 } : e)))]);
    expect(codes(report)).toEqual(['off-page']);
    expect(report.findings[0].message).toMatch(/within 3 mm of its edge/);
  });

  it('a PDF missing one run of an article’s glyphs: its text does not read back', async () => {
    const [rendered] = clean.rendered;
    const drop = rendered.ops.findIndex((op) => op.op === 'glyphs' && op.tag.article === 'a' && op.glyphs.ids.length > 5);
    const pdf = await writePdf([{ ...rendered, ops: rendered.ops.filter((_, i) => i !== drop) }], fonts, { title: 't', language: 'zh-Hans', creationDate: new Date(0) });
    const report = await checkEdition({ itemized: clean.itemized, composed: clean.composed, pdf });
    expect(codes(report)).toEqual(['pdf-text']);
    expect(report.figures.pdfArticlesMatching).toBe(0);
  });

  it('lines broken with no 禁则 audited at the basic level: a mark starts a line', async () => {
    // 11 characters fill the first line after the 2-em indent; the 12th is a comma.
    const crafted = '一二三四五六七八九十甲，乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。';
    const set = typeset(files({ paragraphs: [...PARAGRAPHS.slice(0, -1), crafted], typography: '  kinsoku: none' }));
    const none = codes(await audit(set));
    const basic = { ...set.itemized, edition: { ...set.itemized.edition, typography: { ...set.itemized.edition.typography, kinsoku: 'basic' as const } } };
    const report = await audit(set, set.composed, { itemized: basic });
    expect(none).not.toContain('line-start');
    // Only line-start findings are added: the crafted line and any other the breaker let through.
    expect(codes(report).filter((c) => c !== 'line-start')).toEqual(none);
    const starts = report.findings.filter((f) => f.code === 'line-start');
    expect(starts.some((f) => f.message.includes('the line “，乙丙丁戊己庚辛壬癸子丑…” starts with “，”'))).toBe(true);
  });
});

describe('pages that are set, audited', () => {
  it('a character no face has: tofu, a warning that --strict makes an error', async () => {
    const set = typeset(files({ paragraphs: [...PARAGRAPHS.slice(0, -1), `${PARAGRAPHS.at(-1)}📱`] }));
    const report = await audit(set);
    expect(codes(report)).toEqual(['tofu']);
    expect(report.findings[0]).toMatchObject({ severity: 'warning', article: 'a' });
    expect(report.findings[0].message).toContain('U+1F4F1');
    expect(report.errors).toBe(0);
    expect((await audit(set, set.composed, { strict: true })).errors).toBe(1);
  });

  it('a photo of too few pixels: low resolution, below 100 ppi', async () => {
    const set = typeset(files({ photo: jpegBytes(240, 159) }));
    const report = await audit(set);
    expect(codes(report)).toEqual(['low-resolution']);
    expect(report.findings[0].message).toMatch(/prints at \d+ ppi .*below 100 ppi/);
  });

  it('a band too shallow for the text: overset, with what is left over', async () => {
    const set = typeset(files({ rows: ['100mm'] }));
    const report = await audit(set);
    expect(codes(report)).toEqual(['overset']);
    expect(report.findings[0].message).toMatch(/article "a" does not fit its area on page 1: \d+ characters left over, about \d+ lines more than the \d+ of band 1$/);
    expect(report.findings[0].hint).toMatch(/^cut about \d+ characters/);
  });

  it('a band far deeper than the text: underfill, with room in characters', async () => {
    const set = typeset(files({ rows: ['200mm'] }));
    const report = await audit(set);
    expect(codes(report)).toEqual(['underfill']);
    expect(report.findings[0].message).toMatch(/^about \d+ characters short: \d+% of its area is blank \(\d+ line slots under its columns\)$/);
  });
});

describe('an article called “page”', () => {
  it('is an article like any other, not page furniture: its box, its lines and its PDF text are its own', async () => {
    const set = typeset({
      '1.md': pageFile({ page: 1, size: 'A4', areas: ['page page other other'], rows: ['auto'] }, [article('page', ['# 名叫page的稿件', PARAGRAPHS[0]], { box: true }), article('other', ['# 另一篇', PARAGRAPHS[1]])]),
    });
    const pdf = await writePdf(set.rendered, fonts, { title: 't', language: 'zh-CN', creationDate: new Date(0) });
    const report = await checkEdition({ itemized: set.itemized, composed: set.composed, pdf }, {});
    expect(report.errors).toBe(0);
    expect(report.figures.pdfArticlesMatching).toBe(2);
    expect(set.composed[0].rules.filter((r) => r.article === 'page')).toHaveLength(4);
    expect(set.composed[0].elements.some((e) => e.tag.article === 'page' && e.tag.role === 'H1')).toBe(true);
  });
});

describe('a photo with no room', () => {
  it('a band too shallow for the photo even cropped to its smallest: overset naming the photo and its line, nothing drawn outside the band', async () => {
    const set = typeset(files({ rows: ['40mm'] }));
    const report = await audit(set);
    expect(codes(report)).toEqual(['overset']);
    expect(report.findings[0].message).toMatch(/no room for the photo images\/photo\.jpg \(line \d+\) even cropped to its smallest/);
    const [page] = set.composed;
    const area = page.articles[0];
    expect(page.elements.filter((e) => e.kind === 'image')).toEqual([]);
    for (const e of page.elements) if (e.kind === 'line' && e.tag.article === 'a') expect(e.baseline).toBeLessThanOrEqual(area.y + area.height);
  });
});

describe('a jump with nothing to carry', () => {
  it('an article that fits whole on its first page, yet is named on a later one: a warning on the empty continuation', async () => {
    const set = typeset({
      '1.md': pageFile({ page: 1, size: 'A4', areas: ['a a b b'], rows: ['120mm'] }, [article('a', ['# 短稿', PARAGRAPHS[0]]), article('b', ['# 另一篇', ...PARAGRAPHS.slice(1)])]),
      '2.md': pageFile({ page: 2, size: 'A4', areas: ['a a a a', 'c c c c'], rows: ['auto', 'auto'] }, [article('c', ['# 第二版稿件', ...PARAGRAPHS])]),
    });
    const report = await audit(set);
    const empty = report.findings.filter((f) => f.article === 'a' && f.page === 2);
    expect(empty.map((f) => [f.code, f.severity])).toEqual([['underfill', 'warning']]);
    expect(empty[0].message).toMatch(/carries none of its text: all of it fits on page 1/);
    expect(empty[0].hint).toMatch(/take "a" out of this page's areas/);
  });
});
