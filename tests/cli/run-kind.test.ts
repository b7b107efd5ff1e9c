/**
 * The kind of run a code cache is kept for (run-kind.cts): the command, and a build's formats
 * however the option is written, sorted; anything that could not name a file is `other`.
 */
import { describe, expect, it } from 'vitest';
import { OTHER_KIND, runKind } from '../../src/run-kind.cjs';

describe('the kind of a run', () => {
  it.each([
    [['build', 'content'], 'build'],
    [['build', 'content', '--out', 'output'], 'build'],
    [['build', 'content', '--format', 'pdf'], 'build-pdf'],
    [['build', 'content', '-f', 'pdf'], 'build-pdf'],
    [['build', 'content', '--format=pdf'], 'build-pdf'],
    [['build', 'content', '-fpdf'], 'build-pdf'],
    [['build', '--format', 'pdf,epub', 'content'], 'build-epub+pdf'],
    [['build', 'content', '--format', 'epub, pdf'], 'build-epub+pdf'],
    [['build', 'content', '--format', 'pdf,pdf'], 'build-pdf'],
    [['build', 'content', '--format', 'svg', '--format', 'pdf'], 'build-pdf'],
    [['check', 'content'], 'check'],
    [['preview', 'content', '--format', 'pdf'], 'preview'],
    [['propose', 'tests/fixtures/auto-inside'], 'propose'],
  ])('%j is %s', (args, kind) => {
    expect(runKind(args)).toBe(kind);
  });

  it.each([
    [[]],
    [['--version']],
    [['Build', 'content']],
    [['../build', 'content']],
    [['build', 'content', '--format', '../pdf']],
    [['build', 'content', '--format', '']],
    [['build', 'content', '--format']],
  ])('%j is other', (args) => {
    expect(runKind(args)).toBe(OTHER_KIND);
  });

  it('reads no format after `--`', () => {
    expect(runKind(['build', '--', '--format', 'pdf'])).toBe('build');
  });
});
