/**
 * A max-pooled pyramid of a heatmap's matrix (issue #13), built once per result — in the engine
 * worker, beside the stages (stagePyramids.ts) — so that a draw of a large matrix (4096 × 4096 is
 * 16 M cells) pools onto the canvas's pixels without walking every cell (viz/poolPyramid.ts).
 * Level ℓ holds one entry per block of 2^ℓ × 2^ℓ cells (clipped at the matrix's edges), from
 * level 2 (FIRST_KEPT_SIZE) up until both sides are at most 16 entries:
 * the block's representative cell, as viz/pool.ts's poolCells chooses it — the non-blocked cell with
 * the largest value ('max') or |value| ('magnitude'), NaN only when nothing else is there — and
 * whether any cell of the block is blocked (no representative: all are). Each level is built from
 * the one below it (level 1 only to build level 2), so building costs one walk of the matrix and
 * a third of it again; kept, 5 bytes per 16 cells (7 MB at 4096 × 4096). The levels of blocks of
 * VALUE_MIN_SIZE cells a side and up also keep their representatives' values (1.3 MiB at
 * 4096 × 4096), so that a whole-view draw reads them in a few small arrays, not scattered over
 * the matrix (64 MiB at 4096², a cache miss each; issue #13); finer levels keep none, and a draw
 * reads their representatives' values in the matrix. Without its values (`withoutValues`), one
 * pyramid serves every matrix that orders each block's cells the same way (stagePyramids.ts).
 * Pure; no DOM.
 */

/**
 * Which cell of a block a pooled pixel shows: the largest value ('max': weights, the mask), or
 * the value farthest from 0 ('magnitude': scores, logits, output on a diverging scale, so strong
 * negative cells are not hidden behind weak positive ones).
 */
export type PoolBy = 'max' | 'magnitude';

/** One level of a PoolPyramid: [rows × cols] entries, each for a block of 2^level × 2^level cells. */
export interface PyramidLevel {
  rows: number;
  cols: number;
  /** Index (row-major, into the matrix) of the block's representative cell; −1 when every cell is blocked. */
  source: Int32Array;
  /** Cells per side of a block: 2^level. */
  size: number;
  /** 1 = some cell of the block is blocked. */
  anyBlocked: Uint8Array;
  /**
   * The value (float32, signed) of each entry's representative cell in the matrix the pyramid was
   * built from; 0 where the entry has none. Kept from VALUE_MIN_SIZE cells a side, absent below.
   */
  value?: Float32Array;
}

/** A level while the pyramid is built: with every entry's value (dropped below VALUE_MIN_SIZE once the level above exists). */
type BuildLevel = PyramidLevel & { value: Float32Array };

/**
 * A PoolPyramid of a [rows × cols] matrix: its levels from blocks of 2 cells a side up (matrices of
 * at most LEVEL1_MAX_CELLS cells) or from FIRST_KEPT_SIZE, finest first. Above LEVEL1_MAX_CELLS level 1
 * is built, to make level 2, and dropped: it would hold a quarter as many entries as the matrix has
 * cells — 38 MB at 4096 × 4096 — for views only 2–3 cells per pixel (viz/poolPyramid.ts pools those
 * onto level 2's grid while zooming).
 */
export interface PoolPyramid {
  rows: number;
  cols: number;
  by: PoolBy;
  levels: PyramidLevel[];
}

/** The levels stop once both sides are at most this many entries. */
const TOP_SIDE = 16;
/** The finest level kept above LEVEL1_MAX_CELLS cells: blocks of 4 × 4 cells (level 2). */
export const FIRST_KEPT_SIZE = 4;
/**
 * Up to this many cells (2048 × 1024) a pyramid keeps level 1 (blocks of 2 × 2), 5/4 bytes per cell:
 * a 1024 × 1024 heatmap drawn on about 360 pixels (2–3 cells each) then reads entries, not cells.
 */
export const LEVEL1_MAX_CELLS = 1 << 21;
/**
 * Levels of blocks this many cells a side and up keep their representatives' values: those a
 * whole-view draw of a large matrix reads (4096 cells on about 360 pixels: blocks of 8), at 1/16
 * of the bytes of level 2's (4 MiB at 4096²).
 */
export const VALUE_MIN_SIZE = 8;

/** Whether value `v` beats the best so far (`bv`; `b` < 0 = none yet): larger, or a number over NaN. */
export function beats(v: number, b: number, bv: number): boolean {
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
  const keepFrom = rows * cols <= LEVEL1_MAX_CELLS ? 2 : FIRST_KEPT_SIZE;
  let below: BuildLevel | null = null;
  let [r, c] = [rows, cols];
  while (r > TOP_SIDE || c > TOP_SIDE) {
    const level: BuildLevel = below === null ? firstLevel(values, rows, cols, blocked, by) : nextLevel(below, by);
    if (level.size >= keepFrom) levels.push(kept(level));
    below = level;
    [r, c] = [level.rows, level.cols];
  }
  return { rows, cols, by, levels };
}

/** What the pyramid keeps of a built level: its values only from VALUE_MIN_SIZE. */
function kept(level: BuildLevel): PyramidLevel {
  const { rows, cols, size, source, anyBlocked, value } = level;
  return size >= VALUE_MIN_SIZE ? { rows, cols, size, source, anyBlocked, value } : { rows, cols, size, source, anyBlocked };
}

/**
 * The pyramid without its levels' values (the same arrays otherwise): for a matrix that orders
 * each block's allowed cells as the one it was built from, but has other values.
 */
export function withoutValues(pyramid: PoolPyramid): PoolPyramid {
  return { ...pyramid, levels: pyramid.levels.map(({ rows, cols, size, source, anyBlocked }) => ({ rows, cols, size, source, anyBlocked })) };
}

/**
 * Level 1 from the cells: each entry's (up to) 2 × 2 cells compared in locals, row pair by row
 * pair, written once.
 */
function firstLevel(values: ArrayLike<number>, rows: number, cols: number, blocked: ArrayLike<number> | undefined, by: PoolBy): BuildLevel {
  const level = emptyLevel(Math.ceil(rows / 2), Math.ceil(cols / 2), 2);
  const { source, value, anyBlocked } = level;
  const magnitude = by === 'magnitude';
  for (let lr = 0; lr < level.rows; lr++) {
    const pairRows = 2 * lr + 1 < rows ? 2 : 1;
    for (let lc = 0; lc < level.cols; lc++) {
      const c = 2 * lc;
      const pairCols = c + 1 < cols ? 2 : 1;
      let best = -1;
      let bv = 0;
      let signed = 0;
      let any = 0;
      for (let dr = 0; dr < pairRows; dr++) {
        for (let i = (2 * lr + dr) * cols + c, end = i + pairCols; i < end; i++) {
          if (blocked !== undefined && blocked[i] !== 0) {
            any = 1;
            continue;
          }
          const s = Math.fround(values[i] as number);
          const v = magnitude ? Math.abs(s) : s;
          if (best < 0 || v > bv || (bv !== bv && v === v)) {
            best = i;
            bv = v;
            signed = s;
          }
        }
      }
      const e = lr * level.cols + lc;
      source[e] = best;
      value[e] = signed;
      anyBlocked[e] = any;
    }
  }
  return level;
}

/** Level ℓ + 1 from level ℓ: each entry from the (up to) four entries under it. */
function nextLevel(below: BuildLevel, by: PoolBy): BuildLevel {
  const level = emptyLevel(Math.ceil(below.rows / 2), Math.ceil(below.cols / 2), 2 * below.size);
  const magnitude = by === 'magnitude';
  for (let lr = 0; lr < level.rows; lr++) {
    const rEnd = Math.min(2 * lr + 2, below.rows);
    for (let lc = 0; lc < level.cols; lc++) {
      const cEnd = Math.min(2 * lc + 2, below.cols);
      let best = -1;
      let bv = 0;
      let signed = 0;
      let any = 0;
      for (let r = 2 * lr; r < rEnd; r++) {
        for (let j = r * below.cols + 2 * lc, end = r * below.cols + cEnd; j < end; j++) {
          any |= below.anyBlocked[j] as number;
          const s = below.source[j] as number;
          if (s < 0) continue;
          const sv = below.value[j] as number;
          const v = magnitude ? Math.abs(sv) : sv;
          if (best < 0 || v > bv || (bv !== bv && v === v)) {
            best = s;
            bv = v;
            signed = sv;
          }
        }
      }
      const e = lr * level.cols + lc;
      level.source[e] = best;
      level.value[e] = signed;
      level.anyBlocked[e] = any;
    }
  }
  return level;
}

function emptyLevel(rows: number, cols: number, size: number): BuildLevel {
  return { rows, cols, size, source: new Int32Array(rows * cols), value: new Float32Array(rows * cols), anyBlocked: new Uint8Array(rows * cols) };
}
