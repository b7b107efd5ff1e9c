/**
 * What a slab draws besides its lines, at its place: its rules (a table's), the head row it
 * repeats above itself at a column top (its carry), and the foot rule it takes when the slab
 * after it goes on in another column or part.
 */
import type { Placement } from './flow.js';
import { placeLine } from './place.js';
import type { RelativeRule, Slab } from './slabs.js';
import type { PlacedLine, PlacedRule } from './types.js';

function placeRule(article: string, rule: RelativeRule, x: number, top: number): PlacedRule {
  const y = top + rule.dy;
  return { kind: 'rule', article, x1: x + rule.dx, y1: y, x2: x + rule.dx + rule.length, y2: y, width: rule.width };
}

/**
 * The extra marks of slab `i` placed at `placements[i]`, in a column whose left edge is `x`;
 * `top(line)` gives a grid line's y. `carried` lines go before the slab's own in reading order.
 */
export function slabExtras(article: string, slabs: readonly Slab[], placements: readonly Placement[], i: number, x: number, top: (line: number) => number): { carried: PlacedLine[]; rules: PlacedRule[] } {
  const slab = slabs[i];
  const placement = placements[i];
  if (placement?.kind !== 'placed') return { carried: [], rules: [] };
  const at = top(placement.line);
  const rules = (slab.rules ?? []).map((rule) => placeRule(article, rule, x, at));
  const carried: PlacedLine[] = [];
  if (placement.carried && slab.carry) {
    const carryTop = top(placement.line - slab.carry.lines);
    for (const line of slab.carry.content) carried.push(placeLine(line, x, carryTop));
    for (const rule of slab.carry.rules) rules.push(placeRule(article, rule, x, carryTop));
  }
  const next = placements[i + 1];
  const goesOn = next?.kind !== 'placed' || next.column !== placement.column;
  if (slab.closeRule && goesOn) rules.push(placeRule(article, slab.closeRule, x, at));
  return { carried, rules };
}
