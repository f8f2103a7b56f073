/**
 * The pooled pyramid (issue #13): pooling a window through it gives, for every pixel, the cell a
 * direct walk of that pixel's cells would give (pyramidEdges' spans), with the hatch rules of
 * poolCells ('all') and of the Mask ('any': a lone blocked cell stays visible) — while reading a
 * few entries per pixel instead of every cell.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { poolCells, type PoolBlocked, type PoolBy } from '../../src/viz/pool';
import { buildPoolPyramid, FIRST_KEPT_SIZE, poolWithPyramid, pyramidEdges } from '../../src/viz/poolPyramid';
import { LEVEL1_MAX_CELLS, VALUE_MIN_SIZE, withoutValues } from '../../src/engine/poolPyramid';
import { colorCells } from '../../src/viz/cellColors';
import { divergingScale, sequentialScale } from '../../src/viz/colorScales';
import { Scratch } from '../../src/viz/scratch';

/** One Scratch for every run below: each draw into it finds the previous, often larger, draw's arrays. */
const scratch = new Scratch();

/** A pooled result's arrays, copied (a Scratch's are overwritten by the next draw). */
const arraysOf = (p: { source: Int32Array; blocked: Uint8Array; shown: { value: Float64Array; empty: Uint8Array } }) =>
  [p.source, p.blocked, p.shown.value, p.shown.empty].map((a) => Array.from(a));

/** The reference: the best cell of rows [r0, r1) × cols [c0, c1), walked cell by cell (−1: all blocked), and whether any is blocked. */
function bruteRect(values: ArrayLike<number>, blocked: ArrayLike<number> | undefined, cols: number, r0: number, r1: number, c0: number, c1: number, by: PoolBy) {
  let best = -1;
  let bestValue = 0;
  let any = false;
  for (let r = r0; r < r1; r++) {
    for (let c = c0; c < c1; c++) {
      const i = r * cols + c;
      if (blocked?.[i]) { any = true; continue; }
      const v = by === 'magnitude' ? Math.abs(values[i]!) : values[i]!;
      if (best < 0 || v > bestValue || (Number.isNaN(bestValue) && !Number.isNaN(v))) [best, bestValue] = [i, v];
    }
  }
  return { best, bestValue, any };
}

/**
 * Equal values, NaN equal to NaN and 0 to −0 (SameValueZero): two cells that tie for a pixel's best
 * (0 and −0 compare equal) may be picked in either order, the pyramid's block by block, the walk's row by row.
 */
const sameValueZero = (a: number, b: number) => a === b || (a !== a && b !== b);

const cellValue = fc.oneof(
  { weight: 8, arbitrary: fc.float({ min: -4, max: 4, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, -Infinity, 0, -0, 1) },
);

const scenario = fc
  .record({ rows: fc.integer({ min: 1, max: 70 }), cols: fc.integer({ min: 1, max: 70 }) })
  .chain(({ rows, cols }) => fc.record({
    rows: fc.constant(rows),
    cols: fc.constant(cols),
    values: fc.array(cellValue, { minLength: rows * cols, maxLength: rows * cols }),
    blocked: fc.option(fc.array(fc.constantFrom(0, 0, 0, 1), { minLength: rows * cols, maxLength: rows * cols }), { nil: undefined }),
    row0: fc.integer({ min: 0, max: rows - 1 }),
    col0: fc.integer({ min: 0, max: cols - 1 }),
    wRows: fc.integer({ min: 1, max: rows }),
    wCols: fc.integer({ min: 1, max: cols }),
    outRows: fc.integer({ min: 1, max: 20 }),
    outCols: fc.integer({ min: 1, max: 20 }),
    by: fc.constantFrom<PoolBy>('max', 'magnitude'),
    hatch: fc.constantFrom<PoolBlocked>('all', 'any'),
  }))
  .map((s) => ({ ...s, wRows: Math.min(s.wRows, s.rows - s.row0), wCols: Math.min(s.wCols, s.cols - s.col0) }));

describe('poolWithPyramid', () => {
  test('every pixel shows the best cell of its span (or the first, hatched, when all are blocked), as a walk of those cells would', () => {
    fc.assert(fc.property(scenario, (s) => {
      const values = Float32Array.from(s.values);
      const blocked = s.blocked && Uint8Array.from(s.blocked);
      const pyramid = buildPoolPyramid(values, s.rows, s.cols, blocked, s.by);
      const window = { row0: s.row0, rows: s.wRows, col0: s.col0, cols: s.wCols };
      const pooled = poolWithPyramid(pyramid, values, blocked, s.outRows, s.outCols, window, s.hatch);
      const direct = poolCells(values, s.rows, s.cols, s.outRows, s.outCols, blocked, window, s.by, s.hatch);
      // the coarse levels' values are the matrix's: reading every value in the matrix picks the same cells
      const readInMatrix = poolWithPyramid(pyramid, values, blocked, s.outRows, s.outCols, window, s.hatch, false, false);
      expect(Array.from(readInMatrix.source)).toEqual(Array.from(pooled.source));
      expect([pooled.rows, pooled.cols]).toEqual([direct.rows, direct.cols]);
      // into a Scratch that held an earlier draw's arrays: the same result
      expect(arraysOf(poolWithPyramid(pyramid, values, blocked, s.outRows, s.outCols, window, s.hatch, false, true, scratch))).toEqual(arraysOf(pooled));
      // the pixels' spans: on the grid of the coarsest level that fits a pixel's block (none: poolSpan's)
      const block = Math.min(Math.floor(s.wRows / pooled.rows), Math.floor(s.wCols / pooled.cols));
      const size = Math.max(1, ...pyramid.levels.map((l) => l.size).filter((size) => size <= block));
      const rowEdges = pyramidEdges(s.row0, s.wRows, pooled.rows, size);
      const colEdges = pyramidEdges(s.col0, s.wCols, pooled.cols, size);
      for (let pr = 0; pr < pooled.rows; pr++) {
        for (let pc = 0; pc < pooled.cols; pc++) {
          const p = pr * pooled.cols + pc;
          const [r0, r1, c0, c1] = [rowEdges[pr]!, rowEdges[pr + 1]!, colEdges[pc]!, colEdges[pc + 1]!];
          const ref = bruteRect(values, blocked, s.cols, r0, r1, c0, c1, s.by);
          const shown = pooled.source[p]!;
          expect(Math.floor(shown / s.cols) >= r0 && Math.floor(shown / s.cols) < r1 && shown % s.cols >= c0 && shown % s.cols < c1).toBe(true);
          if (ref.best < 0) expect(shown).toBe(r0 * s.cols + c0);
          else expect(sameValueZero(s.by === 'magnitude' ? Math.abs(values[shown]!) : values[shown]!, ref.bestValue)).toBe(true);
          expect(pooled.blocked[p]).toBe((s.hatch === 'any' ? ref.any : ref.best < 0) ? 1 : 0);
          // what the pixel shows as read while pooling: the cell's value, or empty (every cell blocked)
          expect(pooled.shown.empty[p]).toBe(ref.best < 0 ? 1 : 0);
          expect(Object.is(pooled.shown.value[p], ref.best < 0 ? 0 : values[shown])).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });

  test('levels: blocks of 2, 4, 8 … cells a side, each a quarter of the one below, up to 16 entries a side', () => {
    const values = new Float32Array(300 * 70);
    const pyramid = buildPoolPyramid(values, 300, 70);
    expect(pyramid.levels.map((l) => [l.size, l.rows, l.cols])).toEqual([[2, 150, 35], [4, 75, 18], [8, 38, 9], [16, 19, 5], [32, 10, 3]]);
  });

  test('levels over LEVEL1_MAX_CELLS cells start at FIRST_KEPT_SIZE (level 1 is dropped)', () => {
    const [rows, cols] = [LEVEL1_MAX_CELLS / 1024 + 1, 1024];
    expect(buildPoolPyramid(new Float32Array(rows * cols), rows, cols).levels.map((l) => l.size)).toEqual([4, 8, 16, 32, 64, 128, 256]);
    expect(buildPoolPyramid(new Float32Array(LEVEL1_MAX_CELLS), rows - 1, cols).levels[0]!.size).toBe(2);
    expect(FIRST_KEPT_SIZE).toBe(4);
  });

  test('colorCells with the values the pooling read gives the bytes it gives reading the cells', () => {
    fc.assert(fc.property(scenario, fc.boolean(), fc.boolean(), (s, fade, causal) => {
      const values = Float32Array.from(s.values);
      // causal: whole blocks blocked above the diagonal (empty pixels, drawn in the blocked colour)
      const blocked = causal ? Uint8Array.from(values, (_, i) => (i % s.cols > Math.floor(i / s.cols) ? 1 : 0)) : s.blocked && Uint8Array.from(s.blocked);
      const pyramid = buildPoolPyramid(values, s.rows, s.cols, blocked, s.by);
      const window = { row0: s.row0, rows: s.wRows, col0: s.col0, cols: s.wCols };
      const pooled = poolWithPyramid(pyramid, values, blocked, s.outRows, s.outCols, window, s.hatch);
      const greyRows = fade ? Uint8Array.from({ length: s.rows }, (_, r) => r % 3 === 0 ? 1 : 0) : undefined;
      const input = { values, rows: s.rows, cols: s.cols, blocked, greyRows, color: s.by === 'magnitude' ? divergingScale(values, blocked) : sequentialScale() };
      const read = Array.from(colorCells(input, pooled.source));
      expect(Array.from(colorCells(input, pooled.source, undefined, pooled.shown))).toEqual(read);
      expect(Array.from(colorCells(input, pooled.source, undefined, pooled.shown, scratch))).toEqual(read);
    }), { numRuns: 200 });
  });

  test('levels of VALUE_MIN_SIZE cells a side and up keep each representative’s value (signed, float32; 0 without one), finer ones none; withoutValues drops them', () => {
    fc.assert(fc.property(scenario, (s) => {
      const values = Float32Array.from(s.values);
      const pyramid = buildPoolPyramid(values, s.rows, s.cols, s.blocked && Uint8Array.from(s.blocked), s.by);
      for (const level of pyramid.levels) {
        if (level.size < VALUE_MIN_SIZE) {
          expect(level.value).toBeUndefined();
          continue;
        }
        expect(level.value).toHaveLength(level.rows * level.cols);
        level.source.forEach((cell, e) => expect(Object.is(level.value![e], cell < 0 ? 0 : values[cell])).toBe(true));
      }
      const bare = withoutValues(pyramid);
      expect(bare.levels.every((l) => l.value === undefined)).toBe(true);
      bare.levels.forEach((l, i) => expect(l.source).toBe(pyramid.levels[i]!.source));
    }), { numRuns: 100 });
    expect(VALUE_MIN_SIZE).toBe(8);
  });

  test('pyramidEdges: poolSpan’s inner edges moved down to a multiple of the block size, the window’s edges kept', () => {
    expect(Array.from(pyramidEdges(0, 10, 3, 2))).toEqual([0, 2, 6, 10]);
    expect(Array.from(pyramidEdges(5, 40, 4, 8))).toEqual([5, 8, 24, 32, 45]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 5 }), (start, n, out, level) => {
      const size = 2 ** level;
      fc.pre(Math.floor(n / out) >= size && out <= n);
      const edges = Array.from(pyramidEdges(start, n, out, size));
      expect(edges[0]).toBe(start);
      expect(edges[out]).toBe(start + n);
      for (let j = 1; j < edges.length; j++) expect(edges[j]!).toBeGreaterThan(edges[j - 1]!);
      for (let j = 1; j < out; j++) expect(edges[j]! % size).toBe(0);
    }));
  });
});

describe('a 1024 × 1024 mask pooled to 64 × 64 through the pyramid', () => {
  const N = 1024;
  const allowedButOne = () => {
    const values = new Uint8Array(N * N).fill(1);
    const blocked = new Uint8Array(N * N);
    values[517 * N + 300] = 0;
    blocked[517 * N + 300] = 1;
    return { values, blocked };
  };

  test('the Mask’s lone blocked cell stays visible (hatch "any"): exactly its pixel is hatched; with "all" none is', () => {
    const { values, blocked } = allowedButOne();
    const pyramid = buildPoolPyramid(values, N, N, blocked);
    const any = poolWithPyramid(pyramid, values, blocked, 64, 64, undefined, 'any');
    expect(Array.from(any.blocked).flatMap((b, p) => (b ? [p] : []))).toEqual([Math.floor(517 / 16) * 64 + Math.floor(300 / 16)]);
    const all = poolWithPyramid(pyramid, values, blocked, 64, 64, undefined, 'all');
    expect(all.blocked.every((b) => b === 0)).toBe(true);
  });

  test('a draw reads a few entries per pixel, not every cell: at most 8 value reads per pixel where a direct walk reads 1 M', () => {
    const { values, blocked } = allowedButOne();
    const pyramid = buildPoolPyramid(values, N, N, blocked);
    let reads = 0;
    const counted = new Proxy(values, { get: (target, key) => {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key) as unknown;
    } });
    // a window off the pyramid's grid: its edges are read cell by cell, the rest from the pyramid
    poolWithPyramid(pyramid, counted, blocked, 64, 64, { row0: 3, rows: 1019, col0: 5, cols: 1013 });
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(8 * 64 * 64);
    reads = 0;
    poolCells(counted, N, N, 64, 64, blocked);
    expect(reads).toBe(N * N - 1); // the walk it replaces: every allowed cell
  });

  test('a whole-view draw through a level that keeps its values reads no cell of the matrix; told the values are another matrix’s, one per entry', () => {
    const { values, blocked } = allowedButOne();
    const weights = Float32Array.from(values, (v, i) => v * ((i * 7919) % 1000) / 1000); // an order within each block
    const pyramid = buildPoolPyramid(weights, N, N, blocked);
    let reads = 0;
    const counted = new Proxy(weights, { get: (target, key) => {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key) as unknown;
    } });
    const own = poolWithPyramid(pyramid, counted, blocked, 64, 64); // blocks of 16 cells: level 16 keeps values
    expect(reads).toBe(0);
    const other = poolWithPyramid(pyramid, counted, blocked, 64, 64, undefined, 'all', false, false);
    expect(reads).toBe(64 * 64);
    expect(Array.from(other.source)).toEqual(Array.from(own.source));
  });
});

describe('coarsen: a zoom window 2–3 cells a pixel on a matrix without level 1', () => {
  const [rows, cols] = [LEVEL1_MAX_CELLS / 1024 + 1, 1024];
  let seed = 11;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const values = Float32Array.from({ length: rows * cols }, () => next() * 8 - 4);
  const blocked = Uint8Array.from({ length: rows * cols }, (_, i) => (i % cols > Math.floor(i / cols) || next() < 0.01 ? 1 : 0));
  const pyramid = buildPoolPyramid(values, rows, cols, blocked, 'magnitude');
  const window = { row0: 501, rows: 43, col0: 37, cols: 41 };

  test('pools onto level 2’s grid (⌊43 / 4⌋ × ⌊41 / 4⌋ pixels), each the best cell of its span, hatched ("any") where a cell of it is blocked', () => {
    const pooled = poolWithPyramid(pyramid, values, blocked, 17, 15, window, 'any', true);
    expect([pooled.rows, pooled.cols]).toEqual([10, 10]);
    const rowEdges = pyramidEdges(window.row0, window.rows, 10, 4);
    const colEdges = pyramidEdges(window.col0, window.cols, 10, 4);
    for (let pr = 0; pr < 10; pr++) {
      for (let pc = 0; pc < 10; pc++) {
        const ref = bruteRect(values, blocked, cols, rowEdges[pr]!, rowEdges[pr + 1]!, colEdges[pc]!, colEdges[pc + 1]!, 'magnitude');
        if (ref.best >= 0) expect(Math.abs(values[pooled.source[pr * 10 + pc]!]!)).toBe(ref.bestValue);
        expect(pooled.blocked[pr * 10 + pc]).toBe(ref.any ? 1 : 0);
      }
    }
  });

  test('without coarsen (an exported figure) the pixels asked for, walking the cells', () => {
    const pooled = poolWithPyramid(pyramid, values, blocked, 17, 15, window, 'any');
    expect([pooled.rows, pooled.cols]).toEqual([17, 15]);
  });

  test('a block of one cell a pixel is never coarsened', () => {
    const pooled = poolWithPyramid(pyramid, values, blocked, 43, 41, window, 'any', true);
    expect([pooled.rows, pooled.cols]).toEqual([43, 41]);
  });
});
