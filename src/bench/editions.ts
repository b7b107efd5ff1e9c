/**
 * The editions the bench sets, made from the sample edition in a temporary folder:
 * - one page: the sample's first article alone on an A3 page of four columns;
 * - many pages: the sample's page again and again, its articles renamed per page.
 * Both are real editions: they pass `banmian check`, as the bench's builds must.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const ARTICLE_OPEN = /^::: article ([^\s{]+)/;
const FENCE_CLOSE = /^:::\s*$/;
const ONE_PAGE_COLUMNS = 4;
const IMAGES = 'images';

interface SamplePage {
  readonly front: Record<string, unknown>;
  readonly body: string;
}

function samplePage(sampleDir: string): SamplePage {
  const file = readdirSync(sampleDir).filter((f) => f.endsWith('.md')).sort()[0];
  if (!file) throw new Error(`${sampleDir} has no page file`);
  const text = readFileSync(join(sampleDir, file), 'utf8');
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new Error(`${file} has no front matter`);
  return { front: parseYaml(m[1]) as Record<string, unknown>, body: text.slice(m[0].length) };
}

function writeEdition(sampleDir: string, outDir: string, slug: string, title: string, pages: readonly { name: string; front: Record<string, unknown>; body: string }[]): string {
  mkdirSync(outDir, { recursive: true });
  const edition = parseYaml(readFileSync(join(sampleDir, 'edition.yml'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(outDir, 'edition.yml'), stringifyYaml({ ...edition, slug, title }));
  if (existsSync(join(sampleDir, IMAGES))) cpSync(join(sampleDir, IMAGES), join(outDir, IMAGES), { recursive: true });
  for (const page of pages) writeFileSync(join(outDir, page.name), `---\n${stringifyYaml(page.front)}---\n${page.body}`);
  return outDir;
}

/** The sample's first article, from its `::: article` line to the fence that closes it. */
function firstArticle(body: string): { id: string; text: string } {
  const lines = body.split('\n');
  const start = lines.findIndex((l) => ARTICLE_OPEN.test(l));
  if (start < 0) throw new Error('the sample page has no article');
  const end = lines.findIndex((l, i) => i > start && FENCE_CLOSE.test(l));
  return { id: ARTICLE_OPEN.exec(lines[start])![1], text: lines.slice(start, end + 1).join('\n') };
}

/** The sample's first article on one A3 page. */
export function onePageEdition(sampleDir: string, outDir: string): string {
  const sample = samplePage(sampleDir);
  const article = firstArticle(sample.body);
  const front = { ...sample.front, page: 1, size: 'A3', columns: ONE_PAGE_COLUMNS, areas: [Array(ONE_PAGE_COLUMNS).fill(article.id).join(' ')], rows: ['auto'] };
  return writeEdition(sampleDir, outDir, 'bench-one-page', '一版', [{ name: '01.md', front, body: `\n${article.text}\n` }]);
}

/** The sample's page `count` times, pages 1…count, each article id suffixed with its page. */
export function manyPagesEdition(sampleDir: string, outDir: string, count: number): string {
  const sample = samplePage(sampleDir);
  const areas = sample.front.areas as string[];
  const ids = new Set(areas.flatMap((row) => row.split(/\s+/)).filter((id) => id !== '.'));
  const pages = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const rename = (id: string): string => (ids.has(id) ? `${id}-${n}` : id);
    const front = { ...sample.front, page: n, areas: areas.map((row) => row.split(/\s+/).map(rename).join(' ')) };
    const body = sample.body
      .split('\n')
      .map((line) => line.replace(ARTICLE_OPEN, (all, id: string) => all.replace(id, rename(id))))
      .join('\n');
    return { name: `${String(n).padStart(2, '0')}.md`, front, body };
  });
  return writeEdition(sampleDir, outDir, `bench-${count}-pages`, `${count}版`, pages);
}
