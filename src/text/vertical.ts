/**
 * A headline set top to bottom (竖题) as items: each unit a box as long as it stands in the
 * column (one em per character, the 2-em dash two), its glyphs in their vertical forms
 * (cjk/vertical-forms.ts). The breaker breaks the head into columns as it breaks a line, with
 * the same 禁则; a typed space (or a hard break) starts a new column.
 *
 * A box's glyph `dx` is then its offset down the column from the box's top, and `across` its
 * offset right of the column's left edge: the render stage stands them in a column.
 */
import type { Inline, RoleStyle } from '../model/index.js';
import { breakOpportunities } from './breaks.js';
import { adjacentTrims, NO_TRIM, verticalCell, type Trim } from './cjk/vertical-forms.js';
import { FILL_STRETCH, type TextOptions } from './itemize.js';
import { box, boxGlyph, glue, glyphRun, penalty, INFINITE_PENALTY, type BoxGlyph, type Item } from './items.js';
import type { Shaper } from './shape.js';
import { styledChars, toUnits, type Unit } from './units.js';

/** Stretch between two characters of a column, in ems (a column is set flush to its top, not stretched). */
const INTER_CHARACTER_STRETCH_EM = 0.15;
const NO_BREAK = penalty(INFINITE_PENALTY);

/** The glyphs of one unit in its em boxes, and the length it takes down the column. */
function cellBox(unit: Unit, style: RoleStyle, shaper: Shaper, trim: Trim = NO_TRIM): Item[] {
  const size = style.size;
  const face = shaper.faceFor(style.font, unit.text);
  const scale = size / face.unitsPerEm;
  const cell = verticalCell(unit.cls, unit.shown);
  const chars = Array.from(unit.text.replace(/\s/gu, ''));
  const shown = Array.from(unit.shown).length;
  if (cell.kind === 'stacked') {
    // One box per character, each glyph centred across the column.
    return chars.map((ch) => {
      const [g] = shaper.layout(face, ch, cell.features);
      const across = (size - g.advance * scale) / 2;
      return box(size, glyphRun(face.key, size, [boxGlyph(g.id, 0, g.text, undefined, across)], 'plain'));
    });
  }
  const glyphs = shaper.layout(face, unit.text, cell.features);
  if (cell.kind === 'across') {
    // 纵中横: the digits side by side, centred across the column, in one em box.
    const width = glyphs.reduce((w, g) => w + g.advance * scale, 0);
    let across = (size - width) / 2;
    const placed: BoxGlyph[] = glyphs.map((g) => {
      const glyph = boxGlyph(g.id, 0, g.text, undefined, across);
      across += g.advance * scale;
      return glyph;
    });
    return [box(size, glyphRun(face.key, size, placed, 'plain'))];
  }
  // Upright: the unit takes one em per character; its glyphs share that length, each centred
  // in its share (the 2-em dash is one glyph drawn in the middle of its two em boxes).
  const length = shown * size;
  const slot = length / Math.max(1, glyphs.length);
  const up = trim.before * size;
  const placed: BoxGlyph[] = glyphs.map((g, i) => boxGlyph(g.id, i * slot + (slot - size) / 2 - up, g.text, undefined, (size - g.advance * scale) / 2));
  return [box(length - up - trim.after * size, glyphRun(face.key, size, placed, 'plain'))];
}

/** Items of a vertical headline: boxes down the column, breaks where 禁则 allows, a new column at a space. */
export function itemizeVertical(inlines: readonly Inline[], style: RoleStyle, shaper: Shaper, options: TextOptions): Item[] {
  const chars = styledChars(inlines, options.normalize);
  const allowed = breakOpportunities(
    chars.map((c) => c.text),
    chars.map((c) => c.cls),
    options.typography.kinsoku,
  );
  const units = toUnits(chars);
  const trims = adjacentTrims(units.map((u) => ({ cls: u.cls, text: u.shown })), options.markPosition);
  const between = glue(0, INTER_CHARACTER_STRETCH_EM * style.size, 0, 'inter-character');
  const items: Item[] = [];
  const endColumn = (): void => {
    items.push(NO_BREAK, glue(0, FILL_STRETCH, 0, 'paragraph-fill'), penalty(-INFINITE_PENALTY));
  };
  let open = false; // a column has boxes
  units.forEach((unit, k) => {
    if (unit.cls === 'space' || (unit.hardBreakBefore && open)) {
      if (open) endColumn();
      open = false;
      if (unit.cls === 'space') return;
    }
    const boxes = cellBox(unit, style, shaper, trims[k]);
    boxes.forEach((b, i) => {
      if (open) {
        // Never between the letters of a stacked word; between units where 禁则 allows.
        if (i > 0 || !(allowed[unit.start] ?? false)) items.push(NO_BREAK);
        items.push(between);
      }
      items.push(b);
      open = true;
    });
  });
  if (open) endColumn();
  return items;
}
