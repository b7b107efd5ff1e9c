/**
 * Faces by language (fonts.json `languages`, src/fonts/language.ts): a zh-Hant edition (and
 * zh-Hant-TW, zh-TW, zh-HK …) sets every role in the TC faces, in the same fallback order; the
 * TC faces are opened only when an edition asks for them; a language naming an unknown face is
 * refused at its line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFontsDir, FONT_ROLES, fontsForLanguage, loadFontBook } from '../../src/fonts/index.js';
import { ContentError, isTraditionalChinese, languageFallbacks } from '../../src/model/index.js';

describe('language tags', () => {
  it('fall back from the most specific, a Taiwan or Hong Kong region finding zh-Hant', () => {
    expect(languageFallbacks('zh-Hant-TW')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh']);
    expect(languageFallbacks('zh-TW')).toEqual(['zh-TW', 'zh-Hant', 'zh']);
    expect(languageFallbacks('zh-HK')).toEqual(['zh-HK', 'zh-Hant', 'zh']);
    expect(languageFallbacks('zh-Hans-HK')).toEqual(['zh-Hans-HK', 'zh-Hans', 'zh']);
    expect(languageFallbacks('zh-Hans')).toEqual(['zh-Hans', 'zh']);
  });

  it('tell Traditional Chinese', () => {
    expect(['zh-Hant', 'zh-hant-hk', 'zh-TW', 'zh-MO'].map(isTraditionalChinese)).toEqual([true, true, true, true]);
    expect(['zh-Hans', 'zh', 'zh-CN', 'zh-Hans-TW', 'en-HK'].map(isTraditionalChinese)).toEqual([false, false, false, false, false]);
  });
});

describe('the faces of a language', () => {
  it('zh-Hant replaces each SC face by its TC face in every role, the order kept', () => {
    const fonts = loadFontBook(bundledFontsDir());
    for (const tag of ['zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK', 'zh-TW', 'zh-HK']) {
      const tc = fontsForLanguage(fonts, tag);
      for (const role of FONT_ROLES) {
        const names = tc.chain(role).map((f) => f.postscriptName);
        expect(names.every((n) => /TC-/.test(n)), `${tag} ${role}: ${names.join(', ')}`).toBe(true);
        expect(names.map((n) => n.replace('TC-', 'SC-'))).toEqual(fonts.chain(role).map((f) => f.postscriptName));
      }
    }
  });

  it('zh-Hans and other languages keep the default faces, and the TC faces are not opened for them', () => {
    const fonts = loadFontBook(bundledFontsDir());
    expect(fontsForLanguage(fonts, 'zh-Hans')).toBe(fonts);
    expect(fontsForLanguage(fonts, 'en')).toBe(fonts);
    expect([...fonts.faces.keys()].some((k) => k.endsWith('-tc'))).toBe(false);
    fontsForLanguage(fonts, 'zh-Hant');
    // Opened now, and known by key to the PDF writer.
    expect(fonts.face('song-tc').postscriptName).toBe('NotoSerifTC-Regular');
  });

  it('refuses a language that names a face not under "faces", at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-fonts-'));
    const config = JSON.parse(readFileSync(join(bundledFontsDir(), 'fonts.json'), 'utf8'));
    config.languages = { 'zh-Hant': { song: 'song-hk' } };
    writeFileSync(join(dir, 'fonts.json'), JSON.stringify(config, null, 2));
    let error: unknown;
    try {
      loadFontBook(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toBe('language "zh-Hant" names face "song-hk", which is not under "faces"');
    expect((error as ContentError).pos?.line).toBeGreaterThan(1);
  });
});
