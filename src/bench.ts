/**
 * `npm run bench`: the speed of the text stage on the sample edition (warm: fonts loaded,
 * caches filled, as in a long build) in Han characters per millisecond, and the time of a whole
 * build from a cold process (`banmian build content`, process start included).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFontBook } from './fonts/index.js';
import { DEFAULT_STYLE, plainText, tableTexts } from './model/index.js';
import { parseEdition } from './parse/index.js';
import { composePages, LineCache } from './compose/index.js';
import { itemizeEdition } from './text/index.js';

const HAN = /\p{Script=Han}/gu;
const WARMUP_RUNS = 50;
/** Timed batches of runs; the fastest batch is reported, as other work on the machine only slows
 *  runs down. Many short batches after a long warm-up: a shared machine is noisy. */
const BATCHES = 60;
const RUNS_PER_BATCH = 5;
const COLD_RUNS = 3;

function textStage(dir: string): { hanPerMs: number; han: number; ms: number } {
  const fonts = loadFontBook();
  const edition = parseEdition(dir);
  let han = 0;
  for (const page of edition.pages) {
    for (const article of page.articles) {
      for (const block of article.blocks) han += (plainText(block.kind === 'text' ? block.inlines : block.kind === 'table' ? tableTexts(block).flat() : block.caption).match(HAN) ?? []).length;
    }
  }
  for (let i = 0; i < WARMUP_RUNS; i++) itemizeEdition(edition, fonts, DEFAULT_STYLE);
  let ms = Number.POSITIVE_INFINITY;
  for (let b = 0; b < BATCHES; b++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < RUNS_PER_BATCH; i++) itemizeEdition(edition, fonts, DEFAULT_STYLE);
    ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6 / RUNS_PER_BATCH);
  }
  return { hanPerMs: han / ms, han, ms };
}

/** The page builder on the sample (warm), a fresh line cache per run as in a build; and what its cache saved. */
function composeStage(dir: string): { ms: number; counts: LineCache['counts'] } {
  const fonts = loadFontBook();
  const itemized = itemizeEdition(parseEdition(dir), fonts, DEFAULT_STYLE);
  for (let i = 0; i < WARMUP_RUNS / 10; i++) composePages(itemized, DEFAULT_STYLE, new LineCache());
  let ms = Number.POSITIVE_INFINITY;
  let counts = new LineCache().counts;
  for (let b = 0; b < BATCHES / 10; b++) {
    const cache = new LineCache();
    const started = process.hrtime.bigint();
    composePages(itemized, DEFAULT_STYLE, cache);
    ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6);
    counts = cache.counts;
  }
  return { ms, counts };
}

function coldBuild(dir: string): number[] {
  const cli = join(dirname(fileURLToPath(import.meta.url)), 'cli.js');
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const out = mkdtempSync(join(tmpdir(), 'banmian-bench-'));
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'build', dir, '--out', out], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    rmSync(out, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  }
  return times;
}

const dir = process.argv[2] ?? 'content';
const text = textStage(dir);
console.log(`text stage (warm, best of ${BATCHES} batches of ${RUNS_PER_BATCH}): ${text.han} Han characters in ${text.ms.toFixed(2)} ms = ${text.hanPerMs.toFixed(0)} Han characters/ms`);
const compose = composeStage(dir);
const c = compose.counts;
console.log(`page builder (warm, best of ${BATCHES / 10}): ${compose.ms.toFixed(1)} ms; paragraphs broken ${c.linesMade} times (${c.linesReused} more asked for from the cache), blocks made into slabs ${c.slabsMade} times (${c.slabsReused} from the cache)`);
const cold = coldBuild(dir);
const best = Math.min(...cold);
console.log(`whole build (cold, process start included, best of ${COLD_RUNS}): ${(best / 1000).toFixed(2)} s  [${cold.map((t) => (t / 1000).toFixed(2)).join(', ')}]`);
