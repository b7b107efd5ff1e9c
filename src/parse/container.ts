/**
 * The container line: `::: article ID [box] [briefs] [label=金台潮声] [rank=2]`, or `::: band ID
 * [rank=N]` for a band head (通栏标题) over the stories under it.
 *
 * Words are separated by spaces; a value with spaces may be quoted: `label="金台 潮声"`.
 */
import { COLOUR_SYNTAX, parseColourRef, type ColourRef } from '../model/colour.js';
import type { ArticleKind, SourcePos } from '../model/document.js';
import { RANK_NAMES, STORY_RANKS, type StoryRank } from '../model/rank.js';
import { fail } from './fail.js';

export interface ContainerLine {
  readonly kind: ArticleKind;
  readonly id: string;
  readonly box: boolean;
  /** A block of briefs (简讯): its paragraphs opening with **bold** are briefs. */
  readonly briefs: boolean;
  readonly label?: string;
  readonly rank?: StoryRank;
  readonly tint?: ColourRef;
  readonly labelColour?: ColourRef;
}

/** Article ids: ASCII letters, digits and `-`. Used for `areas` too. */
export const ID_PATTERN = /^[A-Za-z0-9-]+$/;

const SYNTAX = '`::: article ID [box] [briefs] [label=栏目名] [rank=1…4] [tint=black:10%] [label-colour=red]`';
const BAND_SYNTAX = '`::: band ID [rank=1…4]`';

/** The container words and the module each opens. */
const CONTAINERS: Record<string, ArticleKind> = { article: 'story', band: 'band-head' };

/** `rank=1 (头条), 2 (二条), 3 (三条) or 4 (简讯)`, for hints. */
const RANK_LIST = STORY_RANKS.map((r) => `${r} (${RANK_NAMES[r]})`).join(', ');

function parseRank(value: string, id: string, pos: SourcePos): StoryRank {
  const rank = STORY_RANKS.find((r) => String(r) === value.trim());
  if (rank === undefined) fail(pos, `rank=${value} of article "${id}" is not a rank`, `a story's rank is 1 to 4: ${RANK_LIST}`);
  return rank;
}

/** One word: `key="quoted value"`, `key='quoted value'` or a run of non-spaces. */
const WORD = /([^\s"'=]+=)?(?:"([^"]*)"|'([^']*)'|([^\s"']+))(?=\s|$)/y;

/** Split `a b="c d" e` into words, keeping quoted values whole (quotes removed). */
function words(params: string, pos: SourcePos): string[] {
  const out: string[] = [];
  const text = params.trim();
  let i = 0;
  while (i < text.length) {
    WORD.lastIndex = i;
    const match = WORD.exec(text);
    if (match === null) {
      fail(pos, `cannot read the container line \`:::${params}\``, `write it as ${SYNTAX}`);
    }
    out.push((match[1] ?? '') + (match[2] ?? match[3] ?? match[4] ?? ''));
    i = WORD.lastIndex;
    while (i < text.length && /\s/.test(text[i])) i++;
  }
  return out;
}

/** Parse the text after `:::` of a container opening line. */
export function parseContainerLine(params: string, pos: SourcePos): ContainerLine {
  const [word, id, ...options] = words(params, pos);
  const kind = Object.hasOwn(CONTAINERS, word) ? CONTAINERS[word] : undefined;
  if (kind === undefined) {
    fail(
      pos,
      `unknown container \`::: ${word}\``,
      `a page holds articles, ${SYNTAX}, and band heads over several stories, ${BAND_SYNTAX}`,
    );
  }
  if (id === undefined) {
    fail(pos, `the ${word} has no id`, kind === 'band-head' ? `write ${BAND_SYNTAX}, e.g. \`::: band focus\`` : `write ${SYNTAX}, e.g. \`::: article lead\``);
  }
  if (!ID_PATTERN.test(id)) {
    fail(
      pos,
      `invalid article id "${id}"`,
      'an article id is made of letters, digits and "-" (e.g. lead, duty-2); it is the word used in areas',
    );
  }
  let box = false;
  let briefs = false;
  let label: string | undefined;
  let rank: StoryRank | undefined;
  let tint: ColourRef | undefined;
  let labelColour: ColourRef | undefined;
  const colourOf = (key: string, value: string): ColourRef => {
    const ref = parseColourRef(value);
    if (!ref) fail(pos, `${key}=${value} of article "${id}" is not a colour`, `write ${COLOUR_SYNTAX}`);
    return ref;
  };
  for (const option of options) {
    const eq = option.indexOf('=');
    const key = eq < 0 ? option : option.slice(0, eq);
    if (kind === 'band-head' && key !== 'rank') {
      fail(pos, `unknown option "${option}" on band head "${id}"`, `a band head takes only rank=N, the size of its headline (${RANK_LIST}): ${BAND_SYNTAX}`);
    }
    if (eq < 0 && key === 'box') {
      if (box) fail(pos, `"box" is given twice for article "${id}"`, 'write it once');
      box = true;
    } else if (eq < 0 && key === 'briefs') {
      if (briefs) fail(pos, `"briefs" is given twice for article "${id}"`, 'write it once');
      briefs = true;
    } else if (eq >= 0 && key === 'label') {
      if (label !== undefined) fail(pos, `label is given twice for article "${id}"`, 'write it once');
      label = option.slice(eq + 1);
      if (label.trim() === '') fail(pos, `empty label for article "${id}"`, 'write label=栏目名, or leave it out');
    } else if (eq >= 0 && key === 'rank') {
      if (rank !== undefined) fail(pos, `rank is given twice for article "${id}"`, 'write it once');
      rank = parseRank(option.slice(eq + 1), id, pos);
    } else if (eq >= 0 && key === 'tint') {
      if (tint !== undefined) fail(pos, `tint is given twice for article "${id}"`, 'write it once');
      tint = colourOf(key, option.slice(eq + 1));
    } else if (eq >= 0 && key === 'label-colour') {
      if (labelColour !== undefined) fail(pos, `label-colour is given twice for article "${id}"`, 'write it once');
      labelColour = colourOf(key, option.slice(eq + 1));
    } else {
      fail(
        pos,
        `unknown option "${option}" on article "${id}"`,
        `known options: box (a ruled box), briefs (a block of briefs, 简讯), label=栏目名 (a column label), rank=N (the story's rank: ${RANK_LIST}), tint=black:10% (a tint behind the area, 底纹), label-colour=red (the label reversed, white on red); ${SYNTAX}`,
      );
    }
  }
  if (labelColour && label === undefined) fail(pos, `label-colour on article "${id}", which has no label`, 'give the label too: label=栏目名 label-colour=red');
  return { kind, id, box, briefs, ...(label === undefined ? {} : { label }), ...(rank === undefined ? {} : { rank }), ...(tint ? { tint } : {}), ...(labelColour ? { labelColour } : {}) };
}
