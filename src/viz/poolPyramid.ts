/**
 * A max-pooled pyramid of a heatmap (issue #13): built once per matrix, it lets a draw of a large
 * matrix — 4096 × 4096 is 16 M cells — pool onto the canvas's pixels without walking every cell.
 * Level ℓ holds one entry per block of 2^ℓ × 2^ℓ cells (clipped at the matrix's edges), from
 * level 2 (FIRST_KEPT_SIZE) up until both sides are at most 16 entries:
 * the block's representative cell, as poolCells (pool.ts) chooses it — the non-blocked cell with
 * the largest value ('max') or |value| ('magnitude'), NaN only when nothing else is there — and
 * whether any cell of the block is blocked (no representative: all are). Each level is built from
 * the one below it (level 1 only to build level 2), so building costs one walk of the matrix and
 * a third of it again; kept, about 9 bytes per 16 cells (12.6 MB at 4096 × 4096).
 *
 * A draw (`poolWithPyramid`) then takes the coarsest level whose blocks fit a pixel's block:
 * about four entries per pixel. To use whole entries, each pixel's span of rows (and columns) is
 * poolSpan's with its inner edges moved down to a multiple of 2^ℓ; the window's own edges stay,
 * and the cells there that no whole entry covers are read one by one. Every cell of the window
 * still lands in exactly one pixel, and no cell outside it in any.
 *
 * Ties between equal values may pick a different cell than poolCells (entries are compared in
 * block order, not row-major order); their colour is the same. Values are compared as float32
 * (the engine's stages are float32).
 */
import { poolCells, poolSpan, type PoolBlocked, type PoolBy, type PooledCells } from './pool';
import type { CellRange } from './types';

/** One level of a PoolPyramid: [rows × cols] entries, each for a block of 2^level × 2^level cells. */
export interface PyramidLevel {
  rows: number;
  cols: number;
  /** Index (row-major, into the matrix) of the block's representative cell; −1 when every cell is blocked. */
  source: Int32Array;
  /** Cells per side of a block: 2^level. */
  size: number;
  /** The value compared for that cell (|value| when pooling by magnitude), as float32: a draw reads it here, not in the matrix. */
  value: Float32Array;
  /** 1 = some cell of the block is blocked. */
  anyBlocked: Uint8Array;
}

/**
 * A PoolPyramid of a [rows × cols] matrix: its levels from blocks of FIRST_KEPT_SIZE cells a side
 * up, finest first (level 1 is built, to make level 2, and dropped: it would hold a quarter as many
 * entries as the matrix has cells — 38 MB at 4096 × 4096 — for views only 2–3 cells per pixel).
 */
export interface PoolPyramid {
  rows: number;
  cols: number;
  by: PoolBy;
  levels: PyramidLevel[];
}

/** The levels stop once both sides are at most this many entries. */
const TOP_SIDE = 16;
/** The finest level kept: blocks of 4 × 4 cells (level 2). */
export const FIRST_KEPT_SIZE = 4;

/** Whether value `v` beats the best so far (`bv`; `b` < 0 = none yet): larger, or a number over NaN. */
function beats(v: number, b: number, bv: number): boolean {
  return b < 0 || v > bv || (bv !== bv && v === v);
}

/**
 * Builds the pyramid of a [rows × cols] matrix.
 * @param values  [rows × cols] row-major
 * @param blocked [rows × cols], non-zero = blocked; undefined = nothing blocked
 * @param by      'max' (default) or 'magnitude', as poolCells
 * @throws RangeError when values or blocked is not [rows × cols]
 */
export function buildPoolPyramid(values: ArrayLike<number>, rows: number, cols: number, blocked?: ArrayLike<number>, by: PoolBy = 'max'): PoolPyramid {
  if (values.length !== rows * cols) throw new RangeError(`buildPoolPyramid: values has length ${values.length}, expected [${rows}×${cols}]`);
  if (blocked !== undefined && blocked.length !== rows * cols) throw new RangeError(`buildPoolPyramid: blocked has length ${blocked.length}, expected [${rows}×${cols}]`);
  const levels: PyramidLevel[] = [];
  let below: PyramidLevel | null = null;
  let [r, c] = [rows, cols];
  while (r > TOP_SIDE || c > TOP_SIDE) {
    const level: PyramidLevel = below === null ? firstLevel(values, rows, cols, blocked, by) : nextLevel(below);
    if (level.size >= FIRST_KEPT_SIZE) levels.push(level);
    below = level;
    [r, c] = [level.rows, level.cols];
  }
  return { rows, cols, by, levels };
}

/**
 * Level 1 from the cells, a pair of rows at a time: each entry's (up to) 2 × 2 cells compared in
 * locals (the best of the upper pair, then the lower), written once.
 */
function firstLevel(values: ArrayLike<number>, rows: number, cols: number, blocked: ArrayLike<number> | undefined, by: PoolBy): PyramidLevel {
  const level = emptyLevel(Math.ceil(rows / 2), Math.ceil(cols / 2), 2);
  const magnitude = by === 'magnitude';
  const pick = { best: -1, bv: 0, any: 0 };
  const consider = (i: number): void => {
    if (blocked !== undefined && blocked[i] !== 0) {
      pick.any = 1;
      return;
    }
    const v = magnitude ? Math.abs(values[i] as number) : (values[i] as number);
    if (pick.best < 0 || v > pick.bv || (pick.bv !== pick.bv && v === v)) {
      pick.best = i;
      pick.bv = v;
    }
  };
  for (let lr = 0; lr < level.rows; lr++) {
    const upper = 2 * lr * cols;
    const lower = 2 * lr + 1 < rows ? upper + cols : -1;
    for (let lc = 0; lc < level.cols; lc++) {
      const c = 2 * lc;
      const pair = c + 1 < cols;
      pick.best = -1;
      pick.any = 0;
      consider(upper + c);
      if (pair) consider(upper + c + 1);
      if (lower >= 0) {
        consider(lower + c);
        if (pair) consider(lower + c + 1);
      }
      const e = lr * level.cols + lc;
      level.source[e] = pick.best;
      level.value[e] = pick.bv;
      level.anyBlocked[e] = pick.any;
    }
  }
  return level;
}

/** Level ℓ + 1 from level ℓ: each entry from the (up to) four entries under it. */
function nextLevel(below: PyramidLevel): PyramidLevel {
  const level = emptyLevel(Math.ceil(below.rows / 2), Math.ceil(below.cols / 2), 2 * below.size);
  for (let lr = 0; lr < level.rows; lr++) {
    const rEnd = Math.min(2 * lr + 2, below.rows);
    for (let lc = 0; lc < level.cols; lc++) {
      const cEnd = Math.min(2 * lc + 2, below.cols);
      let best = -1;
      let bv = 0;
      let any = 0;
      for (let r = 2 * lr; r < rEnd; r++) {
        for (let j = r * below.cols + 2 * lc, end = r * below.cols + cEnd; j < end; j++) {
          any |= below.anyBlocked[j] as number;
          const s = below.source[j] as number;
          if (s < 0) continue;
          const v = below.value[j] as number;
          if (best < 0 || v > bv || (bv !== bv && v === v)) {
            best = s;
            bv = v;
          }
        }
      }
      const e = lr * level.cols + lc;
      level.source[e] = best;
      level.value[e] = bv;
      level.anyBlocked[e] = any;
    }
  }
  return level;
}

function emptyLevel(rows: number, cols: number, size: number): PyramidLevel {
  return { rows, cols, size, source: new Int32Array(rows * cols), value: new Float32Array(rows * cols), anyBlocked: new Uint8Array(rows * cols) };
}

/**
 * The spans of the `out` pixels along an axis of a window [start, start + n) pooled with blocks
 * of `size` cells: poolSpan's, with each inner edge moved down to a multiple of `size` (absolute,
 * so it meets the pyramid's blocks); the window's own edges stay. Needs n / out ≥ size.
 * @returns out + 1 edges, increasing; edge 0 = start, edge out = start + n
 * @example pyramidEdges(0, 10, 3, 2) // → [0, 2, 6, 10] (poolSpan's inner edges 3 and 6, moved down to 2 and 6)
 */
export function pyramidEdges(start: number, n: number, out: number, size: number): Int32Array {
  const edges = new Int32Array(out + 1);
  for (let j = 1; j < out; j++) edges[j] = Math.floor((start + (poolSpan(n, out, j)[0] as number)) / size) * size;
  edges[0] = start;
  edges[out] = start + n;
  return edges;
}

/**
 * Pools a [rows × cols] matrix's `window` onto [outRows × outCols] pixels with its pyramid, as
 * poolCells does but over pyramidEdges' spans, reading about four pyramid entries per pixel; where
 * no level fits (a pixel's block under FIRST_KEPT_SIZE cells a side) it is poolCells itself.
 * @param values,blocked the matrix the pyramid was built from
 * @param hatch 'all' (default, poolCells' rule) or 'any' (PoolBlocked)
 * @throws RangeError when the window is outside the matrix
 */
export function poolWithPyramid(
  pyramid: PoolPyramid,
  values: ArrayLike<number>,
  blocked: ArrayLike<number> | undefined,
  outRows: number,
  outCols: number,
  window: CellRange = { row0: 0, rows: pyramid.rows, col0: 0, cols: pyramid.cols },
  hatch: PoolBlocked = 'all',
): PooledCells {
  const { rows, cols } = pyramid;
  const { row0, col0, rows: wRows, cols: wCols } = window;
  if (!(row0 >= 0 && col0 >= 0 && wRows >= 0 && wCols >= 0 && row0 + wRows <= rows && col0 + wCols <= cols)) {
    throw new RangeError(`poolWithPyramid: window rows ${row0}+${wRows}, cols ${col0}+${wCols} is outside the [${rows}×${cols}] matrix`);
  }
  const oRows = wRows === 0 ? 0 : Math.min(wRows, Math.max(1, Math.floor(outRows)));
  const oCols = wCols === 0 ? 0 : Math.min(wCols, Math.max(1, Math.floor(outCols)));
  const block = oRows === 0 || oCols === 0 ? 0 : Math.min(Math.floor(wRows / oRows), Math.floor(wCols / oCols));
  // the coarsest level whose blocks fit in a pixel's; none (blocks under FIRST_KEPT_SIZE): walk the cells
  let level: PyramidLevel | undefined;
  for (const l of pyramid.levels) if (l.size <= block) level = l;
  if (level === undefined) return poolCells(values, rows, cols, oRows, oCols, blocked, window, pyramid.by, hatch);
  const size = level.size;
  const rowEdges = pyramidEdges(row0, wRows, oRows, size);
  const colEdges = pyramidEdges(col0, wCols, oCols, size);
  const pick = new RectPick(pyramid, level, values, blocked);
  const source = new Int32Array(oRows * oCols);
  const pooledBlocked = new Uint8Array(oRows * oCols);
  for (let pr = 0; pr < oRows; pr++) {
    for (let pc = 0; pc < oCols; pc++) {
      const p = pr * oCols + pc;
      const [r0, r1, c0, c1] = [rowEdges[pr] as number, rowEdges[pr + 1] as number, colEdges[pc] as number, colEdges[pc + 1] as number];
      pick.rect(r0, r1, c0, c1);
      source[p] = pick.best < 0 ? r0 * cols + c0 : pick.best;
      pooledBlocked[p] = (hatch === 'any' ? pick.any : pick.best < 0) ? 1 : 0;
    }
  }
  return { rows: oRows, cols: oCols, source, blocked: pooledBlocked };
}

/** The best cell of a rectangle of cells, from whole entries of one level and, at its edges, single cells. */
class RectPick {
  best = -1;
  bestValue = 0;
  any = false;
  private readonly magnitude: boolean;

  constructor(
    private readonly pyramid: PoolPyramid,
    private readonly level: PyramidLevel,
    private readonly values: ArrayLike<number>,
    private readonly blocked: ArrayLike<number> | undefined,
  ) {
    this.magnitude = pyramid.by === 'magnitude';
  }

  /** Rows [r0, r1) × columns [c0, c1): sets best (−1 when every cell is blocked) and any. */
  rect(r0: number, r1: number, c0: number, c1: number): void {
    this.best = -1;
    this.any = false;
    const s = this.level.size;
    // whole entries: rows [L0, L1) and columns [C0, C1) of the level; the rest cell by cell
    const L0 = Math.ceil(r0 / s), L1 = Math.max(L0, Math.floor(r1 / s));
    const C0 = Math.ceil(c0 / s), C1 = Math.max(C0, Math.floor(c1 / s));
    for (let L = L0; L < L1; L++) for (let C = C0; C < C1; C++) this.entry(L * this.level.cols + C);
    const [inner0, inner1] = L1 > L0 ? [L0 * s, L1 * s] : [r0, r0];
    const [innerC0, innerC1] = C1 > C0 ? [C0 * s, C1 * s] : [c0, c0];
    this.cells(r0, inner0, c0, c1);
    this.cells(inner1, r1, c0, c1);
    this.cells(inner0, inner1, c0, innerC0);
    this.cells(inner0, inner1, innerC1, c1);
  }

  private entry(e: number): void {
    if (this.level.anyBlocked[e] !== 0) this.any = true;
    const s = this.level.source[e] as number;
    const v = this.level.value[e] as number;
    if (s >= 0 && beats(v, this.best, this.bestValue)) {
      this.best = s;
      this.bestValue = v;
    }
  }

  private cells(r0: number, r1: number, c0: number, c1: number): void {
    const cols = this.pyramid.cols;
    for (let r = r0; r < r1; r++) {
      for (let i = r * cols + c0, end = r * cols + c1; i < end; i++) {
        if (this.blocked !== undefined && this.blocked[i] !== 0) this.any = true;
        else this.consider(i);
      }
    }
  }

  private consider(i: number): void {
    const v = Math.fround(this.magnitude ? Math.abs(this.values[i] as number) : (this.values[i] as number));
    if (beats(v, this.best, this.bestValue)) {
      this.best = i;
      this.bestValue = v;
    }
  }
}

/** Below this many cells in a window, a draw walks them (poolCells): a pyramid would not pay for itself. */
export const PYRAMID_MIN_CELLS = 1 << 20;

/** Pyramids built, per values array (dropped with it), then per blocked array and PoolBy. */
const built = new WeakMap<object, { blocked: ArrayLike<number> | undefined; pyramid: PoolPyramid }[]>();

/**
 * The pooled pixels of a draw: through the matrix's pyramid — built at its first draw, then kept
 * as long as `values` lives — when the window has at least PYRAMID_MIN_CELLS cells, else poolCells.
 * Same parameters and result as poolCells (pixel spans per pyramidEdges when the pyramid is used).
 */
export function poolForDraw(
  values: ArrayLike<number>, rows: number, cols: number, outRows: number, outCols: number,
  blocked: ArrayLike<number> | undefined, window: CellRange, by: PoolBy = 'max', hatch: PoolBlocked = 'all',
): PooledCells {
  if (window.rows * window.cols < PYRAMID_MIN_CELLS || typeof values !== 'object') return poolCells(values, rows, cols, outRows, outCols, blocked, window, by, hatch);
  const list = built.get(values) ?? [];
  let entry = list.find((e) => e.blocked === blocked && e.pyramid.by === by && e.pyramid.rows === rows && e.pyramid.cols === cols);
  if (entry === undefined) {
    entry = { blocked, pyramid: buildPoolPyramid(values, rows, cols, blocked, by) };
    list.push(entry);
    built.set(values, list);
  }
  return poolWithPyramid(entry.pyramid, values, blocked, outRows, outCols, window, hatch);
}
