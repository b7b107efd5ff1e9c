import { readFileSync, statSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accessibilityFacts, accessibilityMetadata } from '../../../src/export/epub/accessibility.js';
import { writeEpub } from '../../../src/export/epub/index.js';
import { asciiName } from '../../../src/export/epub/plan.js';
import { loadFontBook } from '../../../src/fonts/index.js';
import type { FontBook } from '../../../src/fonts/types.js';
import type { Edition } from '../../../src/model/document.js';
import { plainText } from '../../../src/model/inline.js';
import { tableTexts } from '../../../src/model/table.js';
import { article, jpegBytes, pageFile, writeEdition } from '../../helpers/edition.js';
import { epubcheckVerdict, unitBook } from '../../helpers/runs.js';
import { fullWidth, makeEdition, MODIFIED, removeEdition, unzip } from './fixture.js';

const HAN = /\p{Script=Han}/gu;

let edition: Edition;
let fonts: FontBook;
let epub: Buffer;
let files: Awaited<ReturnType<typeof unzip>>;

beforeAll(async () => {
  edition = makeEdition();
  fonts = loadFontBook();
  // The book the run made once (fixture.ts UNIT_BOOKS.book) and gave to EPUBCheck.
  epub = await unitBook('book');
  files = await unzip(epub);
});

afterAll(() => removeEdition(edition));

const opf = () => files.text.get('EPUB/package.opf')!;
const chapter = (name: string) => files.text.get(`EPUB/${name}`)!;
/** Chapter paths in spine order (the cover page, first in the spine, is not a chapter: see cover.test.ts). */
const chapterNames = () => {
  const xml = opf();
  const hrefById = new Map([...xml.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  return [...xml.matchAll(/<itemref idref="([^"]+)"\/>/g)].map((m) => `EPUB/${hrefById.get(m[1])}`).filter((name) => name !== 'EPUB/cover.xhtml');
};

describe('container', () => {
  test('mimetype is the first entry, STORED, uncompressed text at offset 38', () => {
    // Local file header: signature, version, flags, method (0 = stored) at 8, name length at 26.
    expect(epub.readUInt32LE(0)).toBe(0x04034b50);
    expect(epub.readUInt16LE(8)).toBe(0);
    expect(epub.readUInt16LE(26)).toBe('mimetype'.length);
    expect(epub.readUInt16LE(28)).toBe(0); // no extra field, so the type sits at a fixed offset
    expect(epub.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(epub.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
    expect(files.names[0]).toBe('mimetype');
  });

  test('no folder entries, entries after mimetype in sorted order', () => {
    expect(files.names.some((n) => n.endsWith('/'))).toBe(false);
    const rest = files.names.slice(1);
    expect(rest).toEqual([...rest].sort());
    expect(rest).toContain('META-INF/container.xml');
    expect(files.text.get('META-INF/container.xml')).toContain('full-path="EPUB/package.opf"');
  });

  test('EPUBCheck reports no errors and no warnings', async () => {
    const { status, output } = await epubcheckVerdict('book');
    expect(output).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
    expect(output).toContain('No errors or warnings detected');
    expect(status).toBe(0);
  });
});

describe('package document', () => {
  test('language, identifier, dates, publisher, description', () => {
    const xml = opf();
    expect(xml).toMatch(/<package [^>]*xml:lang="zh-Hans"/);
    expect(xml).toContain('<dc:language>zh-Hans</dc:language>');
    expect(xml).toMatch(/<dc:identifier id="pub-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/dc:identifier>/);
    expect(xml).toContain('unique-identifier="pub-id"');
    expect(xml).toContain('<meta property="dcterms:modified">2024-11-24T08:30:00Z</meta>');
    expect(xml).toContain('<dc:title>人民日报 2024年11月24日</dc:title>');
    expect(xml).toContain('<dc:creator>人民日报</dc:creator>');
    expect(xml).toContain('<dc:publisher>人民日报</dc:publisher>');
    expect(xml).toContain('<dc:date>2024-11-24</dc:date>');
    expect(xml).toContain('<dc:description>人民日报 2024年11月24日 第11、12版</dc:description>');
  });

  test('one spine item per article, in page order', () => {
    expect(chapterNames()).toEqual(['EPUB/p11-lead.xhtml', 'EPUB/p11-box.xhtml', 'EPUB/p12-pinglun.xhtml']);
    expect(opf()).toMatch(/<item id="nav" href="nav.xhtml" media-type="application\/xhtml\+xml" properties="nav"\/>/);
  });

  test('chapter file names: the article id in lower-case ASCII, or a1, a2… for an id that has none', () => {
    // Article ids are ASCII letters, digits and `-` (the parser rejects others), so only an id
    // of dashes leaves nothing; older models had Chinese ids, such as 评论.
    expect(asciiName('Box', 'a2')).toBe('box');
    expect(asciiName('duty-2', 'a3')).toBe('duty-2');
    expect(asciiName('--', 'a1')).toBe('a1');
    expect(asciiName('评论', 'a1')).toBe('a1');
  });

  test('every manifest item is in the zip and every content file is in the manifest', () => {
    const hrefs = [...opf().matchAll(/<item [^>]*href="([^"]+)"/g)].map((m) => `EPUB/${m[1]}`).sort();
    const content = files.names.filter((n) => n.startsWith('EPUB/') && n !== 'EPUB/package.opf').sort();
    expect(hrefs).toEqual(content);
  });
});

describe('chapters', () => {
  test('every XHTML document has lang and xml:lang zh-Hans on its root', () => {
    const docs = files.names.filter((n) => n.endsWith('.xhtml'));
    expect(docs.length).toBe(5); // cover, three chapters, nav
    for (const name of docs) expect(files.text.get(name)).toMatch(/<html [^>]*lang="zh-Hans" xml:lang="zh-Hans"/);
  });

  test('lead: header holds series, kicker, h1, subtitle, byline in order; note aside follows', () => {
    const xhtml = chapter('p11-lead.xhtml');
    const header = /<header>([\s\S]*?)<\/header>/.exec(xhtml)![1];
    const order = [
      '<p class="series">学习贯彻党的二十届三中全会精神</p>',
      '<p class="kicker">深化改革 凝聚力量</p>',
      '<h1>基层党建引领乡村全面振兴</h1>',
      '<p class="subtitle">——来自浙江安吉的调查</p>',
      '<p class="byline">本报记者 张晓明 李红梅</p>',
    ].map((s) => header.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(xhtml).toMatch(/<\/header>\n<aside class="note">\n<p>编者按：党的二十届三中全会，[^<]*<\/p>\n<p class="signature">——编者<\/p>\n<\/aside>/);
    expect(xhtml).toContain('<title>基层党建引领乡村全面振兴</title>');
    expect(xhtml).toContain('<article>');
  });

  test('lead: body elements, inline markup and escaping', () => {
    const xhtml = chapter('p11-lead.xhtml');
    expect(xhtml).toContain('<strong>青山叠翠、溪水潺潺</strong>');
    expect(xhtml).toContain('<em>绿水青山就是金山银山</em>');
    expect(xhtml).toContain('<h2>一、组织有力</h2>');
    expect(xhtml).toContain('<h3>（一）党员带头</h3>');
    expect(xhtml).toContain('<blockquote class="pullquote"><p>把支部建在产业链上，让党员站在最前沿。</p></blockquote>');
    // XML specials escaped (a control character never gets this far: the parser refuses it).
    const written = edition.pages[0].articles[0].blocks.map((b) => (b.kind === 'text' ? plainText(b.inlines) : ''));
    expect(written).toContain('标记 A&B <测试> 与"引号"照常显示。');
    expect(xhtml).toContain('<p>标记 A&amp;B &lt;测试&gt; 与"引号"照常显示。</p>');
    expect(xhtml).toContain('<p class="credit">本版统筹：王丽</p>');
    // Body order follows the source.
    const h2 = xhtml.indexOf('<h2>');
    expect(xhtml.indexOf('初冬时节')).toBeLessThan(h2);
    expect(xhtml.indexOf('<h3>')).toBeGreaterThan(h2);
  });

  test('box: class, label shown first in the header, figure with image and caption', () => {
    const xhtml = chapter('p11-box.xhtml');
    expect(xhtml).toContain('<article class="box">');
    expect(xhtml).toMatch(/<header>\n<p class="label">金台潮声<\/p>\n<h1>让群众成为改革的受益者<\/h1>\n<\/header>/);
    const fig = /<figure><img src="([^"]+)" alt="余村竹林风光"\/><figcaption>图为安吉县余村的竹林，<strong>游客<\/strong>络绎不绝。<\/figcaption><\/figure>/.exec(xhtml);
    expect(fig).not.toBeNull();
    const src = fig![1];
    expect(src).toMatch(/^images\/[a-z0-9-]+\.jpg$/);
    expect(opf()).toContain(`href="${src}" media-type="image/jpeg"`);
    // A signature outside a note stays in place, flush right.
    expect(xhtml).toContain('<p class="signature">（作者为本报评论员）</p>');
  });

  test('image bytes are copied unchanged', () => {
    const fig = edition.pages[0].articles[1].blocks.find((b) => b.kind === 'figure')!;
    const src = /<img src="([^"]+)"/.exec(chapter('p11-box.xhtml'))![1];
    expect(files.bytes.get(`EPUB/${src}`)!.equals(readFileSync(fig.kind === 'figure' ? fig.src : ''))).toBe(true);
  });

  test('a header role after the body starts stays in place', () => {
    expect(chapter('p12-pinglun.xhtml')).toMatch(/<header>\n<h1>以钉钉子精神抓落实<\/h1>\n<\/header>\n<p>蓝图已经绘就，关键在于落实。<\/p>\n<p class="byline">（本报评论部）<\/p>\n<\/article>/);
  });

  test('no Han character of the model is lost', () => {
    const chapters = chapterNames();
    expect(chapters).toHaveLength(3);
    let i = 0;
    for (const page of edition.pages) {
      for (const article of page.articles) {
        const xhtml = chapter(chapters[i++].slice('EPUB/'.length));
        let text = article.label ?? '';
        for (const b of article.blocks) text += b.kind === 'text' ? plainText(b.inlines) : b.kind === 'table' ? plainText(tableTexts(b).flat()) : plainText(b.caption);
        const han = new Set(text.match(HAN));
        expect(han.size).toBeGreaterThan(5);
        const missing = [...han].filter((c) => !xhtml.includes(c));
        expect(missing, `missing in ${chapters[i - 1]}`).toEqual([]);
      }
    }
  });

  test('normalize is applied to every text node (no half-width comma or colon left next to Han)', () => {
    for (const name of chapterNames()) {
      const xhtml = chapter(name.slice('EPUB/'.length));
      expect(xhtml).not.toMatch(/\p{Script=Han}[,:]|[,:]\p{Script=Han}/u);
    }
    expect(chapter('p11-lead.xhtml')).toContain('初冬时节，走进安吉县余村，');
    expect(chapter('p11-lead.xhtml')).toContain('村党支部书记说：“');
  });
});

describe('navigation document', () => {
  test('nested: page label → article headlines, in order', () => {
    const nav = files.text.get('EPUB/nav.xhtml')!;
    const toc = /<nav epub:type="toc" id="toc">([\s\S]*?)<\/nav>/.exec(nav)![1];
    expect(toc).toMatch(
      /<li><a href="p11-lead.xhtml">第11版 党建<\/a>\n<ol>\n<li><a href="p11-lead.xhtml">基层党建引领乡村全面振兴<\/a><\/li>\n<li><a href="p11-box.xhtml">让群众成为改革的受益者<\/a><\/li>\n<\/ol>\n<\/li>/,
    );
    expect(toc).toMatch(/<li><a href="p12-pinglun.xhtml">第12版 评论<\/a>\n<ol>\n<li><a href="p12-pinglun.xhtml">以钉钉子精神抓落实<\/a><\/li>\n<\/ol>/);
    expect(nav).toContain('<nav epub:type="landmarks"');
  });

  test('page list: each print page at the break marker that opens its first article', () => {
    const nav = files.text.get('EPUB/nav.xhtml')!;
    const list = /<nav epub:type="page-list" id="page-list" hidden="hidden">([\s\S]*?)<\/nav>/.exec(nav)![1];
    expect([...list.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['p11-lead.xhtml#page-11', '11'],
      ['p12-pinglun.xhtml#page-12', '12'],
    ]);
    for (const [file, number] of [['p11-lead.xhtml', 11], ['p12-pinglun.xhtml', 12]] as const) {
      expect(chapter(file)).toContain(`<body>\n<span epub:type="pagebreak" role="doc-pagebreak" id="page-${number}" aria-label="${number}"></span>\n<article`);
    }
    expect(chapter('p11-box.xhtml')).not.toContain('pagebreak');
  });
});

describe('accessibility metadata', () => {
  test('access modes, features, no hazards, a summary in the book’s language, the print source of the page list', () => {
    const xml = opf();
    const values = (property: string) => [...xml.matchAll(new RegExp(`<meta property="${property}">([^<]*)</meta>`, 'g'))].map((m) => m[1]);
    expect(values('schema:accessMode')).toEqual(['textual', 'visual']);
    expect(values('schema:accessModeSufficient')).toEqual(['textual']);
    expect(values('schema:accessibilityFeature')).toEqual([
      'structuralNavigation',
      'tableOfContents',
      'readingOrder',
      'displayTransformability',
      'alternativeText',
      'pageNavigation',
    ]);
    expect(values('schema:accessibilityHazard')).toEqual(['none']);
    expect(values('schema:accessibilitySummary')[0]).toMatch(/^本电子版.*图片均有文字说明；页码表标出印刷版的版次。$/);
    expect(xml).toMatch(/<dc:source id="print-source">[^<]+<\/dc:source>\n    <meta refines="#print-source" property="source-of">pagination<\/meta>/);
  });

  test('a figure with neither alt text nor caption: images are not claimed to be described', () => {
    const bare = writeEdition({
      '11.md': pageFile({ page: 11, areas: ['a'] }, [article('a', ['# 图片新闻', '![](images/photo.jpg)', '正文。'])]),
      'images/photo.jpg': jpegBytes(24, 16),
    });
    removeEdition(bare);
    const figure = bare.pages[0].articles[0].blocks.find((b) => b.kind === 'figure');
    expect(figure).toMatchObject({ alt: '', caption: [] });
    const facts = accessibilityFacts(bare, false);
    expect(facts).toEqual({ images: true, allImagesDescribed: false, pageList: false });
    const lines = accessibilityMetadata(facts).join('\n');
    expect(lines).toContain('<meta property="schema:accessModeSufficient">textual,visual</meta>');
    expect(lines).not.toContain('alternativeText');
    expect(lines).not.toContain('pageNavigation');
    expect(lines).toContain('部分图片缺少文字说明。');
  });
});

describe('fonts', () => {
  test('body and headline faces are embedded as subsets much smaller than their sources', () => {
    const fontFiles = files.names.filter((n) => n.startsWith('EPUB/fonts/'));
    const body = fonts.chain('body')[0];
    const headline = fonts.chain('headline')[0];
    for (const face of [body, headline]) {
      const name = `EPUB/fonts/${face.key}.ttf`;
      expect(fontFiles).toContain(name);
      const size = files.bytes.get(name)!.length;
      expect(size).toBeGreaterThan(1000);
      expect(size).toBeLessThan(statSync(face.file).size / 20);
      expect(opf()).toContain(`href="fonts/${face.key}.ttf" media-type="font/ttf"`);
    }
    const css = files.text.get('EPUB/style.css')!;
    expect(css).toContain(`src: url(fonts/${body.key}.ttf) format("truetype")`);
    expect(css).toMatch(new RegExp(`h1 \\{\\n  font-family: "bm-${headline.key}"`));
  });

  test('the subsets draw the text: body face has the body characters, headline face the headline', () => {
    const open = (key: string) => fontkit.create(files.bytes.get(`EPUB/fonts/${key}.ttf`)!) as Font;
    const body = open(fonts.chain('body')[0].key);
    const headline = open(fonts.chain('headline')[0].key);
    for (const ch of '初冬时节走进安吉县余村，。') expect(body.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of '基层党建引领乡村全面振兴') expect(headline.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    // A character the edition never uses is not in the subset.
    expect(body.hasGlyphForCodePoint('龘'.codePointAt(0)!)).toBe(false);
  });

  test('CSS: body paragraphs, emphasis dots, font rules', () => {
    const css = files.text.get('EPUB/style.css')!;
    expect(css).toMatch(/p \{[^}]*text-indent: 2em;[^}]*text-align: justify;[^}]*line-break: strict;/);
    expect(css).toMatch(/em \{[^}]*font-style: normal;[^}]*text-emphasis: filled dot;[^}]*text-emphasis-position: under right;/);
    expect(css).toMatch(/@font-face/);
  });
});

describe('reproducibility and options', () => {
  test('two builds are byte-identical; another modified date changes only the date', async () => {
    // A fresh copy of the edition, in another temporary folder and another process than the
    // run's book: paths must not leak into the output.
    const copy = makeEdition();
    const again = await writeEpub(copy, fonts, { modified: MODIFIED, normalize: fullWidth }).finally(() => removeEdition(copy));
    expect(again.equals(epub)).toBe(true);
    const later = await writeEpub(edition, fonts, { modified: new Date('2025-01-02T03:04:05.678Z'), normalize: fullWidth });
    expect(later.equals(epub)).toBe(false);
    const laterOpf = (await unzip(later)).text.get('EPUB/package.opf')!;
    expect(laterOpf).toContain('<meta property="dcterms:modified">2025-01-02T03:04:05Z</meta>');
    const id = (xml: string) => /<dc:identifier[^>]*>([^<]+)</.exec(xml)![1];
    expect(id(laterOpf)).toBe(id(opf()));
  });

  test('without normalize the text is as written; embedFonts false leaves fonts out', async () => {
    const plain = await writeEpub(edition, fonts, { modified: MODIFIED, embedFonts: false });
    const out = await unzip(plain);
    expect(out.text.get('EPUB/p11-lead.xhtml')).toContain('初冬时节,走进安吉县余村,');
    expect(out.names.some((n) => n.startsWith('EPUB/fonts/'))).toBe(false);
    expect(out.text.get('EPUB/style.css')).not.toContain('@font-face');
    expect(out.text.get('EPUB/package.opf')).not.toContain('font/ttf');
    // Different text → different identifier.
    const id = (xml: string) => /<dc:identifier[^>]*>([^<]+)</.exec(xml)![1];
    expect(id(out.text.get('EPUB/package.opf')!)).not.toBe(id(opf()));
    expect(plain.length).toBeLessThan(epub.length);
  });

  test('the EPUB stays small', () => {
    expect(epub.length).toBeLessThan(1_000_000);
  });
});
