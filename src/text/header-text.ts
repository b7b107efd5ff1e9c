/** Wording of the page header (报眉): the newsroom's conventions, not layout. */

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** `2024-11-24` → `2024年11月24日 星期日`. */
export function headerDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${y}年${m}月${d}日 ${weekday}`;
}

/** `11` → `第11版`. */
export function folio(page: number): string {
  return `第${page}版`;
}
