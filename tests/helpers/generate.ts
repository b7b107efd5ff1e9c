/**
 * Seeded generated editions, for property tests: random page sizes (named and custom, shallow
 * and tall), bands split between articles or spanned by a side article, fixed and automatic rows,
 * headline blocks of every part, section heads, pull quotes, boxes, photos of random shapes and
 * widths at the top or the foot, paragraphs of random length with Chinese punctuation and long
 * Latin tokens (URLs, numbers, acronyms), articles that jump to a second page, band heads over a
 * page's first band, photos above their headline, lists, 导读 index lists, tables of figures
 * (long ones go on in the next column), notes and blocks of briefs — the variety real copy brings that
 * hand-drawn `areas` do not expect. The same seed gives the same edition.
 */
import { article, jpegBytes, pageFile, type EditionFiles } from './edition.js';

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员';
const MARKS = ['，', '。', '、', '；', '：', '？', '！', '“', '”', '（', '）', '——', '……', '《', '》'];
/** Long tokens that have no break opportunity of their own between Han characters. */
const LATIN = ['https://www.example.com.cn/news/2024/11/24/content_30124.html', '13800138000123456789', 'CPPCC-NPC-WTO-APEC', 'GB/T15834-2011', 'International', '2024年11月24日'];
/** Share of characters followed by a punctuation mark, and of paragraphs holding a Latin token. */
const MARK_SHARE = 0.08;
const LATIN_SHARE = 0.15;

const SIZES = [
  { size: 'tabloid', columns: 6 },
  { size: 'broadsheet', columns: 8 },
  { size: 'A3', columns: 6 },
  { size: 'A4', columns: 4 },
  { size: 'A4', columns: 2 },
  { size: '"320x200mm"', columns: 6 },
  { size: '"180x260mm"', columns: 3 },
] as const;

/** Photo shapes, in pixels: landscape, portrait, panorama, square. Small: resolution is not under test. */
const PHOTOS = [
  { name: 'landscape', width: 300, height: 200 },
  { name: 'portrait', width: 200, height: 300 },
  { name: 'panorama', width: 400, height: 120 },
  { name: 'square', width: 240, height: 240 },
] as const;

let photoBytes: Map<string, Buffer> | undefined;
function photos(): Map<string, Buffer> {
  photoBytes ??= new Map(PHOTOS.map((p) => [p.name, jpegBytes(p.width, p.height)]));
  return photoBytes;
}

function text(random: () => number, length: number, latin = false): string {
  let s = '';
  const at = latin ? Math.floor(random() * length) : -1;
  for (let i = 0; i < length; i++) {
    s += HAN[Math.floor(random() * HAN.length)];
    if (i === at) s += LATIN[Math.floor(random() * LATIN.length)];
    else if (random() < MARK_SHARE) s += MARKS[Math.floor(random() * MARKS.length)];
  }
  return `${s}。`;
}

/** One band of `columns` cells split between up to three ids. */
function split(random: () => number, ids: readonly string[], columns: number): string[] {
  const cells: string[] = [];
  const cuts = new Set<number>();
  while (cuts.size < ids.length - 1) cuts.add(1 + Math.floor(random() * (columns - 1)));
  const sorted = [...cuts].sort((a, b) => a - b);
  let k = 0;
  for (let c = 0; c < columns; c++) {
    if (k < sorted.length && c === sorted[k]) k++;
    cells.push(ids[k]);
  }
  return cells;
}

function row(random: () => number): string {
  const r = random();
  if (r < 0.6) return 'auto';
  if (r < 0.85) return `"${10 + Math.floor(random() * 50)}%"`;
  return `"${30 + Math.floor(random() * 120)}mm"`;
}

function articleOf(random: () => number, id: string, columns: number, photoNames: Set<string>): string {
  const blocks: string[] = [];
  if (random() < 0.3) blocks.push(`${text(random, 6 + Math.floor(random() * 20))} {.kicker}`);
  blocks.push(`# ${text(random, 4 + Math.floor(random() * 14), random() < 0.1)}`);
  if (random() < 0.25) blocks.push(`${text(random, 6 + Math.floor(random() * 16))} {.subtitle}`);
  if (random() < 0.4) blocks.push('本报记者 王欣悦 {.byline}');
  const figures = random() < 0.45 ? 1 + Math.floor(random() * 2) : 0;
  for (let f = 0; f < figures; f++) {
    const photo = PHOTOS[Math.floor(random() * PHOTOS.length)];
    photoNames.add(photo.name);
    const attrs = [`cols=${1 + Math.floor(random() * Math.min(3, columns))}`, ...(random() < 0.25 ? ['place=bottom'] : [])];
    blocks.push(`![照片](images/${photo.name}.jpg "${text(random, 4 + Math.floor(random() * 30))}"){${attrs.join(' ')}}`);
  }
  for (let k = 1 + Math.floor(random() * 5); k > 0; k--) {
    const r = random();
    if (r < 0.12) blocks.push(`## ${text(random, 3 + Math.floor(random() * 10))}`);
    else if (r < 0.18) blocks.push(`> ${text(random, 10 + Math.floor(random() * 30))}`);
    blocks.push(text(random, 20 + Math.floor(random() * 160), random() < LATIN_SHARE));
  }
  return article(id, blocks, { box: random() < 0.12 });
}

/** Areas of one page: bands of one to three articles, or a side article beside two bands. */
function areasOf(random: () => number, ids: readonly string[], columns: number): { areas: string[]; rows: string[] } {
  const areas: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < ids.length; ) {
    const left = ids.length - i;
    const r = random();
    if (left >= 3 && r < 0.2 && columns >= 3) {
      // a side / b b: `side` spans two bands beside `a`, then `b` spans the width.
      const sideCols = 1 + Math.floor(random() * Math.floor(columns / 2));
      areas.push([...Array<string>(columns - sideCols).fill(ids[i]), ...Array<string>(sideCols).fill(ids[i + 1])].join(' '));
      areas.push(Array<string>(columns).fill(ids[i + 2]).join(' '));
      rows.push(row(random), row(random));
      i += 3;
      continue;
    }
    const n = Math.min(left, columns, r < 0.4 ? 1 : r < 0.8 ? 2 : 3);
    areas.push(split(random, ids.slice(i, i + n), columns).join(' '));
    rows.push(row(random));
    i += n;
  }
  return { areas, rows };
}

/** Share of pages with a band head over their first band, and of articles with a photo above their headline. */
const BAND_HEAD_SHARE = 0.2;
const PHOTO_ABOVE_SHARE = 0.12;
/** Shares of articles given a list, an index (导读) list, a table, a note, and made a block of briefs. */
const LIST_SHARE = 0.12;
const INDEX_SHARE = 0.06;
const TABLE_SHARE = 0.1;
const NOTE_SHARE = 0.1;
const BRIEFS_SHARE = 0.06;

/** A pipe table of figures, `rows` deep, with a title and a source line now and then. */
function table(extra: () => number, rows: number): string {
  const lines = ['| 项目 | 数值 | 同比% |', '| --- | --- | --- |'];
  for (let r = 0; r < rows; r++) lines.push(`| ${text(extra, 2 + Math.floor(extra() * 5)).slice(0, -1)} | ${(extra() * 10000).toFixed(2)} | ${(extra() * 20 - 10).toFixed(1)} |`);
  const title = extra() < 0.5 ? [`${text(extra, 4 + Math.floor(extra() * 8)).slice(0, -1)} {.table-title}`, ''] : [];
  const source = extra() < 0.5 ? ['', '来源：国家统计局 {.source}'] : [];
  return [...title, ...lines, ...source].join('\n');
}

/** The blocks of version 1.1 an article may end with: lists, an index list, a table, a note. */
function endings(extra: () => number, id: string): string[] {
  const out: string[] = [];
  if (extra() < LIST_SHARE) {
    const ordered = extra() < 0.5;
    const items = 2 + Math.floor(extra() * 4);
    out.push(Array.from({ length: items }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${text(extra, 4 + Math.floor(extra() * 30))}`).join('\n'));
  }
  if (extra() < INDEX_SHARE) {
    const items = 2 + Math.floor(extra() * 5);
    out.push(Array.from({ length: items }, () => `- ${text(extra, 4 + Math.floor(extra() * 14)).slice(0, -1)} 第${1 + Math.floor(extra() * 20)}版`).join('\n'));
  }
  if (extra() < TABLE_SHARE) out.push(table(extra, 2 + Math.floor(extra() * 24)));
  if (extra() < NOTE_SHARE) out.push(`${text(extra, 10 + Math.floor(extra() * 40))}[^${id}]`, `[^${id}]: ${text(extra, 6 + Math.floor(extra() * 40))}`);
  return out;
}

/**
 * The elements of content format 1.1, drawn from a stream of their own, so that the rest of
 * each seed's edition is what it was before they existed (the regression seeds still hold).
 */
function withElements(extra: () => number, p: number, own: string[], areas: string[], rows: string[], photoNames: Set<string>): void {
  own.forEach((source, i) => {
    const close = source.lastIndexOf(':::');
    const id = /^::: article (\S+)/.exec(source)?.[1] ?? `a${i}`;
    let article = `${source.slice(0, close)}${endings(extra, id).map((b) => `${b}\n\n`).join('')}${source.slice(close)}`;
    if (extra() < BRIEFS_SHARE) {
      // A block of briefs: its paragraphs of body text open with a bold run-in head.
      const [open, ...rest] = article.split('\n');
      article = [`${open} briefs`, ...rest.map((line) => (/^[\u4e00-\u9fff]/.test(line) && !line.includes('{.') ? `**${text(extra, 3 + Math.floor(extra() * 6)).slice(0, -1)}** ${line}` : line))].join('\n');
    }
    own[i] = article;
  });
  own.forEach((source, i) => {
    if (extra() >= PHOTO_ABOVE_SHARE) return;
    const photo = PHOTOS[Math.floor(extra() * PHOTOS.length)];
    photoNames.add(photo.name);
    const open = source.indexOf('\n');
    own[i] = `${source.slice(0, open)}\n\n![照片](images/${photo.name}.jpg "${text(extra, 4 + Math.floor(extra() * 20))}"){place=above}\n${source.slice(open)}`;
  });
  const first = areas[0].split(' ');
  if (extra() >= BAND_HEAD_SHARE || first.includes('.')) return;
  const id = `p${p}head`;
  areas.unshift(first.map(() => id).join(' '));
  rows.unshift('auto');
  const kicker = extra() < 0.5 ? [`${text(extra, 6 + Math.floor(extra() * 12))} {.kicker}`] : [];
  own.unshift([`::: band ${id}`, '', ...kicker, '', `# ${text(extra, 6 + Math.floor(extra() * 16))}`, '', ':::'].join('\n'));
}

/** A one- or two-page edition of one to five articles per page, drawn from `seed`. */
export function generatedEdition(seed: number): EditionFiles {
  const random = seeded(seed);
  const extra = seeded(seed * 7919 + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const { size, columns } = pick(SIZES);
  const photoNames = new Set<string>();
  const files: Record<string, string | Uint8Array> = {};
  const pages = random() < 0.3 ? 2 : 1;
  let jumping: string | undefined;
  for (let p = 1; p <= pages; p++) {
    const ids = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => `p${p}a${i}`);
    const own = ids.map((id) => articleOf(random, id, columns, photoNames));
    // On page 2 the first article of page 1 may go on (a jump).
    const placed = p === 2 && jumping ? [jumping, ...ids] : ids;
    const { areas, rows } = areasOf(random, placed, columns);
    withElements(extra, p, own, areas, rows, photoNames);
    files[`${p}.md`] = pageFile({ page: p, size, columns, areas, rows }, own);
    if (p === 1 && pages === 2 && random() < 0.7) jumping = ids[0];
  }
  for (const name of photoNames) files[`images/${name}.jpg`] = photos().get(name)!;
  return files;
}
