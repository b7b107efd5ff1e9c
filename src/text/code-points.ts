/** UTF-16 surrogates, and code points counted through them. */
const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;
const LOW_SURROGATE_FIRST = 0xdc00;
const LOW_SURROGATE_LAST = 0xdfff;

/** A UTF-16 unit that begins a surrogate pair (U+D800–U+DBFF). */
export function isHighSurrogate(unit: number): boolean {
  return unit >= HIGH_SURROGATE_FIRST && unit <= HIGH_SURROGATE_LAST;
}

/** A UTF-16 unit that ends a surrogate pair (U+DC00–U+DFFF). */
export function isLowSurrogate(unit: number): boolean {
  return unit >= LOW_SURROGATE_FIRST && unit <= LOW_SURROGATE_LAST;
}

/**
 * How many code points a text holds, counted as `Array.from` counts them (a pair of UTF-16
 * surrogates is one; a lone surrogate is one too), without making the array.
 */
export function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (!isHighSurrogate(unit)) continue;
    const next = text.charCodeAt(i + 1);
    if (isLowSurrogate(next)) {
      count--;
      i++;
    }
  }
  return count;
}

/**
 * The UTF-16 length of the code point at `index` of `text`: 2 for a surrogate pair, else 1 (a
 * lone surrogate is a code point of its own, as a string's iterator gives it). For loops that
 * walk a text by index: in code V8 has not optimised yet (most of a cold build's), a `for … of`
 * over a string makes an iterator result for every character.
 */
export function codePointLength(text: string, index: number): 1 | 2 {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
}
