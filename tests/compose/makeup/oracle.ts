/** A made-up page builder for the proposer's tests: each piece's depths per width given outright. */
import type { DepthOracle, DepthRange, Piece } from '../../../src/compose/makeup/types.js';

/** Depths per piece and width; `refuse` lists depths the page builder would not settle (`piece|columns|lines`). */
export function oracle(ranges: readonly Readonly<Record<number, DepthRange>>[], refuse: readonly string[] = []): DepthOracle {
  const refused = new Set(refuse);
  return {
    range: (piece, columns) => ranges[piece][columns],
    offers: (piece, columns, lines) => !refused.has(`${piece}|${columns}|${lines}`),
  };
}

/** A piece of `rank`, read in the order given; the first is the lead unless `lead` says otherwise. */
export function piece(id: string, rank: 1 | 2 | 3 | 4, options: Partial<Pick<Piece, 'apart' | 'elastic' | 'lead'>> = {}): Piece {
  return { id, rank, apart: options.apart ?? false, elastic: options.elastic ?? false, lead: options.lead ?? false };
}

/** Text of `area` column-lines: at w columns it needs ceil(area / w) lines, and fills up to 4 more. */
export function textRanges(area: number, widths: readonly number[]): Record<number, DepthRange> {
  const out: Record<number, DepthRange> = {};
  for (const w of widths) {
    const natural = Math.ceil(area / w);
    out[w] = { least: natural, natural, most: natural + 4 };
  }
  return out;
}
