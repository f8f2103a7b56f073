/** rowStats: one query row of a slice for the row inspector (sum, allowed keys, largest weight, flags). */
import { describe, expect, test } from 'vitest';
import { rowStats } from '../../src/ui/rowStats';
import type { StageSlice } from '../../src/compute/slices';

const inf = Infinity;

/** A 3-query × 4-key slice: row 0 with key 2 blocked, row 1 fully masked, row 2 a padded query. */
function slice(): StageSlice {
  const blocked = new Uint8Array([
    0, 0, 1, 0,
    1, 1, 1, 1,
    0, 1, 1, 1,
  ]);
  // the blocked cells' logits are finite: rowStats' masked row must put −∞ there itself
  const logits = new Float32Array([
    0.5, 1.5, 9, -0.5,
    2, 3, 4, 5,
    0, 7, 8, 9,
  ]);
  const weights = new Float32Array([
    0.25, 0.5, 0, 0.25,
    0, 0, 0, 0,
    1, 0, 0, 0,
  ]);
  const zeros = new Float32Array(12);
  return {
    batch: 0, head: 0, rows: 3, cols: 4, dV: 1, scores: zeros, scaled: zeros, logits, weights,
    mask: blocked.map((b) => 1 - b), blocked, output: new Float32Array(3),
    paddedRows: new Uint8Array([0, 0, 1]), fullyMaskedRows: new Uint8Array([0, 1, 0]),
  };
}

describe('rowStats', () => {
  test('rowStats, row 0 with key 2 blocked: sum 1, 3 allowed keys, largest weight at key 1', () => {
    const s = rowStats(slice(), 0);
    expect([s.sum, s.allowed, s.argmax, s.fullyMasked, s.padded]).toEqual([1, 3, 1, false, false]);
    expect([...s.masked]).toEqual([0.5, 1.5, -inf, -0.5]);
    expect([...s.weights]).toEqual([0.25, 0.5, 0, 0.25]);
    expect([...s.blocked]).toEqual([0, 0, 1, 0]);
  });
  test('rowStats, a fully masked row: sum 0, no allowed key, argmax −1', () => {
    const s = rowStats(slice(), 1);
    expect([s.sum, s.allowed, s.argmax, s.fullyMasked]).toEqual([0, 0, -1, true]);
  });
  test('rowStats, a padded query row is flagged padded', () => {
    const s = rowStats(slice(), 2);
    expect([s.sum, s.allowed, s.argmax, s.padded]).toEqual([1, 1, 0, true]);
  });
  test('rowStats returns views into the slice, not copies', () => {
    const sl = slice();
    expect(rowStats(sl, 2).weights.buffer).toBe(sl.weights.buffer);
  });
  test('rowStats throws a RangeError for a row outside [0, Lq)', () => {
    expect(() => rowStats(slice(), 3)).toThrow(/row 3 is outside \[0, 3\)/);
    expect(() => rowStats(slice(), -1)).toThrow(RangeError);
  });
});
