/** NumberField's check of typed text (src/ui/NumberField.tsx numberProblem). */
import { describe, expect, it } from 'vitest';
import { numberProblem } from '../../src/ui/NumberField';

describe('numberProblem', () => {
  it('whole numbers in plain decimal notation within [min, max] pass; others say why', () => {
    expect(numberProblem(' 8 ', 1, 16)).toBeNull();
    expect(numberProblem('+3', 1, 16)).toBeNull();
    expect(numberProblem('17', 1, 16)).toBe('range');
    expect(numberProblem('2.5', 1, 16)).toBe('notInteger');
    for (const text of ['', '1e1', '0x10', 'Infinity', '8 heads', '--1']) expect(numberProblem(text, 1, 16), text).toBe('notInteger');
  });
  it('decimals when allowed: "0.5" and ".5" pass, exponents do not', () => {
    expect(numberProblem('0.5', 0.01, 100, false)).toBeNull();
    expect(numberProblem('.5', 0.01, 100, false)).toBeNull();
    expect(numberProblem('5e-1', 0.01, 100, false)).toBe('notNumber');
    expect(numberProblem('0.001', 0.01, 100, false)).toBe('range');
  });
});
