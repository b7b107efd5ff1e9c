import { classify, isCjk } from './cjk/classes.js';

/**
 * Punctuation normalisation for Chinese text copied from elsewhere: half-width `, : ; ! ? ( )`
 * that stand next to a Han character or a full-width mark become their full-width forms;
 * straight quotes become curly quotes; `...` and `。。。` become `……` (GB/T 15834 4.11).
 * Text that is Western on both sides is left alone.
 */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

/** Characters normalisation may change; text without any of them is returned as it is. */
const CANDIDATES = /[,:;!?()"'.。]/;

function cjkAt(chars: readonly string[], i: number): boolean {
  const ch = chars[i];
  return ch !== undefined && isCjk(classify(ch));
}

export function normalizePunctuation(text: string): string {
  if (!CANDIDATES.test(text)) return text;
  const source = text.replace(/\.{3,}|。{3}/g, (run) => (run.startsWith('。') || run.length <= 6 ? '……' : '…………'));
  const chars = Array.from(source);
  let doubleOpen = true;
  let singleOpen = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const full = FULL_WIDTH[ch];
    if (full !== undefined) {
      // The previous character may itself have just become full-width: `,(` after a Han.
      if (cjkAt(chars, i - 1) || cjkAt(chars, i + 1)) chars[i] = full;
    } else if (ch === '"') {
      chars[i] = doubleOpen ? '“' : '”';
      doubleOpen = !doubleOpen;
    } else if (ch === "'") {
      const prev = chars[i - 1] ?? ' ';
      const next = chars[i + 1] ?? ' ';
      // An apostrophe inside a Western word (T'Pol, don't) stays as it is.
      if (!(/[A-Za-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(next))) {
        chars[i] = singleOpen ? '‘' : '’';
        singleOpen = !singleOpen;
      }
    }
  }
  return chars.join('');
}
