/**
 * Property: a generated edition either stops with a content error naming its page file and
 * line, or its audit says where each error is — and when the audit finds no error, nothing is
 * lost: every character placed, and the PDF reads back as set. (A build writes files exactly
 * when its audit finds no error: tests/cli.)
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { ContentError } from '../../src/model/index.js';
import { checkEditionDir } from '../../src/pipeline.js';
import { writeEditionFolder } from '../helpers/edition.js';
import { generatedEdition } from '../helpers/generate.js';

const SEEDS = [1, 2, 3, 4, 5, 6];

let fonts: FontBook;
const folders: string[] = [];

beforeAll(() => {
  fonts = loadFontBook();
});

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('generated editions', () => {
  it.each(SEEDS)('seed %i: a content error with file:line, or an audit that places it whole or says where it fails', async (seed) => {
    const dir = writeEditionFolder(generatedEdition(seed), 'banmian-generated-');
    folders.push(dir);
    let report;
    try {
      report = await checkEditionDir(dir, {}, fonts);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).format()).toMatch(/1\.md:\d+: /);
      return;
    }
    for (const f of report.findings) {
      expect(f.source.file).toMatch(/1\.md$/);
      expect(f.source.line).toBeGreaterThan(0);
      expect(f.hint.length).toBeGreaterThan(0);
    }
    // The PDF always reads back as set, whatever else is wrong with the page.
    expect(report.findings.filter((f) => f.code === 'pdf-text')).toEqual([]);
    if (report.errors === 0) {
      expect(report.figures.placedChars).toBe(report.figures.sourceChars);
      expect(report.figures.pdfArticlesMatching).toBe(report.figures.pdfArticles);
    }
  });
});
