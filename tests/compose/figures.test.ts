/** Photos on the column grid: exact widths, heights in whole grid lines, growth for filling. */
import { beforeAll, describe, expect, it } from 'vitest';
import { placeFigures, type FigureFrame } from '../../src/compose/figures.js';
import { LineCache } from '../../src/compose/line-cache.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { DEFAULT_STYLE, type Edition } from '../../src/model/index.js';
import { itemizeEdition, type ItemizedArticle } from '../../src/text/index.js';
import { article as articleSource, jpegBytes, pageFile, parseFiles } from '../helpers/edition.js';

const PITCH = DEFAULT_STYLE.body.leading; // 13.5
/** Text columns of 117 pt (13 characters of 9 pt) with gutters of 9 pt. */
const frame = (columns: number): FigureFrame => ({ columns, columnWidth: 117, gutter: 9, pitch: PITCH, em: 9 });
let article: ItemizedArticle;

/** Page 1 of 8 columns: one band of `band`, one article `a` of these paragraphs, with photos a.jpg (1200 × 800) and b.jpg (1200 × 860). */
function onePage(band: string, paragraphs: readonly string[]): Edition {
  return parseFiles({
    '1.md': pageFile({ page: 1, paper: '报', section: '版', areas: [band], rows: ['auto'] }, [articleSource('a', paragraphs)]),
    'images/a.jpg': jpegBytes(1200, 800),
    'images/b.jpg': jpegBytes(1200, 860),
  });
}

beforeAll(() => {
  const edition = onePage('a a a a a a a a', [
    '![图](images/a.jpg "上图：测试图片说明。"){cols=3}',
    '![图](images/b.jpg "上图：测试图片说明。"){cols=2}',
    '正文。',
  ]);
  article = itemizeEdition(edition, loadFontBook(), DEFAULT_STYLE).pages[0].articles[0];
});

describe('placeFigures', () => {
  it('spans whole columns: 3 × 117 + 2 × 9 = 369 pt and 2 × 117 + 9 = 243 pt, side by side', () => {
    const [a, b] = placeFigures(article, frame(8), new LineCache());
    expect([a.column, a.span, a.image!.width]).toEqual([0, 3, 369]);
    expect([b.column, b.span, b.image!.width]).toEqual([3, 2, 243]);
    expect(a.topLine).toBe(0);
    expect(b.topLine).toBe(0);
  });

  it('photo and caption fill whole grid lines, the photo at least its natural height', () => {
    const [a] = placeFigures(article, frame(8), new LineCache());
    const natural = (369 * 800) / 1200; // 246 pt
    expect(a.image!.height).toBeGreaterThanOrEqual(natural - 1e-9);
    expect(a.image!.height - natural).toBeLessThan(PITCH); // cropped by less than a line
    // one line of space below: photo + caption end exactly on the grid
    const captionBottom = a.caption[a.caption.length - 1].dy;
    expect(captionBottom).toBeLessThan((a.gridLines - 1) * PITCH);
    // caption: one line of 8 pt at 10.125 pt leading after a 0.4-em gap = 13.725 pt;
    // 246 + 13.725 = 259.725 pt → 20 lines, + 1 line of space = 21; photo 20 × 13.5 − 13.725.
    expect(a.gridLines).toBe(21);
    expect(a.image!.height).toBeCloseTo(256.275, 6);
  });

  it('grows by whole lines when the page builder asks (filling a module), cropping the photo', () => {
    const [a] = placeFigures(article, frame(8), new LineCache());
    const [grown] = placeFigures(article, frame(8), new LineCache(), [2]);
    expect(grown.gridLines).toBe(a.gridLines + 2);
    expect(grown.image!.height).toBeCloseTo(a.image!.height + 2 * PITCH, 6);
    expect(grown.image!.crop).toBe(true);
  });

  it('a graphic ({crop=no}, a PNG by default) is shown whole at its own height and never grows', () => {
    const graphic: ItemizedArticle = {
      ...article,
      blocks: article.blocks.map((b) => (b.kind === 'figure' ? { ...b, figure: { ...b.figure, crop: false } } : b)),
    };
    const [a] = placeFigures(graphic, frame(8), new LineCache(), [2]);
    const [photo] = placeFigures(article, frame(8), new LineCache());
    expect(a.croppable).toBe(false);
    expect(a.image!.height).toBeCloseTo((369 * 800) / 1200, 9); // 246 pt, not stretched
    expect(a.image!.crop).toBe(false);
    // Same frame as the photo (the asked-for growth ignored), caption at the same place.
    expect(a.gridLines).toBe(photo.gridLines);
    expect(a.caption[0].dy).toBeCloseTo(photo.caption[0].dy, 9);
  });

  it('{height=N} fixes the depth: N lines of photo and caption and the line of space, cropped, neither grown nor shrunk', () => {
    const fixed: ItemizedArticle = {
      ...article,
      blocks: article.blocks.map((b) => (b.kind === 'figure' ? { ...b, figure: { ...b.figure, height: { unit: 'lines' as const, value: 10 } } } : b)),
    };
    const [a] = placeFigures(fixed, frame(8), new LineCache(), [5]);
    expect([a.gridLines, a.minLines, a.maxLines]).toEqual([11, 11, 11]);
    expect(a.image!.crop).toBe(true);
    expect(a.image!.height).toBeLessThan(10 * PITCH);
  });

  it('shrinks within its bounds: a photo to two thirds of its height (cropped), a graphic to two thirds of its width (whole, centred)', () => {
    const [photo] = placeFigures(article, frame(8), new LineCache(), [-100]);
    expect(photo.gridLines).toBe(photo.minLines);
    expect(photo.image!.height).toBeGreaterThanOrEqual(((369 * 800) / 1200) * (2 / 3) - 1e-9);
    expect(photo.image!.width).toBe(369);
    const graphic: ItemizedArticle = { ...article, blocks: article.blocks.map((b) => (b.kind === 'figure' ? { ...b, figure: { ...b.figure, crop: false } } : b)) };
    const [g] = placeFigures(graphic, frame(8), new LineCache(), [-100]);
    expect(g.image!.crop).toBe(false);
    expect(g.image!.width / 369).toBeGreaterThanOrEqual(2 / 3 - 1e-9);
    expect(g.image!.width / 369).toBeLessThan(1);
    expect(g.image!.height / g.image!.width).toBeCloseTo(800 / 1200, 9); // its own proportions
    expect(g.image!.dx).toBeCloseTo((369 - g.image!.width) / 2, 9);
  });

  it('a photo that does not fit beside the last goes below it', () => {
    const [a, b] = placeFigures(article, frame(4), new LineCache());
    expect([b.column, b.topLine]).toEqual([0, a.gridLines]);
  });
});

describe('photos at the foot of their columns ({place=bottom})', () => {
  it('sit at the module foot, the text of their columns ending a line above them', async () => {
    const { measureArticle, setArticle } = await import('../../src/compose/article.js');
    const { pageGeometry } = await import('../../src/compose/geometry.js');
    const text = '江苏地处长三角、长江经济带交汇区域和对外开放前沿，产业链规模大、门类齐。'.repeat(12);
    const edition = onePage('a a a . . . . .', [text, '![图](images/a.jpg "图说。"){cols=2 place=bottom}']);
    const it0 = itemizeEdition(edition, loadFontBook(), DEFAULT_STYLE).pages[0].articles[0];
    const g = pageGeometry({ kind: 'named', name: 'broadsheet' }, 8, DEFAULT_STYLE);
    const module = { x: 0, width: 3 * 117 + 2 * 9, basicColumns: 3 };
    const setting = setArticle(it0, module, 60, g, DEFAULT_STYLE, { kind: 'whole' }, new LineCache());
    const image = setting.elements.find((e) => e.kind === 'image')!;
    if (image.kind !== 'image') throw new Error('no image');
    expect(image.x).toBe(0);
    expect(image.width).toBe(243);
    const caption = setting.elements.filter((e) => e.kind === 'line' && e.tag.role === 'Caption');
    const last = caption[caption.length - 1];
    if (last.kind !== 'line') throw new Error('no caption');
    expect(last.baseline).toBeLessThanOrEqual(60 * PITCH); // inside the module
    expect(60 * PITCH - last.baseline).toBeLessThan(PITCH); // at its foot
    const bodyInPhotoColumns = setting.elements.filter((e) => e.kind === 'line' && e.tag.role === 'P' && e.x < 243);
    for (const line of bodyInPhotoColumns) if (line.kind === 'line') expect(line.baseline).toBeLessThan(image.y);
    // measured alone, the module is as deep as the text above the photo plus the photo
    const measured = measureArticle(it0, module, g, DEFAULT_STYLE, { kind: 'whole' }, new LineCache(), 1000);
    expect(measured).toBeLessThan(60);
    expect(setting.overset).toBeUndefined();
  });
});

describe('photos fitted to the area', () => {
  it('when the text does not fit beside the photo, the photo is cropped shallower before any text is left over', async () => {
    const { measureArticle, setArticle } = await import('../../src/compose/article.js');
    const { pageGeometry } = await import('../../src/compose/geometry.js');
    const text = '江苏地处长三角、长江经济带交汇区域和对外开放前沿，产业链规模大、门类齐。'.repeat(6);
    const edition = onePage('a a . . . . . .', ['![图](images/a.jpg "图说。"){cols=2}', text]);
    const a = itemizeEdition(edition, loadFontBook(), DEFAULT_STYLE).pages[0].articles[0];
    const g = pageGeometry({ kind: 'named', name: 'broadsheet' }, 8, DEFAULT_STYLE);
    const module = { x: 0, width: 243, basicColumns: 2 };
    const natural = measureArticle(a, module, g, DEFAULT_STYLE, { kind: 'whole' }, new LineCache(), 1000);
    const roomy = setArticle(a, module, natural, g, DEFAULT_STYLE, { kind: 'whole' }, new LineCache());
    const tight = setArticle(a, module, natural - 3, g, DEFAULT_STYLE, { kind: 'whole' }, new LineCache());
    expect(roomy.overset).toBeUndefined();
    expect(tight.overset).toBeUndefined();
    const height = (s: typeof roomy): number => {
      const image = s.elements.find((e) => e.kind === 'image');
      if (image?.kind !== 'image') throw new Error('no image');
      return image.height;
    };
    expect(height(tight)).toBeLessThanOrEqual(height(roomy) - 3 * PITCH + 1e-6);
    for (const e of tight.elements) expect(e.kind === 'image' ? e.y + e.height : e.baseline).toBeLessThanOrEqual((natural - 3) * PITCH);
  });
});

describe('a photo above the headline (压题照片)', () => {
  it('stands across the text columns above the headline; in a short area it is cropped shallower before any text is left over', async () => {
    const { measureArticle, setArticle } = await import('../../src/compose/article.js');
    const { pageGeometry } = await import('../../src/compose/geometry.js');
    const text = '江苏地处长三角、长江经济带交汇区域和对外开放前沿，产业链规模大、门类齐。'.repeat(6);
    const edition = onePage('a a a . . . . .', ['![图](images/a.jpg "图说。"){place=above}', '# 握指成拳', text]);
    const a = itemizeEdition(edition, loadFontBook(), DEFAULT_STYLE).pages[0].articles[0];
    const g = pageGeometry({ kind: 'named', name: 'broadsheet' }, 8, DEFAULT_STYLE);
    const module = { x: 0, width: 3 * 117 + 2 * 9, basicColumns: 3 };
    const natural = measureArticle(a, module, g, DEFAULT_STYLE, { kind: 'whole' }, new LineCache(), 1000);
    const roomy = setArticle(a, module, natural, g, DEFAULT_STYLE, { kind: 'whole' }, new LineCache());
    const tight = setArticle(a, module, natural - 3, g, DEFAULT_STYLE, { kind: 'whole' }, new LineCache());
    const image = (s: typeof roomy) => {
      const found = s.elements.find((e) => e.kind === 'image');
      if (found?.kind !== 'image') throw new Error('no image');
      return found;
    };
    expect(roomy.overset).toBeUndefined();
    expect(tight.overset).toBeUndefined();
    // Across the three text columns, at the module's top, read first.
    expect(roomy.elements[0]).toBe(image(roomy));
    expect([image(roomy).x, image(roomy).y, image(roomy).width]).toEqual([0, 0, 369]);
    // At its natural depth the photo keeps its proportions (1200 × 800); short of lines it is cropped, not the text.
    expect(image(roomy).height).toBeGreaterThanOrEqual((369 * 800) / 1200 - 1e-6);
    expect(image(tight).height).toBeLessThanOrEqual(image(roomy).height - 3 * PITCH + 1e-6);
    for (const s of [roomy, tight]) {
      const headTop = Math.min(...s.elements.filter((e) => e.kind === 'line' && e.tag.role === 'H1').map((e) => (e.kind === 'line' ? e.baseline : 0)));
      expect(headTop).toBeGreaterThan(image(s).y + image(s).height);
    }
  });
});
