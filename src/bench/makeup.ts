/**
 * The make-up proposer's cost (areas: auto) on a page of eight articles: the page composed with
 * `areas: auto`, against the same page with the proposed areas drawn in, each with a fresh line
 * cache as in a build. The difference is the proposal: its first run in the process (code not
 * yet optimised, as in a cold build) and the median of warm runs.
 */
import type { FontBook } from '../fonts/index.js';
import { DEFAULT_STYLE } from '../model/index.js';
import { parseEdition } from '../parse/index.js';
import { composePages, LineCache } from '../compose/index.js';
import { itemizeEdition, type ItemizedEdition } from '../text/index.js';
import { median } from './cold.js';

const WARM_RUNS = 9;

export interface MakeupFigures {
  readonly articles: number;
  /** Layouts weighed and searches run for the proposal. */
  readonly tried: number;
  readonly rounds: number;
  /** The proposal's time, first run in the process and warm (median), in ms. */
  readonly firstMs: number;
  readonly warmMs: number;
}

/** The edition with each auto page's proposed areas and rows drawn in. */
function drawn(itemized: ItemizedEdition): ItemizedEdition {
  const composed = composePages(itemized, DEFAULT_STYLE, new LineCache());
  return {
    ...itemized,
    pages: itemized.pages.map((p, i) => {
      const makeup = composed[i].makeup;
      if (!makeup) return p;
      const { auto: _auto, ...page } = p.page;
      return { ...p, page: { ...page, areas: makeup.areas, rows: makeup.heights.map((value) => ({ kind: 'lines' as const, value })) } };
    }),
  };
}

function time(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function makeupStage(dir: string, fonts: FontBook): MakeupFigures {
  const itemized = itemizeEdition(parseEdition(dir), fonts, DEFAULT_STYLE);
  const firstAuto = time(() => composePages(itemized, DEFAULT_STYLE, new LineCache()));
  const hand = drawn(itemized);
  const firstHand = time(() => composePages(hand, DEFAULT_STYLE, new LineCache()));
  const autos: number[] = [];
  const hands: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    autos.push(time(() => composePages(itemized, DEFAULT_STYLE, new LineCache())));
    hands.push(time(() => composePages(hand, DEFAULT_STYLE, new LineCache())));
  }
  const makeup = composePages(itemized, DEFAULT_STYLE, new LineCache())[0].makeup!;
  return { articles: makeup.modules.length, tried: makeup.tried, rounds: makeup.rounds, firstMs: firstAuto - firstHand, warmMs: median(autos) - median(hands) };
}
