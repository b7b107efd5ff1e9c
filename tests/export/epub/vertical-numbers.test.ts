/** Numbers in vertical EPUB text: tate-chu-yoko for short ones, upright digits for long ones. */
import { describe, expect, it } from 'vitest';
import { markVerticalNumbers } from '../../../src/export/epub/vertical-numbers.js';

describe('markVerticalNumbers', () => {
  it('sets one- and two-digit numbers across the line', () => {
    expect(markVerticalNumbers('他入党12年，参与处置8起')).toBe(
      '他入党<span class="tcy">12</span>年，参与处置<span class="tcy">8</span>起',
    );
  });

  it('stands longer numbers, decimals and grouped numbers upright, whole', () => {
    expect(markVerticalNumbers('1700余名，1.5万余次，3,000元')).toBe(
      '<span class="upright">1700</span>余名，<span class="upright">1.5</span>万余次，<span class="upright">3,000</span>元',
    );
  });

  it('leaves numbers that belong to a Latin word turned with it', () => {
    expect(markVerticalNumbers('5G网络与H5页面、iPhone15')).toBe('5G网络与H5页面、iPhone15');
  });

  it('keeps the sign outside the span and never touches escaped entities', () => {
    expect(markVerticalNumbers('增长40%，A &amp; B &lt;2&gt;')).toBe(
      '增长<span class="tcy">40</span>%，A &amp; B &lt;<span class="tcy">2</span>&gt;',
    );
  });
});
