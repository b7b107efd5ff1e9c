/**
 * The command line's contract: exit 0 on success, 1 on a content error that names file, line
 * and cause, 2 on a usage error; never a stack trace, never a half-written output file.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { banmian, ROOT, run } from '../helpers/tools.js';

function edition(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-cli-'));
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, name), text);
  return dir;
}

const FRONT = (areas: string, rows = '[auto]', columns = 4, size = 'A4'): string => `---
paper: 测试报
date: 2024-11-25
page: 1
section: 要闻
size: ${size}
columns: ${columns}
areas:
${areas}
rows: ${rows}
---
`;

function expectNoTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('banmian build', () => {
  it('exits 2 on an unknown option', () => {
    const r = banmian(['build', '--colour']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--colour');
  });

  it('exits 2 on an unknown format and names it', () => {
    const r = banmian(['build', 'content', '--format', 'pdf,docx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('docx');
  });

  it('exits 2 when the edition folder does not exist', () => {
    const r = banmian(['build', join(tmpdir(), 'no-such-edition-folder')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no edition folder');
  });

  it('writes only the formats asked for', () => {
    const dir = edition({ '1.md': `${FRONT('  - a a a a')}\n::: article a\n# 标题\n\n正文一段，很短。\n:::\n` });
    const out = join(dir, 'out');
    const r = banmian(['build', dir, '--out', out, '--format', 'pdf']);
    expect(r.stderr).not.toMatch(/error/); // a one-line article on an A4 page is reported as blank, no more
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual([`${dir.split('/').pop()}.pdf`]);
  });

  it('writes SVG pages when asked: one file a page in a folder named after the edition, and only that', () => {
    const dir = edition({ '1.md': `${FRONT('  - a a a a')}\n::: article a\n# 标题\n\n正文一段，很短。\n:::\n` });
    const out = join(dir, 'out');
    const slug = dir.split('/').pop()!;
    const r = banmian(['build', dir, '--out', out, '--format', 'svg']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([slug]);
    expect(readdirSync(join(out, slug))).toEqual(['1.svg']);
    const svg = readFileSync(join(out, slug, '1.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('>标题</text>');
    expect(r.stdout).toContain(`${slug}/1.svg`);
    // Page 1 becomes page 2: its old drawing goes, anything else in the folder stays.
    writeFileSync(join(out, slug, 'notes.txt'), 'kept');
    writeFileSync(join(dir, '1.md'), readFileSync(join(dir, '1.md'), 'utf8').replace('page: 1', 'page: 2'));
    const again = banmian(['build', dir, '--out', out, '--format', 'svg']);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(join(out, slug)).sort()).toEqual(['2.svg', 'notes.txt']);
  });

  it('exits 1 with file:line for text outside an article, and writes nothing', () => {
    const dir = edition({ '1.md': `${FRONT('  - a a a a')}\n游离的段落。\n\n::: article a\n# 标题\n\n正文。\n:::\n` });
    const out = join(dir, 'out');
    const r = banmian(['build', dir, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1\.md:13: /);
    expectNoTrace(r.stderr);
    expect(() => readdirSync(out)).toThrow();
  });

  it('exits 1 naming the article and how much did not fit when text overflows its area', () => {
    const long = '这是一段很长的正文，用来测试放不下的情况。'.repeat(60);
    const dir = edition({ '1.md': `${FRONT('  - a a b b', '["20mm"]')}\n::: article a\n# 标题\n\n${long}\n:::\n\n::: article b\n# 另一篇\n\n短文。\n:::\n` });
    const out = join(dir, 'out');
    const r = banmian(['build', dir, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/article "a" does not fit its area on page 1: \d+ characters/);
    expect(r.stderr).toMatch(/1\.md:\d+: /);
    expectNoTrace(r.stderr);
    expect(() => readdirSync(out)).toThrow();
  });

  it('--proof: a refused build still writes <slug>.proof.pdf (overset in red below the page) and --report, and nothing else', () => {
    const long = '这是一段很长的正文，用来测试放不下的情况。'.repeat(60);
    const dir = edition({ '1.md': `${FRONT('  - a a b b', '["20mm"]')}\n::: article a\n# 标题\n\n${long}\n:::\n\n::: article b\n# 另一篇\n\n短文。\n:::\n` });
    const out = join(dir, 'out');
    const report = join(dir, 'report.json');
    const r = banmian(['build', dir, '--out', out, '--proof', '--report', report]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/article "a" does not fit its area on page 1: \d+ characters/);
    const slug = dir.split('/').pop()!;
    expect(readdirSync(out)).toEqual([`${slug}.proof.pdf`]);
    expect(r.stderr).toContain(`proof → ${join(out, `${slug}.proof.pdf`)}`);
    // The proof reads back with the overset count and the left-over text.
    const text = run('pdftotext', ['-layout', join(out, `${slug}.proof.pdf`), '-']).stdout;
    const chars = Number(/article "a" does not fit its area on page 1: (\d+) characters/.exec(r.stderr)![1]);
    expect(text).toContain(`a：溢出 ${chars} 字`);
    expect(text).toContain('用来测试放不下的情况');
    const json = JSON.parse(readFileSync(report, 'utf8')) as { pages: { findings: { code: string }[] }[] };
    expect(json.pages[0].findings.map((f) => f.code)).toContain('overset');
    expectNoTrace(r.stderr);
  });

  it('exits 1 naming the font role and where it looked when a font is missing', () => {
    const fonts = mkdtempSync(join(tmpdir(), 'banmian-fonts-'));
    cpSync(join(ROOT, 'fonts/fonts.json'), join(fonts, 'fonts.json'));
    const config = JSON.parse(readFileSync(join(fonts, 'fonts.json'), 'utf8')) as { faces: Record<string, unknown> };
    config.faces.song = { file: 'NoSuchSong.ttf' };
    writeFileSync(join(fonts, 'fonts.json'), JSON.stringify(config));
    const r = banmian(['build', 'content', '--out', join(fonts, 'out'), '--fonts', fonts]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('font for role "body"');
    expect(r.stderr).toContain(join(fonts, 'NoSuchSong.ttf'));
    expectNoTrace(r.stderr);
  });

  it('exits 1 when an image is missing, naming the file and line', () => {
    const dir = edition({ '1.md': `${FRONT('  - a a a a')}\n::: article a\n# 标题\n\n![照片](images/none.jpg "图说")\n\n正文。\n:::\n` });
    mkdirSync(join(dir, 'images'));
    const r = banmian(['build', dir, '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1\.md:16: /);
    expect(r.stderr).toContain('images/none.jpg');
    expectNoTrace(r.stderr);
  });
});

describe('characters no font has', () => {
  const page = `${FRONT('  - a a a a')}\n::: article a\n# 标题\n\n正文里有一个表情😀，字体都没有。\n:::\n`;

  it('are a warning naming file, line, character and code point', () => {
    const dir = edition({ '1.md': page });
    const r = banmian(['build', dir, '--out', join(dir, 'out'), '--format', 'pdf']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: .*1\.md:16: \[tofu\] page 1, article "a": “😀” \(U\+1F600\) has no glyph/);
  });

  it('fail the build in --strict mode, writing nothing', () => {
    const dir = edition({ '1.md': page });
    const r = banmian(['build', dir, '--out', join(dir, 'out'), '--strict']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: .*1\.md:16: \[tofu\] .*U\+1F600/);
    expect(() => readdirSync(join(dir, 'out'))).toThrow();
  });
});

describe('banmian check', () => {
  const page = `${FRONT('  - a a a a')}\n::: article a\n# 标题\n\n正文里有一个表情😀，字体都没有。\n:::\n`;

  it('prints a table of findings and its figures, exits 0 with warnings only, and writes nothing', () => {
    const dir = edition({ '1.md': page });
    const r = banmian(['check', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^WHERE\s+LEVEL\s+FINDING\s+PAGE\s+ARTICLE$/m);
    expect(r.stdout).toMatch(/1\.md:16\s+warning\s+tofu\s+1\s+a\s+“😀” \(U\+1F600\) has no glyph/);
    expect(r.stdout).toMatch(/→ map a font that has it in fonts\/fonts\.json/);
    expect(r.stdout).toMatch(/characters placed 18\/18\s+PDF text 1\/1 articles as set/);
    expect(r.stdout).toMatch(/findings: 0 error\(s\), 2 warning\(s\)$/m);
    expect(readdirSync(dir)).toEqual(['1.md']);
  });

  it('--strict counts the warnings as errors and exits 1', () => {
    const r = banmian(['check', edition({ '1.md': page }), '--strict']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/1\.md:16\s+error\s+tofu/);
  });

  it('--json gives CI the findings with file, line, article, code and hint, and the figures', () => {
    const r = banmian(['check', edition({ '1.md': page }), '--json', '--no-pdf']);
    expect(r.status).toBe(0);
    const { editions } = JSON.parse(r.stdout) as { editions: { figures: Record<string, number>; findings: { code: string; severity: string; source: { file: string; line: number }; article: string; hint: string; at?: object }[] }[] };
    expect(editions).toHaveLength(1);
    const [tofu] = editions[0].findings;
    expect(tofu).toMatchObject({ code: 'tofu', severity: 'warning', article: 'a', source: { line: 16 } });
    expect(tofu.source.file).toMatch(/1\.md$/);
    expect(tofu.hint).toContain('fonts.json');
    // Where on the page: a rectangle in points, nothing more.
    expect(Object.keys(tofu.at ?? {}).sort()).toEqual(['height', 'width', 'x', 'y']);
    expect(editions[0].figures.placedChars).toBe(18);
    expect(editions[0].figures.pdfArticles).toBeUndefined();
  });

  it('exits 1 naming every article that does not fit, in one run', () => {
    const long = '这是一段很长的正文，用来测试放不下的情况。'.repeat(60);
    const dir = edition({ '1.md': `${FRONT('  - a a b b', '["20mm"]')}\n::: article a\n# 标题\n\n${long}\n:::\n\n::: article b\n# 另一篇\n\n${long}\n:::\n` });
    const r = banmian(['check', dir, '--no-pdf']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/overset\s+1\s+a\s+article "a" does not fit its area on page 1: \d+ characters/);
    expect(r.stdout).toMatch(/overset\s+1\s+b\s+article "b" does not fit its area on page 1: \d+ characters/);
    expectNoTrace(r.stderr);
  });

  it('exits 2 when an edition folder does not exist, 1 with file:line for bad content', () => {
    const missing = banmian(['check', join(tmpdir(), 'no-such-edition-folder')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('banmian check content');
    const bad = banmian(['check', edition({ '1.md': `${FRONT('  - a a a a')}\n游离的段落。\n\n::: article a\n# 标题\n\n正文。\n:::\n` })]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/1\.md:13: /);
    expectNoTrace(bad.stderr);
  });
});
