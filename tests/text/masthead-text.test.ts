import { describe, expect, it } from 'vitest';
import { lunarDate, lunarDay, mastheadDateLine } from '../../src/text/index.js';

describe('the masthead date line with 农历', () => {
  it('names the lunar days as a newspaper prints them', () => {
    expect([1, 9, 10, 11, 15, 19, 20, 21, 24, 29, 30].map(lunarDay)).toEqual(['初一', '初九', '初十', '十一', '十五', '十九', '二十', '廿一', '廿四', '廿九', '三十']);
    expect(() => lunarDay(0)).toThrow();
    expect(() => lunarDay(31)).toThrow();
  });

  it('gives the year by its stem and branch, the month by name, leap months too', () => {
    expect(lunarDate('2024-11-24')).toBe('农历甲辰年十月廿四');
    expect(lunarDate('2024-02-10')).toBe('农历甲辰年正月初一'); // Spring Festival 2024
    expect(lunarDate('2025-01-28')).toBe('农历甲辰年腊月廿九'); // 除夕: the lunar year's last day keeps 甲辰
    expect(lunarDate('2025-01-29')).toBe('农历乙巳年正月初一');
    expect(lunarDate('2025-07-26')).toBe('农历乙巳年闰六月初二');
  });

  it('follows the Gregorian date and weekday', () => {
    expect(mastheadDateLine('2024-11-24')).toBe('2024年11月24日 星期日 农历甲辰年十月廿四');
  });
});
