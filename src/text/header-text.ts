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

/** `（下转第12版）`: set where an article breaks off to go on on a later page. */
export function jumpOutLine(toPage: number): string {
  return `（下转第${toPage}版）`;
}

/** `（上接第11版）`: set where an article goes on from an earlier page. */
export function jumpInLine(fromPage: number): string {
  return `（上接第${fromPage}版）`;
}
