/**
 * `banmian propose EDITION_DIR`: the make-up the page builder proposes for each page, written as
 * front matter (`areas:` and `rows:`) for an editor to paste and adjust. A page with `areas:
 * auto` is proposed with its template's hints; a page drawn by hand is proposed afresh from its
 * articles and ranks (its jumps kept), to compare with the drawing.
 */
import { applyStyle, DEFAULT_STYLE, type AutoMakeup, type Edition, type Page, type RowHeight } from './model/index.js';
import type { FontBook } from './fonts/index.js';
import type { MakeupReport } from './compose/index.js';
import { keptSlotProblem, parseEdition } from './parse/index.js';
import { setPages } from './page-run.js';

/** One page's proposal, with what it came to once set. */
export interface PageProposal {
  readonly page: number;
  readonly file: string;
  readonly makeup: MakeupReport;
  /** The least-filled area's share filled. */
  readonly leastFill: number;
}

/** A page drawn by hand as `areas: auto` with no hints: its jumps (ids of earlier pages in its areas) kept. */
function asAutoPage(page: Page, earlier: ReadonlySet<string>): Page {
  if (page.auto) return page;
  const continued = [...new Set(page.areas.flat())].filter((id) => id !== '.' && earlier.has(id) && !page.articles.some((a) => a.id === id));
  // Cells the drawing keeps empty are kept (an advertisement's slot), its bands as deep as drawn.
  const template = page.areas.map((band) => band.map((id) => (id === '.' ? '.' : '*') as '*' | '.'));
  const keeps = template.some((band) => band.includes('.')) && keptSlotProblem(template) === undefined;
  const auto: AutoMakeup = { lead: 'any', continued, ...(keeps ? { template } : {}) };
  return { ...page, areas: [], rows: keeps ? page.rows : [], auto };
}

/** The edition with every page's areas to be proposed. */
function asAutoEdition(edition: Edition): Edition {
  const seen = new Set<string>();
  const pages = edition.pages.map((page) => {
    const auto = asAutoPage(page, seen);
    for (const a of page.articles) seen.add(a.id);
    return auto;
  });
  return { ...edition, pages };
}

/** Propose the make-up of every page of the edition in `dir`. */
export function proposeEdition(dir: string, fonts: FontBook): PageProposal[] {
  const edition = asAutoEdition(parseEdition(dir));
  const set = setPages(edition, fonts, applyStyle(DEFAULT_STYLE, edition.style));
  return set.composed.map((composed, i) => ({
    page: composed.number,
    file: edition.pages[i].source.file,
    makeup: composed.makeup!,
    leastFill: Math.min(...composed.articles.map((a) => a.fill)),
  }));
}

/** A row as the front matter writes it. */
function rowText(row: RowHeight): string {
  switch (row.kind) {
    case 'auto':
      return 'auto';
    case 'percent':
      return `"${row.value}%"`;
    case 'mm':
      return `"${row.value}mm"`;
    case 'lines':
      return `"${row.value} lines"`;
    default: {
      const never: never = row;
      throw new Error(`unknown row ${JSON.stringify(never)}`);
    }
  }
}

/** The proposals as YAML documents, one a page: a comment saying how it was chosen, then `areas:` and `rows:`, the ids lined up by column. */
export function proposalYaml(proposals: readonly PageProposal[]): string {
  return proposals
    .map((p) => {
      const m = p.makeup;
      const width = Math.max(...m.areas.flat().map((id) => id.length));
      const bands = m.areas.map((band) => `  - ${band.map((id) => id.padEnd(width)).join(' ').trimEnd()}`);
      const modules = m.modules.map((x) => `${x.id} ${x.columns}×${x.lines}`).join(', ');
      return [
        `# ${p.file} (page ${p.page}): ${modules}`,
        `# score ${m.score}, ${m.tried.toLocaleString('en')} layouts weighed in ${m.rounds} search(es); least-filled area ${(p.leastFill * 100).toFixed(1)}% full`,
        ...(m.beside.length > 0 ? [`# heads side by side at one height (of different ranks): ${m.beside.map(([a, b]) => `${a} | ${b}`).join(', ')}`] : []),
        'areas:',
        ...bands,
        `rows: [${m.rows.map(rowText).join(', ')}]`,
      ].join('\n');
    })
    .join('\n---\n')
    .concat('\n');
}
