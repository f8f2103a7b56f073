import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/ui/format';
import { weightColorValues } from '../../src/ui/weightScale';

describe('formatNumber', () => {
  it('formatNumber: 4 decimals, U+2212 minus, −∞ for blocked cells, no "−0"', () => {
    expect(formatNumber(1.23456)).toBe('1.2346');
    expect(formatNumber(-1.1177)).toBe('−1.1177');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(-0)).toBe('0.0000');
    expect(formatNumber(0)).toBe('0.0000');
  });

  it('formatNumber: a non-zero value below 0.00005 gets an exponent instead of reading 0.0000', () => {
    expect(formatNumber(0.0000244)).toBe('2.44e−5');
    expect(formatNumber(-0.00001)).toBe('−1.00e−5');
    expect(formatNumber(0.00005)).toBe('0.0001');
    expect(formatNumber(1e-300)).toBe('1.00e−300');
  });
});

describe('weightColorValues', () => {
  it("weightColorValues('row'): each row divided by its maximum; an all-zero row stays 0", () => {
    const weights = Float32Array.from([0.5, 0.25, 0.25, 0, 0, 0]);
    expect([...weightColorValues('row', weights, 2, 3)]).toEqual([1, 0.5, 0.5, 0, 0, 0]);
  });

  it("weightColorValues('unit'): the weights themselves", () => {
    const weights = Float32Array.from([0.5, 0.5]);
    expect(weightColorValues('unit', weights, 1, 2)).toBe(weights);
  });
});
