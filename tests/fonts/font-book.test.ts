/** The fonts stage: roles → fallback chains of faces, glyph metrics, and clear errors. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
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

/**
 * A WOFF 1.0 file (W3C WOFF, §3–5) of an sfnt: each table zlib-compressed where that is
 * smaller, as the format allows. Its table directory gives where each table is in the WOFF and
 * how long it is unpacked: none of it is where the sfnt had it.
 */
function woffOf(sfnt: Buffer): Buffer {
  const count = sfnt.readUInt16BE(4);
  const header = 44;
  const entry = 20;
  const pad = (n: number): number => (n + 3) & ~3;
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + 16 * i;
    const offset = sfnt.readUInt32BE(at + 8);
    const length = sfnt.readUInt32BE(at + 12);
    const data = sfnt.subarray(offset, offset + length);
    const packed = deflateSync(data);
    return { tag: sfnt.subarray(at, at + 4), checksum: sfnt.readUInt32BE(at + 4), length, stored: packed.length < length ? packed : data };
  });
  let at = header + entry * count;
  const out = Buffer.alloc(at + tables.reduce((n, t) => n + pad(t.stored.length), 0));
  out.write('wOFF', 0, 'latin1');
  out.writeUInt32BE(sfnt.readUInt32BE(0), 4);
  out.writeUInt32BE(out.length, 8);
  out.writeUInt16BE(count, 12);
  out.writeUInt32BE(12 + 16 * count + tables.reduce((n, t) => n + pad(t.length), 0), 16);
  out.writeUInt16BE(1, 20);
  tables.forEach((t, i) => {
    const dir = header + entry * i;
    t.tag.copy(out, dir);
    out.writeUInt32BE(at, dir + 4);
    out.writeUInt32BE(t.stored.length, dir + 8);
    out.writeUInt32BE(t.length, dir + 12);
    out.writeUInt32BE(t.checksum, dir + 16);
    t.stored.copy(out, at);
    at += pad(t.stored.length);
  });
  return out;
}

describe('a web font face (WOFF)', () => {
  it('gives the glyphs, advances and outlines of the same font as TrueType: its tables are read unpacked', () => {
    const ttf = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf'));
    const dir = fontsDir((c) => {
      c.faces.ttf = { file: 'LiberationSans.ttf' };
      c.faces.woff = { file: 'LiberationSans.woff' };
      c.roles.body = ['ttf', 'woff', ...c.roles.body];
    });
    writeFileSync(join(dir, 'LiberationSans.ttf'), ttf);
    writeFileSync(join(dir, 'LiberationSans.woff'), woffOf(ttf));
    const book = loadFontBook(dir);
    const [sfnt, web] = [book.face('ttf'), book.face('woff')];
    expect((web.font as unknown as { type: string }).type).toBe('WOFF');
    for (const ch of 'Banmian 版面 2024, Ärger & œuvre!') {
      const cp = ch.codePointAt(0)!;
      const id = sfnt.glyphId(cp);
      expect(web.glyphId(cp), ch).toBe(id);
      expect(web.advance(id), ch).toBe(sfnt.advance(id));
      // The outline is found through `loca`.
      expect(web.font.getGlyph(id).path.toSVG(), ch).toBe(sfnt.font.getGlyph(id).path.toSVG());
    }
    expect(sfnt.glyphId('B'.codePointAt(0)!)).toBeGreaterThan(0);
  });
});
