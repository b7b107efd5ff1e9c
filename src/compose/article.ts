import { HEAD_ROLES, type HouseStyle } from '../model/index.js';
import type { ItemizedArticle } from '../text/index.js';
import { JUMP_LINE, planBody, type BodyPlan, type PartKind } from './body.js';
import { whiteUnder } from './flow.js';
import { baselineIn, type PageGeometry } from './geometry.js';
import { layoutHeadBlock, layoutHeadParts, type HeadBlock } from './head-block.js';
import type { LineCache } from './line-cache.js';
import { columnSlabs } from './column-blocks.js';
import { figureCaptionChars, oversetOf, withVerticalHead } from './overset.js';
import { lineChars } from './line-chars.js';
import { lineBoxBottom, placeLine } from './place.js';
import { readingRank } from './reading-order.js';
import { slabExtras } from './table-place.js';
import { TEXT_START, type Slab, type TextPosition } from './slabs.js';
import type { ArticleLayout, OversetText, PlacedElement, PlacedImage, PlacedRule } from './types.js';
import type { FramedFigure } from './figures.js';
import { framePhotoAbove } from './photo-above.js';
import { columnsBeside, layoutVerticalHead, placeVerticalHead, verticalHeadChars, type ColumnsBeside, type VerticalHead } from './vertical-head.js';

/** A module: the columns an article gets on the grid. */
export interface Module {
  /** Left edge and width in points. */
  readonly x: number;
  readonly width: number;
  /** Basic columns it spans. */
  readonly basicColumns: number;
  /** Text columns it is set in whatever it spans (an ear, 报眼, is one); absent: from its width. */
  readonly textColumns?: number;
}

/**
 * Which part of an article a module holds: all of it; the first part of one that jumps (it fills
 * its columns and ends with 下转); or a continuation, from text position `from` on, under the
 * headline in short and 上接 (the last continuation is balanced like a whole article).
 */
export type ArticlePart =
  | { readonly kind: 'whole' }
  | { readonly kind: 'first' }
  | { readonly kind: 'continuation'; readonly index: number; readonly from: TextPosition; readonly last: boolean };

/** An article set in its module, positions relative to the module's top grid line. */
export interface ArticleSetting {
  /** Grid lines the article uses. */
  readonly usedLines: number;
  /** Reading-order marks with `y` still relative to the module top (added by the caller). */
  readonly elements: readonly PlacedElement[];
  readonly rules: readonly PlacedRule[];
  readonly layout: Omit<ArticleLayout, 'x' | 'y' | 'width' | 'height' | 'moduleLines' | 'fill'>;
  /** What did not fit, when something did not. */
  readonly overset?: OversetText;
  /** Where the next part takes up the text, when the part jumps. */
  readonly next?: TextPosition;
}

/** Text columns of a module: how many, their width in characters and points, the first's left edge. */
interface TextColumns {
  readonly count: number;
  readonly chars: number;
  readonly width: number;
  readonly x0: number;
}

/**
 * Text columns of a module: its basic columns, narrowed to whole characters inside a box; fewer
 * and wider when they would be narrower than the style's minimum, more when wider than its
 * maximum (a module one basic column wide on a narrow page, a 通栏 on a wide one).
 */
function textColumns(module: Module, geometry: PageGeometry, inset: number, style: HouseStyle, contents = false): TextColumns {
  const inner = module.width - 2 * inset;
  const charsFor = (n: number): number => Math.floor(((inner + geometry.gutter) / n - geometry.gutter) / geometry.em);
  // A contents box (导读) reads down one column, its lines as long as the module allows; a module
  // may say how many text columns it takes (an ear).
  const fixed = module.textColumns ?? (contents && charsFor(1) <= CONTENTS_MAX_CHARS_FACTOR * style.textColumnChars.max ? 1 : undefined);
  if (fixed !== undefined) {
    const chars = Math.max(1, charsFor(fixed));
    const width = chars * geometry.em;
    const total = fixed * width + (fixed - 1) * geometry.gutter;
    return { count: fixed, chars, width, x0: module.x + (module.width - total) / 2 };
  }
  let count = module.basicColumns;
  while (count > 1 && charsFor(count) < style.textColumnChars.min) count--;
  while (charsFor(count + 1) >= style.textColumnChars.min && charsFor(count) > style.textColumnChars.max) count++;
  const chars = inset === 0 && count === module.basicColumns ? geometry.columnChars : Math.max(1, charsFor(count));
  const width = chars * geometry.em;
  const total = count * width + (count - 1) * geometry.gutter;
  return { count, chars, width, x0: module.x + (module.width - total) / 2 };
}

/** A contents box is set in one column up to this many times the longest text column's characters. */
const CONTENTS_MAX_CHARS_FACTOR = 2;

/** True when the article's body is an index list alone (a 导读 box): its lines are contents lines. */
function isContents(article: ItemizedArticle): boolean {
  const body = article.blocks.filter((b) => b.kind !== 'text' || !HEAD_ROLES.has(b.role));
  return body.length > 0 && body.every((b) => b.kind === 'text' && b.index === true);
}

/** The head of a part: the full headline block, or the headline in short over 上接. */
function headOf(article: ItemizedArticle, part: ArticlePart, width: number, pitch: number, style: HouseStyle, cache: LineCache, skip?: number): HeadBlock {
  if (part.kind !== 'continuation') return layoutHeadBlock(article, width, pitch, style, cache, skip);
  const parts = [];
  if (article.shortHead) parts.push({ set: article.shortHead, style: article.shortHead.style, origin: { kind: 'short-head' } as const, role: 'H1' as const });
  const jumpIn = article.jumpIn[part.index - 1];
  parts.push({ set: jumpIn, style: jumpIn.style, origin: { kind: 'jump-in' } as const, role: 'P' as const });
  return layoutHeadParts(article.id, parts, width, pitch, style, cache);
}

function partKind(part: ArticlePart): PartKind {
  if (part.kind !== 'continuation') return part.kind;
  return part.last ? 'last-continuation' : 'continuation';
}

/** Where the pieces of an article go, before they are placed. */
interface Prepared {
  readonly pitch: number;
  readonly padLines: number;
  readonly inset: number;
  /** The photo above the headline (压题照片), framed across the text columns; its grid lines. */
  readonly above?: FramedFigure;
  readonly aboveLines: number;
  readonly head: HeadBlock;
  /** Left edge of the head block (across the body columns beside a vertical head). */
  readonly headX: number;
  readonly columns: TextColumns;
  readonly jumps: boolean;
  readonly from: TextPosition;
  /** A vertical headline (竖题) and the columns beside it. */
  readonly vertical?: { readonly head: VerticalHead; readonly beside: ColumnsBeside };
}

function prepare(article: ItemizedArticle, module: Module, geometry: PageGeometry, style: HouseStyle, part: ArticlePart, cache: LineCache, aboveAdjust = 0): Prepared {
  const inset = article.box ? style.boxPaddingChars * geometry.em : 0;
  // A vertical headline stands beside the columns of the whole article, not over a continuation.
  const verticalHead = part.kind === 'continuation' ? undefined : layoutVerticalHead(article, geometry.pitch, cache);
  const beside = verticalHead ? columnsBeside(verticalHead, module.x + inset, module.width - 2 * inset, geometry, style) : undefined;
  const columns = beside ?? textColumns(module, geometry, inset, style, isContents(article));
  const headWidth = beside ? beside.count * beside.width + (beside.count - 1) * geometry.gutter : module.width - 2 * inset;
  const above = part.kind === 'continuation' ? undefined : framePhotoAbove(article, columns, geometry, cache, aboveAdjust);
  return {
    pitch: geometry.pitch,
    padLines: article.box ? 1 : 0,
    inset,
    ...(above ? { above } : {}),
    aboveLines: above?.gridLines ?? 0,
    head: headOf(article, part, headWidth, geometry.pitch, style, cache, verticalHead?.block),
    headX: beside ? beside.x0 : module.x + inset,
    columns,
    ...(verticalHead && beside ? { vertical: { head: verticalHead, beside } } : {}),
    jumps: part.kind === 'first' || (part.kind === 'continuation' && !part.last),
    from: part.kind === 'continuation' ? part.from : TEXT_START,
  };
}

function bodyFrame(p: Prepared, geometry: PageGeometry, part: ArticlePart, bottom: number): Parameters<typeof planBody>[1] {
  return {
    columns: { columns: p.columns.count, columnWidth: p.columns.width, gutter: geometry.gutter, pitch: p.pitch, em: geometry.em },
    bodyTop: p.padLines + p.aboveLines + p.head.gridLines,
    bottom,
    jumps: p.jumps,
    part: partKind(part),
    from: p.from,
    mayOpenHead: p.head.lines.length > 0,
  };
}

/**
 * The grid lines an article (or a part that does not jump) needs: what the page builder sizes
 * bands by. Measured up to `limit` lines (the page's): one that needs more is said to need a few
 * lines more than the page has, not measured exactly.
 */
export function measureArticle(article: ItemizedArticle, module: Module, geometry: PageGeometry, style: HouseStyle, part: ArticlePart, cache: LineCache, limit: number): number {
  const p = prepare(article, module, geometry, style, part, cache);
  const body = planBody(article, bodyFrame(p, geometry, part, limit), 'measure', cache);
  return Math.max(usedBy(body, p.padLines, body.bottom), stripLines(p));
}

/** Grid lines a vertical head's strip takes from the module top, padding included (0 without one). */
function stripLines(p: Prepared): number {
  return p.vertical ? p.vertical.head.gridLines + 2 * p.padLines : 0;
}

/** Grid lines from the module top that the body's text and photos reach, padding included (`unset` when nothing was set). */
function usedBy(body: BodyPlan, padLines: number, unset = 0): number {
  const figures = body.figures.map((f) => (f.place === 'top' ? body.bodyTop + f.topLine + f.gridLines - 1 : body.bottom));
  return Math.max(body.bodyTop, body.flow?.level ?? unset, ...figures) + padLines;
}

/**
 * Set one article (or one part of it) in its module of `lines` grid lines: headline block
 * across the top, photos at the top or foot of their columns, the rest flowing down the
 * columns — balanced to end level, or, when the part jumps, filling them and ending with the
 * jump line. Nothing is placed outside the module: what does not fit is returned as overset.
 */
export function setArticle(article: ItemizedArticle, module: Module, lines: number, geometry: PageGeometry, style: HouseStyle, part: ArticlePart, cache: LineCache): ArticleSetting {
  const first = prepare(article, module, geometry, style, part, cache);
  if (!first.above) return setPrepared(article, module, lines, geometry, style, part, cache, first);
  // A photo above the headline gives up depth (cropped, down to its least) before any text is left over.
  let setting = setPrepared(article, module, lines, geometry, style, part, cache, first);
  for (let adjust = -1; setting.overset && first.above.naturalLines + adjust >= first.above.minLines; adjust--) {
    setting = setPrepared(article, module, lines, geometry, style, part, cache, prepare(article, module, geometry, style, part, cache, adjust));
  }
  return setting;
}

function setPrepared(article: ItemizedArticle, module: Module, lines: number, geometry: PageGeometry, style: HouseStyle, part: ArticlePart, cache: LineCache, p: Prepared): ArticleSetting {
  const { pitch, padLines, columns, head } = p;
  const foot = lines - padLines;
  const top = (line: number): number => line * pitch;
  const columnX = (c: number): number => columns.x0 + c * (columns.width + geometry.gutter);
  const elements: { rank: number; order: number; element: PlacedElement }[] = [];
  const push = (element: PlacedElement): void => {
    elements.push({ rank: readingRank(element.origin), order: elements.length, element });
  };
  const rules = article.box ? boxRules(article.id, module, top(lines), style.rules.box) : [];
  const layoutOf = (used: number, linesPerColumn: readonly number[], blankLines: number): ArticleSetting['layout'] => ({ id: article.id, columns: columns.count, columnChars: columns.chars, linesPerColumn, usedLines: used, blankLines });

  // A part that jumps needs a line under its head for the jump line (下转第N版).
  const jumpLine = p.jumps ? JUMP_LINE : 0;
  if (padLines + p.aboveLines + head.gridLines + jumpLine > foot) {
    // Not even the headline block fits (a band shallower than the head): set the head lines
    // that fit; everything else is overset — or, when the part jumps, goes on to the next part.
    let headChars = 0;
    for (const line of head.lines) {
      if (top(padLines) + lineBoxBottom(line) <= top(foot) + 1e-6) push(placeLine(line, p.headX, top(padLines)));
      else headChars += lineChars(line);
    }
    if (p.vertical) headChars += verticalHeadChars(p.vertical.head);
    const left = p.jumps ? [] : columnSlabs(article, columns.width, pitch, cache, new Map(), p.from);
    const overset = oversetOf(article, left, figureCaptionChars(article, part.kind === 'continuation'), columns.count, columnX, pitch);
    const lacking = overset.lacking + padLines + head.gridLines + jumpLine - foot;
    return {
      usedLines: lines,
      elements: sorted(elements),
      rules,
      layout: layoutOf(lines, [], 0),
      overset: { ...overset, chars: overset.chars + headChars, lacking },
      ...(p.jumps ? { next: p.from } : {}),
    };
  }

  const body = planBody(article, bodyFrame(p, geometry, part, foot), 'set', cache);
  if (p.above) {
    const y = top(padLines);
    if (p.above.image) push(imageElement(article.id, p.above.block, p.above.image, columnX(0), y));
    for (const line of p.above.caption) push(placeLine(line, columnX(0), y));
  }
  const headTop = padLines + p.aboveLines + Math.floor(body.headSpace / 2);
  for (const line of head.lines) push(placeLine(line, p.headX, top(headTop)));
  // The vertical head's strip, from the module's top, when the module is deep enough for it.
  const verticalFits = !p.vertical || stripLines(p) <= lines;
  if (p.vertical && verticalFits) for (const line of placeVerticalHead(p.vertical.head, article.id, p.vertical.beside, geometry.gutter, top(padLines))) push(line);
  const slabRules: PlacedRule[] = [];
  for (const figure of body.figures) {
    const x = columnX(figure.column);
    // A photo at the foot has its line of space above it, the caption at the very foot.
    const y = figure.place === 'top' ? top(body.bodyTop + figure.topLine) : top(body.bottom - figure.topLine + 1);
    for (const rule of figure.rules ?? []) slabRules.push({ kind: 'rule', article: article.id, x1: x + rule.dx, y1: y + rule.dy, x2: x + rule.dx + rule.length, y2: y + rule.dy, width: rule.width });
    if (figure.image) push(imageElement(article.id, figure.block, figure.image, x, y));
    for (const line of figure.caption) push(placeLine(line, x, y));
  }
  if (body.flow) {
    body.flow.placements.forEach((placement, i, placements) => {
      if (placement.kind === 'dropped') return;
      const extras = slabExtras(article.id, body.slabs, placements, i, columnX(placement.column), top);
      for (const line of extras.carried) push(line);
      // Indexed: every line of a column of text passes here, mostly before V8 optimises this.
      const content = body.slabs[i].content;
      for (let l = 0; l < content.length; l++) push(placeLine(content[l], columnX(placement.column), top(placement.line)));
      slabRules.push(...extras.rules);
    });
  }
  let usedLines = Math.max(usedBy(body, padLines), verticalFits ? stripLines(p) : 0);
  if (p.jumps) {
    const jumpOut = article.jumpOut[part.kind === 'first' ? 0 : part.kind === 'continuation' ? part.index : 0];
    const [line] = layoutHeadParts(article.id, [{ set: jumpOut, style: jumpOut.style, origin: { kind: 'jump-out' }, role: 'P' }], columns.width, pitch, style, cache).lines;
    // Flush right on the line kept for it under the last column's text (above a photo at its foot).
    const at = body.frames[columns.count - 1].bottom;
    push({ ...placeLine(line, columnX(columns.count - 1), top(at)), baseline: top(at) + baselineIn(0, pitch, jumpOut.style.size), align: 'right', last: true, onGrid: true });
    usedLines = lines;
  }
  const left = p.jumps ? [] : body.slabs.slice(body.placedSlabs);
  const captions = figureCaptionChars(article, part.kind === 'continuation', new Set(body.dropped));
  const bodyOverset = left.length > 0 || body.dropped.length > 0 ? oversetOf(article, left, captions, columns.count, columnX, pitch) : undefined;
  const overset = p.vertical && !verticalFits ? withVerticalHead(bodyOverset, p.vertical.head, stripLines(p) - lines) : bodyOverset;
  const blank = body.flow && !overset && !p.jumps ? whiteUnder(body.flow, body.frames, body.bottom) : 0;
  return {
    usedLines,
    elements: sorted(elements),
    rules: [...rules, ...slabRules],
    layout: layoutOf(usedLines, body.flow ? body.flow.linesPerColumn : [], blank),
    ...(overset ? { overset } : {}),
    ...(p.jumps ? { next: positionOf(body.slabs[body.placedSlabs], article) } : {}),
  };
}

/** A framed photo's image at (x, y), the top left of its frame. */
function imageElement(articleId: string, block: number, image: NonNullable<FramedFigure['image']>, x: number, y: number): PlacedImage {
  return {
    kind: 'image',
    src: image.src,
    alt: image.alt,
    crop: image.crop,
    x: x + image.dx,
    y,
    width: image.width,
    height: image.height,
    pixelWidth: image.pixelWidth,
    pixelHeight: image.pixelHeight,
    tag: { article: articleId, role: 'Figure' },
    origin: { kind: 'block', index: block },
  };
}

/** Where the text goes on from a slab (past the end when every slab was placed). */
function positionOf(slab: Slab | undefined, article: ItemizedArticle): TextPosition {
  return slab ? { block: slab.block, item: slab.item } : { block: article.blocks.length, item: 0 };
}

function sorted(elements: readonly { rank: number; order: number; element: PlacedElement }[]): PlacedElement[] {
  return [...elements].sort((a, b) => a.rank - b.rank || a.order - b.order).map((e) => e.element);
}

/** The four sides of a ruled box around the module. */
function boxRules(article: string, module: Module, height: number, width: number): PlacedRule[] {
  const x1 = module.x;
  const x2 = module.x + module.width;
  return [
    { kind: 'rule', article, x1, y1: 0, x2, y2: 0, width },
    { kind: 'rule', article, x1, y1: height, x2, y2: height, width },
    { kind: 'rule', article, x1, y1: 0, x2: x1, y2: height, width },
    { kind: 'rule', article, x1: x2, y1: 0, x2, y2: height, width },
  ];
}
