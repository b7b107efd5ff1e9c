#!/usr/bin/env node
/**
 * `banmian` as installed (package.json `bin`): runs the one-file bundle of the command line
 * (dist/bundle/cli.js, made by scripts/bundle.mjs) with V8's code cache, so that a cold build
 * neither resolves some 300 modules nor compiles their code again. Without the bundle (tsc run
 * alone) it loads the modules as they are, dist/cli.js.
 *
 * The code cache is the bytecode V8 made for the bundle in an earlier run, written when that
 * run ended, so it holds every function the run called, not only the top level. It lives in the
 * user's cache folder, one file per bundle content, Node version, architecture and kind of run
 * (run-kind.cts: a PDF-only build does not read the book's code); V8 checks it again and refuses
 * one that does not match, and a refused or missing cache is written anew.
 * Nothing the build writes depends on it. Set BANMIAN_CACHE_DIR to put it elsewhere, or to an
 * empty string to keep none. With BANMIAN_DEBUG set, the modules run as tsc wrote them, so that
 * a stack names the source files and lines.
 *
 * CommonJS on purpose: it starts without the ES module loader, and it is the only way Node 20
 * takes a compiled script's cache (vm.Script's `cachedData`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { readBundleFiles } from './bundle-read.cjs';
import { startEarlyFontThread, usesEarlyFontThread } from './early-font-thread.cjs';
import { runKind } from './run-kind.cjs';
import { userCacheDir } from './user-cache.cjs';
import { releaseYoungGeneration } from './young-generation.cjs';

/**
 * The V8 flags the command line sets (v8-tiers.ts, which says why; the two lists must agree), set
 * once the bundle is compiled from its code cache.
 *
 * V8 keys every code cache by the flags in force, Node's own too: the code of Node's built-in
 * modules, compiled into the node binary under V8's own flags, is refused once a flag differs
 * from them, and each built-in module loaded after that is compiled from its source (some
 * 50 ms of the font thread's own start, which loads Node's worker bootstrap, and the zlib and
 * worker modules here). So the font thread is started, and the built-in modules the bundle
 * needs are loaded, and the bundle's cache is taken (it is made under V8's own flags too, below),
 * all before these are set. The thread's own start runs while the bundle is read and
 * deserialised, and is mostly over by then; what it loads later is compiled from source.
 */
const V8_TIER_FLAGS = ['--liftoff-only', '--interrupt-budget=1000000', '--max-inlined-bytecode-size=460', '--parallel-scavenge'];
/**
 * V8's own values of every flag the command line sets (Node 20's flag-definitions.h), put back
 * before a code cache is made: `--liftoff-only` also turned wasm's tiering off (a flag
 * implication), which `--no-liftoff-only` alone does not undo. The launcher's test finds the
 * cache refused when these are not V8's own.
 */
const V8_OWN_FLAGS = ['--no-liftoff-only', '--wasm-tier-up', '--wasm-dynamic-tiering', '--interrupt-budget=67584', '--max-inlined-bytecode-size=460', '--parallel-scavenge'];
/** Built-in modules the bundle loads at its start (it imports them at its top), loaded here under V8's own flags. */
const BUILT_INS = ['node:worker_threads', 'node:zlib'];
const BUNDLE_DIR = join(__dirname, 'bundle');
const MANIFEST = join(BUNDLE_DIR, 'manifest.json');
/** The font thread's code in the bundle's folder (scripts/bundle.mjs; subset-thread.ts starts the same file). */
const SUBSET_WORKER = 'subset-worker.js';
const CACHE_PREFIX = 'code-';
const CACHE_SUFFIX = '.bin';

interface Manifest {
  /** The command line's bundle, a file name in dist/bundle/. */
  readonly cli: string;
  /** The bundle's content hash: a new bundle gets a new cache. */
  readonly hash: string;
}

/** The bundle to run, or undefined when there is none whole (tsc run alone, a broken copy): then the modules run. */
function manifest(): Manifest | undefined {
  try {
    const found = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Partial<Manifest>;
    if (typeof found.cli !== 'string' || typeof found.hash !== 'string' || !existsSync(join(BUNDLE_DIR, found.cli))) return undefined;
    return { cli: found.cli, hash: found.hash };
  } catch {
    return undefined;
  }
}

/**
 * Write the cache whole or not at all (a process reading it meanwhile sees the old or the new),
 * and remove the caches whose names do not start with `keep`.
 */
function keepCache(dir: string, file: string, keep: string, data: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, data);
    renameSync(part, file);
    // The caches of this bundle and Node are kept, one a kind of run; those of earlier bundles
    // (or other Node versions) go.
    for (const name of readdirSync(dir)) {
      if (name.startsWith(CACHE_PREFIX) && name.endsWith(CACHE_SUFFIX) && !name.startsWith(keep)) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A cache that cannot be written costs the next run its compile time, nothing else.
  }
}

function runBundle(bundle: Manifest): void {
  const file = join(BUNDLE_DIR, bundle.cli);
  const args = process.argv.slice(2);
  const kind = runKind(args);
  // Before the bundle is read, and under V8's own flags: its own start takes Node's code cache.
  if (usesEarlyFontThread(args, kind)) startEarlyFontThread(join(BUNDLE_DIR, SUBSET_WORKER));
  for (const name of BUILT_INS) require(name);
  const dir = userCacheDir();
  const keep = `${CACHE_PREFIX}${bundle.hash}-${process.version}-${process.arch}-`;
  const cacheFile = dir === undefined ? undefined : join(dir, `${keep}${kind}${CACHE_SUFFIX}`);
  // The file is the function CommonJS wraps a module in, written so by scripts/bundle.mjs: its
  // text is compiled as it is read, one string, not copied into a wrapped one.
  const { source, cachedData } = readBundleFiles(file, cacheFile);
  // The bundle has no import(): a script run from a code cache cannot import in Node 20, so it
  // require()s its one ES module (scripts/bundle.mjs).
  const script = new Script(source, { filename: file, cachedData });
  for (const flag of V8_TIER_FLAGS) setFlagsFromString(flag);
  if (dir !== undefined && cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    // Made as the process ends, so it holds the code of every function the command ran; not by
    // a run that failed, which ran part of its kind's code (a mistyped format is no kind at all).
    process.once('exit', (code) => {
      if (code !== 0) return;
      // Under the flags it is taken under, V8's own, or the next run would refuse it.
      releaseYoungGeneration();
      for (const flag of V8_OWN_FLAGS) setFlagsFromString(flag);
      keepCache(dir, cacheFile, keep, script.createCachedData());
    });
  }
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const module = new Module(file);
  module.filename = file;
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
}

const bundle = process.env.BANMIAN_DEBUG ? undefined : manifest();
if (bundle) runBundle(bundle);
else void import('./cli.js');
