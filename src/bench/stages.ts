/**
 * The speed of the text stage and the page builder on the sample edition, warm (fonts loaded,
 * code optimised, as in a long build): what the make-up costs once start-up is paid.
 */
import { loadFontBook, type FontBook } from '../fonts/index.js';
import { DEFAULT_STYLE, plainText, tableTexts } from '../model/index.js';
import { parseEdition } from '../parse/index.js';
import { composePages, LineCache } from '../compose/index.js';
import { itemizeEdition } from '../text/index.js';

const HAN = /\p{Script=Han}/gu;
const WARMUP_RUNS = 50;
/** Timed batches of runs; the fastest batch is reported, as other work on the machine only slows
 *  runs down. Many short batches after a long warm-up: a shared machine is noisy. */
const BATCHES = 60;
const RUNS_PER_BATCH = 5;
const COMPOSE_BATCHES = 6;

export interface TextStageFigures {
  readonly han: number;
  readonly ms: number;
  readonly hanPerMs: number;
}

export interface ComposeStageFigures {
  readonly ms: number;
  readonly counts: LineCache['counts'];
}

/** Han characters in an edition's text blocks, captions and tables. */
export function hanCount(dir: string): number {
  let han = 0;
  for (const page of parseEdition(dir).pages) {
    for (const article of page.articles) {
      for (const block of article.blocks) han += (plainText(block.kind === 'text' ? block.inlines : block.kind === 'table' ? tableTexts(block).flat() : block.caption).match(HAN) ?? []).length;
    }
  }
  return han;
}

export function textStage(dir: string, fonts: FontBook = loadFontBook()): TextStageFigures {
  const edition = parseEdition(dir);
  const han = hanCount(dir);
  for (let i = 0; i < WARMUP_RUNS; i++) itemizeEdition(edition, fonts, DEFAULT_STYLE);
  let ms = Number.POSITIVE_INFINITY;
  for (let b = 0; b < BATCHES; b++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < RUNS_PER_BATCH; i++) itemizeEdition(edition, fonts, DEFAULT_STYLE);
    ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6 / RUNS_PER_BATCH);
  }
  return { han, ms, hanPerMs: han / ms };
}

/** The page builder (warm), a fresh line cache per run as in a build; and what its cache saved. */
export function composeStage(dir: string, fonts: FontBook = loadFontBook()): ComposeStageFigures {
  const itemized = itemizeEdition(parseEdition(dir), fonts, DEFAULT_STYLE);
  for (let i = 0; i < WARMUP_RUNS / 10; i++) composePages(itemized, DEFAULT_STYLE, new LineCache());
  let ms = Number.POSITIVE_INFINITY;
  let counts = new LineCache().counts;
  for (let b = 0; b < COMPOSE_BATCHES; b++) {
    const cache = new LineCache();
    const started = process.hrtime.bigint();
    composePages(itemized, DEFAULT_STYLE, cache);
    ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6);
    counts = cache.counts;
  }
  return { ms, counts };
}
