/**
 * Downsampling of a heatmap for cells smaller than a device pixel (pure; no DOM). Each pixel of
 * the smaller grid shows one representative cell of the block it covers, chosen so that what
 * matters in attention stays visible:
 *
 * - a pixel is blocked (hatched) only when EVERY cell of its block is blocked, so the allowed
 *   band of a causal or sliding-window mask never disappears under the hatch;
 * - otherwise it shows the non-blocked cell with the largest value (max-pooling), so a single
 *   strong weight is not averaged away. NaN counts only when nothing else is there.
 */

/** A [outRows × outCols] grid of representative cells of a [rows × cols] matrix. */
export interface PooledCells {
  rows: number;
  cols: number;
  /** Index (row-major, into the original matrix) of the cell each pixel shows, [rows × cols]. */
  source: Int32Array;
  /** 1 = every cell of the pixel's block is blocked, [rows × cols]. */
  blocked: Uint8Array;
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
 * Max-pools a [rows × cols] matrix onto an [outRows × outCols] grid (each clamped to [1, rows]
 * and [1, cols]; equal sizes give the identity).
 *
 * For every pixel, over the cells of its block (row-major, first one wins ties):
 * - all cells blocked → blocked = 1, source = the block's first cell;
 * - else blocked = 0, source = the non-blocked cell with the largest value (−∞ counts as a
 *   value; NaN only when every non-blocked cell is NaN, then the first of them).
 *
 * @param values  [rows × cols] row-major
 * @param blocked [rows × cols], non-zero = blocked; undefined = nothing blocked
 * @throws RangeError when values or blocked is not [rows × cols]
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
): PooledCells {
  if (values.length !== rows * cols) {
    throw new RangeError(`poolCells: values has length ${values.length}, expected [${rows}×${cols}] = ${rows * cols}`);
  }
  if (blocked !== undefined && blocked.length !== rows * cols) {
    throw new RangeError(`poolCells: blocked has length ${blocked.length}, expected [${rows}×${cols}] = ${rows * cols}`);
  }
  const oRows = rows === 0 ? 0 : Math.min(rows, Math.max(1, Math.floor(outRows)));
  const oCols = cols === 0 ? 0 : Math.min(cols, Math.max(1, Math.floor(outCols)));
  const source = new Int32Array(oRows * oCols);
  const pooledBlocked = new Uint8Array(oRows * oCols);
  for (let pr = 0; pr < oRows; pr++) {
    const [r0, r1] = poolSpan(rows, oRows, pr);
    for (let pc = 0; pc < oCols; pc++) {
      const [c0, c1] = poolSpan(cols, oCols, pc);
      let best = -1;
      let bestValue = NaN;
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) {
          const i = r * cols + c;
          if (blocked !== undefined && blocked[i] !== 0) continue;
          const v = values[i] as number;
          if (best < 0 || (Number.isNaN(bestValue) && !Number.isNaN(v)) || v > bestValue) {
            best = i;
            bestValue = v;
          }
        }
      }
      const p = pr * oCols + pc;
      if (best < 0) {
        source[p] = r0 * cols + c0;
        pooledBlocked[p] = 1;
      } else {
        source[p] = best;
      }
    }
  }
  return { rows: oRows, cols: oCols, source, blocked: pooledBlocked };
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
