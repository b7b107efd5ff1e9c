/**
 * Wording of the masthead's date line (报头日期): the Gregorian date and weekday, then the date
 * in the Chinese calendar as a newspaper prints it (农历甲辰年十月廿四). The calendar comes from
 * ICU (`Intl.DateTimeFormat` with `-u-ca-chinese`), not from tables of our own.
 */
import { headerDate } from './header-text.js';

/** Days of the lunar month as printed: 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十. */
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

export function lunarDay(day: number): string {
  if (!(Number.isInteger(day) && day >= 1 && day <= 30)) throw new Error(`lunar day ${day} is not 1–30`);
  if (day <= 10) return `初${DIGITS[day]}`;
  if (day < 20) return `十${DIGITS[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${DIGITS[day - 20]}`;
  return '三十';
}

/** `2024-11-24` → `农历甲辰年十月廿四` (a leap month as ICU names it: 闰六月). */
export function lunarDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const format = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const parts = format.formatToParts(new Date(Date.UTC(y, m - 1, d)));
  const part = (type: string): string => parts.find((p) => (p.type as string) === type)?.value ?? '';
  const year = part('yearName');
  const month = part('month');
  const day = Number(part('day'));
  if (!year || !month || !Number.isInteger(day)) throw new Error(`the Chinese calendar gave no date for ${iso}: ${JSON.stringify(parts)}`);
  return `农历${year}年${month}${lunarDay(day)}`;
}

/** `2024-11-24` → `2024年11月24日 星期日 农历甲辰年十月廿四`. */
export function mastheadDateLine(iso: string): string {
  return `${headerDate(iso)} ${lunarDate(iso)}`;
}
