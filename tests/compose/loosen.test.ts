/**
 * Loosening (src/compose/loosen.ts), held to a plain statement of what it chooses: every way of
 * setting up to three of the last six paragraphs a line looser or tighter is set and balanced,
 * none that spaces a line too widely, and the lowest level, then the least white, then the least
 * disturbed texture wins, the first of equals. loosen.ts makes the same choice while skipping
 * trials that cannot win and balancing each shape of slabs once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { columnSlabs } from '../../src/compose/column-blocks.js';
import { balanceColumns, whiteUnder, type ColumnFrame, type FlowResult } from '../../src/compose/flow.js';
import { LineCache } from '../../src/compose/line-cache.js';
import { loosen } from '../../src/compose/loosen.js';
import { setLines, type Slab } from '../../src/compose/slabs.js';
import { loadFontBook } from '../../src/fonts/index.js';
import type { Line } from '../../src/linebreak/index.js';
import { DEFAULT_STYLE } from '../../src/model/index.js';
import { itemizeEdition, type ItemizedArticle } from '../../src/text/index.js';
import { article, edition } from './helpers.js';

const PARAGRAPHS = [
  '高质量发展是新时代的硬道理，亟须不断强化党建引领，把党的政治优势、组织优势转化为发展优势。近期，本报记者赴多地采访，了解各地坚持高质量党建引领高质量发展的经验做法。',
  '江苏省靖江市，新时代造船有限公司码头，21万吨双燃料动力散货船正等待解缆试航。“船舶制造产业链长，配套产品门类多、数量大。多亏产业链党组织的引领保障，我们和链上企业握指成拳、抱团发展。”',
  '截至目前，江苏省累计建立产业链党建联盟（党委）901个，3.61万个基层党组织纳入其中，覆盖企业6.7万家。',
  '产业链党建把分散在各个企业的党组织连接起来，推动上下游企业在技术攻关、人才培养、市场开拓等方面协同发力。',
  '“过去企业之间各自为战，现在有了党建联盟这个平台，大家遇到难题一起想办法。”一家配套企业负责人说。',
  '下一步，江苏将持续深化产业链党建工作，推动党建优势更好转化为发展优势，为高质量发展注入强劲动力。',
  '据介绍，联盟成立以来，已帮助链上企业解决融资、用工、技术等方面问题一千余个。',
];

/** Measure and grid pitch of the broadsheet's basic column. */
const MEASURE = 117;
const PITCH = 13.5;
const LOOSER_TIGHTER = [1, -1] as const;
const CANDIDATES = 6;
const AT_ONCE = 3;

let story: ItemizedArticle;

beforeAll(() => {
  const itemized = itemizeEdition(edition(['lead lead lead . . . . .'], ['auto'], [article('lead', ['# 党建聚合力 发展增动能', ...PARAGRAPHS])]), loadFontBook(), DEFAULT_STYLE);
  story = itemized.pages[0].articles[0];
});

const spread = (lines: readonly Line[]): number => lines.slice(0, -1).reduce((sum, line) => sum + line.ratio * line.ratio, 0);

/** Every trial, the best as the module comment states it (no bound, no shared balancing). */
function oracle(slabs: Slab[], flow: FlowResult | null, frames: readonly ColumnFrame[], cache: LineCache): { slabs: Slab[]; flow: FlowResult | null } {
  const white = (r: FlowResult): number => whiteUnder(r, frames, r.level);
  let best = { slabs, flow, score: flow ? [flow.level, white(flow), 0] : [Infinity, Infinity, 0] };
  if (best.score[1] <= 1) return best;
  const paragraphs = story.blocks.flatMap((b, i) => (b.kind === 'text' && b.role === 'paragraph' ? [i] : [])).slice(-CANDIDATES);
  const cost = (index: number, looseness: number): number => {
    const block = story.blocks[index];
    if (block.kind !== 'text') return 0;
    const lines = setLines(block.set, MEASURE, cache, looseness);
    if (lines.slice(0, -1).some((l) => l.ratio > 1 || l.ratio < -1)) return Infinity;
    return spread(lines) - spread(setLines(block.set, MEASURE, cache));
  };
  const trials: [number, number][][] = [];
  const extend = (from: number, chosen: [number, number][]): void => {
    if (chosen.length > 0) trials.push(chosen);
    if (chosen.length === AT_ONCE) return;
    for (let i = from; i < paragraphs.length; i++) for (const l of LOOSER_TIGHTER) extend(i + 1, [...chosen, [paragraphs[i], l]]);
  };
  extend(0, []);
  for (const trial of trials) {
    const total = trial.reduce((sum, [index, l]) => sum + cost(index, l), 0);
    if (total === Infinity) continue;
    const trialSlabs = columnSlabs(story, MEASURE, PITCH, cache, new Map(trial));
    const result = balanceColumns(trialSlabs, frames);
    if (!result) continue;
    const score = [result.level, white(result), total];
    const less = score.findIndex((v, k) => v !== best.score[k]);
    if (less >= 0 && score[less] < best.score[less]) best = { slabs: trialSlabs, flow: result, score };
  }
  return best;
}

describe('loosen: the trial a plain search over every one would choose', () => {
  it('in columns of 2 to 4 and depths around the text’s, the same slabs and filling, and some loosened', () => {
    let changed = 0;
    let tried = 0;
    for (const columns of [2, 3, 4]) {
      const total = columnSlabs(story, MEASURE, PITCH, new LineCache()).reduce((n, s) => n + s.lines, 0);
      const level = Math.ceil(total / columns);
      for (let depth = level - 2; depth <= level + 3; depth++) {
        const frames = Array.from({ length: columns }, (_, c) => ({ top: c === 0 ? 1 : 0, bottom: depth }));
        const cache = new LineCache();
        const slabs = columnSlabs(story, MEASURE, PITCH, cache);
        const flow = balanceColumns(slabs, frames);
        const expected = oracle(slabs, flow, frames, cache);
        const got = loosen(story, MEASURE, PITCH, slabs, flow, frames, cache);
        tried++;
        expect(got.flow?.level, `${columns} columns of ${depth}`).toBe(expected.flow?.level);
        expect(got.flow?.linesPerColumn).toEqual(expected.flow?.linesPerColumn);
        expect(got.slabs.length).toBe(expected.slabs.length);
        expect(got.slabs.every((s, i) => s === expected.slabs[i])).toBe(true);
        if (expected.slabs !== slabs) changed++;
      }
    }
    expect(tried).toBe(18);
    // Some columns are filled by loosening: the comparison is not only of articles left as set.
    expect(changed).toBeGreaterThan(0);
  });
});
