/**
 * Bad input, as a careless or hostile user would feed it: every case gets exit 0 with the right
 * text, or exit 1 (content) / 2 (usage) with file:line where there is a file and a hint — never
 * a stack trace, never exit 3, never a file left in `--out`.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFile } from '../helpers/edition.js';
import { gb18030 } from '../helpers/gb18030.js';
import { banmian, run } from '../helpers/tools.js';

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';

/** `n` characters of Han text, deterministic. */
function han(n: number, seed = 1): string {
  let s = '';
  let a = seed;
  for (let i = 0; i < n; i++) {
    a = (a * 1103515245 + 12345) % 2147483648;
    s += HAN[a % HAN.length];
  }
  return s;
}

/** The front matter of a one-band A4 page of article `a` (line 17 is its first paragraph below). */
const FRONT = pageFile({ page: 1, paper: '测试报', date: '2024-11-25', section: '要闻', size: 'A4', areas: ['a a a a'], rows: ['auto'] }, []);

/** An edition folder with these files (text or bytes); returns the folder. */
function edition(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-bad-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

/** Build `dir` and expect a refusal: the exit status, a message at file:line and a hint, no stack, nothing written. */
function refused(dir: string, status: 1 | 2, where: RegExp | undefined, message: RegExp, args: readonly string[] = []): string {
  const out = join(dir, 'out');
  const r = banmian(['build', dir, '--out', out, ...args]);
  expect(r.status, r.stderr).toBe(status);
  if (where) expect(r.stderr).toMatch(where);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/hint: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  return r.stderr;
}

describe('deep inputs', () => {
  it('a 5 MB paragraph is refused at its line, at once, with what to do', () => {
    const dir = edition({ '1.md': `${FRONT}\n::: article a\n\n# 标题\n\n${han(1_700_000)}。\n\n:::\n` });
    refused(dir, 1, /1\.md:17: /, /this paragraph has 1,700,001 characters, more than the 30,000 a block may hold/);
  });

  it('10,000 paragraphs: set, and refused as overset with the characters to cut (no recursion, no spread that grows with the input)', () => {
    const paragraphs = Array.from({ length: 10_000 }, (_, i) => `${han(20 + (i % 100), i + 1)}。`);
    const dir = edition({ '1.md': `${FRONT}\n::: article a\n\n# 标题\n\n${paragraphs.join('\n\n')}\n\n:::\n` });
    refused(dir, 1, /1\.md:\d+: /, /article "a" does not fit its area on page 1: \d+ characters left over/);
  });
});

const ARTICLE = `\n::: article a\n\n# 标题\n\n${han(120)}。\n\n:::\n`;

describe('paths and environment: usage errors before any work', () => {
  it.each([
    ['--out that is a file', (dir: string) => ['--out', join(dir, '1.md')], /--out .*1\.md is a file, not a folder/],
    ['--out under a file', (dir: string) => ['--out', join(dir, '1.md', 'sub')], /--out .* lies under .*1\.md, which is a file/],
    ['--report that is a folder', (dir: string) => ['--out', join(dir, 'out'), '--report', dir], /--report .* is a folder/],
    ['--report in a folder that does not exist', (dir: string) => ['--out', join(dir, 'out'), '--report', join(dir, 'nope', 'r.json')], /--report .*: its folder .*nope does not exist/],
  ])('%s: exit 2 with a hint, nothing built', (_name, args, message) => {
    const dir = edition({ '1.md': FRONT + ARTICLE });
    const r = banmian(['build', dir, ...args(dir)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint: /);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('SOURCE_DATE_EPOCH past year 9999: exit 2 naming the range', () => {
    const dir = edition({ '1.md': FRONT + ARTICLE });
    const r = banmian(['build', dir, '--out', join(dir, 'out')], { env: { SOURCE_DATE_EPOCH: '99999999999999' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SOURCE_DATE_EPOCH must be whole seconds since 1970, at most 253402300799/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--report into the --out folder is written even when the build is refused', () => {
    const dir = edition({ '1.md': `${FRONT.replace('rows: [auto]', 'rows: ["20mm"]')}${ARTICLE.replace(han(120), han(3000))}` });
    const report = join(dir, 'out', 'report.json');
    const r = banmian(['build', dir, '--out', join(dir, 'out'), '--report', report]);
    expect(r.status).toBe(1);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
  });
});

describe('files that are not what they claim', () => {
  it.each([
    ['in GBK', (text: string) => gb18030(text), /1\.md:2: the file is in GBK/],
    ['in UTF-16 with its mark', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), /1\.md:1: the file is in UTF-16LE/],
    ['with a NUL byte', (text: string) => Buffer.from(text.replace('# 标题', '# 标\u0000题')), /1\.md:15: a control character \(U\+0000, NUL\)/],
  ])('a page file %s: exit 1 at its line with how to convert', (_name, bytes, message) => {
    refused(edition({ '1.md': bytes(FRONT + ARTICLE) }), 1, undefined, message);
  });

  it.each([
    ['page: 1e23', FRONT.replace('page: 1', 'page: 1e23'), /1\.md:4: "page" must be a whole number from 1 to 999, not 1e\+23/],
    ['a 99999 mm page', FRONT.replace('size: A4', 'size: "99999x500mm"'), /1\.md:6: a page 99999 mm wide or high is outside 100–1500 mm/],
  ])('%s: exit 1 at its line', (_name, front, message) => {
    refused(edition({ '1.md': front + ARTICLE }), 1, undefined, message);
  });

  it('fonts.json that is a copy of /etc/passwd: exit 1 at its line, with the shape it must have', () => {
    const fonts = mkdtempSync(join(tmpdir(), 'banmian-bad-fonts-'));
    writeFileSync(join(fonts, 'fonts.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    refused(edition({ '1.md': FRONT + ARTICLE }), 1, /fonts\.json:1: /, /fonts\.json is not valid JSON/, ['--fonts', fonts]);
  });

  it('a byline holding one ASCII " keeps its role: {.byline} is never printed', () => {
    const dir = edition({ '1.md': `${FRONT}\n::: article a\n\n# 标题\n\n本报记者 "王欣悦 {.byline}\n\n${han(120)}。\n\n:::\n` });
    const r = banmian(['build', dir, '--out', join(dir, 'out'), '--format', 'pdf']);
    expect(r.status, r.stderr).toBe(0);
    const text = run('pdftotext', [join(dir, 'out', `${dir.split('/').pop()}.pdf`), '-']).stdout;
    expect(text).toContain('本报记者');
    expect(text).not.toContain('{.byline}');
  });
});

describe('raw HTML: refused by name at its line, never printed as tags', () => {
  it.each([
    ['<b> in a paragraph', `${FRONT}\n::: article a\n\n# 标题\n\n${han(40)}<b>粗体</b>${han(40)}。\n\n:::\n`, /1\.md:17: the HTML tag <b> is not part of the content format/, /hint: write \*\*bold\*\*/],
    ['a <table> block', `${FRONT}\n::: article a\n\n# 标题\n\n<table>\n<tr><td>1</td></tr>\n</table>\n\n:::\n`, /1\.md:17: the HTML tag <table>/, /hint: write a Markdown pipe table/],
    ['a <br> in a note', `${FRONT}\n::: article a\n\n# 标题\n\n${han(40)}[^1]。\n\n[^1]: 注释<br>第二行\n\n:::\n`, /1\.md:19: the HTML tag <br>/, /hint: end the line with a backslash/],
  ])('%s: exit 1', (_name, page, where, hint) => {
    const stderr = refused(edition({ '1.md': page }), 1, where, hint);
    expect(stderr).not.toMatch(/internal error/);
  });

  it('an HTML comment prints nothing', () => {
    const dir = edition({ '1.md': `${FRONT}\n<!-- 本版待审 -->\n\n::: article a\n\n# 标题\n\n${han(120)}<!-- 核实数字 -->。\n\n:::\n` });
    const r = banmian(['build', dir, '--out', join(dir, 'out'), '--format', 'pdf']);
    expect(r.status, r.stderr).toBe(0);
    const text = run('pdftotext', [join(dir, 'out', `${dir.split('/').pop()}.pdf`), '-']).stdout;
    expect(text).not.toMatch(/核实|待审|<!--/);
  });
});

describe('no litter', () => {
  it('temporary files of this edition left by a killed build are removed by the next; another edition’s are left alone', () => {
    const dir = edition({ '1.md': FRONT + ARTICLE });
    const out = join(dir, 'out');
    const slug = dir.split('/').pop()!;
    // A process id no process has (above Linux's pid_max of 2^22).
    const dead = 4_194_999;
    banmian(['build', dir, '--out', out, '--format', 'pdf']);
    writeFileSync(join(out, `${slug}.pdf.part-${dead}`), 'half a PDF');
    writeFileSync(join(out, `${slug}.epub.part-${dead}`), 'half an EPUB');
    writeFileSync(join(out, `other.pdf.part-${dead}`), 'another edition');
    const r = banmian(['build', dir, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${slug}.epub`, `${slug}.pdf`, `other.pdf.part-${dead}`]);
  });
});
