/**
 * The font thread's side (subset-thread.ts): HarfBuzz compiled here, each face subset in turn
 * and deflated for the zip, entries of the zip deflated, the book identifier's SHA-256 taken,
 * and photos' JPEG data checked, as asked. It loads HarfBuzz's glue, the zip's deflate, the
 * digest and the JPEG check, nothing else of banmian.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { compileHarfBuzz, Subsetter, subsetJob, type SubsetJob } from './export/epub/harfbuzz.js';
import { digestHere } from './export/epub/package-opf.js';
import { deflateEntry } from './export/epub/zip.js';
import { faultOf } from './parse/image-fault.js';
import { checkJpegData } from './parse/jpeg-check.js';
import { readyWordData } from './text/cjk/words.js';
import type { FaultFound, ThreadAnswer, ThreadAsk } from './subset-thread.js';

// ICU loads its word-break data once for the process: the text stage's own segmenter
// (text/cjk/words.ts) is made here first, while the main thread parses the edition, so that
// making it there costs nothing.
readyWordData();
// Node's crypto module loaded with the thread, before the command line sets its V8 flags
// (launch.cts says why): the book's identifier is digested here, and digestHere would load it at
// its first call, after them.
createRequire(import.meta.url)('node:crypto');
/**
 * HarfBuzz, compiled when the first faces come: a rebuild whose book fonts the record answers
 * (export/epub/known-book-fonts.ts) asks for none, and compiling it anyway cost the sample's
 * rebuild 50 ms of CPU (0.75 to 0.70 s, 15 runs interleaved), on the core the pages share with
 * V8's collector and compiler.
 */
let harfbuzz: Promise<WebAssembly.Module> | undefined;

async function subsetFaces(jobs: readonly SubsetJob[]): Promise<Extract<ThreadAnswer, { kind: 'subset' }>['faces']> {
  harfbuzz ??= compileHarfBuzz();
  const subsetter = await Subsetter.create(harfbuzz);
  return jobs.map((job) => {
    const result = subsetJob(subsetter, job);
    // Deflated for the zip here too: the font files are most of the book's bytes.
    return result instanceof Error ? { ok: false, message: result.message } : { ok: true, data: result, deflated: deflateEntry(result) };
  });
}

/** The fault in a JPEG's data, or none; anything but an ImageFault is the thread's failure. */
function jpegFault(bytes: Uint8Array): FaultFound | undefined {
  const fault = faultOf(() => checkJpegData(bytes));
  return fault && { fault: fault.fault, reason: fault.reason, ...(fault.hint === undefined ? {} : { hint: fault.hint }) };
}

async function answer(ask: ThreadAsk): Promise<ThreadAnswer> {
  try {
    if (ask.kind === 'jpeg') return { id: ask.id, kind: 'jpeg', fault: jpegFault(ask.bytes) };
    if (ask.kind === 'deflate') return { id: ask.id, kind: 'deflate', deflated: ask.data.map((data) => deflateEntry(data)) };
    if (ask.kind === 'digest') return { id: ask.id, kind: 'digest', digest: await digestHere(ask.parts) };
    return { id: ask.id, kind: 'subset', faces: await subsetFaces(ask.jobs) };
  } catch (err) {
    return { id: ask.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

parentPort!.on('message', (ask: ThreadAsk) => {
  void answer(ask).then((a) => parentPort!.postMessage(a));
});
