/**
 * Page front matter (YAML between `---` lines) → the page header fields, validated.
 */
import type { Page, SourcePos } from '../model/document.js';
import { at, fail } from './fail.js';
import { frontFields } from './front-fields.js';
import { AUTO_AREAS, autoFields, rejectAutoFields } from './auto-makeup.js';
import { parseAreas, parseRows, parseSize } from './grid.js';
import { YamlFields } from './yaml-fields.js';

/** The page's fields from its front matter, and where each band of `areas` is (for errors). */
export type PageHeader = Omit<Page, 'source' | 'articles'> & {
  /** Position of each band of `areas`, for errors about the ids in it (of `continued:` on a page with `areas: auto`). */
  readonly bands: SourcePos[];
  /** Where `ears:` is, for errors about its ids. */
  readonly earsPos?: SourcePos;
};

/** The highest page number (版次): a daily's edition runs to a few hundred pages at most. */
const MAX_PAGE_NUMBER = 999;
/** The most basic columns a page may have: a broadsheet has 8, a wide one 12; past 24 a column holds a few characters. */
const MAX_COLUMNS = 24;
const KNOWN = ['paper', 'date', 'page', 'section', 'editor', 'size', 'columns', 'areas', 'rows', 'front', 'ears', 'template', 'continued'];

export const FRONT_MATTER_EXAMPLE =
  'start the file with front matter: ---, then paper:, date: YYYY-MM-DD, page:, section:, size:, columns:, areas:, then ---';

const DATE_HINT = 'write the date as YYYY-MM-DD, e.g. 2024-11-24';

/** `YYYY-MM-DD` that names a real day. */
function checkDate(value: unknown, pos: SourcePos): string {
  if (value === undefined || value === null) fail(pos, 'missing field "date"', DATE_HINT);
  const text = typeof value === 'string' ? value.trim() : String(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) fail(pos, `date ${JSON.stringify(value)} is not an ISO date`, DATE_HINT);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    fail(pos, `date ${text} is not a real day`, DATE_HINT);
  }
  return text;
}

/**
 * Read the front matter YAML. `firstLine` is the file line of its first YAML line (2 when the
 * file starts with `---`).
 */
export function parseFrontMatter(yamlText: string, file: string, firstLine: number): PageHeader {
  const fields = YamlFields.parse(yamlText, file, firstLine, 'front matter', firstLine - 1);
  fields.rejectUnknown(KNOWN, 'front matter');
  const paper = fields.string('paper', true, 'paper: is the masthead name for the page header, e.g. paper: 人民日报');
  const date = checkDate(fields.value('date'), fields.pos('date'));
  const number = fields.positiveInteger('page', 'page: is the page number (版次), e.g. page: 11', MAX_PAGE_NUMBER);
  const section = fields.string('section', true, 'section: is the section name (版名), e.g. section: 党建');
  const editor = fields.string('editor', false, 'editor: is an optional credit line, e.g. editor: 责任编辑：张三');
  const size = parseSize(fields.value('size'), fields.pos('size'));
  const columns = fields.positiveInteger('columns', 'columns: is the number of basic grid columns, e.g. columns: 8', MAX_COLUMNS);
  const front = frontFields(fields);
  if (fields.value('areas') === AUTO_AREAS) {
    // The page builder proposes the areas; rows are the template's bands (none without one).
    const { auto, continuedPos } = autoFields(fields, columns);
    const rows = parseRows(fields.value('rows'), auto.template?.length ?? 0, fields.pos('rows'), fields.itemPositions('rows'), 'the template');
    const header = { paper, date, number, section, size, columns, areas: [], rows, auto, bands: [continuedPos], ...front };
    return editor === undefined ? header : { ...header, editor };
  }
  rejectAutoFields(fields);
  const { areas, bands } = parseAreas(fields.value('areas'), columns, fields.pos('areas'), fields.itemPositions('areas'));
  const rows = parseRows(fields.value('rows'), areas.length, fields.pos('rows'), fields.itemPositions('rows'));
  const header = { paper, date, number, section, size, columns, areas, rows, bands, ...front };
  return editor === undefined ? header : { ...header, editor };
}

/** The page file has no front matter at all. */
export function missingFrontMatter(file: string): never {
  return fail(at(file, 1), 'the page has no front matter', FRONT_MATTER_EXAMPLE);
}
