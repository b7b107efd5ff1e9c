/**
 * Word segments ICU gave an earlier build (text/known-words.ts): a text segmented once is
 * answered from the record by the next build, exactly as ICU gave it, and the segmenter made
 * from it (cjk/words.ts) gives the same word interiors either way; a record another ICU made,
 * or one damaged, answers nothing; the most recently used texts are kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWordSegmenter, wordInteriors } from '../../src/text/cjk/words.js';
import { KnownWords, MAX_TEXTS } from '../../src/text/known-words.js';
import { makeTempDir, removeDir } from '../parse/helpers.js';

let root: string;

/** Segments `text` through `known`; whether `segment` was asked (not answered) and the ends. */
function ends(known: KnownWords, text: string, made: readonly number[] = [text.length]): { made: boolean; ends: readonly number[] } {
  let called = false;
  const answer = known.ends(text, () => {
    called = true;
    return made;
  });
  return { made: called, ends: answer };
}

beforeAll(() => {
  root = makeTempDir('banmian-known-words-');
});

afterAll(() => removeDir(root));

describe('word segments known from an earlier build', () => {
  it('answers a text segmented before, as ICU gave it, without segmenting it again', () => {
    const record = join(root, 'answers.json');
    const first = KnownWords.load(record);
    expect(ends(first, '民生实事', [2, 4]).made).toBe(true);
    expect(ends(first, '民生实事').made).toBe(false);
    first.save();
    expect(ends(KnownWords.load(record), '民生实事')).toEqual({ made: false, ends: [2, 4] });
    expect(ends(KnownWords.load(record), '民生').made).toBe(true);
  });

  it('gives the same word interiors as ICU itself, from the record', () => {
    const record = join(root, 'icu.json');
    const heads = ['深度关注·高质量党建引领高质量发展', '本报记者 宋涛 沈童睿', '3月17日，𠀀字与😀同行'];
    const fresh = heads.map((h) => wordInteriors(Array.from(h), makeWordSegmenter()));
    const first = KnownWords.load(record);
    expect(heads.map((h) => wordInteriors(Array.from(h), makeWordSegmenter(first)))).toEqual(fresh);
    first.save();
    const again = KnownWords.load(record);
    const segmenter = makeWordSegmenter(again);
    expect(heads.map((h) => wordInteriors(Array.from(h), segmenter))).toEqual(fresh);
    // Every one answered: nothing new to write.
    const written = statSync(record).mtimeMs;
    again.save();
    expect(statSync(record).mtimeMs).toBe(written);
  });

  it('knows nothing from a record another ICU made', () => {
    const record = join(root, 'other-icu.json');
    const first = KnownWords.load(record);
    ends(first, '吞吐量', [3]);
    first.save();
    const data = JSON.parse(readFileSync(record, 'utf8')) as { icu: string };
    writeFileSync(record, JSON.stringify({ ...data, icu: `0.0/${data.icu}` }));
    expect(ends(KnownWords.load(record), '吞吐量').made).toBe(true);
  });

  it('knows nothing from a damaged record, and keeps nothing when kept nowhere', () => {
    const cases: [string, string][] = [
      ['truncated.json', '{"format":1,"texts":{'],
      ['other-format.json', '{"format":2,"texts":{}}'],
    ];
    for (const [name, text] of cases) {
      const record = join(root, name);
      writeFileSync(record, text);
      expect(ends(KnownWords.load(record), '主体').made).toBe(true);
    }
    // Ends that do not fit their text are not taken.
    const record = join(root, 'bad-ends.json');
    const first = KnownWords.load(record);
    ends(first, '主体', [2]);
    first.save();
    const data = JSON.parse(readFileSync(record, 'utf8')) as Record<string, unknown>;
    writeFileSync(record, JSON.stringify({ ...data, texts: { 主体: [3], 宋涛: [1, 1, 2], 政企: [1] } }));
    const bad = KnownWords.load(record);
    for (const text of ['主体', '宋涛', '政企']) expect(ends(bad, text).made).toBe(true);
    const none = KnownWords.none();
    ends(none, '主体');
    expect(ends(none, '主体').made).toBe(true);
  });

  it('keeps the most recently used texts when there are too many', () => {
    const record = join(root, 'many.json');
    const first = KnownWords.load(record);
    for (let i = 0; i <= MAX_TEXTS; i++) ends(first, `第${i}版`);
    first.save();
    const again = KnownWords.load(record);
    expect(ends(again, '第1版').made).toBe(false);
    expect(ends(again, `第${MAX_TEXTS}版`).made).toBe(false);
    // The first one segmented went to make room.
    expect(ends(again, '第0版').made).toBe(true);
  });
});
