import type { Inline } from './document.js';

/** The plain text of inline content, as a reader sees it (strong and emphasis flattened, a note marker as its number). */
export function plainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) {
    switch (inline.kind) {
      case 'text':
        out += inline.text;
        break;
      case 'strong':
      case 'emphasis':
        out += plainText(inline.children);
        break;
      case 'break':
        out += '\n';
        break;
      case 'noteref':
        out += String(inline.number);
        break;
      default: {
        const never: never = inline;
        throw new Error(`unknown inline ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}
