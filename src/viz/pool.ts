/**
 * Downsampling of a heatmap for cells smaller than a device pixel (pure; no DOM). Each pixel of
 * the smaller grid shows one representative cell of the block it covers, chosen so that what
 * matters in attention stays visible:
 *
 * - a pixel is blocked (hatched) only when EVERY cell of its block is blocked, so the allowed
 *   band of a causal or sliding-window mask never disappears under the hatch — or, for the Mask
 *   itself (PoolBlocked 'any'), when ANY is, so a lone blocked cell never disappears either;
 * - otherwise it shows the non-blocked cell with the largest value (max-pooling), so a single
 *   strong weight is not averaged away. NaN counts only when nothing else is there.
 *
 * A zoomed heatmap pools only the window it shows (`poolCells(…, window)`), so a draw costs
 * O(visible cells), and colours are looked up only for the pooled pixels (cellColors.ts).
 */
import type { PoolBy } from '../engine/poolPyramid';
import { outputArray, type Scratch } from './scratch';
import type { CellRange } from './types';

/** Which cell of a block a pooled pixel shows (engine/poolPyramid.ts). */
export type { PoolBy };

/**
 * Which pooled pixels are hatched as blocked: those whose cells are ALL blocked (weights, scores:
 * the allowed band never disappears), or those with ANY blocked cell (the Mask: a lone blocked
 * cell stays visible however far the view is zoomed out).
 */
export type PoolBlocked = 'all' | 'any';

/** A [outRows × outCols] grid of representative cells of a [rows × cols] matrix. */
export interface PooledCells {
  rows: number;
  cols: number;
  /** Index (row-major, into the original matrix) of the cell each pixel shows, [rows × cols]. */
  source: Int32Array;
  /** 1 = every cell of the pixel's block is blocked, [rows × cols]. */
  blocked: Uint8Array;
  /** What each pixel shows, as the pooling read it; colorCells then reads no cell again. */
  shown?: ShownCells;
}

/**
 * The cell each pooled pixel shows, read while pooling, [rows × cols] each: `value` = its value in
 * the matrix (exactly: float64), `empty` = 1 where every cell of the pixel is blocked (the cell
 * shown is then the first, a blocked one, and `value` is 0).
 */
export interface ShownCells {
  value: Float64Array;
  empty: Uint8Array;
}

/**
 * The cells that pixel `j` of `outN` covers along an axis of `n` cells: [start, end) with
 * start = ⌊j·n / outN⌋, end = ⌊(j+1)·n / outN⌋. Blocks tile the axis without gaps or overlaps
 * and are never empty when outN ≤ n.
 * @example poolSpan(5, 2, 0) // → [0, 2];  poolSpan(5, 2, 1) // → [2, 5]
 */
export function poolSpan(n: number, outN: number, j: number): [number, number] {
  return [Math.floor((j * n) / outN), Math.floor(((j + 1) * n) / outN)];
}

/**
 * Max-pools a [rows × cols] matrix — or its `window` of cells — onto an [outRows × outCols]
 * grid (each clamped to [1, window rows] and [1, window cols]; equal sizes give the identity).
 *
 * For every pixel, over the cells of its block (row-major, first one wins ties):
 * - all cells blocked → blocked = 1, source = the block's first cell;
 * - else blocked = 0, source = the non-blocked cell with the largest value (−∞ counts as a
 *   value; NaN only when every non-blocked cell is NaN, then the first of them).
 *
 * @param values  [rows × cols] row-major
 * @param blocked [rows × cols], non-zero = blocked; undefined = nothing blocked
 * @param window  the cells pooled (a zoomed view), inside the matrix; default the whole matrix.
 *                `source` indexes the whole matrix either way.
 * @param by      'max' (default) or 'magnitude': the largest |value| (PoolBy).
 * @param hatch   'all' (default): blocked = every cell of the block is; 'any': some cell is (the
 *                Mask heatmap, where a lone blocked cell must stay visible); `source` is the same.
 * @param scratch where the result's arrays are taken from (scratch.ts; valid until its next use),
 *                default new arrays
 * @returns the pooled cells, with `shown`: each pixel's value as read (colorCells reads no cell again)
 * @throws RangeError when values or blocked is not [rows × cols], or window is outside it
 * @example a 4×4 causal mask (· allowed, x blocked) pooled to 2×2 keeps the diagonal blocks:
 *   · x x x        · x
 *   · · x x   →    · ·
 *   · · · x
 *   · · · ·
 */
export function poolCells(
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  outRows: number,
  outCols: number,
  blocked?: ArrayLike<number>,
  window: CellRange = { row0: 0, rows, col0: 0, cols },
  by: PoolBy = 'max',
  hatch: PoolBlocked = 'all',
  scratch?: Scratch,
): PooledCells & { shown: ShownCells } {
  if (values.length !== rows * cols) {
    throw new RangeError(`poolCells: values has length ${values.length}, expected [${rows}×${cols}] = ${rows * cols}`);
  }
  if (blocked !== undefined && blocked.length !== rows * cols) {
    throw new RangeError(`poolCells: blocked has length ${blocked.length}, expected [${rows}×${cols}] = ${rows * cols}`);
  }
  const { row0, col0, rows: wRows, cols: wCols } = window;
  if (!(row0 >= 0 && col0 >= 0 && wRows >= 0 && wCols >= 0 && row0 + wRows <= rows && col0 + wCols <= cols)) {
    throw new RangeError(`poolCells: window rows ${row0}+${wRows}, cols ${col0}+${wCols} is outside the [${rows}×${cols}] matrix`);
  }
  const oRows = wRows === 0 ? 0 : Math.min(wRows, Math.max(1, Math.floor(outRows)));
  const oCols = wCols === 0 ? 0 : Math.min(wCols, Math.max(1, Math.floor(outCols)));
  const out = pooledOutput(oRows, oCols, scratch);
  // Column block edges: block pc covers columns [colEdge[pc], colEdge[pc + 1]).
  const colEdge = Int32Array.from({ length: oCols + 1 }, (_, j) => col0 + Math.floor((j * wCols) / Math.max(oCols, 1)));
  // Best cell so far of each block of the current pixel row; rows are read in order, each once,
  // left to right (cache-friendly), which visits every block's cells in row-major order.
  const best = new Int32Array(oCols);
  const bestValue = new Float64Array(oCols);
  const anyBlocked = new Uint8Array(oCols);
  const poolRow = by === 'magnitude' ? poolRowByMagnitude : poolRowByMax;
  // the pixel column of each of the window's columns
  const pixelOf = new Int32Array(wCols);
  for (let pc = 0; pc < oCols; pc++) pixelOf.fill(pc, (colEdge[pc] as number) - col0, (colEdge[pc + 1] as number) - col0);
  for (let pr = 0; pr < oRows; pr++) {
    const [s0, s1] = poolSpan(wRows, oRows, pr);
    best.fill(-1);
    anyBlocked.fill(0);
    for (let r = row0 + s0; r < row0 + s1; r++) poolRow(values, blocked, r * cols + col0, pixelOf, best, bestValue, anyBlocked);
    storeRow(out, pr * oCols, (row0 + s0) * cols, colEdge, best, bestValue, hatch === 'any' ? anyBlocked : undefined);
  }
  return out;
}

/**
 * The window's cells in one matrix row (cells start, start + 1, …; `pixelOf[k]` = the pixel column
 * of the k-th) into each pixel column's best cell so far, by the rule of poolCells ('max'):
 * `best[pc]` = its index (−1 = none yet), `bestValue[pc]` = its value; `anyBlocked[pc]` is set
 * where a cell is blocked. Each cell is read once, in one flat loop in a small function: a first
 * draw runs it in V8's baseline tiers (the optimising compile comes later), where it costs about
 * half of a loop per pixel column with an inner loop over its cells (the first 512-cell window of
 * a 4096² matrix on 360 pixels: 4.6 ms against 8–12 ms; headless Chromium, 2-core EPYC).
 */
function poolRowByMax(values: ArrayLike<number>, blocked: ArrayLike<number> | undefined, start: number, pixelOf: Int32Array, best: Int32Array, bestValue: Float64Array, anyBlocked: Uint8Array): void {
  for (let k = 0; k < pixelOf.length; k++) {
    const i = start + k;
    const pc = pixelOf[k] as number;
    if (blocked !== undefined && blocked[i] !== 0) {
      anyBlocked[pc] = 1;
      continue;
    }
    const v = values[i] as number;
    const b = best[pc] as number;
    const bv = bestValue[pc] as number;
    // first cell, a larger value, or any number over NaN (NaN only when nothing else is there)
    if (b < 0 || v > bv || (bv !== bv && v === v)) {
      best[pc] = i;
      bestValue[pc] = v;
    }
  }
}

/** poolRowByMax by |value| (PoolBy 'magnitude'); `bestValue` keeps the signed value. */
function poolRowByMagnitude(values: ArrayLike<number>, blocked: ArrayLike<number> | undefined, start: number, pixelOf: Int32Array, best: Int32Array, bestValue: Float64Array, anyBlocked: Uint8Array): void {
  for (let k = 0; k < pixelOf.length; k++) {
    const i = start + k;
    const pc = pixelOf[k] as number;
    if (blocked !== undefined && blocked[i] !== 0) {
      anyBlocked[pc] = 1;
      continue;
    }
    const value = values[i] as number;
    const v = Math.abs(value);
    const b = best[pc] as number;
    const bv = Math.abs(bestValue[pc] as number);
    if (b < 0 || v > bv || (bv !== bv && v === v)) {
      best[pc] = i;
      bestValue[pc] = value;
    }
  }
}

/**
 * Stores one pixel row of poolCells' result, at pixels p0…, from the best cell of each column
 * block (`best`, −1 = all blocked; `bestValue` its value). An all-blocked block shows its first
 * cell (`r0 + colEdge[pc]`). Hatched: where all are blocked or, given `anyBlocked` (hatch 'any'),
 * where any is.
 */
function storeRow(out: PooledCells & { shown: ShownCells }, p0: number, r0: number, colEdge: Int32Array, best: Int32Array, bestValue: Float64Array, anyBlocked: Uint8Array | undefined): void {
  const { source, blocked, shown } = out;
  for (let pc = 0; pc < best.length; pc++) {
    const p = p0 + pc;
    const b = best[pc] as number;
    source[p] = b < 0 ? r0 + (colEdge[pc] as number) : b;
    blocked[p] = (anyBlocked !== undefined ? anyBlocked[pc] === 1 : b < 0) ? 1 : 0;
    shown.value[p] = b < 0 ? 0 : (bestValue[pc] as number);
    shown.empty[p] = b < 0 ? 1 : 0;
  }
}

/** The arrays of a [rows × cols] PooledCells with its ShownCells: new, or the scratch's (zeros either way). */
export function pooledOutput(rows: number, cols: number, scratch?: Scratch): PooledCells & { shown: ShownCells } {
  const n = rows * cols;
  return {
    rows, cols,
    source: outputArray(scratch, 'source', Int32Array, n),
    blocked: outputArray(scratch, 'blocked', Uint8Array, n),
    shown: { value: outputArray(scratch, 'value', Float64Array, n), empty: outputArray(scratch, 'empty', Uint8Array, n) },
  };
}

/**
 * RGBA bytes of the pooled pixels: pixel p gets the 4 bytes of cell `source[p]` of `rgba`.
 * @param rgba [cells × 4] (from computeCellRgba)
 * @returns [source.length × 4]
 */
export function gatherRgba(rgba: ArrayLike<number>, source: Int32Array): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(source.length * 4);
  for (let p = 0; p < source.length; p++) {
    const i = 4 * (source[p] as number);
    out[4 * p] = rgba[i] as number;
    out[4 * p + 1] = rgba[i + 1] as number;
    out[4 * p + 2] = rgba[i + 2] as number;
    out[4 * p + 3] = rgba[i + 3] as number;
  }
  return out;
}
