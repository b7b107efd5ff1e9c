/**
 * The make-up search (src/compose/makeup/search.ts): exact over slicings for its cost model —
 * checked against a brute-force enumeration of every slicing — with the lead on top and widest,
 * rank order top to bottom and left to right, and no 碰题 (equal heads side by side at one height).
 */
import { describe, expect, it } from 'vitest';
import { cheapest, EXACT_PIECES, layoutOf, MakeupSearch } from '../../../src/compose/makeup/search.js';
import { besideCost, cornerOf, moduleCost } from '../../../src/compose/makeup/cost.js';
import { placeModules } from '../../../src/compose/makeup/grid.js';
import type { DepthOracle, Layout, Piece } from '../../../src/compose/makeup/types.js';
import { oracle, piece, textRanges } from './oracle.js';


/** The cheapest layout of all pieces exactly `columns` × `lines`, over every lead width (as proposeMakeup searches). */
function solve(pieces: readonly Piece[], o: DepthOracle, columns: number, lines: number): { cost: number; layout: Layout } | undefined {
  let best: { cost: number; layout: Layout } | undefined;
  for (let cap = columns; cap >= 1; cap--) {
    const search = new MakeupSearch(pieces, o, columns, lines, 1).at(cap);
    const entry = cheapest(search.table((1 << pieces.length) - 1, columns, true, lines).at[lines]);
    if (entry && (!best || entry.cost < best.cost)) best = { cost: entry.cost, layout: layoutOf(entry) };
  }
  return best;
}

/**
 * Every slicing of `mask` in a region `columns` × `lines`, with the rules written out plainly:
 * the region's first piece upper or left; no story stacked over one of a higher rank (boxes
 * apart); the lead on top and no module wider than the lead's; no equal heads meeting at one height. Returns each layout's cost and top corners.
 */
function brute(pieces: readonly Piece[], o: DepthOracle, pageColumns: number, mask: number, columns: number, lines: number, top: boolean, cap: number): { cost: number; left: number; right: number }[] {
  const out: { cost: number; left: number; right: number }[] = [];
  const ids = pieces.map((_, i) => i).filter((i) => mask & (1 << i));
  if (ids.length === 1) {
    const i = ids[0];
    const p = pieces[i];
    if (p.lead ? columns !== cap || !top : columns > cap) return out;
    const r = o.range(i, columns);
    const own = lines - (top ? 0 : 1);
    if (r && own >= r.least && own <= r.most && o.offers(i, columns, own)) out.push({ cost: moduleCost(p, r, own, columns, pageColumns, 1), left: cornerOf(p), right: cornerOf(p) });
    return out;
  }
  const first = mask & -mask;
  const rest = mask ^ first;
  for (let sub = 0; sub <= rest; sub++) {
    if ((sub & rest) !== sub) continue;
    const upper = first | sub;
    const lower = mask ^ upper;
    if (lower === 0) continue;
    const leadBit = 1 << pieces.findIndex((p) => p.lead);
    const ranks = (m: number): number[] => pieces.flatMap((p, i) => (m & (1 << i) && !p.apart ? [p.rank] : []));
    const outranked = Math.max(...ranks(upper)) > Math.min(...ranks(lower));
    if (!(lower & leadBit) && !outranked) {
      for (let a = 1; a < lines; a++) {
        for (const u of brute(pieces, o, pageColumns, upper, columns, a, top, cap)) {
          for (const l of brute(pieces, o, pageColumns, lower, columns, lines - a, false, cap)) out.push({ cost: u.cost + l.cost, left: u.left, right: u.right });
        }
      }
    }
    for (let split = 1; split < columns; split++) {
      for (const l of brute(pieces, o, pageColumns, upper, split, lines, top, cap)) {
        for (const r of brute(pieces, o, pageColumns, lower, columns - split, lines, top, cap)) {
          const meet = besideCost(l.right, r.left);
          if (meet !== undefined) out.push({ cost: l.cost + r.cost + meet, left: l.left, right: r.right });
        }
      }
    }
  }
  return out;
}

function bruteBest(pieces: readonly Piece[], o: DepthOracle, columns: number, lines: number): number | undefined {
  const costs = Array.from({ length: columns }, (_, k) => brute(pieces, o, columns, (1 << pieces.length) - 1, columns, lines, true, k + 1)).flat().map((x) => x.cost);
  return costs.length === 0 ? undefined : Math.min(...costs);
}

/** A seeded stream of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
}

let solvedSeeds = 0;

describe('MakeupSearch', () => {
  it('one piece fills a region only at a depth it settles at, costing the lines it is set off its need', () => {
    const o = oracle([{ 2: { least: 10, natural: 12, most: 15 } }], ['0|2|14']);
    const search = new MakeupSearch([piece('a', 1, { lead: true })], o, 2, 20, 1).at(2);
    const table = search.table(1, 2, true, 20);
    expect(table.depths).toEqual([10, 11, 12, 13, 15]);
    expect(table.at[10]![0].cost).toBe(6); // two lines tighter, 3 each
    expect(table.at[15]![0].cost).toBe(6); // three lines looser, 2 each
  });

  it('a module that does not start the page has a line of space above it', () => {
    const o = oracle([{ 2: { least: 10, natural: 10, most: 10 } }]);
    const search = new MakeupSearch([piece('a', 2)], o, 2, 20, 1).at(2);
    expect(search.table(1, 2, false, 20).depths).toEqual([11]);
  });

  it('never sets two equal heads side by side at one height (碰题); a box may stand beside any head', () => {
    // Two rank-2 stories that fit only side by side: no layout; box one of them and there is.
    const ranges = [{ 2: { least: 20, natural: 20, most: 20 } }, { 2: { least: 20, natural: 20, most: 20 } }];
    const lead = { 4: { least: 10, natural: 10, most: 10 } };
    const plain = [piece('lead', 1, { lead: true }), piece('b', 2), piece('c', 2)];
    expect(solve(plain, oracle([lead, ...ranges]), 4, 31)).toBeUndefined();
    const boxed = [piece('lead', 1, { lead: true }), piece('b', 2), piece('c', 2, { apart: true })];
    const found = solve(boxed, oracle([lead, ...ranges]), 4, 31)!;
    expect(placeModules(found.layout).map((m) => [m.piece, m.column, m.line, m.columns, m.lines])).toEqual([
      [0, 0, 0, 4, 10],
      [1, 0, 10, 2, 21],
      [2, 2, 10, 2, 21],
    ]);
  });

  it('heads of different ranks side by side cost NEAR_TOMBSTONE_COST; equal ones are refused', () => {
    expect(besideCost(2, 3)).toBeGreaterThan(0);
    expect(besideCost(2, 2)).toBeUndefined();
    expect(besideCost(0, 2)).toBe(0);
  });

  it('puts the lead at the top, as wide as any module, and the higher rank above or left of the lower', () => {
    const pieces = [piece('lead', 1, { lead: true }), piece('two', 2), piece('brief', 4)];
    const o = oracle([textRanges(240, [2, 3, 4, 5, 6]), textRanges(60, [2, 3, 4, 5, 6]), textRanges(54, [1, 2, 3, 4, 5, 6])]);
    const found = solve(pieces, o, 6, 62)!;
    const modules = placeModules(found.layout);
    const lead = modules.find((m) => m.piece === 0)!;
    expect(lead.line).toBe(0);
    for (const m of modules) expect(m.columns).toBeLessThanOrEqual(lead.columns);
    const two = modules.find((m) => m.piece === 1)!;
    const brief = modules.find((m) => m.piece === 2)!;
    expect(two.line < brief.line || (two.line === brief.line && two.column < brief.column)).toBe(true);
    // The modules tile the page: 6 × 62 cells.
    expect(modules.reduce((sum, m) => sum + m.columns * m.lines, 0)).toBe(6 * 62);
  });

  it('gives a jumping piece what the others leave, and values each line across the page it gets', () => {
    const pieces = [piece('lead', 1, { lead: true, elastic: true }), piece('side', 3, { apart: true })];
    const o = oracle([{ 3: { least: 8, natural: 8, most: Infinity }, 4: { least: 8, natural: 8, most: Infinity } }, { 1: { least: 49, natural: 49, most: 50 }, 4: { least: 20, natural: 20, most: 24 } }]);
    const found = solve(pieces, o, 4, 50)!;
    const modules = placeModules(found.layout);
    // The lead takes the page's full depth beside the side box, 150 column-lines, rather than
    // 100 across the page over it, though the box is set a line deeper than it needs.
    expect(modules.map((m) => [m.piece, m.columns, m.lines])).toEqual([
      [0, 3, 50],
      [1, 1, 50],
    ]);
  });

  it.each(Array.from({ length: 24 }, (_, i) => i + 1))('finds the cheapest layout there is (seed %i, against every slicing)', (seed) => {
    const random = seeded(seed);
    const count = 2 + Math.floor(random() * 3);
    const columns = 3 + Math.floor(random() * 2);
    const pieces = Array.from({ length: count }, (_, i) => piece(`p${i}`, (i === 0 ? 1 : 1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4, { lead: i === 0, apart: i > 0 && random() < 0.3 }));
    const areas = pieces.map(() => 10 + Math.floor(random() * 50));
    const ranges = areas.map((area) => textRanges(area, Array.from({ length: columns }, (_, w) => w + 1)));
    const refuse = pieces.flatMap((_, i) => (random() < 0.5 ? [`${i}|${1 + Math.floor(random() * columns)}|${Math.ceil(30 / columns) + Math.floor(random() * 6)}`] : []));
    const o = oracle(ranges, refuse);
    // About as deep as the copy needs, so that most seeds have a layout to find.
    const lines = Math.round(areas.reduce((a, b) => a + b, 0) / columns) + Math.floor(random() * 4);
    const found = solve(pieces, o, columns, lines);
    expect(found?.cost).toBe(bruteBest(pieces, o, columns, lines));
    if (found) solvedSeeds++;
  });

  it('the seeds above include pages that have a layout, not only pages with none', () => {
    expect(solvedSeeds).toBeGreaterThanOrEqual(8);
  });

  it(`past ${EXACT_PIECES} pieces cuts sets only between ranks, and still tiles the page by the rules`, () => {
    // Twelve stories of falling rank and one box on a broadsheet's eight columns.
    const pieces = [piece('lead', 1, { lead: true }), ...Array.from({ length: 10 }, (_, i) => piece(`s${i}`, (2 + Math.floor(i / 4)) as 2 | 3 | 4)), piece('box', 3, { apart: true })];
    const areas = [320, 120, 110, 100, 90, 90, 80, 70, 60, 60, 50, 100];
    const widths = [1, 2, 3, 4, 5, 6, 7, 8];
    const o = oracle(areas.map((a) => textRanges(a, widths)));
    const lines = Math.round(areas.reduce((a, b) => a + b, 0) / 8) + 6;
    let found: { cost: number; layout: Layout } | undefined;
    for (let extra = 0; extra < 12 && !found; extra++) found = solve(pieces, o, 8, lines + extra);
    expect(found).toBeDefined();
    const modules = placeModules(found!.layout);
    expect(modules.map((m) => m.piece).sort((a, b) => a - b)).toEqual(pieces.map((_, i) => i));
    const lead = modules.find((m) => m.piece === 0)!;
    expect(lead).toMatchObject({ line: 0, column: 0 });
    for (const m of modules) expect(m.columns).toBeLessThanOrEqual(lead.columns);
  });

  it('is deterministic: the same pieces give the same layout', () => {
    const pieces = [piece('a', 1, { lead: true }), piece('b', 2), piece('c', 3, { apart: true }), piece('d', 4)];
    const ranges = [textRanges(300, [3, 4, 5, 6]), textRanges(150, [1, 2, 3, 4, 5, 6]), textRanges(90, [1, 2, 3, 4, 5, 6]), textRanges(60, [1, 2, 3, 4, 5, 6])];
    const a = solve(pieces, oracle(ranges), 6, 110);
    const b = solve(pieces, oracle(ranges), 6, 110);
    expect(a).toBeDefined();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
