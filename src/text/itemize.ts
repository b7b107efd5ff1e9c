import type { FontRole, Inline, RoleStyle, Typography } from '../model/index.js';
import { visualOrder } from './bidi.js';
import { breakOpportunities } from './breaks.js';
import { isHanIdeograph } from './cjk/classes.js';
import { markPositionFor, type MarkPosition } from './cjk/mark-position.js';
import { paragraphBlanks, type BlankKind } from './cjk/punctuation.js';
import { makeWordSegmenter, wordInteriors, type WordSegmenter } from './cjk/words.js';
import type { KnownWords } from './known-words.js';
import { box, boxGlyph, glue, glyphRun, penalty, INFINITE_PENALTY, type BoxGlyph, type GlyphRun, type Item } from './items.js';
import type { MissingGlyph, Shaper, ShapedGlyph } from './shape.js';
import { syllables } from './hyphenate.js';
import { splitToken } from './split-token.js';
import { styledChars, toUnits, type Unit } from './units.js';

/** Settings of the text stage, resolved once per build. */
export interface TextOptions {
  readonly typography: Typography;
  /** Normalise punctuation (the typography setting, or the command line's --no-normalize). */
  readonly normalize: boolean;
  /** Ink boxes already made, by role, size, style and text: items are immutable, so a page
   *  shares one box object per distinct character instead of making thousands. */
  readonly boxes: Map<string, Map<string, MadeBox>>;
  /** Glue and penalties already made, by kind and width (immutable, shared). */
  readonly spacing: Map<string, Item>;
  /** The blank halves of marks already made, by kind, then width (a mark in four is one). */
  readonly blanks: Map<BlankKind, Map<number, Item>>;
  /** Chinese word boundaries, for the roles that break between words (ICU's, made once at the first text a record does not answer). */
  readonly words: WordSegmenter;
  /** Where pause and stop marks sit: the edition's language decides (cjk/mark-position.ts). */
  readonly markPosition: MarkPosition;
}

/**
 * Fresh text options for a run of itemizing: the caches live as long as the options, which one
 * build owns (never a module global, so builds cannot see each other's work).
 */
export function makeTextOptions(typography: Typography, language = 'zh-Hans', words?: KnownWords): TextOptions {
  return { typography, normalize: typography.normalize, boxes: new Map(), spacing: new Map(), blanks: new Map(), words: makeWordSegmenter(words), markPosition: markPositionFor(language) };
}

/** An ink box made once, with the characters its faces lacked (reported again on every use). */
interface MadeBox {
  readonly box: Item;
  /** A Western token cut where it may break (its syllables, its URL marks …), set instead of `box`. */
  readonly parts?: readonly Item[];
  readonly advance: number;
  readonly missing: readonly MissingGlyph[];
}


/** One shared item per distinct kind and measure. */
function shared(options: TextOptions, key: string, make: () => Item): Item {
  let item = options.spacing.get(key);
  if (!item) options.spacing.set(key, (item = make()));
  return item;
}

/** Stretch of the glue between two characters, in ems: how far justification may open a gap at
 *  ratio 1. Small, so that the breaker finds expansion costly (clreq: reduce first). */
const INTER_CHARACTER_STRETCH_EM = 0.15;
/** clreq #mixed_text_composition_in_horizontal_writing_mode: ¼ em between Han and Western, shrinkable to ⅛ em. */
const HAN_WESTERN_SPACE_EM = 0.25;
const HAN_WESTERN_MIN_EM = 0.125;
/** clreq #procedures_for_inter-character_space_expansion: Han–Western gaps grow to ½ em before Han gaps do. */
const HAN_WESTERN_MAX_EM = 0.5;
/** A typed space between two Han characters is a full-width phrase space (党建聚合力 发展增动能). */
const PHRASE_SPACE_EM = 1;
/** The hyphen drawn where a Latin word breaks. */
const HYPHEN = '-';
/** Western word spaces stretch to ½ em and shrink to ¼ em (clreq #procedures_for_inter-character_spacing_reduction). */
const WORD_SPACE_MAX_EM = 0.5;
const WORD_SPACE_MIN_EM = 0.25;
/** The penalty that forbids a break, shared by every paragraph. */
const NO_BREAK = penalty(INFINITE_PENALTY);

/** A note marker's numeral: its size as a share of the text's, and how far its baseline is
 *  raised, in ems of the text's size (it stays inside the line's em box: the line keeps its grid). */
const SUPERSCRIPT_SCALE = 0.6;
const SUPERSCRIPT_RISE_EM = 0.35;

/** The finishing glue of a paragraph: stretch enough to leave the last line ragged. */
export const FILL_STRETCH = 100_000;

function fontRoleFor(style: RoleStyle, unit: Unit, typography: Typography): FontRole {
  const blockFont = style.font;
  const running = blockFont === 'body' || blockFont === 'note' || blockFont === 'lede';
  if (unit.style === 'strong' && style.strongFont) return style.strongFont;
  if (unit.style === 'strong' && running) return 'strong';
  if (unit.style === 'emphasis' && running && typography.emphasis === 'kai') return 'emphasis';
  return blockFont;
}

/**
 * Glyphs (logical order) placed one after another from `dx0`, in points. Right-to-left text is
 * placed in its visual order (bidi.ts) but stays in logical order in the run: its `dx` then
 * go down, and the PDF writer draws the glyphs from left to right.
 */
function scaleRun(glyphs: readonly ShapedGlyph[], unitsPerEm: number, size: number, dx0: number): { glyphs: BoxGlyph[]; width: number } {
  const scale = size / unitsPerEm;
  const order = visualOrder(glyphs.map((g) => g.text));
  let x = 0;
  const out: BoxGlyph[] = [];
  if (!order) {
    for (const g of glyphs) {
      out.push(boxGlyph(g.id, dx0 + x, g.text));
      x += g.advance * scale;
    }
    return { glyphs: out, width: x };
  }
  const dx: number[] = [];
  for (const i of order) {
    dx[i] = dx0 + x;
    x += glyphs[i].advance * scale;
  }
  return { glyphs: glyphs.map((g, i) => boxGlyph(g.id, dx[i], g.text)), width: x };
}

/** The ink box of a unit and its full advance; blanks are added around it by the caller. */
function unitBox(unit: Unit, role: FontRole, size: number, shaper: Shaper, hyphenate: boolean, position: MarkPosition): { box: Item; advance: number; parts?: Item[] } {
  const face = shaper.faceFor(role, unit.text);
  const scale = size / face.unitsPerEm;
  const make = (glyphs: readonly ShapedGlyph[], dx0 = 0): { run: GlyphRun; width: number } => {
    const scaled = scaleRun(glyphs, face.unitsPerEm, size, dx0);
    // With the kai face mapped for emphasis the face is the mark: no dots are drawn.
    const style = unit.style === 'emphasis' && role === 'emphasis' ? 'plain' : unit.style;
    const rise = unit.style === 'superscript' ? (SUPERSCRIPT_RISE_EM * size) / SUPERSCRIPT_SCALE : undefined;
    return { run: glyphRun(face.key, size, scaled.glyphs, style, rise), width: scaled.width };
  };
  const hanLike = (): { box: Item; advance: number } => {
    const { run, width } = make([shaper.char(face, unit.text)]);
    return { box: box(width, run), advance: width };
  };
  // clreq #h-punctuation_adjustment_space: interpunct, short connector and solidus are ½ em
  // in the Mainland, centred, and never compressed.
  const centredIn = (width: number): { box: Item; advance: number } => {
    const g = shaper.char(face, unit.text);
    const { run } = make([g], (width - g.advance * scale) / 2);
    return { box: box(width, run), advance: width };
  };
  const halfEm = (): { box: Item; advance: number } => centredIn(size / 2);
  // Taiwan and Hong Kong: a centred pause or stop mark is a whole em; the interpunct too,
  // centred in it (cjk/mark-position.ts).
  if (position === 'centre' && unit.cls === 'stop') return hanLike();
  if (position === 'centre' && unit.cls === 'middle' && unit.shown !== '/') return centredIn(size);
  switch (unit.cls) {
    case 'opening':
    case 'closing':
    case 'stop': {
      // The ink half of a full-width mark: an opening bracket's glyph sits on the right half,
      // so the glyph starts half an em before its ink box.
      const g = shaper.char(face, unit.text);
      const advance = g.advance * scale;
      const half = advance / 2;
      const { run } = make([g], unit.cls === 'opening' ? -half : 0);
      const mark = glyphRun(run.face, run.size, run.glyphs.map((glyph) => boxGlyph(glyph.id, glyph.dx, glyph.text, advance, glyph.across)), run.style, run.rise);
      return { box: box(half, mark), advance };
    }
    case 'middle':
      return halfEm();
    case 'dash':
    case 'ellipsis': {
      // fwid gives the font's full-width forms: —— becomes one 2-em dash glyph.
      const { run, width } = make(shaper.layout(face, unit.text, ['fwid']));
      return { box: box(width, run), advance: width };
    }
    case 'western': {
      const { run, width } = make(shaper.layout(face, unit.text, ['kern', 'pwid']));
      const word = box(width, run);
      const pieces = hyphenate ? syllables(unit.text) : [unit.text];
      const hyphen = pieces.length > 1 ? make(shaper.layout(face, HYPHEN, ['kern', 'pwid'])) : undefined;
      const parts = splitToken(word, unit.text, pieces, hyphen);
      return parts.length > 1 ? { box: word, advance: width, parts } : { box: word, advance: width };
    }
    case 'connector':
      if (unit.shown === '—') {
        // The one-em connector 一字线: the font's full-width form of —.
        const { run, width } = make(shaper.layout(face, unit.text, ['fwid']));
        return { box: box(width, run), advance: width };
      }
      if (unit.shown === '–') return halfEm();
      return hanLike();
    case 'han': {
      return hanLike();
    }
    case 'space':
      throw new Error('spaces are glue, not boxes');
    default: {
      const never: never = unit.cls;
      throw new Error(`unknown class ${String(never)}`);
    }
  }
}

const isContent = (unit: Unit | undefined): boolean => unit !== undefined && (unit.cls === 'han' || unit.cls === 'western');
const isHan = (unit: Unit | undefined): boolean => unit !== undefined && unit.cls === 'han' && isHanIdeograph(unit.text);

/**
 * A blank half of a mark as an item: glue that shrinks to nothing and is dropped at a line edge;
 * in 全角式 (quanjiao) a fixed box that stays at line edges too.
 */
function blankItem(width: number, kind: BlankKind, options: TextOptions): Item {
  let ofKind = options.blanks.get(kind);
  if (!ofKind) options.blanks.set(kind, (ofKind = new Map()));
  let item = ofKind.get(width);
  if (!item) ofKind.set(width, (item = options.typography.punctuation === 'quanjiao' ? box(width) : glue(width, 0, width, kind)));
  return item;
}

/**
 * Turn one paragraph into items. Between two units comes one inter-character glue (where
 * justification opens gaps); the blank halves of punctuation are their own glue. A break is
 * allowed at the first glue of a boundary unless a penalty of 10000 stands before it.
 */
export function itemizeInlines(inlines: readonly Inline[], style: RoleStyle, shaper: Shaper, options: TextOptions): Item[] {
  const { typography } = options;
  const chars = styledChars(inlines, options.normalize);
  const allowed = breakOpportunities(
    chars.map((c) => c.text),
    chars.map((c) => c.cls),
    typography.kinsoku,
  );
  const units = toUnits(chars);
  // Heads, bylines and captions: a break inside a word costs more (src/text/cjk/words.ts).
  const insideWord = style.wordBreakPenalty > 0 ? wordInteriors(chars.map((c) => c.shown), options.words) : undefined;
  const blanks = paragraphBlanks(
    units,
    typography.punctuation,
    options.markPosition,
  );
  // clreq #adjustments_of_orphans_and_widows: no last line of one character (or one character
  // and a mark): the break before the last character is forbidden, which pulls one down. A
  // Western word is no one character: a Latin head may end on a line of its own.
  let lastContent = units.length - 1;
  while (lastContent >= 0 && !isContent(units[lastContent])) lastContent--;
  const oneCharacter = lastContent >= 0 && units[lastContent].end - units[lastContent].start === 1;
  let contentBefore = false;
  for (let i = 0; i < lastContent && !contentBefore; i++) contentBefore = isContent(units[i]);
  if (oneCharacter && contentBefore) allowed[units[lastContent].start] = false;

  const size = style.size;
  // Only justified text is hyphenated: a head, centred or flush, keeps its words whole.
  const hyphenate = typography.hyphenate && style.align === 'justify';
  const items: Item[] = [];
  if (style.indentEm > 0) items.push(box(style.indentEm * size));

  let pendingRight: Item | undefined;
  let prev: Unit | undefined;
  // The paragraph's inter-character glue, and the boxes' map of the last role and style used.
  let interCharacter: Item | undefined;
  let contextRole: FontRole | undefined;
  let contextStyle: Unit['style'] | undefined;
  let inContext = new Map<string, MadeBox>();
  const flushRight = (): void => {
    if (pendingRight) items.push(pendingRight);
    pendingRight = undefined;
  };
  const endLine = (): void => {
    if (pendingRight) items.push(NO_BREAK);
    flushRight();
    items.push(NO_BREAK, glue(0, FILL_STRETCH, 0, 'paragraph-fill'), penalty(-INFINITE_PENALTY));
  };
  units.forEach((unit, k) => {
    if (unit.hardBreakBefore && items.length > 0) {
      endLine();
      prev = undefined;
    }
    const role = fontRoleFor(style, unit, typography);
    if (unit.cls === 'space') {
      if (pendingRight) items.push(NO_BREAK);
      flushRight();
      const next = units[k + 1];
      if (!(allowed[unit.end] ?? false)) items.push(NO_BREAK);
      // The typed space is drawn as the font's (inkless) space glyph, so that text copied from
      // the page keeps it: 本报记者 沈童睿, not 本报记者沈童睿.
      const typed = Array.from(unit.text)[0];
      const face = shaper.faceFor(role, typed);
      const glyph = shaper.char(face, typed);
      const run = glyphRun(face.key, size, [boxGlyph(glyph.id, 0, typed)], 'plain');
      if (isHan(prev) && isHan(next)) {
        items.push(glue(PHRASE_SPACE_EM * size, 0, 0, 'phrase-space', run));
      } else {
        const space = (shaper.char(face, ' ').advance * size) / face.unitsPerEm;
        items.push(glue(space, Math.max(0, WORD_SPACE_MAX_EM * size - space), Math.max(0, space - WORD_SPACE_MIN_EM * size), 'word-space', run));
      }
      prev = unit;
      return;
    }
    // Consecutive characters mostly share their role and style: their boxes' map is kept at hand.
    if (role !== contextRole || unit.style !== contextStyle) {
      const context = `${role}|${size}|${unit.style}`;
      let boxes = options.boxes.get(context);
      if (!boxes) options.boxes.set(context, (boxes = new Map()));
      inContext = boxes;
      contextRole = role;
      contextStyle = unit.style;
    }
    const key = unit.cls === 'western' ? `w${hyphenate ? HYPHEN : ''}${unit.text}` : unit.text;
    let made = inContext.get(key);
    if (!made) {
      const before = shaper.missingCount;
      const shaped = unitBox(unit, role, unit.style === 'superscript' ? size * SUPERSCRIPT_SCALE : size, shaper, hyphenate && unit.style !== 'superscript', options.markPosition);
      // One shape for every made box (parts or not): the loop reads them by the thousand.
      made = { box: shaped.box, advance: shaped.advance, parts: shaped.parts, missing: shaper.missingSince(before) };
      inContext.set(key, made);
    } else if (made.missing.length > 0) {
      shaper.report(made.missing);
    }
    const { box: ink, advance } = made;
    const leftBlank = blanks.left[k] * advance;
    const rightBlank = blanks.right[k] * advance;
    const paragraphStart = items.length <= (style.indentEm > 0 ? 1 : 0);
    const superscript = unit.style === 'superscript' || prev?.style === 'superscript';
    if (prev !== undefined && prev.cls !== 'space') {
      // A note marker keeps to the character it follows.
      if (!allowed[unit.start] || unit.style === 'superscript') items.push(NO_BREAK);
      else if (insideWord?.[unit.start]) items.push(penalty(Math.max(style.wordBreakPenalty, style.phraseBreakPenalty)));
      // A break after a pause or stop mark ends a phrase too (江苏省…党建工作，/ 推动…).
      else if (style.phraseBreakPenalty > 0 && prev.cls !== 'stop') items.push(penalty(style.phraseBreakPenalty));
      flushRight();
      if (typography.autospace && !superscript && ((unit.cls === 'western' && isHan(prev)) || (prev.cls === 'western' && isHan(unit)))) {
        items.push(shared(options, `hw|${size}`, () => glue(HAN_WESTERN_SPACE_EM * size, (HAN_WESTERN_MAX_EM - HAN_WESTERN_SPACE_EM) * size, (HAN_WESTERN_SPACE_EM - HAN_WESTERN_MIN_EM) * size, 'han-western')));
      } else {
        // clreq #procedures_for_inter-character_space_expansion: no gaps around connectors,
        // solidi and interpuncts.
        // Nor before a note marker, which sits close to its character.
        const rigid = prev.cls === 'connector' || unit.cls === 'connector' || prev.cls === 'middle' || unit.cls === 'middle' || unit.style === 'superscript';
        items.push(rigid ? shared(options, 'rigid', () => glue(0, 0, 0, 'inter-character')) : (interCharacter ??= shared(options, `ic|${size}`, () => glue(0, INTER_CHARACTER_STRETCH_EM * size, 0, 'inter-character'))));
      }
    } else {
      flushRight();
    }
    // An opening bracket that starts a paragraph loses its blank half after the indent
    // (reference §4 case 16), except in 全角式.
    if (leftBlank > 0 && !(paragraphStart && typography.punctuation !== 'quanjiao')) items.push(blankItem(leftBlank, blanks.kind[k], options));
    // A loop, not a spread: a token's pieces may be as many as its characters (a 5 MB run).
    // A note marker's number stays whole (never broken between its digits).
    if (made.parts && unit.style !== 'superscript') for (const part of made.parts) items.push(part);
    else items.push(ink);
    pendingRight = rightBlank > 0 ? blankItem(rightBlank, blanks.kind[k], options) : undefined;
    prev = unit;
  });
  endLine();
  // A copy of its own length: the items are kept for the build (every line placed refers to
  // them), and the list grown by half again as it filled would keep its slack all that time.
  return items.slice();
}
