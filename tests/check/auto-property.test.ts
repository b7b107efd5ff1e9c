/**
 * Property of `areas: auto`: a generated edition with its drawn areas taken away (each page
 * `areas: auto`, a jump named in `continued:`, a band head made a story, the stories ranked
 * as an editor would) either stops with a
 * content error naming its page file and line — the copy cannot fill the page, or fills more
 * than it — or it is set with every area full and nothing overset, lost, outside its area or
 * overprinted: the proposer never offers a page the audit refuses.
 *
 * `BANMIAN_FUZZ=N` runs N editions from seed 1 (`npm run fuzz` runs the drawn property).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { checkOrRefused } from '../helpers/check-generated.js';
import type { EditionFiles } from '../helpers/edition.js';
import { generatedEdition } from '../helpers/generate.js';

const SUITE_CASES = 40;
const cases = Number(process.env.BANMIAN_FUZZ ?? SUITE_CASES);
const SEEDS = Array.from({ length: cases }, (_, i) => i + 1);

/** The edition with every page's drawn areas replaced by `areas: auto`. */
function automatic(files: EditionFiles): EditionFiles {
  const out: Record<string, string | Uint8Array> = {};
  const earlier = new Set<string>();
  for (const name of Object.keys(files).sort()) {
    const file = files[name];
    if (typeof file !== 'string' || !name.endsWith('.md')) {
      out[name] = file;
      continue;
    }
    const own = [...file.matchAll(/^::: (?:article|band) (\S+)/gm)].map((m) => m[1]);
    const drawn = /areas:\n((?: {2}- .*\n)+)/.exec(file)?.[1] ?? '';
    const continued = [...new Set(drawn.split(/\s+/))].filter((id) => earlier.has(id) && !own.includes(id));
    const auto = `areas: auto\n${continued.length > 0 ? `continued: [${continued.join(', ')}]\n` : ''}`;
    // Ranked as an editor would: the page's first story its lead, the others 二条, 三条, 简讯 in turn.
    let story = 0;
    const ranked = (line: string): string => (/ rank=/.test(line) ? line : `${line} rank=${story++ === 0 ? 1 : 2 + ((story - 2) % 3)}`);
    out[name] = file
      .replace(/areas:\n(?: {2}- .*\n)+(?:rows: .*\n)?/, auto)
      .replace(/^::: band /gm, '::: article ')
      .replace(/^::: article .*$/gm, ranked);
    for (const id of own) earlier.add(id);
  }
  return out;
}

let fonts: FontBook;
const tally = { set: 0, refused: 0 };

beforeAll(() => {
  fonts = loadFontBook();
});

afterAll(() => {
  if (process.env.BANMIAN_FUZZ !== undefined) console.log(`${SEEDS.length} generated editions with areas: auto: ${tally.set} set with every area full, ${tally.refused} refused with file:line`);
});

describe('generated editions with areas: auto', () => {
  it.each(SEEDS)('seed %i: refused with file:line, or set with every area full and nothing lost', async (seed) => {
    await new Promise((resolve) => setImmediate(resolve));
    const report = await checkOrRefused(automatic(generatedEdition(seed)), fonts, { pdf: false }, 'banmian-auto-generated-');
    if (!report) {
      tally.refused++;
      return;
    }
    tally.set++;
    expect(report.findings.filter((f) => f.code !== 'low-resolution').map((f) => `${f.code}: ${f.message}`)).toEqual([]);
    expect(report.figures.placedChars).toBe(report.figures.sourceChars);
  });

  it('sets some of the generated editions, not only refuses them', () => {
    expect(tally.set).toBeGreaterThan(0);
  });
});
