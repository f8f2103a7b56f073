import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/ui/format';

describe('formatNumber', () => {
  it('formatNumber: 4 decimals, U+2212 minus, −∞ for blocked cells, no "−0"', () => {
    expect(formatNumber(1.23456)).toBe('1.2346');
    expect(formatNumber(-1.1177)).toBe('−1.1177');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(-0)).toBe('0.0000');
    expect(formatNumber(-0.00001)).toBe('0.0000');
    expect(formatNumber(0)).toBe('0.0000');
  });
});
