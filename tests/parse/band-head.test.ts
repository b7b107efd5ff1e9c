import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import { contentError, frontMatter } from './helpers.js';

/** A page with two bands of areas: the body starts on line 12. */
const page = (body: string, areas = ['h h h h', 'a a b b']) => parsePage(`${frontMatter(areas)}${body}`, 'content/11.md', '/nonexistent');

const HEAD = '::: band h\n聚焦产业链 {.kicker}\n\n# 产业链上党旗红\n\n协同创新谱新篇 {.subtitle}\n:::\n';
const STORIES = '::: article a\n# 甲\n\n正文\n:::\n::: article b\n# 乙\n\n正文\n:::\n';

describe('band heads', () => {
  it('reads ::: band as a band head over the stories under it, with its rank', () => {
    const [head, a, b] = page(HEAD.replace('::: band h', '::: band h rank=2') + STORIES).articles;
    expect(head).toMatchObject({ id: 'h', kind: 'band-head', rank: 2, box: false });
    expect(head.blocks.map((block) => (block.kind === 'text' ? block.role : block.kind))).toEqual(['kicker', 'headline', 'subtitle']);
    expect('kind' in a).toBe(false);
    expect(b.id).toBe('b');
  });

  it.each([
    // [what, body, areas, line, message, hint]
    ['a body paragraph', '::: band h\n# 标题\n\n正文\n:::\n' + STORIES, undefined, 15, /^a paragraph in band head "h"$/, /headline block only/],
    ['a byline', '::: band h\n# 标题\n\n本报记者 {.byline}\n:::\n' + STORIES, undefined, 15, /^a byline in band head "h"$/, /\{\.subtitle\}/],
    ['a vertical headline', '::: band h\n# 标题 {.vertical}\n:::\n' + STORIES, undefined, 13, /^a vertical headline in band head "h"$/, /set across the stories/],
    ['no headline', '::: band h\n引题 {.kicker}\n:::\n' + STORIES, undefined, 12, /^band head "h" has no # headline$/, /headline block only/],
    ['a box option', '::: band h box\n# 标题\n:::\n' + STORIES, undefined, 12, /^unknown option "box" on band head "h"$/, /rank=N/],
    ['no id', '::: band\n# 标题\n:::\n' + STORIES, undefined, 12, /^the band has no id$/, /::: band focus/],
    ['the last band', HEAD + STORIES, ['a a b b', 'h h h h'], 12, /^band head "h" is in the last band of areas, with no stories under it$/, /right above its stories/],
    ['an empty cell under it', HEAD + STORIES.replace('::: article b\n# 乙\n\n正文\n:::\n', ''), ['h h h h', 'a a . .'], 12, /^band head "h" stands over an empty cell \(column 3 of band 2\)$/, /over exactly their columns/],
    ['a story reaching beyond it', HEAD + STORIES, ['h h h b', 'a a b b'].map((band, i) => (i === 0 ? 'h h h .' : band)), 12, /^"b" under band head "h" reaches beyond its columns \(1–3\)$/, /over exactly their columns/],
    ['stories written first', STORIES + HEAD, undefined, 22, /^band head "h" is written after "a", a story under it$/, /before the stories it heads/],
  ])('refuses %s', (_what, body, areas, line, message, hint) => {
    const error = contentError(() => page(body, areas));
    expect(error.pos).toEqual({ file: 'content/11.md', line });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  it('refuses a band head over another band head', () => {
    const second = '::: band a\n# 又一个通栏\n:::\n::: article x\n正文\n:::\n';
    const error = contentError(() => page(HEAD + second + STORIES.replace('::: article a\n# 甲\n\n正文\n:::\n', ''), ['h h h h', 'a a b b', 'x x x x']));
    expect(error.message).toBe('band head "h" stands over another band head, "a"');
  });
});
