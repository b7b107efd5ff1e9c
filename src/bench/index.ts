/**
 * `npm run bench [SAMPLE_DIR]`: how fast banmian is, and against what.
 * 1. The text stage and the page builder on the sample, warm.
 * 2. Whole builds from a cold process (start-up included), median of 5, with peak memory, and
 *    their CPU time (user and system) and page faults beside Typst's:
 *    the sample (PDF + EPUB), one page and 20 pages (PDF only), each against Typst on the same
 *    text where Typst's node package is installed; 5 and 60 pages too, for the cost of a page
 *    and whether it stays the same as the edition grows (60 against Typst as well); and
 *    20 pages set on as many threads as the machine has cores (`--threads`). Each is built
 *    again, as an edition is while it is edited; the sample and one page also as editions new
 *    to the machine (no records of earlier builds) and the sample without V8's code cache.
 * 3. A warm rebuild: the sample built again in the same process.
 * 4. The preview's loop: a one-character edit to the sample, from the save to its page received.
 * 5. The make-up proposer (areas: auto) on a page of eight articles: the proposal alone, and
 *    `banmian propose` as a whole process.
 * 6. Node's own start, an empty process: part of every cold row, banmian's and Typst's alike;
 *    where NODE_EXTRA_CA_CERTS is set, without it too.
 * The table ends with the targets and whether each is met. Nothing here is a test: speed is
 * measured, never asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFontBook } from '../fonts/index.js';
import { parseEdition } from '../parse/index.js';
import { buildEdition } from '../pipeline.js';
import { forgetEdition } from '../cache-files.js';
import { median, runInterleaved, type ColdFigures, type Command } from './cold.js';
import type { CpuUsage } from './process-usage.cjs';
import { manyPagesEdition, onePageEdition } from './editions.js';
import { previewLatency } from './preview.js';
import { composeStage, hanCount, textStage } from './stages.js';
import { makeupStage } from './makeup.js';
import { TYPST_PACKAGE, TYPST_VERSION, typstInstalled, typstMarkup } from './typst.js';

const COLD_RUNS = 5;
const WARM_RUNS = 5;
const MANY_PAGES = 20;
/** The sample built as on a machine's first run, without V8's code cache (launch.cts). */
const NO_CODE_CACHE = 'sample, first run (no code cache)';
/**
 * Built as an edition new to the machine: with the code cache, but no record of what earlier
 * builds of it found (cache-files.ts: photos checked, layouts made, words segmented, the PDF's
 * and the book's font subsets).
 */
const NEW_EDITION = 'new edition (no records)';
/** An empty Node process: the start-up every build (and Typst's runner, a Node package too) pays before its own. */
const NODE_ALONE = 'Node alone (empty process)';
/**
 * Node reads the certificates NODE_EXTRA_CA_CERTS names at every start, before any of a
 * program's code runs (a system bundle: some 40 ms on the bench's machine). Where it is set,
 * Node's start is timed without it too, for the figures to be read as a machine without it
 * would give them.
 */
const EXTRA_CA_CERTS = 'NODE_EXTRA_CA_CERTS';
const NODE_WITHOUT_CERTS = `Node alone, without ${EXTRA_CA_CERTS}`;
const FEW_PAGES = 5;
/** A long edition: the cost of a page from 20 to 60 pages against its cost from 5 to 20. */
const MOST_PAGES = 60;
/**
 * The cost of a page grows linearly when a page added to a long edition costs no more than one
 * added to a short one; the two are medians of whole processes, whose noise on a shared machine
 * is some tenth of a second, so an added page of the long edition may cost up to a quarter more.
 */
const LINEAR_SLACK = 1.25;
/** The targets of the speed work, on a 2-core machine. */
const TARGET = { sampleSeconds: 0.45, sampleMiB: 160, manyPagesMiB: 200, typstRatio: 1.5, previewMs: 200, proposalSeconds: 1 } as const;
/** The page of eight articles laid out by `areas: auto`. */
const MAKEUP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures', 'auto-inside');

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'launch.cjs');
const probe = join(here, 'probe.cjs');
const typstRun = join(here, 'typst-run.cjs');

const sampleDir = process.argv[2] ?? 'content';
const work = mkdtempSync(join(tmpdir(), 'banmian-bench-'));
const fonts = loadFontBook();
const fontFiles = [...new Set([...fonts.faces.values()].map((f) => f.file))];

function banmian(name: string, dir: string, formats: string, threads = 1, env?: Record<string, string>): Command {
  return { name, argv: ['--require', probe, cli, 'build', dir, '--out', join(work, 'out', name), '--format', formats, '--threads', String(threads)], env };
}

function typst(name: string, dir: string): Command {
  const input = join(work, `${name}.typ`);
  writeFileSync(input, typstMarkup(parseEdition(dir)));
  return { name, argv: [typstRun, input, join(work, `${name}.pdf`), ...fontFiles] };
}

async function warmRebuild(dir: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= WARM_RUNS; i++) {
    const started = process.hrtime.bigint();
    await buildEdition(dir, { outDir: join(work, 'warm'), formats: ['pdf', 'epub'], sourceDateEpoch: 0 }, fonts);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  // The first build pays for start-up; the others are what a warm process costs.
  return median(times.slice(1));
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const text = textStage(sampleDir, fonts);
  console.log(`text stage (warm, best batch): ${text.han} Han characters in ${text.ms.toFixed(2)} ms = ${text.hanPerMs.toFixed(0)} Han characters/ms`);
  const compose = composeStage(sampleDir, fonts);
  const c = compose.counts;
  console.log(`page builder (warm, best run): ${compose.ms.toFixed(1)} ms; paragraphs broken ${c.linesMade} times (${c.linesReused} more asked for from the cache), blocks made into slabs ${c.slabsMade} times (${c.slabsReused} from the cache)`);

  const one = onePageEdition(sampleDir, join(work, 'one-page'));
  const few = manyPagesEdition(sampleDir, join(work, 'few-pages'), FEW_PAGES);
  const many = manyPagesEdition(sampleDir, join(work, 'many-pages'), MANY_PAGES);
  const most = manyPagesEdition(sampleDir, join(work, 'most-pages'), MOST_PAGES);
  const withTypst = typstInstalled();
  const commands: Command[] = [
    banmian('sample', sampleDir, 'pdf,epub'),
    banmian(NO_CODE_CACHE, sampleDir, 'pdf,epub', 1, { BANMIAN_CACHE_DIR: '' }),
    { ...banmian(`sample, ${NEW_EDITION}`, sampleDir, 'pdf,epub'), before: () => forgetEdition(sampleDir) },
    banmian('one page', one, 'pdf'),
    { ...banmian(`one page, ${NEW_EDITION}`, one, 'pdf'), before: () => forgetEdition(one) },
    ...(withTypst ? [typst('one page (Typst)', one)] : []),
    banmian(`${FEW_PAGES} pages`, few, 'pdf'),
    banmian(`${MANY_PAGES} pages`, many, 'pdf'),
    banmian(`${MANY_PAGES} pages, ${cpus().length} threads`, many, 'pdf', cpus().length),
    ...(withTypst ? [typst(`${MANY_PAGES} pages (Typst)`, many)] : []),
    banmian(`${MOST_PAGES} pages`, most, 'pdf'),
    ...(withTypst ? [typst(`${MOST_PAGES} pages (Typst)`, most)] : []),
    { name: 'propose', argv: ['--require', probe, cli, 'propose', MAKEUP_DIR] },
    { name: NODE_ALONE, argv: ['-e', '0'] },
    // An empty value is as unset: Node reads no file.
    ...(process.env[EXTRA_CA_CERTS] ? [{ name: NODE_WITHOUT_CERTS, argv: ['-e', '0'], env: { [EXTRA_CA_CERTS]: '' } }] : []),
  ];
  const cold = new Map(runInterleaved(commands, COLD_RUNS).map((f) => [f.name, f]));
  const warm = await warmRebuild(sampleDir);
  const loop = await previewLatency(sampleDir, work);

  const row = (f: ColdFigures | undefined, han: number, typstName: string, target: string): string => {
    if (!f) return '';
    const t = cold.get(typstName);
    const ratio = t ? f.median / t.median : undefined;
    return `| ${f.name} | ${han.toLocaleString('en')} | ${f.median.toFixed(3)} s [${f.runs.map((r) => r.toFixed(2)).join(' ')}] | ${f.peakMiB.toFixed(0)} MiB | ${t ? `${t.median.toFixed(3)} s, ${t.peakMiB.toFixed(0)} MiB` : '—'} | ${ratio === undefined ? '—' : `${ratio.toFixed(1)}×`} | ${target} |`;
  };
  const sample = cold.get('sample')!;
  const onePage = cold.get('one page')!;
  const fewPages = cold.get(`${FEW_PAGES} pages`)!;
  const manyPages = cold.get(`${MANY_PAGES} pages`)!;
  const typstOne = cold.get('one page (Typst)');
  const typstMany = cold.get(`${MANY_PAGES} pages (Typst)`);
  const mostPages = cold.get(`${MOST_PAGES} pages`)!;
  const perPage = (manyPages.median - fewPages.median) / (MANY_PAGES - FEW_PAGES);
  const perLaterPage = (mostPages.median - manyPages.median) / (MOST_PAGES - MANY_PAGES);
  console.log(`\ncold builds: whole processes, median of ${COLD_RUNS}, interleaved; peak resident memory`);
  console.log('| work | Han chars | banmian | peak | Typst | ratio | target |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(row(sample, hanCount(sampleDir), '', `≤ ${TARGET.sampleSeconds} s: ${verdict(sample.median <= TARGET.sampleSeconds)}; ≤ ${TARGET.sampleMiB} MiB: ${verdict(sample.peakMiB <= TARGET.sampleMiB)}`));
  console.log(row(cold.get(NO_CODE_CACHE), hanCount(sampleDir), '', 'once per install'));
  const sampleNew = cold.get(`sample, ${NEW_EDITION}`)!;
  console.log(row(sampleNew, hanCount(sampleDir), '', `≤ ${TARGET.sampleSeconds} s: ${verdict(sampleNew.median <= TARGET.sampleSeconds)}`));
  const oneTarget = (f: ColdFigures): string => `≤ ${TARGET.typstRatio}× Typst: ${typstOne ? verdict(f.median <= TARGET.typstRatio * typstOne.median) : 'no Typst'}`;
  console.log(row(onePage, hanCount(one), 'one page (Typst)', oneTarget(onePage)));
  const oneNew = cold.get(`one page, ${NEW_EDITION}`)!;
  console.log(row(oneNew, hanCount(one), 'one page (Typst)', oneTarget(oneNew)));
  console.log(row(fewPages, hanCount(few), '', `${(perPage * 1000).toFixed(0)} ms per added page`));
  const manyTarget = `≤ ${TARGET.typstRatio}× Typst: ${typstMany ? verdict(manyPages.median <= TARGET.typstRatio * typstMany.median) : 'no Typst'}; ≤ ${TARGET.manyPagesMiB} MiB: ${verdict(manyPages.peakMiB <= TARGET.manyPagesMiB)}`;
  console.log(row(manyPages, hanCount(many), `${MANY_PAGES} pages (Typst)`, manyTarget));
  console.log(row(cold.get(`${MANY_PAGES} pages, ${cpus().length} threads`), hanCount(many), `${MANY_PAGES} pages (Typst)`, 'the pages on every core'));
  const linear = `${(perLaterPage * 1000).toFixed(0)} ms per added page (${(perPage * 1000).toFixed(0)} ms up to ${MANY_PAGES}); linear: ${verdict(perLaterPage <= LINEAR_SLACK * perPage)}`;
  console.log(row(mostPages, hanCount(most), `${MOST_PAGES} pages (Typst)`, linear));
  console.log(`| warm rebuild of the sample (PDF + EPUB, same process) | | ${warm.toFixed(3)} s | | | | |`);
  const nodeAlone = cold.get(NODE_ALONE)!;
  const withoutCerts = cold.get(NODE_WITHOUT_CERTS);
  console.log(
    `\nNode's own start (an empty process, median of ${COLD_RUNS}): ${(nodeAlone.median * 1000).toFixed(0)} ms, in every row above, Typst's included` +
      (withoutCerts ? `; ${EXTRA_CA_CERTS} is set, and without it ${(withoutCerts.median * 1000).toFixed(0)} ms: every row would be some ${((nodeAlone.median - withoutCerts.median) * 1000).toFixed(0)} ms quicker, Typst's too` : ''),
  );
  console.log('\nwhere a cold build waits (medians; CPU time of all the process\'s threads, user and kernel, and the page faults it took): a 4 KB page of memory touched for the first time is a fault the kernel answers in system time');
  console.log('| work | banmian user | system | page faults | Typst user | system | page faults |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, typstName] of [['sample', ''], ['one page', 'one page (Typst)'], [`${MANY_PAGES} pages`, `${MANY_PAGES} pages (Typst)`], [`${MOST_PAGES} pages`, `${MOST_PAGES} pages (Typst)`]] as const) {
    console.log(`| ${name} | ${usageCells(cold.get(name)?.cpu)} | ${usageCells(cold.get(typstName)?.cpu)} |`);
  }
  console.log(`\npreview (banmian preview, the sample, one character changed, median of edits after warm-up): build ${loop.build.toFixed(0)} ms; save → event in the browser's stream ${loop.announced.toFixed(0)} ms; save → page's SVG (${(loop.svgBytes / 2 ** 20).toFixed(1)} MiB) received ${loop.fetched.toFixed(0)} ms; target ≤ 200 ms: ${verdict(loop.fetched <= TARGET.previewMs)}`);
  const makeup = makeupStage(MAKEUP_DIR, fonts);
  const propose = cold.get('propose')!;
  console.log(`\nmake-up proposal (areas: auto), ${makeup.articles} articles, ${makeup.tried.toLocaleString('en')} layouts weighed in ${makeup.rounds} search(es): first in the process ${makeup.firstMs.toFixed(0)} ms, warm ${makeup.warmMs.toFixed(0)} ms; \`banmian propose\` cold, whole process ${propose.median.toFixed(3)} s [${propose.runs.map((r) => r.toFixed(2)).join(' ')}], ${propose.peakMiB.toFixed(0)} MiB; target: the proposal ≤ ${TARGET.proposalSeconds} s: ${verdict(makeup.firstMs / 1000 <= TARGET.proposalSeconds)}`);
  if (!withTypst) console.log(`\nTypst: not installed; for its times: npm i --no-save ${TYPST_PACKAGE}@${TYPST_VERSION}`);
  rmSync(work, { recursive: true, force: true });
}

/** User seconds, system seconds and page faults, as three cells of a row. */
function usageCells(cpu: CpuUsage | undefined): string {
  return cpu ? `${cpu.userSeconds.toFixed(3)} s | ${cpu.systemSeconds.toFixed(3)} s | ${cpu.minorFaults.toLocaleString('en')}` : '— | — | —';
}

function verdict(met: boolean): string {
  return met ? 'met' : 'not met';
}

await main();
