/**
 * The run's shared builds and EPUBCheck verdicts (tests/setup/runs.ts), for tests: each waits
 * until the global setup has finished the part it asks for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { UnitBookName } from '../export/epub/fixture.js';
import { buildRecord, epubcheckRecord, UNIT_DIR, unitRecord, type BuildRun, type EpubcheckVerdict, type SharedBuildName } from '../setup/runs.js';

export { EPOCH, FRONT, FRONT_IMAGE, JUMP, LATIN, LISTS_NOTES, SAMPLE, VERTICAL_HEAD, ZH_HANT } from '../setup/runs.js';
export type { BuildRun, EpubcheckVerdict } from '../setup/runs.js';

/** How long a test waits for the shared work before it fails (the whole of it takes seconds). */
const WAIT_MS = 240_000;
const POLL_MS = 50;

async function waitFor<T>(file: string): Promise<T> {
  const run = inject('runDir');
  const started = Date.now();
  while (!existsSync(file)) {
    for (const failure of ['setup-error.txt', 'unit-error.txt']) {
      if (existsSync(join(run, failure))) throw new Error(`the shared test work failed:\n${readFileSync(join(run, failure), 'utf8')}`);
    }
    if (Date.now() - started > WAIT_MS) throw new Error(`waited ${WAIT_MS / 1000} s for ${file}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** A shared build, once it has finished. */
export function sharedBuild(name: SharedBuildName): Promise<BuildRun> {
  return waitFor<BuildRun>(buildRecord(inject('runDir'), name));
}

/** EPUBCheck's verdict on a book of the run: a shared build's EPUB (its path), or an exporter test's book (its name). */
export async function epubcheckVerdict(book: string): Promise<EpubcheckVerdict> {
  const file = book.includes('/') ? book : join(inject('runDir'), UNIT_DIR, `${book}.epub`);
  const verdicts = await waitFor<Record<string, EpubcheckVerdict>>(epubcheckRecord(inject('runDir')));
  const verdict = verdicts[file];
  if (!verdict) throw new Error(`EPUBCheck did not check ${file} (checked: ${Object.keys(verdicts).join(', ')})`);
  return verdict;
}

/** An exporter test's book (tests/export/epub/fixture.ts UNIT_BOOKS), as the run made it for EPUBCheck. */
export async function unitBook(name: UnitBookName): Promise<Buffer> {
  await waitFor<string[]>(unitRecord(inject('runDir')));
  return readFileSync(join(inject('runDir'), UNIT_DIR, `${name}.epub`));
}
