/**
 * The attributes a `#` headline takes: `{size=一号}` (its own size), `{colour=red}` (a house
 * colour) and `{.vertical}` with an optional `side=left` (a vertical headline, 竖题, at the
 * article's right edge or its left).
 */
import type { ColourRef } from '../model/colour.js';
import type { SourcePos, VerticalSide } from '../model/document.js';
import { fail } from './fail.js';
import { headlineColour, headlineSize } from './headline-size.js';

const SYNTAX = '`# 主题 {size=一号}`, `# 主题 {.vertical}` or `# 主题 {.vertical side=left}`';
const SIDES: readonly VerticalSide[] = ['right', 'left'];

export interface HeadlineAttrs {
  readonly size?: number;
  readonly vertical?: VerticalSide;
  readonly colour?: ColourRef;
}

/** A headline's attributes, checked; `written` shows them as the page has them, for messages. */
export function headlineAttrs(attrs: readonly [string, string][], written: string, pos: SourcePos): HeadlineAttrs {
  let vertical = false;
  let side: VerticalSide | undefined;
  const rest: [string, string][] = [];
  for (const [key, value] of attrs) {
    if (key === 'class') {
      const classes = value.split(/\s+/).filter((c) => c !== '');
      const unknown = classes.find((c) => c !== 'vertical');
      if (unknown !== undefined) fail(pos, `{.${unknown}} on a headline`, `a # headline takes only {size=…}, {colour=…} and {.vertical}: ${SYNTAX}`);
      vertical = true;
    } else if (key === 'side') {
      const known = SIDES.find((s) => s === value);
      if (!known) fail(pos, `{side=${value}} is not a side`, `a vertical headline stands at the right (the default) or the left: ${SYNTAX}`);
      side = known;
    } else if (key !== 'colour') {
      rest.push([key, value]);
    }
  }
  if (side !== undefined && !vertical) fail(pos, `{side=${side}} on a headline that is not vertical`, `side= places a vertical headline: ${SYNTAX}`);
  const size = headlineSize(rest, written, pos);
  const colour = headlineColour(attrs, pos);
  return { ...(size !== undefined ? { size } : {}), ...(vertical ? { vertical: side ?? 'right' } : {}), ...(colour ? { colour } : {}) };
}
