import type { Inline, RoleStyle, FontRole } from '../model/index.js';
import { breakOpportunities } from './breaks.js';
import { isHanIdeograph } from './cjk/classes.js';
import { box, glue, penalty, INFINITE_PENALTY, type BoxGlyph, type GlyphRun, type Item } from './items.js';
import type { Shaper, ShapedGlyph } from './shape.js';
import { styledChars, toUnits, type Unit } from './units.js';

/** Settings of the text stage, resolved once per build. */
export interface TextOptions {
  /** Punctuation normaliser (identity when normalisation is off). */
  readonly normalize: (text: string) => string;
}

/** Stretch of the glue between two characters, in ems: how far justification may open a gap. */
const INTER_CHARACTER_STRETCH_EM = 0.5;
/** clreq #mixed_text_composition_in_horizontal_writing_mode: ¼ em between Han and Western, shrinkable to ⅛ em. */
const HAN_WESTERN_SPACE_EM = 0.25;
const HAN_WESTERN_SHRINK_EM = 0.125;
/** A typed space between two Han characters is a full-width phrase space (党建聚合力 发展增动能). */
const PHRASE_SPACE_EM = 1;
/** Western word spaces stretch to ½ em and shrink to ¼ em (clreq #procedures_for_inter-character_space_expansion). */
const WORD_SPACE_STRETCH_EM = 0.25;
const WORD_SPACE_MIN_EM = 0.25;
/** The finishing glue of a paragraph: stretch enough to leave the last line ragged. */
export const FILL_STRETCH = 100_000;

function fontRoleFor(blockFont: FontRole, unit: Unit): FontRole {
  return unit.style === 'strong' && (blockFont === 'body' || blockFont === 'note' || blockFont === 'lede') ? 'strong' : blockFont;
}

/** The pieces one unit contributes: blank before, the ink box, blank after. */
interface UnitBoxes {
  readonly leftBlank: number;
  readonly box: Item;
  readonly rightBlank: number;
}

function scaleRun(glyphs: readonly ShapedGlyph[], unitsPerEm: number, size: number, dx0: number): { glyphs: BoxGlyph[]; width: number } {
  const scale = size / unitsPerEm;
  let x = 0;
  const out: BoxGlyph[] = [];
  for (const g of glyphs) {
    out.push({ id: g.id, dx: dx0 + x, text: g.text });
    x += g.advance * scale;
  }
  return { glyphs: out, width: x };
}

function unitBoxes(unit: Unit, role: FontRole, size: number, shaper: Shaper): UnitBoxes {
  const face = shaper.faceFor(role, unit.text);
  const scale = size / face.unitsPerEm;
  const make = (glyphs: readonly ShapedGlyph[], dx0 = 0): { run: GlyphRun; width: number } => {
    const scaled = scaleRun(glyphs, face.unitsPerEm, size, dx0);
    return { run: { face: face.key, size, glyphs: scaled.glyphs, style: unit.style }, width: scaled.width };
  };
  switch (unit.cls) {
    case 'han':
    case 'connector': {
      const { run, width } = make([shaper.char(face, unit.text)]);
      return { leftBlank: 0, box: box(width, run), rightBlank: 0 };
    }
    case 'closing':
    case 'stop': {
      // The glyph sits on the left half; the right half is blank that can be compressed and
      // is dropped at a line end (GB/T 15834 5.1.10).
      const g = shaper.char(face, unit.text);
      const half = (g.advance * scale) / 2;
      const { run } = make([g]);
      return { leftBlank: 0, box: box(half, run), rightBlank: half };
    }
    case 'opening': {
      // The glyph sits on the right half; the blank left half is dropped at a line start
      // (clreq #h-compression_of_punctuation_marks_at_line_start).
      const g = shaper.char(face, unit.text);
      const half = (g.advance * scale) / 2;
      const { run } = make([g], -half);
      return { leftBlank: half, box: box(half, run), rightBlank: 0 };
    }
    case 'middle': {
      // clreq #h-punctuation_adjustment_space: the interpunct is ½ em in the Mainland, centred.
      const g = shaper.char(face, unit.text);
      const width = size / 2;
      const { run } = make([g], (width - g.advance * scale) / 2);
      return { leftBlank: 0, box: box(width, run), rightBlank: 0 };
    }
    case 'dash':
    case 'ellipsis': {
      const { run, width } = make(shaper.layout(face, unit.text, ['fwid']));
      return { leftBlank: 0, box: box(width, run), rightBlank: 0 };
    }
    case 'western': {
      const { run, width } = make(shaper.layout(face, unit.text, ['kern']));
      return { leftBlank: 0, box: box(width, run), rightBlank: 0 };
    }
    case 'space':
      throw new Error('spaces are glue, not boxes');
    default: {
      const never: never = unit.cls;
      throw new Error(`unknown class ${String(never)}`);
    }
  }
}

function isHanUnit(unit: Unit | undefined): boolean {
  return unit !== undefined && unit.cls === 'han' && isHanIdeograph(unit.text);
}

/**
 * Turn one paragraph into items. Between two units comes one inter-character glue (where
 * justification opens gaps); the blank halves of punctuation are separate glue, so compressing
 * them and dropping them at line edges is ordinary TeX glue behaviour. A break is allowed at
 * the first glue of a boundary unless a penalty of 10000 stands before it.
 */
export function itemizeInlines(inlines: readonly Inline[], style: RoleStyle, shaper: Shaper, options: TextOptions): Item[] {
  const chars = styledChars(inlines, options.normalize);
  const allowed = breakOpportunities(
    chars.map((c) => c.ch),
    chars.map((c) => c.cls),
  );
  const units = toUnits(chars);
  const size = style.size;
  const items: Item[] = [];
  if (style.indentEm > 0) items.push(box(style.indentEm * size));

  let pendingRightBlank = 0;
  let prev: Unit | undefined;
  for (let k = 0; k < units.length; k++) {
    const unit = units[k];
    if (unit.hardBreakBefore && items.length > 0) {
      if (pendingRightBlank > 0) items.push(glue(pendingRightBlank, 0, pendingRightBlank, 'punctuation-blank'));
      pendingRightBlank = 0;
      items.push(penalty(INFINITE_PENALTY), glue(0, FILL_STRETCH, 0, 'paragraph-fill'), penalty(-INFINITE_PENALTY));
      prev = undefined;
    }
    if (unit.cls === 'space') {
      if (pendingRightBlank > 0) items.push(penalty(INFINITE_PENALTY), glue(pendingRightBlank, 0, pendingRightBlank, 'punctuation-blank'));
      pendingRightBlank = 0;
      const next = units[k + 1];
      const breakAfterSpace = allowed[unit.start + Array.from(unit.text).length] ?? false;
      if (!breakAfterSpace) items.push(penalty(INFINITE_PENALTY));
      const role = fontRoleFor(style.font, unit);
      if (isHanUnit(prev) && isHanUnit(next)) {
        items.push(glue(PHRASE_SPACE_EM * size, 0, 0, 'phrase-space'));
      } else {
        const face = shaper.faceFor(role, ' ');
        const space = (shaper.char(face, ' ').advance * size) / face.unitsPerEm;
        items.push(glue(space, WORD_SPACE_STRETCH_EM * size, Math.max(0, space - WORD_SPACE_MIN_EM * size), 'word-space'));
      }
      prev = unit;
      continue;
    }
    const pieces = unitBoxes(unit, fontRoleFor(style.font, unit), size, shaper);
    if (prev !== undefined && prev.cls !== 'space') {
      if (!allowed[unit.start]) items.push(penalty(INFINITE_PENALTY));
      else if (style.phraseBreakPenalty > 0) items.push(penalty(style.phraseBreakPenalty));
      if (pendingRightBlank > 0) items.push(glue(pendingRightBlank, 0, pendingRightBlank, 'punctuation-blank'));
      const hanWestern =
        (isHanUnit(prev) && unit.cls === 'western') || (prev.cls === 'western' && isHanUnit(unit));
      if (hanWestern) {
        const w = HAN_WESTERN_SPACE_EM * size;
        items.push(glue(w, w, HAN_WESTERN_SPACE_EM * size - HAN_WESTERN_SHRINK_EM * size, 'inter-character'));
      } else {
        items.push(glue(0, INTER_CHARACTER_STRETCH_EM * size, 0, 'inter-character'));
      }
    } else if (pendingRightBlank > 0) {
      items.push(glue(pendingRightBlank, 0, pendingRightBlank, 'punctuation-blank'));
    }
    if (pieces.leftBlank > 0) items.push(glue(pieces.leftBlank, 0, pieces.leftBlank, 'punctuation-blank'));
    items.push(pieces.box);
    pendingRightBlank = pieces.rightBlank;
    prev = unit;
  }
  if (pendingRightBlank > 0) items.push(penalty(INFINITE_PENALTY), glue(pendingRightBlank, 0, pendingRightBlank, 'punctuation-blank'));
  items.push(penalty(INFINITE_PENALTY), glue(0, FILL_STRETCH, 0, 'paragraph-fill'), penalty(-INFINITE_PENALTY));
  return items;
}
