/**
 * How many code points a text holds, counted as `Array.from` counts them (a pair of UTF-16
 * surrogates is one; a lone surrogate is one too), without making the array.
 */
const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;
const LOW_SURROGATE_FIRST = 0xdc00;
const LOW_SURROGATE_LAST = 0xdfff;

export function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < HIGH_SURROGATE_FIRST || unit > HIGH_SURROGATE_LAST) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= LOW_SURROGATE_FIRST && next <= LOW_SURROGATE_LAST) {
      count--;
      i++;
    }
  }
  return count;
}
