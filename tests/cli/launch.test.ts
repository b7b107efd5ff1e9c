/**
 * The installed command (dist/launch.cjs): the one-file bundle run with V8's code cache makes
 * the same files as the modules tsc wrote; the cache is written once for each kind of run, taken
 * by the next run of that kind, written anew when it does not match, and not kept at all when
 * asked. Beside it, the photos
 * found whole, the layouts made and the word segments (parse/known-images.ts,
 * text/known-layouts.ts, text/known-words.ts), under the same bundle's hash.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { banmian, CLI, ROOT, run } from '../helpers/tools.js';
import { readRecordFile } from '../helpers/record-file.js';
import { manyPagesEdition } from '../../src/bench/editions.js';
import { LONG_EDITION_TEXT_BYTES } from '../../src/v8-tiers.js';
import { pageFiles } from '../../src/parse/index.js';

const EDITION = join(ROOT, 'tests/fixtures/tabloid-jump');
const MODULES_CLI = join(ROOT, 'dist/cli.js');
const EPOCH = '1700000000';
const CACHE_FILE = /^code-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+-[a-z+-]+\.bin$/;

function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function build(out: string, cacheDir: string, formats = 'pdf,epub'): { status: number; stdout: string } {
  return banmian(['build', EDITION, '--out', out, '--format', formats], { env: { SOURCE_DATE_EPOCH: EPOCH, BANMIAN_CACHE_DIR: cacheDir } });
}

/** The same build as a child process of its own, to run two at once; resolves to its exit code. */
function buildAsync(out: string, cacheDir: string): Promise<number | null> {
  const child = spawn(process.execPath, [CLI, 'build', EDITION, '--out', out, '--format', 'pdf'], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, BANMIAN_CACHE_DIR: cacheDir }, stdio: 'ignore' });
  return new Promise((done) => child.on('exit', done));
}

function cacheFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => CACHE_FILE.test(f));
}

describe('the installed command', () => {
  it('runs the bundle, writes its code cache once and builds the same bytes as the modules', () => {
    const cache = tmp('banmian-code-cache-');
    const first = build(tmp('banmian-launch-a-'), cache);
    expect(first.stdout).toContain('0 error(s)');
    expect(first.status).toBe(0);
    const [file] = cacheFiles(cache);
    expect(file).toBeDefined();
    const written = statSync(join(cache, file)).mtimeMs;

    const outB = tmp('banmian-launch-b-');
    expect(build(outB, cache).status).toBe(0);
    // Taken, not refused: a refused cache would have been written again.
    expect(statSync(join(cache, file)).mtimeMs).toBe(written);
    expect(cacheFiles(cache)).toEqual([file]);

    const outModules = tmp('banmian-launch-modules-');
    const modules = run(process.execPath, [MODULES_CLI, 'build', EDITION, '--out', outModules, '--format', 'pdf,epub'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(modules.status).toBe(0);
    const names = readdirSync(outModules).sort();
    expect(names.length).toBe(2);
    expect(readdirSync(outB).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(outB, name)).equals(readFileSync(join(outModules, name)))).toBe(true);
  });

  it('writes the cache of a long edition\'s build under the start-up flags: a short edition\'s run takes it', () => {
    // Long enough that its build runs under a lower interrupt budget (v8-tiers.ts).
    const long = manyPagesEdition(join(ROOT, 'content'), tmp('banmian-long-'), 11);
    const bytes = pageFiles(long).reduce((sum, name) => sum + statSync(join(long, name)).size, 0);
    expect(bytes).toBeGreaterThanOrEqual(LONG_EDITION_TEXT_BYTES);
    const cache = tmp('banmian-code-cache-');
    const first = banmian(['build', long, '--out', tmp('banmian-launch-'), '--format', 'pdf'], { env: { BANMIAN_CACHE_DIR: cache } });
    expect(first.stdout).toContain('0 error(s)');
    const [file] = cacheFiles(cache);
    const written = statSync(join(cache, file)).mtimeMs;
    expect(build(tmp('banmian-launch-'), cache, 'pdf').status).toBe(0);
    expect(statSync(join(cache, file)).mtimeMs).toBe(written);
    expect(cacheFiles(cache)).toEqual([file]);
  });

  it('keeps a cache for each kind of run, and only those of its own bundle and Node', () => {
    const cache = tmp('banmian-code-cache-');
    // An earlier bundle's cache, and one of this bundle made by another Node version.
    const stale = ['code-0000000000000000-v20.0.0-x64-build.bin', 'code-0000000000000000-v20.0.0-x64.bin'];
    for (const name of stale) writeFileSync(join(cache, name), 'old');
    expect(build(tmp('banmian-launch-'), cache, 'pdf').status).toBe(0);
    const [pdf] = cacheFiles(cache);
    expect(pdf).toMatch(/-build-pdf\.bin$/);
    for (const name of stale) expect(readdirSync(cache)).not.toContain(name);
    expect(build(tmp('banmian-launch-'), cache, 'epub,pdf').status).toBe(0);
    const both = cacheFiles(cache).find((name) => name !== pdf);
    expect(both).toMatch(/-build-epub\+pdf\.bin$/);
    expect(cacheFiles(cache).sort()).toEqual([pdf, both].sort());
    // Each kind's next run takes its own.
    const written = [pdf, both].map((name) => statSync(join(cache, name!)).mtimeMs);
    expect(build(tmp('banmian-launch-'), cache, 'pdf').status).toBe(0);
    expect(build(tmp('banmian-launch-'), cache, 'pdf,epub').status).toBe(0);
    expect([pdf, both].map((name) => statSync(join(cache, name!)).mtimeMs)).toEqual(written);
  });

  it('keeps no cache from a run that failed', () => {
    const cache = tmp('banmian-code-cache-');
    const r = build(tmp('banmian-launch-'), cache, 'pdf,docx');
    expect(r.status).toBe(2);
    expect(cacheFiles(cache)).toEqual([]);
    expect(build(tmp('banmian-launch-'), cache, 'pdf').status).toBe(0);
    expect(cacheFiles(cache)).toHaveLength(1);
  });

  it('writes a cache that does not match anew, and the build goes on', () => {
    const cache = tmp('banmian-code-cache-');
    expect(build(tmp('banmian-launch-'), cache).status).toBe(0);
    const [file] = cacheFiles(cache);
    writeFileSync(join(cache, file), Buffer.alloc(statSync(join(cache, file)).size, 7));
    const r = build(tmp('banmian-launch-'), cache);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 error(s)');
    const again = readFileSync(join(cache, file));
    expect(again.some((b) => b !== 7)).toBe(true);
  });

  it('builds when the cache cannot be written, and when two first runs write it at once', async () => {
    const blocked = join(tmp('banmian-blocked-'), 'a-file');
    writeFileSync(blocked, '');
    const r = build(tmp('banmian-launch-'), join(blocked, 'cache'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 error(s)');

    const cache = tmp('banmian-code-cache-');
    const both = await Promise.all([0, 1].map((n) => buildAsync(tmp(`banmian-launch-${n}-`), cache)));
    expect(both).toEqual([0, 0]);
    const [file] = cacheFiles(cache);
    expect(cacheFiles(cache)).toEqual([file]);
    const written = statSync(join(cache, file)).mtimeMs;
    expect(build(tmp('banmian-launch-'), cache, 'pdf').status).toBe(0);
    expect(statSync(join(cache, file)).mtimeMs).toBe(written);
  });

  it('keeps the photos it found whole, the pages it parsed, the layouts it made, the word segments and the font programs under the bundle\'s hash, and reads them back unchanged', () => {
    const cache = tmp('banmian-code-cache-');
    // A record of another bundle goes when this one is written.
    writeFileSync(join(cache, 'images-0000000000000000-00000000.json'), '{}');
    expect(build(tmp('banmian-launch-'), cache).status).toBe(0);
    const [, hash] = cacheFiles(cache)[0].split('-');
    // One record per edition folder, named by the bundle's hash and the CRC-32 of the folder's path.
    const known = join(cache, `images-${hash}-${crc32(EDITION).toString(16).padStart(8, '0')}.json`);

    const kept = JSON.parse(readFileSync(known, 'utf8')) as { images: Record<string, { image: { kind: string; width: number; height: number } }> };
    const photos = readdirSync(join(EDITION, 'images')).map((name) => join(EDITION, 'images', name));
    expect(Object.keys(kept.images).sort()).toEqual(photos.sort());
    for (const photo of photos) expect(kept.images[photo].image.kind).toBe('jpeg');
    // The Western words and figures laid out, beside them.
    const layouts = join(cache, `layouts-${hash}-${crc32(EDITION).toString(16).padStart(8, '0')}.json`);
    const laid = JSON.parse(readFileSync(layouts, 'utf8')) as { runs: Record<string, unknown> };
    expect(Object.keys(laid.runs).length).toBeGreaterThan(0);
    // And the word segments of its heads.
    const words = join(cache, `words-${hash}-${crc32(EDITION).toString(16).padStart(8, '0')}.json`);
    const segmented = JSON.parse(readFileSync(words, 'utf8')) as { texts: Record<string, unknown> };
    expect(Object.keys(segmented.texts).length).toBeGreaterThan(0);
    // And the PDF's font programs, one a face.
    const programs = join(cache, `fonts-${hash}-${crc32(EDITION).toString(16).padStart(8, '0')}.json`);
    const embedded = readRecordFile<{ programs: Record<string, unknown> }>(programs).head;
    expect(Object.keys(embedded.programs).length).toBeGreaterThan(0);
    // And the page files as parsed.
    const pages = join(cache, `pages-${hash}-${crc32(EDITION).toString(16).padStart(8, '0')}.json`);
    const parsed = readRecordFile<{ pages: Record<string, unknown> }>(pages).head;
    expect(Object.keys(parsed.pages).sort()).toEqual(readdirSync(EDITION).filter((name) => name.endsWith('.md')).map((name) => join(EDITION, name)).sort());
    // Nothing new found, parsed, laid out, segmented or embedded: no record is written again.
    const records = [known, pages, layouts, words, programs];
    const written = records.map((file) => statSync(file).mtimeMs);
    expect(build(tmp('banmian-launch-'), cache).status).toBe(0);
    expect(records.map((file) => statSync(file).mtimeMs)).toEqual(written);
    expect(readdirSync(cache).filter((name) => name.startsWith('images-'))).toEqual([basename(known)]);
    expect(readdirSync(cache).filter((name) => name.startsWith('layouts-'))).toEqual([basename(layouts)]);
    // Run from the modules (no bundle, no hash), the command line keeps none.
    const moduleCache = tmp('banmian-code-cache-');
    const modules = run(process.execPath, [MODULES_CLI, 'build', EDITION, '--out', tmp('banmian-launch-'), '--format', 'pdf'], { env: { SOURCE_DATE_EPOCH: EPOCH, BANMIAN_CACHE_DIR: moduleCache } });
    expect(modules.status).toBe(0);
    expect(readdirSync(moduleCache)).toEqual([]);
  });

  it('runs the modules when the bundle is not whole', () => {
    // A copy of the package whose bundle's manifest is damaged.
    const root = tmp('banmian-package-');
    cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    for (const linked of ['node_modules', 'fonts']) symlinkSync(join(ROOT, linked), join(root, linked));
    writeFileSync(join(root, 'dist/bundle/manifest.json'), '{"cli": "cli.js", "hash": ');
    const out = tmp('banmian-launch-');
    const r = run(process.execPath, [join(root, 'dist/launch.cjs'), 'build', EDITION, '--out', out, '--format', 'pdf'], { env: { SOURCE_DATE_EPOCH: EPOCH, BANMIAN_CACHE_DIR: '' } });
    expect(r.stdout).toContain('0 error(s)');
    expect(r.status).toBe(0);
  });

  it('writes its bundles in ASCII, as the launcher reads them (Latin-1)', () => {
    for (const name of ['cli.js', 'page-worker.js', 'epub-worker.js', 'subset-worker.js']) {
      const bytes = readFileSync(join(ROOT, 'dist/bundle', name));
      expect(bytes.findIndex((b) => b > 0x7f), name).toBe(-1);
    }
  });

  it("loads the built-in modules the bundle needs before it sets V8's flags, which would make Node refuse their code cache", () => {
    // A preload that notes which modules the process loads after its first V8 flag is set.
    const dir = tmp('banmian-flags-');
    const preload = join(dir, 'note-flags.cjs');
    const noted = join(dir, 'after-flags.json');
    writeFileSync(
      preload,
      [
        "const v8 = require('node:v8'); const fs = require('node:fs'); const set = v8.setFlagsFromString; let before;",
        'v8.setFlagsFromString = (flag) => { before ??= new Set(process.moduleLoadList); return set(flag); };',
        `process.on('exit', () => fs.writeFileSync(${JSON.stringify(noted)}, JSON.stringify(process.moduleLoadList.filter((m) => before && !before.has(m)))));`,
      ].join('\n'),
    );
    for (const formats of ['pdf,epub', 'pdf']) {
      const r = run(process.execPath, ['-r', preload, CLI, 'build', EDITION, '--out', tmp('banmian-launch-'), '--format', formats], { env: { BANMIAN_CACHE_DIR: tmp('banmian-code-cache-') } });
      expect(r.status).toBe(0);
      const after = JSON.parse(readFileSync(noted, 'utf8')) as string[];
      for (const name of ['zlib', 'worker_threads', 'internal/worker']) expect(after).not.toContain(`NativeModule ${name}`);
    }
  });

  it('keeps no cache when BANMIAN_CACHE_DIR is empty', () => {
    const home = tmp('banmian-home-');
    const r = banmian(['build', EDITION, '--out', tmp('banmian-launch-'), '--format', 'pdf'], { env: { BANMIAN_CACHE_DIR: '', XDG_CACHE_HOME: home, HOME: home } });
    expect(r.status).toBe(0);
    expect(readdirSync(home)).toEqual([]);
  });
});
