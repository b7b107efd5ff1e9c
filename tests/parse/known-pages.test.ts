/**
 * Page files parsed by an earlier build (parse/known-pages.ts): a page whose text and photos are
 * unchanged is taken from the record, not parsed again, and its photos are looked at again (a
 * damaged one fails at its line as a fresh parse fails); a page whose text changed, or whose
 * photo was written to since, is parsed again; a page file the edition no longer has is let go;
 * a page whose photo was written just before its parse is not kept; a record of another Unicode
 * version is not read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition } from '../../src/model/document.js';
import { ContentError } from '../../src/model/errors.js';
import { faultOf } from '../../src/parse/image-fault.js';
import { ImageChecks, KnownPages, parseEdition, type JpegDataCheck } from '../../src/parse/index.js';
import { checkJpegData } from '../../src/parse/jpeg-check.js';
import { RACY_MS } from '../../src/file-identity.js';
import { readRecordFile, writeRecordFile } from '../helpers/record-file.js';
import { contentError, frontMatter, makeTempDir, removeDir, writeFile } from './helpers.js';
import { noisyJpeg } from './image-files.js';

let root: string;
const PAGE = (text: string, photo = 'images/photo.jpg'): string => `${frontMatter(['a a a a'])}::: article a\n${text}\n\n![](${photo})\n:::\n`;
const JPEG = noisyJpeg(64, 48);
/** A clock as if the build ran well after the files were written: nothing is racy. */
const LATER = { clock: (): number => Date.now() + 10 * RACY_MS };

interface Record {
  unicode: string;
  pages: { [file: string]: { source: string; parsed: { page: { articles: { blocks: { kind: string; inlines?: { text?: string }[] }[] }[] } } } };
}

/** An edition folder of one page with a whole photo (64 × 48). */
function edition(name: string, text = '正文'): string {
  const dir = join(root, name);
  writeFile(join(dir, '11.md'), PAGE(text));
  writeFile(join(dir, 'images', 'photo.jpg'), JPEG);
  return dir;
}

/** Parse `dir` with the pages known from `record`, and save what the parse added. */
function parseWith(dir: string, record: string, options = LATER, images = new ImageChecks()): Edition {
  const known = KnownPages.load(record, options);
  const edition = parseEdition(dir, undefined, images, known);
  known.save();
  return edition;
}

/** The first paragraph's text and the photo's pixel width. */
function firstText(edition: Edition): string {
  const block = edition.pages[0].articles[0].blocks[0];
  if (block.kind !== 'text') throw new Error('no paragraph');
  return block.inlines.map((i) => ('text' in i ? i.text : '')).join('');
}
function photoWidth(edition: Edition): number {
  const block = edition.pages[0].articles[0].blocks.find((b) => b.kind === 'figure');
  if (block?.kind !== 'figure') throw new Error('no figure');
  return block.pixelWidth;
}

/** Change the paragraph's text in the record, to tell a page taken from it from one parsed. */
function markRecord(record: string, file: string, text: string): void {
  const { head } = readRecordFile<Record>(record);
  const paragraph = head.pages[file].parsed.page.articles[0].blocks[0];
  paragraph.inlines = [{ ...paragraph.inlines![0], text }];
  writeRecordFile(record, head);
}

/**
 * An edition `name` parsed once, its record's paragraph marked (so that a page taken from the
 * record would read 记录) and then rewritten by `change`.
 */
function changedRecord(name: string, change: (head: Record) => Record): { dir: string; record: string } {
  const dir = edition(name);
  const record = join(root, `${name}.json`);
  parseWith(dir, record);
  markRecord(record, join(dir, '11.md'), '记录');
  writeRecordFile(record, change(readRecordFile<Record>(record).head));
  return { dir, record };
}

beforeAll(() => {
  root = makeTempDir();
});
afterAll(() => removeDir(root));

describe('known pages', () => {
  it('takes a page whose text and photos are unchanged from the record, without parsing it', () => {
    const dir = edition('unchanged');
    const record = join(root, 'unchanged.json');
    const first = parseWith(dir, record);
    expect(firstText(first)).toBe('正文');
    markRecord(record, join(dir, '11.md'), '记录');
    expect(firstText(parseWith(dir, record))).toBe('记录');
    // Without the record, the page as written.
    expect(firstText(parseEdition(dir))).toBe('正文');
  });

  it('gives the parse a fresh build gives', () => {
    const dir = edition('same');
    const record = join(root, 'same.json');
    const fresh = parseWith(dir, record);
    expect(parseWith(dir, record)).toEqual(fresh);
  });

  it('parses a page again when its text has changed', () => {
    const dir = edition('edited');
    const record = join(root, 'edited.json');
    parseWith(dir, record);
    markRecord(record, join(dir, '11.md'), '记录');
    writeFile(join(dir, '11.md'), PAGE('改过的正文'));
    expect(firstText(parseWith(dir, record))).toBe('改过的正文');
  });

  it('keeps the page text whole, and parses again after an edit of one character that keeps its length', () => {
    const dir = edition('one-character', '正文甲');
    const record = join(root, 'one-character.json');
    parseWith(dir, record);
    expect(readRecordFile<Record>(record).head.pages[join(dir, '11.md')].source).toBe(PAGE('正文甲'));
    markRecord(record, join(dir, '11.md'), '记录');
    writeFile(join(dir, '11.md'), PAGE('正文乙'));
    expect(firstText(parseWith(dir, record))).toBe('正文乙');
  });

  it('parses a page again whose entry holds no text (a record of the earlier format)', () => {
    const { dir, record } = changedRecord('no-text', (head) => {
      const entry = head.pages[join(root, 'no-text', '11.md')] as { source?: string; digest?: string };
      delete entry.source;
      entry.digest = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
      return head;
    });
    expect(firstText(parseWith(dir, record))).toBe('正文');
  });

  it('parses a page again when its photo was written to since', () => {
    const dir = edition('photo');
    const record = join(root, 'photo.json');
    expect(photoWidth(parseWith(dir, record))).toBe(64);
    markRecord(record, join(dir, '11.md'), '记录');
    writeFileSync(join(dir, 'images', 'photo.jpg'), noisyJpeg(80, 60));
    const again = parseWith(dir, record);
    expect(photoWidth(again)).toBe(80);
    expect(firstText(again)).toBe('正文');
  });

  it('looks at a kept page\'s photos again: one found damaged fails at its line, as a fresh parse does', async () => {
    const dir = join(root, 'damaged');
    writeFile(join(dir, '11.md'), PAGE('正文', 'images/half.jpg'));
    writeFile(join(dir, 'images', 'half.jpg'), JPEG.subarray(0, JPEG.length >> 1));
    const record = join(root, 'damaged.json');
    // Its data checked elsewhere (as the build does on the font thread): the parse passes and
    // the page is kept; the fault is found when the checks settle.
    const elsewhere: JpegDataCheck = async (bytes) => faultOf(() => checkJpegData(bytes));
    const images = new ImageChecks(elsewhere);
    parseWith(dir, record, LATER, images);
    await expect(images.settle()).rejects.toBeInstanceOf(ContentError);
    expect(Object.keys(readRecordFile<Record>(record).head.pages)).toEqual([join(dir, '11.md')]);
    const kept = contentError(() => parseWith(dir, record));
    const fresh = contentError(() => parseEdition(dir));
    expect(kept.message).toBe(fresh.message);
    expect(kept.pos).toEqual(fresh.pos);
    // The photo's line.
    expect(kept.pos?.line).toBe(PAGE('正文', 'images/half.jpg').split('\n').findIndex((l) => l.startsWith('![')) + 1);
  });

  it('lets go of a page file the edition no longer has', () => {
    const dir = edition('removed');
    writeFile(join(dir, '12.md'), PAGE('第二版').replace('page: 11', 'page: 12').replace('article a', 'article b').replace('a a a a', 'b b b b'));
    const record = join(root, 'removed.json');
    expect(parseWith(dir, record).pages.map((p) => p.number)).toEqual([11, 12]);
    expect(Object.keys(readRecordFile<Record>(record).head.pages).sort()).toEqual([join(dir, '11.md'), join(dir, '12.md')]);
    rmSync(join(dir, '12.md'));
    parseWith(dir, record);
    expect(Object.keys(readRecordFile<Record>(record).head.pages)).toEqual([join(dir, '11.md')]);
  });

  it('does not keep a page whose photo was written just before it was parsed', () => {
    const dir = edition('racy');
    const record = join(root, 'racy.json');
    parseWith(dir, record, { clock: Date.now });
    expect(existsSync(record)).toBe(false);
  });

  it('does not read a record made under another Unicode version', () => {
    const { dir, record } = changedRecord('unicode', (head) => ({ ...head, unicode: '1.1' }));
    expect(firstText(parseWith(dir, record))).toBe('正文');
  });
});
