/**
 * Seeded generated editions, for property tests: random page sizes, bands split between
 * articles, fixed and automatic rows, headlines, section heads, photos and paragraphs of
 * random length with Chinese punctuation — the variety real copy brings that hand-drawn
 * `areas` do not expect. The same seed gives the same edition.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { article, pageFile, type EditionFiles } from './edition.js';
import { ROOT } from './tools.js';

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
/** Share of characters followed by a punctuation mark. */
const MARK_SHARE = 0.08;

const SIZES = [
  { size: 'tabloid', columns: 6 },
  { size: 'broadsheet', columns: 8 },
  { size: 'A3', columns: 6 },
  { size: 'A4', columns: 4 },
] as const;

function text(random: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    s += HAN[Math.floor(random() * HAN.length)];
    if (random() < MARK_SHARE) s += MARKS[Math.floor(random() * MARKS.length)];
  }
  return `${s}。`;
}

/** A one-page edition of one to three articles, drawn from `seed`. */
export function generatedEdition(seed: number): EditionFiles {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const { size, columns } = pick(SIZES);
  const ids = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => `a${i}`);
  const areas: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < ids.length; ) {
    if (i + 1 < ids.length && random() < 0.5) {
      const split = 1 + Math.floor(random() * (columns - 1));
      areas.push([...Array<string>(split).fill(ids[i]), ...Array<string>(columns - split).fill(ids[i + 1])].join(' '));
      i += 2;
    } else {
      areas.push(Array<string>(columns).fill(ids[i]).join(' '));
      i += 1;
    }
    rows.push(random() < 0.7 ? 'auto' : `"${10 + Math.floor(random() * 50)}%"`);
  }
  const articles = ids.map((id) => {
    const blocks = [`# ${text(random, 4 + Math.floor(random() * 10))}`];
    if (random() < 0.4) blocks.push(`![照片](images/photo.jpg "${text(random, 8)}"){cols=${1 + Math.floor(random() * 3)}}`);
    for (let k = 1 + Math.floor(random() * 8); k > 0; k--) {
      if (random() < 0.15) blocks.push(`## ${text(random, 5)}`);
      blocks.push(text(random, 20 + Math.floor(random() * 200)));
    }
    return article(id, blocks);
  });
  return {
    '1.md': pageFile({ page: 1, size, columns, areas, rows }, articles),
    'images/photo.jpg': readFileSync(join(ROOT, 'content/images/chenhao-team.jpg')),
  };
}
