/** clreq's prohibition rules as one function that the line breaker and the audit both ask. */
import { describe, expect, it } from 'vitest';
import { lineBreakViolation } from '../../src/text/index.js';

describe('lineBreakViolation (clreq #prohibition_rules_for_line_start_end)', () => {
  it('names the rule a break would break, at the basic level', () => {
    expect(lineBreakViolation('中', '，', 'basic')).toBe('line-start');
    expect(lineBreakViolation('中', '”', 'basic')).toBe('line-start');
    expect(lineBreakViolation('中', '·', 'basic')).toBe('line-start');
    expect(lineBreakViolation('“', '中', 'basic')).toBe('line-end');
    expect(lineBreakViolation('《', '中', 'basic')).toBe('line-end');
    expect(lineBreakViolation('中', '国', 'basic')).toBeNull();
    expect(lineBreakViolation('。', '中', 'basic')).toBeNull();
    expect(lineBreakViolation('中', '“', 'basic')).toBeNull();
  });

  it('keeps —— and …… whole at every level, even none (GB/T 15834 5.1.4)', () => {
    for (const level of ['none', 'basic', 'gb', 'strict'] as const) {
      expect(lineBreakViolation('—', '—', level)).toBe('unbreakable');
      expect(lineBreakViolation('…', '…', level)).toBe('unbreakable');
    }
    expect(lineBreakViolation('中', '，', 'none')).toBeNull();
  });

  it('strict keeps —— and …… off a line start; gb and strict keep / off a line end', () => {
    expect(lineBreakViolation('说', '—', 'basic')).toBeNull();
    expect(lineBreakViolation('说', '—', 'strict')).toBe('line-start');
    expect(lineBreakViolation('/', '中', 'basic')).toBeNull();
    expect(lineBreakViolation('/', '中', 'gb')).toBe('line-end');
  });

  it('leaves a break between two Western characters to UAX #14', () => {
    expect(lineBreakViolation('a', ')', 'strict')).toBeNull();
    expect(lineBreakViolation('a', '，', 'basic')).toBe('line-start');
  });
});
