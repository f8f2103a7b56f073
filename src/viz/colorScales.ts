/**
 * Colour scales and the fixed colours of Maskscope's heatmaps.
 *
 * - Scores/logits (signed, unbounded): `divergingScale`, RdBu reversed so positive = red,
 *   negative = blue, 0 = near white; domain symmetric around 0.
 * - Weights (in [0, 1]): `sequentialScale`, Blues, 0 = near white, 1 = dark blue.
 * - Blocked cells are never coloured by value: they use BLOCKED_COLOR with a hatch
 *   (blockedPattern.ts), so a masked cell is never read as a 0 (CircuitsVis `AttentionPattern`).
 */
import { interpolateBlues, interpolateRdBu, scaleDiverging, scaleSequential } from 'd3';
import type { ScaleDiverging, ScaleSequential } from 'd3';
import { maxAbsFinite } from './extent';

export { finiteExtent, maxAbsFinite } from './extent';

/** Background of a blocked (masked) cell; mid grey, far from every scale's 0 (near white). */
export const BLOCKED_COLOR = '#b9b9b9';
/** Stripes of the blocked-cell hatch drawn over BLOCKED_COLOR. */
export const BLOCKED_HATCH_COLOR = '#5f5f5f';
/** Grey that padded query rows are faded toward (see FADE_AMOUNT in cellColors.ts). */
export const PADDED_ROW_GREY = '#e3e3e3';
/** Colour of a value the scale cannot map (NaN in a non-blocked cell): loud on purpose. */
export const INVALID_COLOR = '#ff00ff';
/** Marker colour of a fully masked row. */
export const FLAGGED_ROW_COLOR = '#d62728';

/** RdBu reversed: t = 0 → dark blue, 0.5 → near white, 1 → dark red. */
export function interpolateBuRd(t: number): string {
  return interpolateRdBu(1 - t);
}

/**
 * Diverging scale for signed values (scores, scaled, logits, masked) centred on 0.
 *
 * Domain [−m, 0, m] with m = max |v| over finite, non-blocked cells (NaN, ±∞ and blocked cells
 * are skipped); m = 1 when there is no such cell or m = 0. Values outside the domain clamp
 * (+∞ → darkest red); NaN maps to INVALID_COLOR.
 *
 * @param values  cell values, [rows × cols] row-major
 * @param blocked optional flags, [rows × cols]; non-zero = blocked, excluded from m
 * @throws RangeError when `blocked` has a different length from `values`
 * @example divergingScale([0.5, -2, -Infinity], [0, 0, 1]).domain() // → [-2, 0, 2]
 */
export function divergingScale(
  values: ArrayLike<number>,
  blocked?: ArrayLike<number>,
): ScaleDiverging<string, string> {
  const m = maxAbsFinite(values, blocked);
  const half = m > 0 ? m : 1;
  return scaleDiverging<string, string>([-half, 0, half], interpolateBuRd)
    .clamp(true)
    .unknown(INVALID_COLOR);
}

/**
 * Sequential scale for attention weights, fixed domain [0, 1] (so heads and rows compare).
 * Values outside [0, 1] clamp; NaN maps to INVALID_COLOR.
 *
 * @example sequentialScale()(0) // → near white; sequentialScale()(1) // → dark blue
 */
export function sequentialScale(): ScaleSequential<string, string> {
  return scaleSequential<string, string>([0, 1], interpolateBlues)
    .clamp(true)
    .unknown(INVALID_COLOR);
}
