/**
 * Band heads (通栏标题): `::: band ID`, a headline block set across the stories of the band
 * under it. What it may hold, and where it may stand in `areas`.
 */
import type { Article, Block, SourcePos, TextRole } from '../model/document.js';
import { fail } from './fail.js';

/** What a band head holds: the parts of a headline block, nothing of a story's body. */
const BAND_HEAD_ROLES: ReadonlySet<TextRole> = new Set<TextRole>(['series', 'kicker', 'headline', 'subtitle']);

const HOLDS = 'a band head holds its headline block only: {.series}, {.kicker}, the # headline and {.subtitle}; the stories under it are articles of their own';

/** A band head's blocks: head parts only, one of them the `#` headline. */
export function checkBandHeadBlocks(blocks: readonly Block[], id: string, pos: SourcePos): void {
  for (const block of blocks) {
    if (block.kind === 'figure') fail(block.source, `a photo in band head "${id}"`, `${HOLDS}; put the photo in one of the stories (with {place=above} it stands above that story's headline)`);
    if (block.kind === 'table') fail(block.source, `a table in band head "${id}"`, HOLDS);
    if (!BAND_HEAD_ROLES.has(block.role)) fail(block.source, `a ${block.role} in band head "${id}"`, HOLDS);
    if (block.vertical) fail(block.source, `a vertical headline in band head "${id}"`, 'a band head is set across the stories it heads: remove {.vertical} (a story of its own may have a vertical headline)');
  }
  if (!blocks.some((b) => b.kind === 'text' && b.role === 'headline')) {
    fail(pos, `band head "${id}" has no # headline`, HOLDS);
  }
}

/** An id's rectangle of cells in `areas`. */
interface CellBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function boxes(areas: readonly (readonly string[])[]): Map<string, CellBox> {
  const found = new Map<string, CellBox>();
  areas.forEach((band, row) =>
    band.forEach((id, col) => {
      if (id === '.') return;
      const box = found.get(id);
      if (!box) found.set(id, { top: row, bottom: row, left: col, right: col });
      else {
        box.bottom = Math.max(box.bottom, row);
        box.right = Math.max(box.right, col);
      }
    }),
  );
  return found;
}

/**
 * The stories a band head heads: those in the band under it, within its columns. Each must lie
 * wholly within them (a story half under the head is headed by it or not?), and every cell under
 * the head must be one (a head over nothing heads nothing). Ids of later pages' continuations
 * count as stories. Returned in the order of their columns.
 */
export function storiesUnder(id: string, areas: readonly (readonly string[])[]): { readonly stories: string[]; readonly fault?: string } {
  const all = boxes(areas);
  const head = all.get(id);
  if (!head) return { stories: [] };
  const row = head.bottom + 1;
  if (row >= areas.length) return { stories: [], fault: `band head "${id}" is in the last band of areas, with no stories under it` };
  const stories: string[] = [];
  for (let col = head.left; col <= head.right; col++) {
    const story = areas[row][col];
    if (story === '.') return { stories, fault: `band head "${id}" stands over an empty cell (column ${col + 1} of band ${row + 1})` };
    const box = all.get(story)!;
    if (box.left < head.left || box.right > head.right) {
      return { stories, fault: `"${story}" under band head "${id}" reaches beyond its columns (${head.left + 1}–${head.right + 1})` };
    }
    if (!stories.includes(story)) stories.push(story);
  }
  return { stories };
}

/**
 * Where band heads stand: over the stories of the next band, which lie wholly within its columns
 * and are written after it (so the page reads head first). Fails at the band head's line.
 */
export function checkBandHeads(articles: readonly Article[], areas: readonly (readonly string[])[]): void {
  const order = new Map(articles.map((a, i) => [a.id, i]));
  for (const article of articles) {
    if (article.kind !== 'band-head') continue;
    const { stories, fault } = storiesUnder(article.id, areas);
    if (fault) fail(article.source, fault, `put the band head in the band right above its stories, over exactly their columns: e.g. areas "${article.id} ${article.id} ${article.id} ${article.id}" above "a a b b"`);
    const heads = stories.filter((s) => articles.find((a) => a.id === s)?.kind === 'band-head');
    if (heads.length > 0) fail(article.source, `band head "${article.id}" stands over another band head, "${heads[0]}"`, 'a band head heads stories: give one head to the band, or make the lower one a story');
    const early = stories.find((s) => (order.get(s) ?? Number.MAX_SAFE_INTEGER) < order.get(article.id)!);
    if (early !== undefined) fail(article.source, `band head "${article.id}" is written after "${early}", a story under it`, `write ::: band ${article.id} before the stories it heads, so the page reads head first`);
  }
}
