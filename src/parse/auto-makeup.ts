/**
 * `areas: auto` in the front matter (automatic make-up): the template's hints (`template:`) and
 * the articles of earlier pages continued here (`continued:`). The page builder proposes the
 * areas; this checks only what can be checked before any text is set.
 */
import { LEAD_PLACEMENTS, type AutoMakeup, type LeadPlacement, type SourcePos } from '../model/document.js';
import { ID_PATTERN } from './container.js';
import { fail } from './fail.js';
import type { YamlFields } from './yaml-fields.js';

/** The value of `areas` that asks the page builder to propose them. */
export const AUTO_AREAS = 'auto';

const TEMPLATE_HINT =
  'template: takes lead: top | left | any, and areas: a grid like areas of * (the page builder\'s cells) and . (cells kept empty, e.g. for an advertisement), with rows: giving the depth of each of its bands';
const CONTINUED_HINT = 'continued: lists the ids of articles of earlier pages that go on on this page (a jump), e.g. continued: [long]';
const KEPT_HINT =
  'the kept cells (.) must form one rectangle at the foot of the page: across its width, or in its left or right corner, e.g. "* * * * * *" over ". . . * * *"';

/** What `areas: auto` and its companions say, and where `continued:` is written. */
export interface AutoFields {
  readonly auto: AutoMakeup;
  readonly continuedPos: SourcePos;
}

function leadOf(value: unknown, pos: SourcePos): LeadPlacement {
  if (value === undefined || value === null) return 'any';
  const found = LEAD_PLACEMENTS.find((p) => p === value);
  if (!found) fail(pos, `template lead ${JSON.stringify(value)} is not a placement`, TEMPLATE_HINT);
  return found;
}

/** The template grid: one string per band, `columns` words each, `*` or `.`. */
function gridOf(value: unknown, columns: number, pos: SourcePos): ('*' | '.')[][] {
  if (!Array.isArray(value) || value.length === 0) fail(pos, 'template areas must be a list of bands', TEMPLATE_HINT);
  const grid = value.map((band: unknown, index) => {
    const words = typeof band === 'string' ? band.trim().split(/\s+/) : [];
    if (words.length !== columns) fail(pos, `band ${index + 1} of the template has ${words.length} words, but the page has ${columns} columns`, TEMPLATE_HINT);
    return words.map((word) => {
      if (word !== '*' && word !== '.') fail(pos, `"${word}" in the template is neither * nor .`, TEMPLATE_HINT);
      return word;
    });
  });
  checkKept(grid, pos);
  return grid;
}

/** Why the kept cells are not what the proposer can keep — one rectangle on the page's foot reaching its left or right edge, below free cells — or undefined when they are (or there are none). */
export function keptSlotProblem(grid: readonly (readonly ('*' | '.')[])[]): string | undefined {
  const cells = grid.flatMap((band, row) => band.flatMap((cell, column) => (cell === '.' ? [{ row, column }] : [])));
  if (cells.length === 0) return undefined;
  const rows = cells.map((c) => c.row);
  const columns = cells.map((c) => c.column);
  const [top, bottom, left, right] = [Math.min(...rows), Math.max(...rows), Math.min(...columns), Math.max(...columns)];
  const rectangle = cells.length === (bottom - top + 1) * (right - left + 1);
  const width = grid[0].length;
  if (!rectangle) return 'the template\'s kept cells are not one rectangle';
  if (bottom !== grid.length - 1 || top === 0) return 'the template\'s kept cells are not at the foot of the page, under free cells';
  if (left !== 0 && right !== width - 1) return 'the template\'s kept cells reach neither side of the page';
  return undefined;
}

function checkKept(grid: readonly (readonly ('*' | '.')[])[], pos: SourcePos): void {
  const problem = keptSlotProblem(grid);
  if (problem) fail(pos, problem, KEPT_HINT);
}

function continuedOf(fields: YamlFields): readonly string[] {
  const value = fields.value('continued');
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string' || !ID_PATTERN.test(id))) fail(fields.pos('continued'), `continued must be a list of article ids, not ${JSON.stringify(value)}`, CONTINUED_HINT);
  if (new Set(value).size !== value.length) fail(fields.pos('continued'), 'an article is listed twice in continued', CONTINUED_HINT);
  return value as string[];
}

/** `areas: auto` with its `template:` and `continued:`; the template's grid has the bands `rows` are counted against. */
export function autoFields(fields: YamlFields, columns: number): AutoFields {
  const template = fields.value('template');
  const pos = fields.pos('template');
  if (template !== undefined && template !== null && (typeof template !== 'object' || Array.isArray(template))) fail(pos, 'template must be a set of hints (lead:, areas:)', TEMPLATE_HINT);
  const hints = (template ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(hints).find((key) => key !== 'lead' && key !== 'areas');
  if (unknown !== undefined) fail(pos, `unknown template hint "${unknown}"`, TEMPLATE_HINT);
  const grid = hints.areas === undefined ? undefined : gridOf(hints.areas, columns, pos);
  const auto: AutoMakeup = { lead: leadOf(hints.lead, pos), continued: continuedOf(fields), ...(grid ? { template: grid } : {}) };
  return { auto, continuedPos: fields.pos('continued') };
}

/** `template:` or `continued:` on a page whose areas are drawn by hand. */
export function rejectAutoFields(fields: YamlFields): void {
  if (fields.has('template')) fail(fields.pos('template'), 'template: is for a page with areas: auto', 'write areas: auto to have the page builder propose the areas, or remove template:');
  if (fields.has('continued')) fail(fields.pos('continued'), 'continued: is for a page with areas: auto', 'on a page whose areas are drawn, a jump is its id named again in areas: remove continued: and place the id there');
}
