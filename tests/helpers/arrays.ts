/**
 * Numeric comparison that checks length and tells NaN, +∞ and −∞ apart
 * (tfjs's expectArraysClose does not).
 */
export function compareArrays(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance = 1e-5,
): string | null {
  if (actual.length !== expected.length) {
    return `length ${actual.length}, expected ${expected.length}`;
  }
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (Number.isNaN(a) || Number.isNaN(e)) {
      if (Number.isNaN(a) !== Number.isNaN(e)) return `index ${i}: got ${a}, expected ${e}`;
      continue;
    }
    if (!Number.isFinite(a) || !Number.isFinite(e)) {
      if (a !== e) return `index ${i}: got ${a}, expected ${e}`;
      continue;
    }
    if (Math.abs(a - e) > tolerance * Math.max(1, Math.abs(e))) {
      return `index ${i}: got ${a}, expected ${e} (tolerance ${tolerance})`;
    }
  }
  return null;
}

/** Throws with the first difference, for use inside `it(...)`. */
export function expectArraysClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-5): void {
  const problem = compareArrays(actual, expected, tolerance);
  if (problem) throw new Error(`arrays differ: ${problem}`);
}

/** Flattens a matrix written out by hand (rows of numbers or booleans). */
export function flat(rows: (number | boolean)[][]): number[] {
  return rows.flat().map(Number);
}

/** One (b, h) slice of a [B,H,R,C] array, as rows, for readable assertions. */
export function sliceMatrix(
  values: ArrayLike<number>,
  shape: { heads: number; rows: number; cols: number },
  b: number,
  h: number,
): number[][] {
  const base = (b * shape.heads + h) * shape.rows * shape.cols;
  return Array.from({ length: shape.rows }, (_, r) =>
    Array.from({ length: shape.cols }, (_, c) => values[base + r * shape.cols + c] as number),
  );
}
