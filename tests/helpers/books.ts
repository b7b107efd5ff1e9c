/**
 * A book made all on the calling thread (buildEdition with a PDF, no thread asked for): what
 * the books made on other threads are held against.
 */
import { readFileSync } from 'node:fs';
import type { FontBook } from '../../src/fonts/index.js';
import { buildEdition } from '../../src/pipeline.js';
import { EPOCH } from './runs.js';

export async function bookOnCallingThread(dir: string, outDir: string, fonts: FontBook): Promise<Buffer> {
  const result = await buildEdition(dir, { outDir, formats: ['pdf', 'epub'], sourceDateEpoch: Number(EPOCH) }, fonts);
  return readFileSync(result.files.find((f) => f.endsWith('.epub'))!);
}
