/**
 * `colours:` and `masthead:` in edition.yml (their shape checked by the schema first), and the
 * colours pages use: every name a page writes (`tint=red:15%`, `label-colour=red`,
 * `{colour=red}`) must be a house colour, or the page is refused at its line, naming the known ones.
 */
import { BLACK_NAME, COLOUR_SYNTAX, fromPercentages, makePalette, parseColourRef, type ColourRef, type Palette, type ProcessColour } from '../model/colour.js';
import type { Masthead, Page, SourcePos } from '../model/document.js';
import { fail } from './fail.js';
import { resolveImage } from './figure.js';
import { type ImageChecks } from './image-check.js';
import type { YamlFields } from './yaml-fields.js';

export const COLOURS_HINT = 'write e.g. colours: { red: [0, 100, 100, 0] }: a name (small letters, digits, -) and its C, M, Y, K in percent';
export const MASTHEAD_HINT = 'write e.g. masthead: { colour: red, issue: 第27561期, publisher: 江城日报社出版, lines: [国内统一连续出版物号 CN42-0001] }; name: and image: images/masthead.png are optional';

/** `colours:` → the palette (the schema has checked names and percentages). */
export function readPalette(fields: YamlFields): Palette {
  const value = fields.value('colours');
  if (value === undefined || value === null) return makePalette();
  const named: Record<string, ProcessColour> = {};
  for (const [name, cmyk] of Object.entries(value as Record<string, [number, number, number, number]>)) {
    if (name === BLACK_NAME) fail(fields.pos('colours'), 'colours: black is always pure K (0, 0, 0, 100) and cannot be redefined', `${COLOURS_HINT}; call a rich black by another name`);
    named[name] = fromPercentages(cmyk);
  }
  return makePalette(named);
}

/** A colour use is a house colour, or the page is refused at `pos`. */
export function checkColour(ref: ColourRef, palette: Palette, pos: SourcePos, where: string): void {
  if (palette.has(ref.name)) return;
  fail(pos, `${where}: "${ref.name}" is not a house colour`, `known colours: ${[...palette.keys()].join(', ')}; add it to edition.yml, e.g. colours: { ${ref.name}: [0, 100, 100, 0] }`);
}

/** `masthead:` → the masthead (its colour a house colour, its image a PNG or JPEG in the edition). */
export function readMasthead(fields: YamlFields, dir: string, palette: Palette, images: ImageChecks): Masthead | undefined {
  const value = fields.value('masthead') as Record<string, unknown> | undefined | null;
  if (value === undefined || value === null) return undefined;
  const pos = fields.pos('masthead');
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? (value[key] as string).trim() : undefined);
  let colour: ColourRef | undefined;
  if (text('colour') !== undefined) {
    colour = parseColourRef(text('colour')!);
    if (!colour) fail(pos, `masthead colour "${text('colour')}" is not a colour`, `write ${COLOUR_SYNTAX}`);
    checkColour(colour, palette, pos, 'masthead colour');
  }
  const href = text('image');
  let image: Masthead['image'];
  if (href !== undefined) {
    const src = resolveImage(href, dir, pos);
    const { width, height } = images.check(src, href, pos);
    image = { src, href, pixelWidth: width, pixelHeight: height };
  }
  const optional = <K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> => (v === undefined ? {} : ({ [key]: v } as Record<K, V>));
  return {
    ...optional('name', text('name')),
    ...optional('colour', colour),
    ...optional('image', image),
    ...optional('issue', text('issue')),
    ...optional('publisher', text('publisher')),
    lines: ((value.lines as string[] | undefined) ?? []).map((l) => l.trim()),
    source: pos,
  };
}

/** Every colour the pages use is a house colour. */
export function checkPageColours(pages: readonly Page[], palette: Palette): void {
  for (const page of pages) {
    for (const article of page.articles) {
      if (article.tint) checkColour(article.tint, palette, article.source, `tint of article "${article.id}"`);
      if (article.labelColour) checkColour(article.labelColour, palette, article.source, `label-colour of article "${article.id}"`);
      for (const block of article.blocks) if (block.kind === 'text' && block.colour) checkColour(block.colour, palette, block.source, `the headline colour of article "${article.id}"`);
    }
  }
}

/**
 * Which pages are front pages: `front: true`, or page 1 of an edition with a masthead (unless
 * it says `front: false`). Ears stand on a front page only.
 */
export function markFrontPages(pages: readonly Page[], masthead: Masthead | undefined): Page[] {
  return pages.map((page) => {
    const front = page.front ?? (masthead !== undefined && page.number === 1);
    if (!front && page.ears) fail(page.source, `page ${page.number} lists ears, but it is not a front page`, 'ears stand beside the masthead: add front: true to the front matter, or remove ears');
    return { ...page, front };
  });
}
