/**
 * The lines' own rules: prohibition at line starts and ends (禁则), unbreakable marks, justified
 * lines flush at both column edges, body lines on the page's baseline grid.
 */
import { baselineIn } from '../compose/index.js';
import type { Item } from '../text/index.js';
import { INFINITE_PENALTY, lineBreakViolation, type KinsokuRule } from '../text/index.js';
import { finding, type Place } from './finding.js';
import type { LineFacts } from './line-facts.js';
import type { Finding, FindingCode } from './types.js';
import { quote, type EditionView } from './view.js';

/** Two positions closer than this (points) are the same: far below what a press can show. */
export const SAME_POSITION_PT = 0.01;

export interface LineFigures {
  readonly lines: number;
  readonly justifiedLines: number;
  readonly flushLines: number;
  readonly gridLines: number;
  readonly onGridLines: number;
}

const RULE_FINDING: Record<KinsokuRule, FindingCode> = { 'line-start': 'line-start', 'line-end': 'line-end', unbreakable: 'split-mark' };

/** Does the line end at a forced break (a paragraph's end, a hard line break)? */
function endsParagraph(line: LineFacts): boolean {
  const item = line.placed.items[line.placed.line.end];
  return item === undefined || (item.kind === 'penalty' && item.penalty <= -INFINITE_PENALTY);
}

export function auditLines(view: EditionView): { findings: Finding[]; figures: LineFigures } {
  const findings: Finding[] = [];
  let lines = 0;
  let justifiedLines = 0;
  let flushLines = 0;
  let gridLines = 0;
  let onGridLines = 0;
  // The line before each line of a paragraph, across columns and pages (a paragraph may jump).
  const previous = new Map<LineFacts, LineFacts>();
  const paragraphs = new Map<readonly Item[], LineFacts[]>();
  for (const page of view.pages) {
    // An indexed loop: every line of an edition passes here, mostly before V8 optimises this.
    for (let lineIndex = 0; lineIndex < page.lines.length; lineIndex++) {
      const line = page.lines[lineIndex];
      const list = paragraphs.get(line.placed.items) ?? [];
      list.push(line);
      paragraphs.set(line.placed.items, list);
    }
  }
  for (const list of paragraphs.values()) {
    const ordered = [...list].sort((a, b) => a.placed.line.start - b.placed.line.start);
    // A text placed again (the headline in short over each continuation) starts over: only a
    // line that ends before another starts is the line before it.
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i - 1].placed.line.end <= ordered[i].placed.line.start) previous.set(ordered[i], ordered[i - 1]);
    }
  }

  for (const page of view.pages) {
    const { pitch, top } = page.page.grid;
    for (let lineIndex = 0; lineIndex < page.lines.length; lineIndex++) {
      const line = page.lines[lineIndex];
      if (line.text === '') continue;
      lines++;
      const before = previous.get(line);
      // clreq #prohibition_rules_for_line_start_end, #h-unbreakable_marks_punctuation.
      if (before && !endsParagraph(before)) {
        const last = before.last;
        const first = last === '' ? '' : line.first;
        const rule = first === '' ? undefined : lineBreakViolation(last, first, view.kinsoku);
        if (rule) findings.push(finding(view, page, RULE_FINDING[rule], 'error', placeOf(line), kinsokuMessage(rule, before, line), 'a line break here breaks clreq\'s 禁则: report it (the line breaker should never choose it)'));
      }
      if (line.placed.align === 'justify' && !endsParagraph(line)) {
        justifiedLines++;
        const short = line.placed.x + line.placed.measure - line.right;
        const lead = line.left - line.placed.x;
        if (Math.abs(short) <= SAME_POSITION_PT && Math.abs(lead) <= SAME_POSITION_PT) flushLines++;
        else findings.push(finding(view, page, 'not-flush', 'error', placeOf(line), flushMessage(line, lead, short), 'a justified line must end at its column edge: report it, or rewrite the line (a word too long for the column)'));
      }
      if (line.placed.onGrid) {
        gridLines++;
        // clreq #using_type_area_for_composition_in_real_pages: body lines on one grid; a line
        // of another size has its em box centred in a grid line.
        const slots = (line.placed.baseline - baselineIn(top, pitch, line.size)) / pitch;
        const off = Math.abs(slots - Math.round(slots)) * pitch;
        if (off <= SAME_POSITION_PT) onGridLines++;
        else findings.push(finding(view, page, 'off-grid', 'error', placeOf(line), `the line ${quote(line.text)} is ${off.toFixed(2)} pt off the page's ${pitch} pt baseline grid`, 'body lines keep to the grid: report it'));
      }
    }
  }
  return { findings, figures: { lines, justifiedLines, flushLines, gridLines, onGridLines } };
}

/** Where a finding on `line` points: made for a finding only (nearly every line has none). */
function placeOf(line: LineFacts): Place {
  return { article: line.placed.tag.article, origin: line.placed.origin, at: line.ink ?? undefined };
}

function kinsokuMessage(rule: KinsokuRule, before: LineFacts, line: LineFacts): string {
  switch (rule) {
    case 'line-start':
      return `the line ${quote(line.text)} starts with “${line.first}”, which may not start a line`;
    case 'line-end':
      return `the line ${quote(before.text)} ends with “${before.last}”, which may not end a line`;
    case 'unbreakable':
      return `“${before.last}${line.first}” is split between the lines ${quote(before.text)} and ${quote(line.text)}`;
    default: {
      const never: never = rule;
      throw new Error(`unknown rule ${String(never)}`);
    }
  }
}

function flushMessage(line: LineFacts, lead: number, short: number): string {
  if (short < -SAME_POSITION_PT) return `the justified line ${quote(line.text)} runs ${(-short).toFixed(2)} pt past its column edge (overfull)`;
  if (Math.abs(lead) > SAME_POSITION_PT) return `the justified line ${quote(line.text)} starts ${lead.toFixed(2)} pt from its column edge`;
  return `the justified line ${quote(line.text)} ends ${short.toFixed(2)} pt short of its column edge`;
}
