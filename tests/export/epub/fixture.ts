/** A hand-built edition for the EPUB exporter tests, and helpers to look inside the result. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import JSZip from 'jszip';
import type { Article, Block, Edition, Inline, TextBlock, TextRole } from '../../../src/model/document.js';

const t = (text: string): Inline => ({ kind: 'text', text });
const strong = (...children: Inline[]): Inline => ({ kind: 'strong', children });
const em = (...children: Inline[]): Inline => ({ kind: 'emphasis', children });

let line = 0;
function block(role: TextRole, ...inlines: Inline[]): TextBlock {
  return { kind: 'text', role, inlines, source: { file: 'content/11.md', line: ++line } };
}

/** A small JPEG (24×16, a colour gradient) in `dir`. */
export function makeJpeg(dir: string, name: string): string {
  const width = 24;
  const height = 16;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = x * 10;
      data[i + 1] = y * 15;
      data[i + 2] = 128;
      data[i + 3] = 255;
    }
  }
  const file = join(dir, name);
  writeFileSync(file, jpeg.encode({ width, height, data }, 85).data);
  return file;
}

/**
 * Page 11 (党建) with a lead story using every header role, a note, section heads, strong and
 * emphasis, a pull quote and XML-special characters, plus a boxed commentary with a label and
 * a figure; page 12 with one story whose id is Chinese (no ASCII file name to derive).
 */
export function makeEdition(): Edition {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-epub-'));
  const photo = makeJpeg(dir, '安吉-photo.jpg');
  const lead: Article = {
    source: { file: 'content/11.md', line: 1 },
    id: 'lead',
    box: false,
    blocks: [
      block('series', t('学习贯彻党的二十届三中全会精神')),
      block('kicker', t('深化改革 凝聚力量')),
      block('headline', t('基层党建引领乡村全面振兴')),
      block('subtitle', t('——来自浙江安吉的调查')),
      block('byline', t('本报记者 张晓明 李红梅')),
      block('note', t('编者按：党的二十届三中全会,对进一步全面深化改革作出系统部署。即日起,本版推出系列报道。')),
      block('signature', t('——编者')),
      block('paragraph', t('初冬时节,走进安吉县余村,'), strong(t('青山叠翠、溪水潺潺')), t('。村党支部书记说:“'), em(t('绿水青山就是金山银山')), t('。”')),
      block('section-head', t('一、组织有力')),
      block('paragraph', t('村里建立了“支部+合作社+农户”模式,带动'), strong(t('三百余户')), t('群众增收。数据显示,人均收入超过6万元。')),
      block('section-subhead', t('（一）党员带头')),
      block('pullquote', t('把支部建在产业链上,让党员站在最前沿。')),
      block('paragraph', t('标记 A&B <测试> 与"引号"照常显示。\u0007')),
      block('credit', t('本版统筹：王丽')),
    ],
  };
  const figure: Block = {
    kind: 'figure',
    src: photo,
    href: '安吉-photo.jpg',
    alt: '余村竹林风光',
    caption: [t('图为安吉县余村的竹林,'), strong(t('游客')), t('络绎不绝。')],
    cols: 2,
    pixelWidth: 24,
    pixelHeight: 16,
    source: { file: 'content/11.md', line: 80 },
  };
  const box: Article = {
    source: { file: 'content/11.md', line: 60 },
    id: 'Box',
    box: true,
    label: '金台潮声',
    blocks: [
      block('headline', t('让群众成为改革的受益者')),
      block('paragraph', t('改革发展成果更多更公平惠及全体人民,是检验改革成效的根本标准。')),
      figure,
      block('credit', t('本报记者 赵强摄')),
      block('signature', t('（作者为本报评论员）')),
    ],
  };
  const commentary: Article = {
    source: { file: 'content/12.md', line: 1 },
    id: '评论',
    box: false,
    blocks: [
      block('headline', t('以钉钉子精神抓落实')),
      block('paragraph', t('蓝图已经绘就,关键在于落实。')),
      block('byline', t('（本报评论部）')),
    ],
  };
  const page = (number: number, section: string, articles: Article[]) => ({
    source: { file: `content/${number}.md`, line: 1 },
    paper: '人民日报',
    date: '2024-11-24',
    number,
    section,
    editor: '责任编辑：陈远',
    size: { kind: 'named' as const, name: 'broadsheet' as const },
    columns: 6,
    areas: [articles.map((a) => a.id)],
    rows: [{ kind: 'auto' as const }],
    articles,
  });
  return {
    slug: 'rmrb-20241124',
    title: '人民日报 2024年11月24日',
    language: 'zh-Hans',
    dir,
    pages: [page(11, '党建', [lead, box]), page(12, '评论', [commentary])],
  };
}

/** The normaliser the tests pass: half-width `,` `:` → full-width (a stand-in for the real one). */
export const fullWidth = (text: string): string => text.replace(/,/g, '，').replace(/:/g, '：');

/** The entries of an EPUB, by path, as text (fonts/images as bytes under `bytes`). */
/** Remove the edition's temporary folder. */
export function removeEdition(edition: Edition): void {
  rmSync(edition.dir, { recursive: true, force: true });
}

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

/** Path of Java EPUBCheck (Debian's package), or undefined if it is not installed. */
export function epubcheckJar(): string | undefined {
  return ['/usr/share/java/epubcheck.jar', '/usr/share/java/epubcheck-4.2.6.jar', '/usr/bin/epubcheck'].find((p) => existsSync(p));
}

/** Run EPUBCheck on the buffer; returns its exit status and full output. */
export function epubcheck(epub: Buffer): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-epubcheck-'));
  const file = join(dir, 'book.epub');
  writeFileSync(file, epub);
  const res = spawnSync('java', ['-jar', epubcheckJar()!, file], { encoding: 'utf8', timeout: 120_000 });
  rmSync(dir, { recursive: true, force: true });
  return { status: res.status, output: `${res.stdout}\n${res.stderr}` };
}
