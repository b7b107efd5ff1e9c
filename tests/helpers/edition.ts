/**
 * Test editions made the way a newsroom makes them: page files in Markdown (with front matter
 * and `::: article` containers), an optional `edition.yml` and images, written into a temporary
 * folder and read by the real parser. The Edition then has every field a real one has.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import type { Edition } from '../../src/model/document.js';
import { parseEdition } from '../../src/parse/index.js';

/** The front matter of a page file. Defaults: 人民日报, 2024-11-24, 党建, broadsheet, as many columns as a band has words. */
export interface PageHeader {
  readonly page: number;
  /** One string per band, one word per basic column. */
  readonly areas: readonly string[];
  /** One height per band: `auto`, `40%`, `120mm`. */
  readonly rows?: readonly string[];
  readonly paper?: string;
  readonly date?: string;
  readonly section?: string;
  readonly editor?: string;
  readonly size?: string;
  readonly columns?: number;
}

/** A page file: front matter, then the articles (each the Markdown of `article()`). */
export function pageFile(header: PageHeader, articles: readonly string[]): string {
  const lines = [
    '---',
    `paper: ${header.paper ?? '人民日报'}`,
    `date: ${header.date ?? '2024-11-24'}`,
    `page: ${header.page}`,
    `section: ${header.section ?? '党建'}`,
    ...(header.editor === undefined ? [] : [`editor: ${header.editor}`]),
    `size: ${header.size ?? 'broadsheet'}`,
    `columns: ${header.columns ?? header.areas[0].trim().split(/\s+/).length}`,
    'areas:',
    ...header.areas.map((band) => `  - ${band}`),
    ...(header.rows === undefined ? [] : [`rows: [${header.rows.join(', ')}]`]),
    '---',
  ];
  return [...lines, ...articles.flatMap((a) => ['', a])].join('\n') + '\n';
}

/**
 * An article container: `::: article ID [box] [label=…] [rank=N]`, its paragraphs (Markdown, each
 * ending in its `{.class}` if it has a role) separated by blank lines, and the closing `:::`.
 */
export function article(
  id: string,
  paragraphs: readonly string[],
  options: { readonly box?: boolean; readonly label?: string; readonly rank?: number } = {},
): string {
  const label = options.label === undefined ? '' : /\s/.test(options.label) ? ` label="${options.label}"` : ` label=${options.label}`;
  const rank = options.rank === undefined ? '' : ` rank=${options.rank}`;
  return [`::: article ${id}${options.box ? ' box' : ''}${label}${rank}`, '', ...paragraphs.flatMap((p) => [p, '']), ':::'].join('\n');
}

/** Files of an edition folder: path inside the folder → text or bytes. */
export type EditionFiles = Readonly<Record<string, string | Uint8Array>>;

/** Write `files` into a fresh temporary folder and return its path. */
export function writeEditionFolder(files: EditionFiles, prefix = 'banmian-edition-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/**
 * Write `files` into a temporary folder and read it with parseEdition. The folder stays (the
 * exporters read the images from it): remove it with `removeEdition`.
 */
export function writeEdition(files: EditionFiles, prefix?: string): Edition {
  const dir = writeEditionFolder(files, prefix);
  try {
    return parseEdition(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Parse `files` as an edition for stages that never read its files again (text, compose): the folder is removed at once. */
export function parseFiles(files: EditionFiles): Edition {
  const edition = writeEdition(files);
  removeEdition(edition);
  return edition;
}

/** Remove the edition's folder. */
export function removeEdition(edition: Edition): void {
  rmSync(edition.dir, { recursive: true, force: true });
}

/** A baseline JPEG of `width` × `height` pixels, a colour gradient (deterministic bytes). */
export function jpegBytes(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 10) & 0xff;
      data[i + 1] = (y * 15) & 0xff;
      data[i + 2] = 128;
      data[i + 3] = 255;
    }
  }
  return jpeg.encode({ width, height, data }, 85).data;
}
