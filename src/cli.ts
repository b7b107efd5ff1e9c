#!/usr/bin/env node
/**
 * The command line: `banmian build [EDITION_DIR ...] [--out DIR] [--format pdf,epub]
 * [--colour cmyk|rgb] [--no-epub-fonts] …`, `banmian check [EDITION_DIR ...] [--json] [--strict]`,
 * `banmian propose EDITION_DIR` and `banmian preview [EDITION_DIR]`.
 * Exit codes: 0 success, 1 content error (file:line: what and what to do) or a page the audit
 * refuses, 2 usage error, 3 internal error (a bug in banmian; set BANMIAN_DEBUG=1 for the stack).
 */
import { tierForEdition } from './v8-tiers.js';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CheckReport } from './check/index.js';
import type { ColourMode } from './export/pdf/index.js';
import { ContentError } from './model/errors.js';
import { prefetchFontFiles } from './fonts/prefetch.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat } from './output-formats.js';
import { MAX_THREADS, MIN_PAGES_PER_THREAD, usesFontThread } from './thread-limits.js';
import { outputFolderProblem, reportFileProblem } from './output-paths.js';
import { holdYoungGeneration } from './young-generation.cjs';
import { dropEarlyFontThread } from './early-font-thread.cjs';
import { LiveThreads } from './live-threads.js';
import type { LayoutReport } from './pipeline.js';
import type { FontBook } from './fonts/index.js';
import type { WarmCaches } from './page-run.js';
import type { KnownFontPrograms } from './export/pdf/known-font-programs.js';
import type { KnownBookFonts } from './export/epub/known-book-fonts.js';
import type { KnownCovers } from './export/epub/known-cover.js';
import type { KnownImages, KnownPages } from './parse/index.js';
import type { KnownText } from './text/index.js';

/** The stages load once the command line is understood: a usage error answers at once. */
async function stages(): Promise<typeof import('./pipeline.js') & typeof import('./check/index.js') & typeof import('./fonts/index.js') & typeof import('./atomic-write.js')> {
  const [pipeline, check, fonts, atomic] = await Promise.all([import('./pipeline.js'), import('./check/index.js'), import('./fonts/index.js'), import('./atomic-write.js')]);
  return { ...pipeline, ...check, ...fonts, ...atomic };
}

/** The caches a watching process keeps from build to build, made for one font book (page-run.ts). */
async function warmCaches(): Promise<(fonts: FontBook) => WarmCaches> {
  const [{ PageCache }, { TextCache }, { LineCache }] = await Promise.all([import('./parse/index.js'), import('./text/index.js'), import('./compose/index.js')]);
  return (fonts) => ({ pages: new PageCache(), texts: new TextCache(fonts.faces), lines: new LineCache() });
}

/** Bytes of an edition's page files, how long its build runs (v8-tiers.ts); 0 where the folder cannot be read (its build says why). */
async function pageTextBytes(dir: string): Promise<number> {
  const { pageFiles } = await import('./parse/index.js');
  try {
    return pageFiles(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  } catch {
    return 0;
  }
}

const EXIT_CONTENT = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 3;
/** Exit codes after a signal, by the shell's convention (128 + the signal's number). */
const SIGNAL_EXITS: readonly (readonly [NodeJS.Signals, number])[] = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
];

function parseFormats(value: string): OutputFormat[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) {
    if (!OUTPUT_FORMATS.includes(f as OutputFormat)) throw new InvalidArgumentError(`unknown format "${f}" (known: ${OUTPUT_FORMATS.join(', ')})`);
  }
  if (formats.length === 0) throw new InvalidArgumentError('give at least one format');
  return formats as OutputFormat[];
}

/** Threads for the pages: a whole number from 1 to 64. */
function parseThreads(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_THREADS) throw new InvalidArgumentError(`give a whole number from 1 to ${MAX_THREADS}`);
  return n;
}

/** The preview's port unless `--port` says otherwise. */
const DEFAULT_PREVIEW_PORT = 4848;
const MAX_PORT = 65_535;

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > MAX_PORT) throw new InvalidArgumentError(`give a port from 0 to ${MAX_PORT}`);
  return n;
}

/** The last second a date in a PDF or EPUB can carry: 9999-12-31T23:59:59Z (a four-digit year). */
const LAST_EPOCH = 253_402_300_799;

function sourceDateEpoch(): number | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > LAST_EPOCH) {
    process.stderr.write(`banmian: SOURCE_DATE_EPOCH must be whole seconds since 1970, at most ${LAST_EPOCH} (9999-12-31), got "${raw}"\n  hint: e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)\n`);
    process.exit(EXIT_USAGE);
  }
  return Number(raw);
}

/** Stop with a usage error when `--out` or `--report` cannot be written, before any work. */
function outputPathsUsable(out: string, report: string | undefined): boolean {
  const problem = outputFolderProblem(out) ?? (report === undefined ? undefined : reportFileProblem(report, out));
  if (!problem) return true;
  process.stderr.write(`banmian: ${problem.message}\n  hint: ${problem.hint}\n`);
  return false;
}

/** Every edition folder exists, or a usage error naming the first that does not. */
function editionDirsExist(editions: readonly string[], command: string): boolean {
  for (const dir of editions) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      process.stderr.write(`banmian: no edition folder "${dir}"\n  hint: give a folder of page files (*.md), e.g. banmian ${command} content\n`);
      return false;
    }
  }
  return true;
}

/** `threads`: the worker threads the command starts, stopped before the process ends (live-threads.ts). */
async function main(argv: string[], threads: LiveThreads): Promise<number> {
  const program = new Command()
    .name('banmian')
    .description('Typeset Chinese newspaper pages written in Markdown as broadsheet PDF and EPUB 3.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let status = 0;
  program
    .command('build')
    .description('build each edition folder into <out>/<slug>.pdf and <out>/<slug>.epub')
    .argument('[editions...]', 'edition folders', ['content'])
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-f, --format <list>', 'comma-separated formats: pdf,epub,svg (svg: one file a page, in <out>/<slug>/)', parseFormats, [...DEFAULT_FORMATS])
    .option('--fonts <dir>', 'folder with fonts.json (default: ./fonts, else the bundled one)')
    .option('--no-normalize', 'keep half-width punctuation next to Han characters as written')
    .option('--strict', 'fail when a character has no font')
    .option('--report <file>', 'write a JSON layout report: per page and article, area, columns, lines set, fill')
    .addOption(new Option('--colour <space>', 'PDF colour: cmyk (print: black as pure K) or rgb (screen)').choices(['cmyk', 'rgb']).default('cmyk'))
    .option('--no-epub-fonts', 'leave the fonts out of the EPUB (smaller; the reading system chooses)')
    .option('--proof', 'also write <slug>.proof.pdf, even when the build fails: areas outlined, overset text in red, blank areas tinted')
    .option('--watch', 'after building, build again on every save of a page file, edition.yml, a photo or fonts.json (Ctrl-C to stop)')
    .option('--threads <n>', `use up to n threads: the EPUB on one of its own, a long edition's pages split over n, each at least ${MIN_PAGES_PER_THREAD} pages (on 2 cores one is faster)`, parseThreads, 1)
    .action(async (editions: string[], opts: { out: string; format: OutputFormat[]; fonts?: string; normalize: boolean; strict?: boolean; report?: string; colour: ColourMode; epubFonts: boolean; proof?: boolean; threads: number; watch?: boolean }) => {
      if (!editionDirsExist(editions, 'build') || !outputPathsUsable(opts.out, opts.report)) {
        status = EXIT_USAGE;
        return;
      }
      const epoch = sourceDateEpoch();
      // The font files are read while the stages' code loads.
      const fontFiles = prefetchFontFiles(opts.fonts);
      // The first edition's font thread (subset-thread.ts) starts now, so that it is ready (ICU's
      // word-break data loaded, the photos checked as the edition is read) before the pages need it.
      const fontThreadUse = { formats: opts.format, epubFonts: opts.epubFonts, epubThread: opts.threads > 1 };
      let earlyFontThread = usesFontThread(fontThreadUse) ? new (await import('./subset-thread.js')).SubsetThread(threads).start() : undefined;
      // One the launcher started for a build that turned out not to use it (early-font-thread.cts).
      if (!earlyFontThread) void dropEarlyFontThread();
      const { buildEdition, BuildError, formatFinding, formatSummary, loadFontBook, PartFiles } = await stages();
      // Interrupted (Ctrl-C, a CI timeout's SIGTERM): remove what is being written, then stop.
      const parts = new PartFiles();
      for (const [signal, code] of SIGNAL_EXITS) {
        process.once(signal, () => {
          parts.removeAll();
          void threads.stopAll().finally(() => process.exit(code));
        });
      }
      const reports: LayoutReport[] = [];
      const writeReport = (): void => {
        if (!opts.report) return;
        // Into the output folder, which a refused build has not made yet.
        mkdirSync(dirname(resolve(opts.report)), { recursive: true });
        const written = reports.filter((r) => r !== undefined);
        writeFileSync(opts.report, `${JSON.stringify(written.length === 1 ? written[0] : written, null, 2)}\n`);
      };
      let fonts = loadFontBook(opts.fonts, { preloaded: await fontFiles });
      // What earlier builds of each edition found (photos whole, pages parsed, words laid out,
      // heads cut into words, the fonts' subsets deflated) is not found again while its files are unchanged.
      const { knownBookFontsOf, knownCoversOf, knownFontProgramsOf, knownImagesOf, knownLayoutsOf, knownPagesOf, knownWordsOf, sharedFaceIdentities } = await import('./cache-files.js');
      const known = new Map<string, { images: KnownImages; pages: KnownPages; text: KnownText; fontPrograms: KnownFontPrograms; bookFonts?: KnownBookFonts; cover?: KnownCovers }>();
      // The books' font subsets are read only for a book with fonts (they are its bulk).
      const bookFontsKept = opts.format.includes('epub') && opts.epubFonts;
      const coverKept = opts.format.includes('epub');
      // While watching, each edition keeps its texts set and lines broken from build to build.
      const makeWarm = opts.watch ? await warmCaches() : undefined;
      const newWarm = (): Map<string, WarmCaches> | undefined => (makeWarm ? new Map(editions.map((dir) => [dir, makeWarm(fonts)])) : undefined);
      let warm = newWarm();
      const buildOne = async (dir: string, index: number): Promise<void> => {
        const started = Date.now();
        let records = known.get(dir);
        if (!records) {
          // The records that know faces look at each face file once between them.
          const faces = sharedFaceIdentities();
          const text = { layouts: knownLayoutsOf(dir, faces), words: knownWordsOf(dir) };
          known.set(dir, (records = { images: knownImagesOf(dir), pages: knownPagesOf(dir), text, fontPrograms: knownFontProgramsOf(dir, faces), ...(bookFontsKept ? { bookFonts: knownBookFontsOf(dir, faces) } : {}), ...(coverKept ? { cover: knownCoversOf(dir, faces) } : {}) }));
        }
        const { images: knownImages, pages: knownPages, text: knownText, fontPrograms: knownFontPrograms, bookFonts: knownBookFonts, cover: knownCover } = records;
        const saveRecords = (): void => {
          knownImages.save();
          knownPages.save();
          knownText.layouts.save();
          knownText.words.save();
          knownFontPrograms.save();
          knownBookFonts?.save();
          knownCover?.save();
        };
        // The thread started early goes to the first build; later ones start their own.
        const fontThread = earlyFontThread;
        earlyFontThread = undefined;
        // The threads are made by now (their heaps set V8's growth back: young-generation.cts).
        holdYoungGeneration();
        tierForEdition(await pageTextBytes(dir));
        let result;
        try {
          result = await buildEdition(dir, { outDir: opts.out, formats: opts.format, normalizePunctuation: opts.normalize, strict: opts.strict, sourceDateEpoch: epoch, colour: opts.colour, epubFonts: opts.epubFonts, proof: opts.proof, parts, threads, epubThread: fontThreadUse.epubThread, subsetThread: true, ...(fontThread ? { fontThread } : {}), pageThreads: opts.threads, knownImages, knownPages, knownText, knownFontPrograms, ...(knownBookFonts ? { knownBookFonts } : {}), ...(knownCover ? { knownCover } : {}), ...(warm ? { warm: warm.get(dir) } : {}) }, fonts);
        } catch (error) {
          saveRecords();
          // While watching, a content error is printed and the watch goes on.
          if (opts.watch && error instanceof ContentError && !(error instanceof BuildError)) {
            process.stderr.write(`banmian: ${error.format()}\n`);
            status = EXIT_CONTENT;
            return;
          }
          // A refused build still gives its report and its proof, to see what to cut.
          if (!(error instanceof BuildError)) throw error;
          reports[index] = error.layout;
          process.stderr.write(`banmian: ${error.format()}\n`);
          if (error.files.length > 0) process.stderr.write(`${dir}: proof → ${error.files.join(', ')}\n`);
          status = EXIT_CONTENT;
          return;
        }
        saveRecords();
        for (const warning of result.audit.findings) process.stderr.write(`warning: ${formatFinding(warning)}\n`);
        process.stdout.write(`${dir}: ${result.pages} page(s) → ${result.files.join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
        process.stdout.write(`${dir}: ${formatSummary(result.audit)}\n`);
        reports[index] = result.report;
      };
      for (const [index, dir] of editions.entries()) await buildOne(dir, index);
      writeReport();
      if (opts.watch) {
        const { watchEditions } = await import('./build-watch.js');
        watchEditions(editions, fonts.dir, async (dir, reloadFonts) => {
          if (reloadFonts) {
            try {
              fonts = loadFontBook(opts.fonts);
              warm = newWarm();
            } catch (error) {
              if (!(error instanceof ContentError)) throw error;
              process.stderr.write(`banmian: ${error.format()}\n`);
              return;
            }
          }
          await buildOne(dir, editions.indexOf(dir));
          writeReport();
        });
        // Said once the folders are watched: a save from then on is seen.
        process.stdout.write(`banmian: watching ${editions.join(', ')} (Ctrl-C to stop)\n`);
        await new Promise<never>(() => undefined);
      }
    });
  program
    .command('check')
    .description('set each edition folder (writing nothing) and audit its pages: line rules, grid, geometry, every character, photos, fill, the PDF\'s text')
    .argument('[editions...]', 'edition folders', ['content'])
    .option('--fonts <dir>', 'folder with fonts.json (default: ./fonts, else the bundled one)')
    .option('--no-normalize', 'keep half-width punctuation next to Han characters as written')
    .option('--strict', 'count warnings (tofu, low-resolution photos, blank areas) as errors')
    .option('--json', 'print the findings and figures as JSON (for CI)')
    .option('--no-pdf', 'audit the layout only: do not make the PDF and read its text back')
    .action(async (editions: string[], opts: { fonts?: string; normalize: boolean; strict?: boolean; json?: boolean; pdf: boolean }) => {
      if (!editionDirsExist(editions, 'check')) {
        status = EXIT_USAGE;
        return;
      }
      const epoch = sourceDateEpoch();
      const fontFiles = prefetchFontFiles(opts.fonts);
      const { checkEditionDir, formatFigures, formatFindings, loadFontBook } = await stages();
      const fonts = loadFontBook(opts.fonts, { preloaded: await fontFiles });
      holdYoungGeneration();
      const reports: CheckReport[] = [];
      for (const dir of editions) {
        const report = await checkEditionDir(dir, { normalizePunctuation: opts.normalize, strict: opts.strict, sourceDateEpoch: epoch, pdf: opts.pdf }, fonts);
        reports.push(report);
        if (!opts.json) process.stdout.write(`${formatFindings(report.findings)}${formatFigures(report)}\n`);
      }
      if (opts.json) process.stdout.write(`${JSON.stringify({ editions: reports }, null, 2)}\n`);
      if (reports.some((r) => r.errors > 0)) status = EXIT_CONTENT;
    });
  program
    .command('propose')
    .description('print the areas and rows the page builder proposes for each page (as areas: auto would lay it out), as front matter to paste and adjust')
    .argument('<edition>', 'edition folder')
    .option('--fonts <dir>', 'folder with fonts.json (default: ./fonts, else the bundled one)')
    .action(async (edition: string, opts: { fonts?: string }) => {
      if (!editionDirsExist([edition], 'propose')) {
        status = EXIT_USAGE;
        return;
      }
      const fontFiles = prefetchFontFiles(opts.fonts);
      const [{ proposeEdition, proposalYaml }, { loadFontBook }] = await Promise.all([import('./propose.js'), import('./fonts/index.js')]);
      const fonts = loadFontBook(opts.fonts, { preloaded: await fontFiles });
      holdYoungGeneration();
      process.stdout.write(proposalYaml(proposeEdition(edition, fonts)));
    });
  program
    .command('preview')
    .description('show the edition in the browser, set again on every save: http://127.0.0.1:PORT/')
    .argument('[edition]', 'edition folder', 'content')
    .option('-p, --port <n>', 'port on 127.0.0.1 (0: any free port)', parsePort, DEFAULT_PREVIEW_PORT)
    .option('--fonts <dir>', 'folder with fonts.json (default: ./fonts, else the bundled one)')
    .action(async (edition: string, opts: { port: number; fonts?: string }) => {
      if (!editionDirsExist([edition], 'preview')) {
        status = EXIT_USAGE;
        return;
      }
      const { startPreview } = await import('./preview/index.js');
      const preview = await startPreview(edition, {
        port: opts.port,
        fontsDir: opts.fonts,
        onBuild: (state) => process.stdout.write(`${edition}: build ${state.build}, ${state.pages.length} page(s), ${state.findings.length} finding(s), ${state.ms} ms${state.error ? `\n  ${state.error.replace(/\n/g, '\n  ')}` : ''}\n`),
      }).catch((err: unknown) => {
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ContentError(`port ${opts.port} on 127.0.0.1 is taken`, undefined, 'give another with --port N, or --port 0 for any free one');
        throw err;
      });
      process.stdout.write(`banmian preview: ${preview.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolveStop) => {
        for (const [signal] of SIGNAL_EXITS) process.once(signal, () => resolveStop());
      });
      await preview.close();
    });
  await program.parseAsync(argv, { from: 'user' });
  return status;
}

/** The exit status for what the command threw, said on stderr. */
function failureStatus(err: unknown): number {
  if (err instanceof ContentError) {
    process.stderr.write(`banmian: ${err.format()}\n`);
    return EXIT_CONTENT;
  }
  if (err instanceof CommanderError) {
    // Help and version are not errors; anything else on the command line is a usage error.
    return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`banmian: internal error: ${message}\n`);
  if (process.env.BANMIAN_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return EXIT_INTERNAL;
}

const threads = new LiveThreads();
// The process ends once every thread the command started has stopped (live-threads.ts says why).
main(process.argv.slice(2), threads)
  .then((status) => status, failureStatus)
  .then(async (status) => {
    await threads.stopAll();
    process.exit(status);
  });
