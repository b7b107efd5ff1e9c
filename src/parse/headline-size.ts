/**
 * `{size=一号}` after a `#` headline: its own size, in 号 (初号 … 小六) or points (`28pt`),
 * instead of the size its story's rank gives it.
 */
import { COLOUR_SYNTAX, parseColourRef, type ColourRef } from '../model/colour.js';
import type { SourcePos } from '../model/document.js';
import { HAO } from '../model/style.js';
import { parseSize } from '../model/style-overrides.js';
import { fail } from './fail.js';

/** A headline is not set below 六号, the smallest legible size (reference §2.2). */
const MIN_HEADLINE_SIZE = HAO.六号;
/** Nor above twice 初号, the largest 号: a larger value is most likely a slip (360pt for 36pt). */
const MAX_HEADLINE_SIZE = 2 * HAO.初号;

const HAO_NAMES = Object.keys(HAO).join(' ');
const SYNTAX = '`# 主题 {size=一号}`';

/**
 * The size a headline's attributes ask for, in points; undefined without `{size=…}`. `written`
 * shows the attributes as the page has them, for messages.
 */
export function headlineSize(attrs: readonly [string, string][], written: string, pos: SourcePos): number | undefined {
  if (attrs.length === 0) return undefined;
  const [key, value] = attrs[0];
  if (attrs.length > 1 || key !== 'size') {
    fail(pos, `{${written}} on a headline`, `a # headline takes only {size=…} (its size in 号 or points), {.vertical} and {colour=…} (a house colour): ${SYNTAX}`);
  }
  const size = parseSize(value);
  if (size === undefined) {
    fail(pos, `{size=${value}} is not a type size`, `write a 号 (${HAO_NAMES}) or points such as 28pt: ${SYNTAX}`);
  }
  if (size < MIN_HEADLINE_SIZE || size > MAX_HEADLINE_SIZE) {
    fail(pos, `{size=${value}} is not a headline size`, `a headline is ${MIN_HEADLINE_SIZE} to ${MAX_HEADLINE_SIZE} pt (六号 to twice 初号): ${SYNTAX}`);
  }
  return size;
}

/** `{colour=red}` after a `#` headline: its house colour (checked against the palette later). */
export function headlineColour(attrs: readonly [string, string][], pos: SourcePos): ColourRef | undefined {
  const values = attrs.filter(([key]) => key === 'colour').map(([, value]) => value);
  if (values.length === 0) return undefined;
  if (values.length > 1) fail(pos, 'the headline\'s colour is given twice', 'write {colour=…} once');
  const ref = parseColourRef(values[0]);
  if (!ref) fail(pos, `{colour=${values[0]}} is not a colour`, `write ${COLOUR_SYNTAX}: \`# 主题 {colour=red}\``);
  return ref;
}
