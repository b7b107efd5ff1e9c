/**
 * Text stage: the document's text → Items (box/glue/penalty) per block, with the glyphs each box
 * draws. Everything font-related ends here: later stages see points and items only.
 */
import type { FontBook } from '../fonts/index.js';
import type { Article, Block, ColourRef, Edition, Figure, HouseStyle, Inline, LineBreaking, Page, RoleStyle, SourcePos, TextBlock, TextRole, Typography, VerticalSide } from '../model/index.js';
import { continuationPages, plainText, rankedStyle, rankOf } from '../model/index.js';
import { folio, headerDate, jumpInLine, jumpOutLine } from './header-text.js';
import { itemizeInlines, makeTextOptions, type TextOptions } from './itemize.js';
import type { Item } from './items.js';
import { withLeader } from './leader.js';
import { markerSize, markerText } from './list-marks.js';
import { itemizeMasthead, type ItemizedMasthead } from './masthead.js';
import { normalizeInlines } from './normalize.js';
import type { KnownLayouts } from './known-layouts.js';
import type { KnownWords } from './known-words.js';
import type { TextCache } from './set-cache.js';
import { Shaper, type MissingGlyph } from './shape.js';
import { itemizeVertical } from './vertical.js';
import { itemizeTable, tableSetTexts, type ItemizedTable } from './table.js';

export type { Item, GlyphRun, BoxGlyph, GlueKind, InlineStyle } from './items.js';
export { box, INFINITE_PENALTY, LAST_RESORT_PENALTY, scaleItems, widestPhrase } from './items.js';
export { FILL_STRETCH, makeTextOptions, type TextOptions } from './itemize.js';
export { normalizePunctuation, normalizeInlines, normalizeEdition } from './normalize.js';
export { codePointCount, codePointLength, isHighSurrogate, isLowSurrogate } from './code-points.js';
export { headerDate, folio, jumpInLine, jumpOutLine } from './header-text.js';
export { lunarDate, lunarDay, mastheadDateLine } from './masthead-text.js';
export { lineBreakViolation, type KinsokuRule } from './cjk/kinsoku.js';
export { isDefaultIgnorable, withoutIgnorables } from './ignorable.js';
export { tableSetTexts, type ItemizedTable } from './table.js';

/** The text of a set block as it reads, in reading order: a paragraph's, a photo's caption, a table's cells. */
export function blockText(block: ItemizedBlock): string {
  if (block.kind === 'text') return block.set.text;
  if (block.kind === 'table') return tableSetTexts(block).map((set) => set.text).join('');
  return block.caption?.text ?? '';
}

/** A run of text set in one style: a paragraph, a head, a caption, a header field. */
export interface SetText {
  readonly style: RoleStyle;
  readonly items: readonly Item[];
  /** The text as it will read (after normalisation), for reports and tests. */
  readonly text: string;
  /** How its lines are to be broken (the edition's typography setting). */
  readonly lineBreaking: LineBreaking;
}

export type ItemizedBlock =
  | {
      readonly kind: 'text';
      readonly role: TextRole;
      readonly set: SetText;
      readonly source: SourcePos;
      /** A headline set top to bottom at this edge of its article (竖题): its items stand in columns (vertical.ts). */
      readonly vertical?: VerticalSide;
      /** The numeral or bullet hung before a list item or a note (text the page adds). */
      readonly marker?: SetText;
      /** A headline's house colour. */
      readonly colour?: ColourRef;
      /** An item of an index list (导读): its text, a dot leader and its page reference. */
      readonly index?: true;
    }
  | { readonly kind: 'figure'; readonly figure: Figure; readonly caption?: SetText; readonly source: SourcePos }
  | ItemizedTable;

export interface ItemizedArticle {
  readonly id: string;
  readonly box: boolean;
  readonly label?: SetText;
  /** A tint behind the area (底纹) and the label's reversed bar, as written (resolved in compose). */
  readonly tint?: ColourRef;
  readonly labelColour?: ColourRef;
  readonly blocks: readonly ItemizedBlock[];
  readonly source: SourcePos;
  /** Page where the article starts. */
  readonly page: number;
  /** Later pages it goes on on (jumps), in order; empty for most articles. */
  readonly continuations: readonly number[];
  /** Jump lines: `jumpOut[i]` ends part i (下转), `jumpIn[i]` starts part i + 1 (上接). */
  readonly jumpOut: readonly SetText[];
  readonly jumpIn: readonly SetText[];
  /** The headline in short, over each continuation. */
  readonly shortHead?: SetText;
}

/** The page header's fields, set. */
export interface ItemizedHeader {
  readonly paper: SetText;
  readonly date: SetText;
  readonly folio: SetText;
  readonly section: SetText;
  readonly editor?: SetText;
  /** The page file, for errors about the header. */
  readonly source: SourcePos;
}

export interface ItemizedPage {
  readonly page: Page;
  readonly header: ItemizedHeader;
  readonly articles: readonly ItemizedArticle[];
  /** A front page's masthead (报头), which takes the running head's place. */
  readonly masthead?: ItemizedMasthead;
  /** Its ear boxes (报眼), among `articles`, by id. */
  readonly ears?: readonly string[];
}

export { TextCache } from './set-cache.js';
export { KnownLayouts } from './known-layouts.js';
export { KnownWords } from './known-words.js';

/**
 * What earlier builds learnt of an edition's text, answered without fontkit or ICU: the
 * OpenType layouts they made and the word segments ICU gave them (the command line's records,
 * cache-files.ts). A build comes out the same with them or without.
 */
export interface KnownText {
  readonly layouts: KnownLayouts;
  readonly words: KnownWords;
}
export type { ItemizedMasthead } from './masthead.js';

/** A character no face could set, with where it is. */
export interface MissingCharacter extends MissingGlyph {
  readonly source: SourcePos;
}

export interface ItemizedEdition {
  readonly edition: Edition;
  readonly pages: readonly ItemizedPage[];
  readonly missing: readonly MissingCharacter[];
}

/** Itemize every text of an edition, with the edition's typography settings. */
export function itemizeEdition(edition: Edition, fonts: FontBook, style: HouseStyle, cache?: TextCache, known?: KnownText): ItemizedEdition {
  if (cache && cache.faces !== fonts.faces) throw new Error('itemizeEdition: a text cache of other fonts');
  const missing: MissingCharacter[] = [];
  const pending: MissingGlyph[] = [];
  const shaper = new Shaper(fonts, pending, known?.layouts);
  const typography = edition.typography;
  const options: TextOptions = makeTextOptions(typography, edition.language, known?.words);
  // A text is normalised once, here: its items and the plain text the checks read come from it.
  const normalized: TextOptions = { ...options, normalize: false };
  const setAnew = (inlines: readonly Inline[], roleStyle: RoleStyle, vertical: boolean): { set: SetText; missing: MissingGlyph[] } => {
    const source = options.normalize ? normalizeInlines(inlines) : inlines;
    const items = vertical ? itemizeVertical(source, roleStyle, shaper, normalized) : itemizeInlines(source, roleStyle, shaper, normalized);
    const set = { style: roleStyle, items, text: plainText(source), lineBreaking: typography.linebreak };
    return { set, missing: pending.splice(0) };
  };
  // Whatever a text is set from: its words, style and direction, the typography and the faces.
  const keyOf = (inlines: readonly Inline[], roleStyle: RoleStyle, vertical: boolean): string =>
    JSON.stringify([inlines, roleStyle, vertical, options, typography.linebreak, fonts.chain('body').map((f) => f.key)]);
  const set = (inlines: readonly Inline[], roleStyle: RoleStyle, source: SourcePos, vertical = false): SetText => {
    const done = cache ? cache.text(keyOf(inlines, roleStyle, vertical), () => setAnew(inlines, roleStyle, vertical)) : setAnew(inlines, roleStyle, vertical);
    for (const m of done.missing) missing.push({ ...m, source });
    return done.set;
  };
  const setString = (text: string, roleStyle: RoleStyle, source: SourcePos): SetText => set([{ kind: 'text', text }], roleStyle, source);

  const pages = edition.pages.map((page): ItemizedPage => {
    const header: ItemizedHeader = {
      paper: setString(page.paper, style.headerPaper, page.source),
      date: setString(headerDate(page.date), style.header, page.source),
      folio: setString(folio(page.number), style.header, page.source),
      section: setString(page.section, style.headerPaper, page.source),
      ...(page.editor ? { editor: setString(page.editor, style.header, page.source) } : {}),
      source: page.source,
    };
    const articles = page.articles.map((article) => {
      // An article goes on on every later page whose areas name it (content format: jumps).
      const continuations = continuationPages(edition.pages, page, article.id).map((p) => p.number);
      return itemizeArticle(article, page.number, continuations, style, set, setString);
    });
    if (!page.front) return { page, header, articles };
    return { page, header, articles, masthead: itemizeMasthead(page, edition.masthead, style, setString), ears: page.ears ?? [] };
  });
  cache?.sweep();
  return { edition, pages, missing };
}

/**
 * Set plain strings (no Markdown) in a role's style, outside any edition text: the notes a proof
 * prints (an area's id, 溢出 N 字). Characters no face has are set as they come (no report).
 */
export function makeNoteSetter(fonts: FontBook, roleStyle: RoleStyle, typography: Typography): (text: string) => SetText {
  const shaper = new Shaper(fonts, []);
  const options = makeTextOptions(typography);
  return (text) => ({ style: roleStyle, items: itemizeInlines([{ kind: 'text', text }], roleStyle, shaper, options), text, lineBreaking: typography.linebreak });
}

/** How a block is set: the headline block at its story's rank (model/rank.ts), a headline at its own `{size=…}`. */
function styleFor(block: TextBlock, article: Article, style: HouseStyle): RoleStyle {
  const role = block.role;
  if (role === 'paragraph') return style.body;
  if (role === 'headline' || role === 'kicker' || role === 'subtitle') return rankedStyle(style, role, rankOf(article), article.box, block.size);
  return style.roles[role];
}

/**
 * The headline in short over a continuation: the jump head's size, or the headline's own when
 * that is smaller (a brief's head does not grow when it jumps).
 */
function shortHeadStyle(headline: RoleStyle, style: HouseStyle): RoleStyle {
  if (headline.size >= style.jumpHead.size) return style.jumpHead;
  return { ...style.jumpHead, size: headline.size, leading: (style.jumpHead.leading / style.jumpHead.size) * headline.size };
}

function itemizeArticle(
  article: Article,
  pageNumber: number,
  continuations: readonly number[],
  style: HouseStyle,
  set: (inlines: readonly Inline[], roleStyle: RoleStyle, source: SourcePos, vertical?: boolean) => SetText,
  setString: (text: string, roleStyle: RoleStyle, source: SourcePos) => SetText,
): ItemizedArticle {
  const blocks = article.blocks.map((block: Block): ItemizedBlock => {
    if (block.kind === 'table') return itemizeTable(block, style, set);
    if (block.kind === 'figure') {
      return block.caption.length > 0
        ? { kind: 'figure', figure: block, caption: set(block.caption, style.caption, block.source), source: block.source }
        : { kind: 'figure', figure: block, source: block.source };
    }
    const ownStyle = styleFor(block, article, style);
    if (block.role === 'headline' && block.vertical) {
      // A column is set from its top: flush, not centred, no indent.
      const columns = set(block.inlines, { ...ownStyle, align: 'left', indentEm: 0 }, block.source, true);
      return { kind: 'text', role: block.role, set: columns, source: block.source, vertical: block.vertical, ...(block.colour ? { colour: block.colour } : {}) };
    }
    const ref = block.list?.ref;
    // An index item is set ragged (a contents line is not justified); its leader fills its last line.
    const roleStyle = ref === undefined ? ownStyle : { ...ownStyle, align: 'left' as const };
    const text = set(block.inlines, roleStyle, block.source);
    // An index item (导读): its text, a dot leader and its page reference at the column edge.
    const whole = ref === undefined ? text : { ...text, items: withLeader(text.items, set([{ kind: 'text', text: ref }], roleStyle, block.source).items, roleStyle.size), text: text.text + ref };
    const marker = markerText(block);
    const markStyle: RoleStyle = { ...roleStyle, align: 'left', indentEm: 0, size: markerSize(block, roleStyle.size) };
    const marked = marker === undefined ? {} : { marker: setString(marker, markStyle, block.source) };
    return { kind: 'text', role: block.role, set: whole, source: block.source, ...marked, ...(ref === undefined ? {} : { index: true as const }), ...(block.colour ? { colour: block.colour } : {}) };
  });
  const parts = [pageNumber, ...continuations];
  const headline = article.blocks.find((b) => b.kind === 'text' && b.role === 'headline');
  return {
    id: article.id,
    box: article.box,
    ...(article.label ? { label: setString(article.label, style.label, article.source) } : {}),
    ...(article.tint ? { tint: article.tint } : {}),
    ...(article.labelColour ? { labelColour: article.labelColour } : {}),
    blocks,
    source: article.source,
    page: pageNumber,
    continuations,
    jumpOut: continuations.map((to) => setString(jumpOutLine(to), style.jump, article.source)),
    jumpIn: parts.slice(0, -1).map((from) => setString(jumpInLine(from), style.jump, article.source)),
    ...(continuations.length > 0 && headline?.kind === 'text' ? { shortHead: set(headline.inlines, shortHeadStyle(styleFor(headline, article, style), style), headline.source) } : {}),
  };
}
