/**
 * Drawing a large matrix through its max-pooled pyramid (engine/poolPyramid.ts; issue #13).
 * A draw (`poolWithPyramid`) takes the coarsest level whose blocks fit a pixel's block:
 * about four entries per pixel. To use whole entries, each pixel's span of rows (and columns) is
 * poolSpan's with its inner edges moved down to a multiple of 2^ℓ; the window's own edges stay,
 * and the cells there that no whole entry covers are read one by one. Every cell of the window
 * still lands in exactly one pixel, and no cell outside it in any.
 *
 * Ties between equal values may pick a different cell than poolCells (entries are compared in
 * block order, not row-major order); their colour is the same. Values are compared as float32
 * (the engine's stages are float32). An entry's value is read from its level where the level keeps
 * them (coarse levels, `ownValues`), else from the matrix at its representative.
 */
import { PYRAMID_MIN_CELLS } from '../engine/thresholds';
import { beats, buildPoolPyramid, FIRST_KEPT_SIZE, type PoolPyramid, type PyramidLevel } from '../engine/poolPyramid';
import { poolCells, pooledOutput, poolSpan, type PoolBlocked, type PoolBy, type PooledCells, type ShownCells } from './pool';
import type { Scratch } from './scratch';
import type { CellRange } from './types';

export { buildPoolPyramid, FIRST_KEPT_SIZE, type PoolPyramid, type PyramidLevel };

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
 * poolCells does but over pyramidEdges' spans, reading about four pyramid entries per pixel. Where
 * no level fits (a pixel's block finer than the finest level kept) it is poolCells itself — or, with
 * `coarsen` and a block of 2 or more cells, the window pooled onto the finest level's own grid
 * (⌊window / size⌋ pixels a side, fewer than asked; the canvas scales them up), so that a zoom
 * step on a 4096 × 4096 matrix never walks a million cells (issue #13).
 * @param values,blocked the matrix the pyramid was built from, or one that orders every block's
 *   allowed cells the same way (stagePyramids.ts): representatives are compared by their value here
 * @param hatch 'all' (default, poolCells' rule) or 'any' (PoolBlocked)
 * @param ownValues true (default) when `values` is the matrix the pyramid was built from, so its
 *   levels' values (PyramidLevel.value) are its values; false: read every value in `values`
 * @param scratch where the result's arrays are taken from (poolCells')
 * @returns pooled cells; rows × cols is the grid pooled onto (outRows × outCols but for `coarsen`)
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
  coarsen = false,
  ownValues = true,
  scratch?: Scratch,
): PooledCells & { shown: ShownCells } {
  const { rows, cols } = pyramid;
  const { row0, col0, rows: wRows, cols: wCols } = window;
  if (!(row0 >= 0 && col0 >= 0 && wRows >= 0 && wCols >= 0 && row0 + wRows <= rows && col0 + wCols <= cols)) {
    throw new RangeError(`poolWithPyramid: window rows ${row0}+${wRows}, cols ${col0}+${wCols} is outside the [${rows}×${cols}] matrix`);
  }
  let oRows = wRows === 0 ? 0 : Math.min(wRows, Math.max(1, Math.floor(outRows)));
  let oCols = wCols === 0 ? 0 : Math.min(wCols, Math.max(1, Math.floor(outCols)));
  const block = oRows === 0 || oCols === 0 ? 0 : Math.min(Math.floor(wRows / oRows), Math.floor(wCols / oCols));
  // the coarsest level whose blocks fit in a pixel's; none: the finest level's grid (coarsen) or walk the cells
  let level: PyramidLevel | undefined;
  for (const l of pyramid.levels) if (l.size <= block) level = l;
  const finest = pyramid.levels[0];
  if (level === undefined && coarsen && finest !== undefined && block >= 2 && Math.min(wRows, wCols) >= finest.size) {
    [level, oRows, oCols] = [finest, Math.floor(wRows / finest.size), Math.floor(wCols / finest.size)];
  }
  if (level === undefined) return poolCells(values, rows, cols, oRows, oCols, blocked, window, pyramid.by, hatch, scratch);
  // a level's float32 values stand for the matrix's only where those are float32 too (the engine's stages)
  const levelValues = ownValues && values instanceof Float32Array ? level.value : undefined;
  const out = pooledOutput(oRows, oCols, scratch);
  poolOnLevel(pyramid, level, levelValues, values, blocked, window, hatch, out);
  return out;
}

/** poolWithPyramid's pixels, into `out` ([out.rows × out.cols]), through whole entries of `level` (pyramidEdges' spans). */
function poolOnLevel(
  pyramid: PoolPyramid, level: PyramidLevel, levelValues: Float32Array | undefined, values: ArrayLike<number>, blocked: ArrayLike<number> | undefined,
  window: CellRange, hatch: PoolBlocked, out: PooledCells & { shown: ShownCells },
): void {
  const { rows: oRows, cols: oCols } = out;
  const rowEdges = pyramidEdges(window.row0, window.rows, oRows, level.size);
  const colEdges = pyramidEdges(window.col0, window.cols, oCols, level.size);
  // the pixels inside the window's edges cover whole entries only: a tight loop over them
  poolInnerPixels(pyramid, level, levelValues, values, rowEdges, colEdges, hatch, out);
  const pick = new RectPick(pyramid, level, levelValues, values, blocked);
  const edge = (pr: number, pc: number) => {
    const r0 = rowEdges[pr] as number;
    const c0 = colEdges[pc] as number;
    pick.rect(r0, rowEdges[pr + 1] as number, c0, colEdges[pc + 1] as number);
    const empty = pick.best < 0;
    setPixel(out, pr * oCols + pc, empty ? r0 * pyramid.cols + c0 : pick.best, hatch === 'any' ? pick.any : empty, empty ? 0 : pick.bestCellValue, empty);
  };
  for (let pr = 0; pr < oRows; pr++) {
    const inner = pr > 0 && pr < oRows - 1;
    for (let pc = 0; pc < oCols; pc += inner && pc === 0 && oCols > 1 ? oCols - 1 : 1) edge(pr, pc);
  }
}

/** Pixel p of `out`: the cell it shows, its hatch, and what it shows as read (value, empty). */
function setPixel(out: PooledCells & { shown: ShownCells }, p: number, source: number, blocked: boolean, value: number, empty: boolean): void {
  out.source[p] = source;
  out.blocked[p] = blocked ? 1 : 0;
  out.shown.value[p] = value;
  out.shown.empty[p] = empty ? 1 : 0;
}

/**
 * The pixels of poolOnLevel but the first and last row and column: their spans start and end on
 * multiples of the level's size (pyramidEdges), so each is whole entries, compared in the order
 * RectPick compares them (entry rows, then entries), with the same rule (beats). One pixel row at
 * a time (innerPixelRow), each entry row of it in one flat loop, as poolCells walks its cells.
 */
function poolInnerPixels(
  pyramid: PoolPyramid, level: PyramidLevel, levelValues: Float32Array | undefined, values: ArrayLike<number>,
  rowEdges: Int32Array, colEdges: Int32Array, hatch: PoolBlocked, out: PooledCells & { shown: ShownCells },
): void {
  const { size } = level;
  const oCols = colEdges.length - 1;
  if (oCols < 3) return;
  // the inner pixel columns' entries [E0, E1), and the pixel column of each
  const E0 = (colEdges[1] as number) / size;
  const E1 = (colEdges[oCols - 1] as number) / size;
  const pixelOf = new Int32Array(E1 - E0);
  for (let pc = 1; pc < oCols - 1; pc++) pixelOf.fill(pc, (colEdges[pc] as number) / size - E0, (colEdges[pc + 1] as number) / size - E0);
  const row: InnerRow = {
    level, read: levelValues ?? values, byEntry: levelValues !== undefined, magnitude: pyramid.by === 'magnitude', any: hatch === 'any',
    E0, pixelOf, best: new Int32Array(oCols), compared: new Float64Array(oCols), cell: new Float64Array(oCols), hit: new Uint8Array(oCols), out,
  };
  for (let pr = 1; pr < rowEdges.length - 2; pr++) {
    innerPixelRow(row, (rowEdges[pr] as number) / size, (rowEdges[pr + 1] as number) / size);
    storeInnerRow(row, pr, (rowEdges[pr] as number) * pyramid.cols, colEdges);
  }
}

/** What poolInnerPixels' rows share: the level, how to read it, and each pixel column's best entry so far. */
interface InnerRow {
  level: PyramidLevel;
  /** The value compared for an entry: the level's own (byEntry, at the entry) or its representative's in the matrix. */
  read: ArrayLike<number>;
  byEntry: boolean;
  magnitude: boolean;
  any: boolean;
  /** First entry column of the inner pixels, and the pixel column of each entry column from it. */
  E0: number;
  pixelOf: Int32Array;
  /** Per pixel column: best cell (−1 none), its value as compared, its value, any entry blocked. */
  best: Int32Array;
  compared: Float64Array;
  cell: Float64Array;
  hit: Uint8Array;
  out: PooledCells & { shown: ShownCells };
}

/** The best entry of each inner pixel of a pixel row (entry rows [L0, L1)) into row's per-column state. */
function innerPixelRow(row: InnerRow, L0: number, L1: number): void {
  const { source, anyBlocked, cols: levelCols } = row.level;
  const { read, byEntry, magnitude, E0, pixelOf, best, compared, cell, hit } = row;
  best.fill(-1);
  hit.fill(0);
  for (let L = L0; L < L1; L++) {
    const start = L * levelCols + E0;
    for (let k = 0; k < pixelOf.length; k++) {
      const e = start + k;
      const pc = pixelOf[k] as number;
      if (anyBlocked[e] !== 0) hit[pc] = 1;
      const s = source[e] as number;
      if (s < 0) continue;
      const value = read[byEntry ? e : s] as number;
      const v = Math.fround(magnitude ? Math.abs(value) : value);
      if (beats(v, best[pc] as number, compared[pc] as number)) {
        best[pc] = s;
        compared[pc] = v;
        cell[pc] = value;
      }
    }
  }
}

/** Stores the inner pixels of pixel row `pr` from row's per-column state (`rowCell` = its first cell's row × matrix cols). */
function storeInnerRow(row: InnerRow, pr: number, rowCell: number, colEdges: Int32Array): void {
  const { best, cell, hit, out } = row;
  const oCols = colEdges.length - 1;
  for (let pc = 1; pc < oCols - 1; pc++) {
    const b = best[pc] as number;
    const empty = b < 0;
    setPixel(out, pr * oCols + pc, empty ? rowCell + (colEdges[pc] as number) : b, row.any ? hit[pc] !== 0 : empty, empty ? 0 : (cell[pc] as number), empty);
  }
}

/** The best cell of a rectangle of cells, from whole entries of one level and, at its edges, single cells. */
class RectPick {
  best = -1;
  /** The best cell's value as compared (float32; |value| by magnitude). */
  bestValue = 0;
  /** The best cell's value in the matrix. */
  bestCellValue = 0;
  any = false;
  private readonly magnitude: boolean;

  constructor(
    private readonly pyramid: PoolPyramid,
    private readonly level: PyramidLevel,
    /** The level's values (PyramidLevel.value) when they are `values`' own, else undefined (read in `values`). */
    private readonly levelValues: Float32Array | undefined,
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
    const levelCols = this.level.cols;
    for (let L = L0; L < L1; L++) for (let e = L * levelCols + C0, end = L * levelCols + C1; e < end; e++) this.entry(e);
    const whole = L1 > L0 && C1 > C0;
    const inner0 = whole ? L0 * s : r0;
    const inner1 = whole ? L1 * s : r0;
    const innerC0 = whole ? C0 * s : c0;
    const innerC1 = whole ? C1 * s : c0;
    // the cells round the whole entries (none where the rectangle is on the level's grid)
    if (r0 < inner0) this.cells(r0, inner0, c0, c1);
    if (inner1 < r1) this.cells(inner1, r1, c0, c1);
    if (c0 < innerC0) this.cells(inner0, inner1, c0, innerC0);
    if (innerC1 < c1) this.cells(inner0, inner1, innerC1, c1);
  }

  /** Entry e of the level: its representative, compared by its value (the level's, or the matrix's). */
  private entry(e: number): void {
    if (this.level.anyBlocked[e] !== 0) this.any = true;
    const s = this.level.source[e] as number;
    if (s >= 0) this.consider(s, this.levelValues === undefined ? (this.values[s] as number) : (this.levelValues[e] as number));
  }

  private cells(r0: number, r1: number, c0: number, c1: number): void {
    const cols = this.pyramid.cols;
    for (let r = r0; r < r1; r++) {
      for (let i = r * cols + c0, end = r * cols + c1; i < end; i++) {
        if (this.blocked !== undefined && this.blocked[i] !== 0) this.any = true;
        else this.consider(i, this.values[i] as number);
      }
    }
  }

  /** Cell i, of value `value`. */
  private consider(i: number, value: number): void {
    const v = Math.fround(this.magnitude ? Math.abs(value) : value);
    if (beats(v, this.best, this.bestValue)) {
      this.best = i;
      this.bestValue = v;
      this.bestCellValue = value;
    }
  }
}

export { PYRAMID_MIN_CELLS };

/** Pyramids built, per values array (dropped with it), then per blocked array and PoolBy. */
const built = new WeakMap<object, { blocked: ArrayLike<number> | undefined; pyramid: PoolPyramid }[]>();

/** How a draw pooled its cells: walking them, through a pyramid built on the page, or through one sent with the result. */
export type PoolVia = 'cells' | 'page' | 'sent';

/**
 * The pooled pixels of a draw. Through `sent` — the pyramid the engine built for this matrix
 * (engine/stagePyramids.ts), used when its shape and PoolBy match — whatever the window; else,
 * when the window has at least PYRAMID_MIN_CELLS cells, through a pyramid built here at the
 * matrix's first draw and kept as long as `values` lives; else poolCells.
 * Same parameters and result as poolCells (pixel spans per pyramidEdges when a pyramid is used),
 * plus `via`; `coarsen` as poolWithPyramid's (an interactive view: fewer pixels than asked rather
 * than a walk of every cell; an exported figure leaves it off). `sent` must have been built from
 * these values and blocked cells, or — without its levels' values (withoutValues) — for values
 * that order each block's allowed cells alike (a multiple of them, rounded; or all equal): it is
 * not checked. `pyramidOf`, such values, is the matrix a page-built pyramid is built from and kept
 * for (default `values`), so that two heatmaps share one build. `scratch`: where the result's
 * arrays are taken from (poolCells').
 */
export function poolForDraw(
  values: ArrayLike<number>, rows: number, cols: number, outRows: number, outCols: number,
  blocked: ArrayLike<number> | undefined, window: CellRange, by: PoolBy = 'max', hatch: PoolBlocked = 'all', sent?: PoolPyramid,
  coarsen = false, pyramidOf: ArrayLike<number> = values, scratch?: Scratch,
): PooledCells & { shown: ShownCells; via: PoolVia } {
  if (sent !== undefined && sent.rows === rows && sent.cols === cols && sent.by === by) {
    return { ...poolWithPyramid(sent, values, blocked, outRows, outCols, window, hatch, coarsen, true, scratch), via: 'sent' };
  }
  if (window.rows * window.cols < PYRAMID_MIN_CELLS || typeof pyramidOf !== 'object' || pyramidOf.length !== values.length) {
    return { ...poolCells(values, rows, cols, outRows, outCols, blocked, window, by, hatch, scratch), via: 'cells' };
  }
  const list = built.get(pyramidOf) ?? [];
  let entry = list.find((e) => e.blocked === blocked && e.pyramid.by === by && e.pyramid.rows === rows && e.pyramid.cols === cols);
  if (entry === undefined) {
    entry = { blocked, pyramid: buildPoolPyramid(pyramidOf, rows, cols, blocked, by) };
    list.push(entry);
    built.set(pyramidOf, list);
  }
  return { ...poolWithPyramid(entry.pyramid, values, blocked, outRows, outCols, window, hatch, coarsen, pyramidOf === values, scratch), via: 'page' };
}
