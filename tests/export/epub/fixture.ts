/** The edition of the EPUB exporter tests, written as Markdown page files and parsed; helpers to look inside the result. */
import JSZip from 'jszip';
import { generatedEdition } from '../../helpers/generate.js';
import { writeEpub } from '../../../src/export/epub/index.js';
import type { FontBook } from '../../../src/fonts/types.js';
import type { Edition } from '../../../src/model/document.js';
import type { Typography } from '../../../src/model/style.js';
import { article, jpegBytes, pageFile, removeEdition, writeEdition, type EditionFiles } from '../../helpers/edition.js';

export { removeEdition };

/** A page of the test edition: one band of six basic columns shared by its articles. */
const page = (number: number, section: string, areas: string, articles: readonly string[]): string =>
  pageFile({ page: number, section, editor: '责任编辑：陈远', areas: [areas], rows: ['auto'] }, articles);

/**
 * Page 11 (党建) with a lead story using every header role, a note, section heads, strong and
 * emphasis, a pull quote and XML-special characters (and a control character, which XML does
 * not allow), plus a boxed commentary with a label and a photo with a caption; page 12 with one
 * story. Half-width `,` `:` are left as written, for the tests' normaliser.
 *
 * `typography` goes into edition.yml (e.g. `{ autospace: false }` writes `typography:` /
 * `  autospace: false`).
 */
export function makeEdition(typography: Partial<Typography> = {}): Edition {
  const lead = article('lead', [
    '学习贯彻党的二十届三中全会精神 {.series}',
    '深化改革 凝聚力量 {.kicker}',
    '# 基层党建引领乡村全面振兴',
    '——来自浙江安吉的调查 {.subtitle}',
    '本报记者 张晓明 李红梅 {.byline}',
    '编者按：党的二十届三中全会,对进一步全面深化改革作出系统部署。即日起,本版推出系列报道。 {.note}',
    '——编者 {.signature}',
    '初冬时节,走进安吉县余村,**青山叠翠、溪水潺潺**。村党支部书记说:“*绿水青山就是金山银山*。”',
    '## 一、组织有力',
    '村里建立了“支部+合作社+农户”模式,带动**三百余户**群众增收。数据显示,人均收入超过6万元。',
    '### （一）党员带头',
    '> 把支部建在产业链上,让党员站在最前沿。',
    '标记 A&B <测试> 与"引号"照常显示。',
    '本版统筹：王丽 {.credit}',
  ]);
  const box = article(
    'Box',
    [
      '# 让群众成为改革的受益者',
      '改革发展成果更多更公平惠及全体人民,是检验改革成效的根本标准。',
      '![余村竹林风光](images/安吉-photo.jpg "图为安吉县余村的竹林,**游客**络绎不绝。"){cols=2}',
      '本报记者 赵强摄 {.credit}',
      '（作者为本报评论员） {.signature}',
    ],
    { box: true, label: '金台潮声' },
  );
  const commentary = article('pinglun', ['# 以钉钉子精神抓落实', '蓝图已经绘就,关键在于落实。', '（本报评论部） {.byline}']);
  const yml = ['slug: rmrb-20241124', 'title: 人民日报 2024年11月24日', 'language: zh-Hans'];
  const settings = Object.entries(typography);
  if (settings.length > 0) yml.push('typography:', ...settings.map(([key, value]) => `  ${key}: ${String(value)}`));
  return writeEdition(
    {
      'edition.yml': `${yml.join('\n')}\n`,
      '11.md': page(11, '党建', 'lead lead lead Box Box Box', [lead, box]),
      '12.md': page(12, '评论', 'pinglun pinglun pinglun pinglun pinglun pinglun', [commentary]),
      'images/安吉-photo.jpg': jpegBytes(24, 16),
    },
    'banmian-epub-',
  );
}

/** The normaliser the tests pass: half-width `,` `:` → full-width (a stand-in for the real one). */
export const fullWidth = (text: string): string => text.replace(/,/g, '，').replace(/:/g, '：');

/** The entries of an EPUB, by path, as text (fonts/images as bytes under `bytes`). */
export async function unzip(epub: Buffer): Promise<{ names: string[]; text: Map<string, string>; bytes: Map<string, Buffer> }> {
  const zip = await JSZip.loadAsync(epub);
  const names = Object.keys(zip.files);
  const text = new Map<string, string>();
  const bytes = new Map<string, Buffer>();
  for (const name of names) {
    const file = zip.files[name];
    bytes.set(name, await file.async('nodebuffer'));
    if (/\.(xhtml|opf|xml|css)$|^mimetype$/.test(name)) text.set(name, await file.async('string'));
  }
  return { names, text, bytes };
}

/**
 * A full page's worth of text: ~7,000 characters over six articles, drawing on 1,800 distinct
 * Han characters spread over the whole CJK block (more, and more complex, than a real page
 * uses), in every role, so every face gets a realistic subset. Written as a page file and
 * parsed, as an edition is.
 */
export function bigEdition(): Edition {
  const pool = Array.from({ length: 1800 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 11) % 0x51a0)));
  let k = 0;
  const text = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += pool[k++ % pool.length] + (i % 23 === 22 ? '，' : '');
    return `${s}。`;
  };
  const images: Record<string, Uint8Array> = {};
  const articles = Array.from({ length: 6 }, (_, a) => {
    images[`images/f${a}.jpg`] = jpegBytes(24, 16);
    return article(
      `a${a + 1}`,
      [
        `${text(10)} {.kicker}`,
        `# ${text(14)}`,
        `${text(12)} {.subtitle}`,
        `${text(8)} {.byline}`,
        ...(a === 0 ? [`${text(120)} {.note}`] : []),
        ...Array.from({ length: 8 }, (_, p) => (p === 3 ? `## ${text(8)}` : `${text(140)}**${text(8)}**`)),
        `> ${text(30)}`,
        `![图](images/f${a}.jpg "${text(40)}")`,
      ],
      a === 5 ? { box: true, label: '金台潮声' } : {},
    );
  });
  const files: EditionFiles = {
    'edition.yml': 'slug: big\ntitle: 大样\n',
    '1.md': pageFile({ page: 1, section: '要闻', areas: ['a1 a2 a3 a4 a5 a6'], rows: ['auto'] }, articles),
    ...images,
  };
  return writeEdition(files, 'banmian-epub-big-');
}

/** The `modified` date of the exporter tests' books. */
export const MODIFIED = new Date('2024-11-24T08:30:00Z');

/** An EPUB of an edition, the edition's folder removed after. */
async function bookOf(edition: Edition, make: (edition: Edition) => Promise<Buffer>): Promise<Buffer> {
  try {
    return await make(edition);
  } finally {
    removeEdition(edition);
  }
}

/**
 * The exporter tests' books, each made once per test run by the global setup and checked with
 * EPUBCheck there (tests/setup); tests read them with `unitBook(name)`.
 */
export const UNIT_BOOKS = {
  /** The test edition, normalised, with its fonts. */
  book: (fonts: FontBook) => bookOf(makeEdition(), (e) => writeEpub(e, fonts, { modified: MODIFIED, normalize: fullWidth })),
  /** The same pages with `typography: writingMode: vertical`. */
  vertical: (fonts: FontBook) => bookOf(makeEdition({ writingMode: 'vertical' }), (e) => writeEpub(e, fonts, { modified: MODIFIED, normalize: fullWidth })),
  /** Without fonts. */
  bare: (fonts: FontBook) => bookOf(makeEdition(), (e) => writeEpub(e, fonts, { modified: MODIFIED, normalize: fullWidth, embedFonts: false })),
  /** ~7,000 characters, every face embedded. */
  big: (fonts: FontBook) => bookOf(bigEdition(), (e) => writeEpub(e, fonts, { modified: new Date('2024-11-24T00:00:00Z') })),
} as const satisfies Record<string, (fonts: FontBook) => Promise<Buffer>>;

export type UnitBookName = keyof typeof UNIT_BOOKS;

/**
 * Seeds of generated editions (tests/helpers/generate.ts) whose EPUBs go to EPUBCheck too:
 * between them (1, 3 and 6 already) every element of content format 1.1 — band heads, photos
 * above the headline, tables, lists, index lists, notes, briefs — in copy no one wrote by hand.
 */
export const GENERATED_BOOK_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** The EPUB of generated edition `seed`, without fonts (what is checked is the markup). */
export function generatedBook(seed: number, fonts: FontBook): Promise<Buffer> {
  return bookOf(writeEdition(generatedEdition(seed), `banmian-epub-generated-${seed}-`), (e) => writeEpub(e, fonts, { modified: MODIFIED, normalize: fullWidth, embedFonts: false }));
}

/** The file name (without .epub) of generated edition `seed`'s book among the run's books. */
export const generatedBookName = (seed: number): string => `generated-${seed}`;
