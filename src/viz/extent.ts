/**
 * Extent of the finite, non-blocked values of a matrix, in the manner of d3-array `extent`:
 * NaN, +∞ and −∞ are skipped, and min/max start from the first valid value (never from
 * `Number.MIN_VALUE` or ±∞).
 *
 * @param values  cell values, [n] (any row-major matrix flattened)
 * @param blocked optional flags, [n]; a non-zero entry excludes that cell
 * @returns `[min, max]`, or `null` when no cell is finite and non-blocked
 * @throws RangeError when `blocked` is given and its length differs from `values`
 *
 * @example finiteExtent([3, NaN, -Infinity, -2, 9], [0, 0, 0, 0, 1]) // → [-2, 3]
 */
export function finiteExtent(
  values: ArrayLike<number>,
  blocked?: ArrayLike<number>,
): [number, number] | null {
  if (blocked !== undefined && blocked.length !== values.length) {
    throw new RangeError(
      `finiteExtent: blocked has length ${blocked.length}, values has length ${values.length}`,
    );
  }
  let min = NaN;
  let max = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v) || (blocked !== undefined && blocked[i] !== 0)) continue;
    if (!(v >= min)) min = v; // also true while min is NaN (first valid value)
    if (!(v <= max)) max = v;
  }
  return Number.isNaN(min) ? null : [min, max];
}

/**
 * Largest |value| over the finite, non-blocked cells; 0 when there are none.
 *
 * @param values  cell values, [n]
 * @param blocked optional flags, [n]; a non-zero entry excludes that cell
 * @example maxAbsFinite([1, -4, Infinity]) // → 4
 */
export function maxAbsFinite(values: ArrayLike<number>, blocked?: ArrayLike<number>): number {
  const e = finiteExtent(values, blocked);
  return e === null ? 0 : Math.max(Math.abs(e[0]), Math.abs(e[1]));
}
