/**
 * Vitest's global setup: starts, in the background, everything the run builds once and shares
 * (tests/setup/runs.ts), so that unit tests run while the editions build and EPUBCheck works.
 * Tests wait only for what they read. The run's folder is removed at the end.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { loadFontBook } from '../../src/fonts/index.js';
import { GENERATED_BOOK_SEEDS, generatedBook, generatedBookName, UNIT_BOOKS } from '../export/epub/fixture.js';
import { buildDir, buildRecord, EPOCH, epubcheckRecord, SHARED_BUILDS, UNIT_DIR, unitRecord, type BuildRun, type EpubcheckVerdict, type SharedBuildName } from './runs.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of this run's shared builds. */
    runDir: string;
  }
}

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CLI = join(ROOT, 'dist/launch.cjs');
const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
/** A short-lived JVM starts faster with the client compiler and the serial collector. */
const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** Run a command to its end; never rejects. */
function exec(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => done({ status: -1, stdout: '', stderr: String(e) }));
    child.on('close', (code) => done({ status: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

async function build(run: string, name: SharedBuildName): Promise<void> {
  const spec = SHARED_BUILDS[name];
  const out = buildDir(run, name);
  const src = join(run, `${name}-edition`);
  if ('copy' in spec) {
    cpSync(join(ROOT, spec.copy.from), src, { recursive: true });
    writeFileSync(join(src, 'edition.yml'), spec.copy.editionYml);
  }
  const args = spec.args.map((a) => a.replace('{out}', out).replace('{src}', src));
  const result = await exec(process.execPath, [CLI, ...args], { SOURCE_DATE_EPOCH: EPOCH });
  mark(`build ${name}`);
  const record: BuildRun = { ...result, out };
  writeFileSync(buildRecord(run, name), JSON.stringify(record));
}

/** The EPUBs of the run, checked in one JVM (Java's source launcher), or one JVM each without a JDK. */
async function epubcheck(run: string, books: readonly string[]): Promise<Record<string, EpubcheckVerdict>> {
  const verdicts: Record<string, EpubcheckVerdict> = {};
  if (!existsSync(EPUBCHECK_JAR)) {
    for (const book of books) verdicts[book] = { status: -1, output: `EPUBCheck is not installed (${EPUBCHECK_JAR}): apt-get install epubcheck` };
    return verdicts;
  }
  const all = await exec('java', [...JVM_FLAGS, '-cp', EPUBCHECK_JAR, join(HERE, 'EpubCheckAll.java'), ...books]);
  for (const m of all.stdout.matchAll(/^=== (.+)\n([\s\S]*?)^=== exit (-?\d+)$/gm)) verdicts[m[1]] = { status: Number(m[3]), output: m[2] };
  for (const book of books) {
    if (verdicts[book]) continue;
    // No compiler for the source launcher (a JRE only): one JVM per book.
    const one = await exec('java', [...JVM_FLAGS, '-jar', EPUBCHECK_JAR, book]);
    verdicts[book] = { status: one.status, output: one.stdout + one.stderr };
  }
  return verdicts;
}

/** Write the exporter tests' books, made by the functions the tests use. */
async function unitBooks(run: string): Promise<string[]> {
  const dir = join(run, UNIT_DIR);
  mkdirSync(dir, { recursive: true });
  const fonts = loadFontBook();
  const files: string[] = [];
  for (const [name, make] of Object.entries(UNIT_BOOKS)) {
    const file = join(dir, `${name}.epub`);
    writeFileSync(file, await make(fonts));
    files.push(file);
  }
  for (const seed of GENERATED_BOOK_SEEDS) {
    const file = join(dir, `${generatedBookName(seed)}.epub`);
    writeFileSync(file, await generatedBook(seed, fonts));
    files.push(file);
  }
  writeFileSync(unitRecord(run), JSON.stringify(files));
  mark('exporter tests\' books');
  return files;
}

/** When each part of the shared work ended, in seconds from the start (BANMIAN_TEST_TIMES=file). */
const started = Date.now();
const times: string[] = [];
const mark = (what: string): void => {
  times.push(`${((Date.now() - started) / 1000).toFixed(2)} s  ${what}`);
};

async function work(run: string): Promise<void> {
  const queue = Object.keys(SHARED_BUILDS) as SharedBuildName[];
  const lanes = Math.max(1, Math.min(2, availableParallelism()));
  const builds = Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) await build(run, name);
    }),
  );
  const unit = await unitBooks(run).catch((e: unknown) => {
    writeFileSync(join(run, 'unit-error.txt'), String(e instanceof Error ? e.stack : e));
    return [] as string[];
  });
  await builds;
  const books = [...unit, ...(['sample', 'jump', 'latin', 'listsNotes', 'nofonts', 'vertical', 'elements', 'verticalHead', 'zhHant', 'front', 'frontImage', 'table', 'auto'] as const).flatMap((name) => (existsSync(buildDir(run, name)) ? readdirSync(buildDir(run, name)).filter((f) => f.endsWith('.epub')).map((f) => join(buildDir(run, name), f)) : []))];
  writeFileSync(epubcheckRecord(run), JSON.stringify(await epubcheck(run, books)));
  mark(`EPUBCheck of ${books.length} books`);
  if (process.env.BANMIAN_TEST_TIMES) writeFileSync(process.env.BANMIAN_TEST_TIMES, `${times.join('\n')}\n`);
}

export default function setup(project: TestProject): () => Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run the tests with npm test (it compiles first)`);
  const run = mkdtempSync(join(tmpdir(), 'banmian-run-'));
  project.provide('runDir', run);
  const working = work(run).catch((e: unknown) => writeFileSync(join(run, 'setup-error.txt'), String(e instanceof Error ? e.stack : e)));
  return async () => {
    await working;
    rmSync(run, { recursive: true, force: true });
  };
}
