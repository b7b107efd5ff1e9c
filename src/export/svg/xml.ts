/** Writing SVG text: numbers rounded to a thousandth of a point, text and attributes escaped. */

/** A length or coordinate: at most three decimals, no `-0`, no trailing zeros. */
export function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text or an attribute value with `& < > "` escaped; characters XML does not allow dropped. */
export function escapeXml(text: string): string {
  // XML 1.0 §2.2: no C0 controls but tab, newline and carriage return.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"]/g, (c) => ESCAPES[c]);
}
