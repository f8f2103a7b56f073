import { describe, expect, it } from 'vitest';
import { fullyMaskedRowComparison, maskedRowWeights } from '../../src/engine/codegen';
import { expectArraysClose } from '../helpers/arrays';
import { maskedRowNameKey } from '../../src/ui/maskedRowName';
import { en } from '../../src/ui/i18n/en';

const third = Math.fround(1 / 3);

describe('fullyMaskedRowComparison: a row with no allowed key', () => {
  const [zeros, nan, uniform] = fullyMaskedRowComparison([0.5, -1, 2]);

  it('fullyMaskedRowComparison lists zeros, nan, uniform in that order', () => {
    expect([zeros?.id, nan?.id, uniform?.id]).toEqual(['zeros', 'nan', 'uniform']);
  });

  it('selection (Maskscope, PyTorch ≥ 2.5 SDPA, FlashAttention): weights [0, 0, 0], sum 0', () => {
    expectArraysClose(zeros?.weights ?? [], [0, 0, 0], 0);
    expect(zeros?.sum).toBe(0);
  });

  it('naive softmax of −∞: weights [NaN, NaN, NaN], sum NaN', () => {
    expectArraysClose(nan?.weights ?? [], [NaN, NaN, NaN]);
    expect(nan?.sum).toBeNaN();
  });

  it('additive −1e9: weights [⅓, ⅓, ⅓] (float32 cannot tell −1e9 + 2 from −1e9), sum 1', () => {
    expectArraysClose(uniform?.weights ?? [], [third, third, third], 0);
    expect(uniform?.sum).toBeCloseTo(1, 6);
  });

  it('fullyMaskedRowComparison throws on an empty row', () => {
    expect(() => fullyMaskedRowComparison([])).toThrow(/at least one key/);
  });
});

describe('maskedRowWeights', () => {
  it('maskedRowWeights additive −1e9 with logits 100 apart: not uniform — float32 keeps a difference of 128', () => {
    // fround(0 − 1e9) = −1e9, fround(100 − 1e9) = −999999872: exp(−128) underflows to 0.
    expectArraysClose(maskedRowWeights([0, 100], [false, false], 'uniform'), [0, 1], 0);
  });

  it('maskedRowWeights on a partly masked row: all three conventions agree (blocked keys get 0)', () => {
    const logits = [1, 2, 3];
    const allowed = [true, false, true];
    const expected = [Math.exp(1) / (Math.exp(1) + Math.exp(3)), 0, Math.exp(3) / (Math.exp(1) + Math.exp(3))];
    for (const convention of ['zeros', 'nan', 'uniform'] as const) {
      expectArraysClose(maskedRowWeights(logits, allowed, convention), expected, 1e-6);
    }
  });

  it('maskedRowWeights throws when logits and allowed differ in length', () => {
    expect(() => maskedRowWeights([1, 2], [true], 'zeros')).toThrow(/2 values but allowed has 1/);
  });
});

describe('the "→ uniform" title (issue #11): said only when the row is uniform', () => {
  it('fullyMaskedRowComparison logits [0.5, −1, 2]: additive −1e9 is evenly spread, titled "→ uniform"', () => {
    const uniform = fullyMaskedRowComparison([0.5, -1, 2])[2]!;
    expect(uniform.evenlySpread).toBe(true);
    expect(maskedRowNameKey(uniform)).toBe('conventions.maskedRow.uniform.name');
    expect(en.conventions.maskedRow.uniform.name).toContain('→ uniform');
  });

  it('fullyMaskedRowComparison logits [0, 100, 31, 33]: additive −1e9 gives [0, 1, 0, 0] — not uniform, and not titled so', () => {
    // fround(x − 1e9): 0 and 31 → −1e9; 33 → −1e9 + 64; 100 → −1e9 + 128
    const uniform = fullyMaskedRowComparison([0, 100, 31, 33])[2]!;
    const e64 = Math.exp(-64);
    expectArraysClose(uniform.weights, [e64 * e64, 1, e64 * e64, e64], 1e-6);
    expect(uniform.evenlySpread).toBe(false);
    expect(maskedRowNameKey(uniform)).toBe('conventions.maskedRow.uniform.nameUneven');
    expect(en.conventions.maskedRow.uniform.nameUneven).not.toContain('→ uniform');
  });

  it('zeros and NaN are never evenly spread, and keep their own titles', () => {
    const [zeros, nan] = fullyMaskedRowComparison([1, 2]);
    expect([zeros?.evenlySpread, nan?.evenlySpread]).toEqual([false, false]);
    expect([maskedRowNameKey(zeros!), maskedRowNameKey(nan!)]).toEqual(['conventions.maskedRow.zeros.name', 'conventions.maskedRow.nan.name']);
  });
});
