import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { ContentError, FONT_ROLE_FALLBACK } from '../model/index.js';
import { lineOfKey, readFontsConfig, type FaceSpec } from './config.js';
import { advanceReader, horizontalAdvance } from './advance.js';
import { ALL_OUTLINES_READ, readFontFile, readGlyphsOnDemand, type FontFileBytes } from './font-file.js';
import { cmapReader, type TableRecord } from './cmap.js';
import { primeLoca } from './loca.js';
import { CONFIG_NAME, faceFile, fontsDirOf } from './files.js';
import { FONT_ROLES, type Face, type FontBook, type FontRole, type GlyphMetrics } from './types.js';




/** How a font book is opened. */
export interface FontLoadOptions {
  /** Font files another thread has read (readFontFile), by path: opened from there, not read again. */
  readonly preloaded?: ReadonlyMap<string, FontFileBytes>;
}

/**
 * Read `fonts.json` from `dir` (default: `./fonts` if it has one, else banmian's own) and open
 * every face a role uses. A missing file or package is a ContentError naming the role and the
 * places looked in.
 */
export function loadFontBook(dir?: string, options: FontLoadOptions = {}): FontBook {
  const fontsDir = fontsDirOf(dir);
  const configFile = join(fontsDir, CONFIG_NAME);
  if (!existsSync(configFile)) {
    throw new ContentError(`no ${CONFIG_NAME} in ${fontsDir}`, undefined, 'create it, or pass --fonts DIR');
  }
  const config = readFontsConfig(configFile);

  const faces = new Map<string, Face>();
  const chains = new Map<FontRole, Face[]>();
  for (const role of FONT_ROLES) {
    const fallback = FONT_ROLE_FALLBACK[role];
    const keys = config.roles[role] ?? (fallback === undefined ? undefined : config.roles[fallback]);
    if (!keys || keys.length === 0) {
      throw new ContentError(`font role "${role}" is not mapped`, { file: configFile, line: lineOfKey(configFile, 'roles') }, `add "${role}": ["<face>"] under "roles"`);
    }
    chains.set(
      role,
      keys.map((key) => {
        let face = faces.get(key);
        if (!face) {
          const spec = config.faces[key];
          if (!spec) throw new ContentError(`font role "${role}" names face "${key}", which is not under "faces"`, { file: configFile, line: lineOfKey(configFile, role) }, `add "${key}" under "faces", or name one of ${Object.keys(config.faces).map((k) => `"${k}"`).join(', ')}`);
          face = openFace(key, spec, role, fontsDir, options.preloaded);
          faces.set(key, face);
        }
        return face;
      }),
    );
  }

  // Faces that stand in for the default ones in a language (zh-Hant: the TC faces): the names
  // checked now, the files opened when an edition in that language is set.
  const languages = new Map<string, Record<string, string>>();
  for (const [language, swaps] of Object.entries(config.languages ?? {})) {
    const where = { file: configFile, line: lineOfKey(configFile, language) };
    for (const [from, to] of Object.entries(swaps)) {
      for (const key of [from, to]) {
        if (!config.faces[key]) throw new ContentError(`language "${language}" names face "${key}", which is not under "faces"`, where, `add "${key}" under "faces", or name one of ${Object.keys(config.faces).map((k) => `"${k}"`).join(', ')}`);
      }
    }
    languages.set(language.toLowerCase(), swaps);
  }
  const languageFaces = (tag: string): ReadonlyMap<string, Face> | undefined => {
    const swaps = languages.get(tag.toLowerCase());
    if (!swaps) return undefined;
    return new Map(
      Object.entries(swaps).map(([from, to]) => {
        let face = faces.get(to);
        if (!face) faces.set(to, (face = openFace(to, config.faces[to], 'body', fontsDir, options.preloaded)));
        return [from, face];
      }),
    );
  };

  const caches = new Map<Face, Map<number, GlyphMetrics | null>>();
  return {
    dir: fontsDir,
    faces,
    ...(languages.size > 0 ? { languageFaces } : {}),
    chain: (role) => chains.get(role)!,
    face(key) {
      const face = faces.get(key);
      if (!face) throw new Error(`face ${key} is not loaded`);
      return face;
    },
    glyph(face, codePoint) {
      let cache = caches.get(face);
      if (!cache) caches.set(face, (cache = new Map()));
      let hit = cache.get(codePoint);
      if (hit === undefined) {
        const id = face.glyphId(codePoint);
        hit = id === 0 ? null : { id, advance: face.advance(id) };
        cache.set(codePoint, hit);
      }
      return hit ?? undefined;
    },
  };
}

/**
 * Whether the face's tables are in `memory` as the font's own directory places them: fontkit's
 * sfnt face (`type` TTF, a collection's faces too) read from the whole file. Not a web font
 * (WOFF, WOFF2: the directory places the tables unpacked), nor a face fontkit reads from part of
 * the file (a Mac dfont's).
 */
function tablesAsStored(font: Font, memory: ArrayBufferLike): boolean {
  const internals = font as unknown as { readonly type?: string; readonly stream?: { readonly buffer?: Uint8Array } };
  const read = internals.stream?.buffer;
  return internals.type === 'TTF' && read !== undefined && read.buffer === memory && read.byteOffset === 0;
}

function openFace(key: string, spec: FaceSpec, role: FontRole, fontsDir: string, preloaded: FontLoadOptions['preloaded']): Face {
  const { file, looked } = faceFile(spec, fontsDir);
  if (!file) {
    throw new ContentError(
      `font for role "${role}" (face "${key}") not found; looked in: ${looked.join(', ') || 'nowhere (the face names no file or package)'}`,
      undefined,
      'run `npm install`, or put the font file in fonts/ and map the face to it in fonts/fonts.json',
    );
  }
  let opened: ReturnType<typeof fontkit.create>;
  let bytes: FontFileBytes;
  try {
    bytes = preloaded?.get(file) ?? readFontFile(file);
    opened = fontkit.create(Buffer.from(bytes.memory), spec.postscriptName);
  } catch (err) {
    throw new ContentError(`font for role "${role}" (face "${key}"): cannot read ${file}: ${(err as Error).message}`);
  }
  if ('fonts' in opened) {
    throw new ContentError(
      `font for role "${role}" (face "${key}"): ${file} is a collection`,
      undefined,
      `give "postscriptName" for the face, one of: ${opened.fonts.map((f) => f.postscriptName).join(', ')}`,
    );
  }
  const font = opened as Font;
  // The tables are read from the file's bytes only where they lie in it as they are (an sfnt, or
  // a face of a collection): a web font's (WOFF, WOFF2) are compressed there, and fontkit
  // unpacks them.
  const raw = tablesAsStored(font, bytes.memory);
  if (raw) primeLoca(font, bytes.memory);
  const outlines = bytes.outlines === 'on-demand' ? readGlyphsOnDemand(font, file, Buffer.from(bytes.memory)) : ALL_OUTLINES_READ;
  const tables = (font as unknown as { directory: { tables: Record<string, TableRecord | undefined> } }).directory.tables;
  // fontkit's own look-up where the character map is not one cmap.ts reads.
  const glyphId = (raw ? cmapReader(bytes.memory, tables.cmap) : undefined) ?? ((cp: number): number => (font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).id : 0));
  const advance = raw ? advanceReader(font, bytes.memory) : (id: number): number => horizontalAdvance(font, id);
  return { key, file, bytes, postscriptName: font.postscriptName, font, unitsPerEm: font.unitsPerEm, advance, glyphId, outlines };
}
