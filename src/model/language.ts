/**
 * Language tags (BCP 47) as the renderer reads them: which Chinese script an edition is written
 * in, which decides its faces (fonts/language.ts) and where its punctuation sits (text/cjk).
 */

/** Regions whose Chinese is written in traditional characters when the tag names no script. */
const HANT_REGIONS: ReadonlySet<string> = new Set(['TW', 'HK', 'MO']);

/**
 * The tags a language tag falls back through, most specific first: `zh-Hant-TW` → `zh-Hant-TW`,
 * `zh-Hant`, `zh`; a Chinese tag with a Taiwan, Hong Kong or Macao region and no script gets the
 * script those regions write (`zh-TW` → … `zh-Hant`, as CLDR's likely subtags have it).
 */
export function languageFallbacks(tag: string): string[] {
  const parts = tag.split('-');
  const out: string[] = [];
  for (let n = parts.length; n >= 1; n--) out.push(parts.slice(0, n).join('-'));
  const lower = parts.map((p) => p.toLowerCase());
  const hasScript = parts.some((p) => p.length === 4 && /^[A-Za-z]{4}$/.test(p));
  const region = parts.find((p, i) => i > 0 && /^[A-Za-z]{2}$/.test(p))?.toUpperCase();
  if (lower[0] === 'zh' && !hasScript && region && HANT_REGIONS.has(region)) out.splice(out.length - 1, 0, 'zh-Hant');
  return out;
}

/** Is the language written in traditional characters (zh-Hant, zh-TW, zh-HK, zh-MO)? */
export function isTraditionalChinese(tag: string): boolean {
  return languageFallbacks(tag).some((t) => t.toLowerCase() === 'zh-hant');
}
