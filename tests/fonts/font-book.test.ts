/** The fonts stage: roles → fallback chains of faces, glyph metrics, and clear errors. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledFontsDir, FONT_ROLES, loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { ContentError } from '../../src/model/index.js';

let fonts: FontBook;
beforeAll(() => {
  fonts = loadFontBook(bundledFontsDir());
});

function fontsDir(edit: (config: { faces: Record<string, unknown>; roles: Record<string, string[]> }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-fonts-'));
  const config = JSON.parse(readFileSync(join(bundledFontsDir(), 'fonts.json'), 'utf8'));
  edit(config);
  writeFileSync(join(dir, 'fonts.json'), JSON.stringify(config));
  return dir;
}

function contentError(fn: () => unknown): ContentError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContentError) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('the default font book', () => {
  it('maps every role to a chain: body in Song (Noto Serif SC), headlines in Hei (Noto Sans SC Bold)', () => {
    for (const role of FONT_ROLES) expect(fonts.chain(role).length).toBeGreaterThan(0);
    expect(fonts.chain('body').map((f) => f.key)).toEqual(['song', 'hei']);
    expect(fonts.chain('body')[0].postscriptName).toBe('NotoSerifSC-Regular');
    expect(fonts.chain('headline')[0].postscriptName).toBe('NotoSansSC-Bold');
    expect(fonts.chain('body')[0].unitsPerEm).toBe(1000);
  });

  it('gives glyph ids and advances from the cmap, cached, and nothing for a character a face lacks', () => {
    const song = fonts.face('song');
    const zhong = fonts.glyph(song, '中'.codePointAt(0)!);
    expect(zhong).toEqual({ id: expect.any(Number), advance: 1000 });
    expect(fonts.glyph(song, '中'.codePointAt(0)!)).toBe(zhong);
    expect(fonts.glyph(song, 0x1f600)).toBeUndefined();
  });
});

describe('errors in fonts.json', () => {
  it('a face file that is not there names the role, the face and where it looked', () => {
    const dir = fontsDir((c) => {
      c.faces.song = { file: 'MySong.ttf' };
    });
    const error = contentError(() => loadFontBook(dir));
    expect(error.message).toContain('font for role "body" (face "song") not found');
    expect(error.message).toContain(join(dir, 'MySong.ttf'));
    expect(error.hint).toMatch(/npm install|fonts\.json/);
  });

  it('a package that is not installed is named', () => {
    const dir = fontsDir((c) => {
      c.faces.song = { package: '@example/no-such-font', path: 'a.ttf' };
    });
    expect(contentError(() => loadFontBook(dir)).message).toContain('npm package @example/no-such-font (not installed)');
  });

  it('a role left out, or a face that is not defined, is named', () => {
    const unmapped = fontsDir((c) => {
      delete c.roles.caption;
    });
    expect(contentError(() => loadFontBook(unmapped)).message).toContain('font role "caption" is not mapped');
    const unknown = fontsDir((c) => {
      c.roles.caption = ['kai'];
    });
    expect(contentError(() => loadFontBook(unknown)).message).toContain('names face "kai", which is not under "faces"');
  });

  it('a fonts.json written before the table roles sets a table head in the header faces and its title in the section-head faces', () => {
    const before = fontsDir((c) => {
      delete c.roles['table-head'];
      delete c.roles['table-title'];
    });
    const book = loadFontBook(before);
    expect(book.chain('table-head').map((f) => f.key)).toEqual(book.chain('header').map((f) => f.key));
    expect(book.chain('table-title').map((f) => f.key)).toEqual(book.chain('section-head').map((f) => f.key));
  });

  it('a folder without fonts.json is an error that says so', () => {
    const empty = mkdtempSync(join(tmpdir(), 'banmian-nofonts-'));
    expect(contentError(() => loadFontBook(empty)).message).toContain('no fonts.json');
  });

  it.each([
    ['empty', '', 1, /fonts\.json is empty/, /"faces"/],
    ['not JSON', 'hello world\n', 1, /fonts\.json is not valid JSON/, /"faces"/],
    ['a copy of /etc/passwd', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n', 1, /not valid JSON/, /"roles"/],
    ['a trailing comma', '{\n  "faces": {\n    "song": { "file": "x.ttf" },\n  }\n}\n', 4, /not valid JSON/, /"faces"/],
    ['null', 'null\n', 1, /must be an object with "faces" and "roles"/, /"faces"/],
    ['a role given as a string', '{\n  "faces": { "song": { "file": "x.ttf" } },\n  "roles": {\n    "body": "song"\n  }\n}\n', 4, /font role "body" must be a list of face keys/, /"body": \["song", "hei"\]/],
    ['a face with no font', '{\n  "faces": {\n    "song": { "postscriptName": "X" }\n  },\n  "roles": { "body": ["song"] }\n}\n', 3, /face "song" names no font/, /"file"/],
    ['a face with a field it does not take', '{\n  "faces": {\n    "song": { "file": "x.ttf", "weight": 400 }\n  },\n  "roles": { "body": ["song"] }\n}\n', 3, /face "song" has an unknown field "weight"/, /"postscriptName"/],
    ['a role with no face', '{\n  "faces": { "song": { "file": "x.ttf" } },\n  "roles": {\n    "body": []\n  }\n}\n', 4, /font role "body" must name at least one face/, /fallback order/],
  ])('fonts.json that is %s: refused at its line with what to write', (_name, text, line, message, hint) => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-badfonts-'));
    writeFileSync(join(dir, 'fonts.json'), text);
    const error = contentError(() => loadFontBook(dir));
    expect(error.pos).toEqual({ file: join(dir, 'fonts.json'), line });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });
});
