import { describe, expect, it } from 'vitest';
import { batchMaskCost, maskCost, TileState, tileStates } from '../../src/engine/maskCost';
import { TILE_STATE } from '../../src/viz/heatmapTiles';
import { flat } from '../helpers/arrays';

const E = TileState.empty;
const P = TileState.partial;
const F = TileState.full;

/** Causal (k ≤ q) mask of n × n, written by a rule only where the test says so. */
const causal = (n: number) => Uint8Array.from({ length: n * n }, (_, i) => (i % n <= Math.floor(i / n) ? 1 : 0));

/** The tile states as rows, for readable assertions. */
const grid = (t: { tileRows: number; tileCols: number; states: Uint8Array }) =>
  Array.from({ length: t.tileRows }, (_, r) => Array.from(t.states.subarray(r * t.tileCols, (r + 1) * t.tileCols)));

describe('maskCost', () => {
  it('maskCost of a 4×4 causal mask: 10 of 16 allowed, 37.5 % saved', () => {
    const mask = Uint8Array.from(flat([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ]));
    expect(maskCost(mask, 4, 4)).toEqual({ allowed: 10, total: 16, allowedShare: 0.625, savedShare: 0.375 });
  });
  it('maskCost of a full and an empty 2×3 mask: nothing saved / everything saved', () => {
    expect(maskCost(Uint8Array.from([1, 1, 1, 1, 1, 1]), 2, 3)).toEqual({ allowed: 6, total: 6, allowedShare: 1, savedShare: 0 });
    expect(maskCost(new Uint8Array(6), 2, 3)).toEqual({ allowed: 0, total: 6, allowedShare: 0, savedShare: 1 });
  });
  it('maskCost of a 0×4 mask: shares are 0, not NaN', () => {
    expect(maskCost(new Uint8Array(0), 0, 4)).toEqual({ allowed: 0, total: 0, allowedShare: 0, savedShare: 0 });
  });
  it('maskCost counts any non-zero value as allowed', () => {
    expect(maskCost([0, 2, 255, 0], 2, 2).allowed).toBe(2);
  });
  it('maskCost throws a RangeError naming the shape when the mask is not [rows × cols]', () => {
    expect(() => maskCost(new Uint8Array(15), 4, 4)).toThrow(/maskCost: mask has length 15, expected \[4×4\] = 16/);
    expect(() => maskCost(new Uint8Array(0), -1, 0)).toThrow(RangeError);
  });
});

describe('tileStates', () => {
  it('tileStates of an 8×8 causal mask, tile 4: [[partial, empty], [full, partial]]', () => {
    const mask = Uint8Array.from(flat([
      [1, 0, 0, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 0, 0, 0],
      [1, 1, 1, 1, 0, 0, 0, 0],
      [1, 1, 1, 1, 1, 0, 0, 0],
      [1, 1, 1, 1, 1, 1, 0, 0],
      [1, 1, 1, 1, 1, 1, 1, 0],
      [1, 1, 1, 1, 1, 1, 1, 1],
    ]));
    const t = tileStates(mask, 8, 8, 4);
    expect(grid(t)).toEqual([
      [P, E],
      [F, P],
    ]);
    expect({ size: t.size, tileRows: t.tileRows, tileCols: t.tileCols, empty: t.empty, partial: t.partial, full: t.full, total: t.total })
      .toEqual({ size: 4, tileRows: 2, tileCols: 2, empty: 1, partial: 2, full: 1, total: 4 });
    expect(t.computedShare).toBe(0.75);
    expect(t.computedCellShare).toBe(0.75);
  });
  it('tileStates of a 6×6 causal mask, tile 4: edge tiles judged by the cells they hold', () => {
    // tiles: rows 0–3 | 4–5, cols 0–3 | 4–5
    //   1 0 0 0 | 0 0      (0,0) 4×4 partial   (0,1) 4×2 empty
    //   1 1 0 0 | 0 0
    //   1 1 1 0 | 0 0
    //   1 1 1 1 | 0 0
    //   --------+----
    //   1 1 1 1 | 1 0      (1,0) 2×4 full      (1,1) 2×2 partial
    //   1 1 1 1 | 1 1
    const mask = Uint8Array.from(flat([
      [1, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [1, 1, 1, 1, 0, 0],
      [1, 1, 1, 1, 1, 0],
      [1, 1, 1, 1, 1, 1],
    ]));
    const t = tileStates(mask, 6, 6, 4);
    expect(grid(t)).toEqual([
      [P, E],
      [F, P],
    ]);
    expect([t.empty, t.partial, t.full, t.total]).toEqual([1, 2, 1, 4]);
    // computed tiles hold 16 + 8 + 4 = 28 of 36 cells
    expect(t.computedCellShare).toBeCloseTo(28 / 36, 12);
  });
  it("tileStates with edges 'padded' (create_block_mask pads with blocked cells): no edge tile is full", () => {
    const t = tileStates(causal(6), 6, 6, 4, { edges: 'padded' });
    expect(grid(t)).toEqual([
      [P, E],
      [P, P],
    ]);
    expect([t.empty, t.partial, t.full]).toEqual([1, 3, 0]);
  });
  it('tileStates of a fully allowed 3×5 mask, tile 4: one row of two full tiles (the second 3×1)', () => {
    const t = tileStates(new Uint8Array(15).fill(1), 3, 5, 4);
    expect(grid(t)).toEqual([[F, F]]);
    expect(t.computedShare).toBe(1);
  });
  it('tileStates with a tile larger than the matrix: one tile (a 4×4 causal mask, tile 16 → partial)', () => {
    const t = tileStates(causal(4), 4, 4, 16);
    expect(grid(t)).toEqual([[P]]);
  });
  it('tileStates of a block-diagonal 4×4 mask, tile 2: full tiles on the diagonal, empty elsewhere', () => {
    const mask = Uint8Array.from(flat([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 1],
      [0, 0, 1, 1],
    ]));
    const t = tileStates(mask, 4, 4, 2);
    expect(grid(t)).toEqual([
      [F, E],
      [E, F],
    ]);
    expect(t.computedShare).toBe(0.5);
  });
  it('tileStates of a 0×0 mask: no tiles, shares 0', () => {
    const t = tileStates(new Uint8Array(0), 0, 0, 16);
    expect([t.tileRows, t.tileCols, t.total, t.computedShare, t.computedCellShare]).toEqual([0, 0, 0, 0, 0]);
  });
  it('tileStates throws a RangeError for a tile size that is not a whole number ≥ 1', () => {
    expect(() => tileStates(causal(4), 4, 4, 0)).toThrow(/tileStates: tile size must be a whole number ≥ 1, got 0/);
    expect(() => tileStates(causal(4), 4, 4, 1.5)).toThrow(RangeError);
    expect(() => tileStates(causal(4), 4, 5, 2)).toThrow(/expected \[4×5\] = 20/);
  });
  it('TileState codes are the viz overlay codes (TILE_STATE)', () => {
    expect(TileState).toEqual(TILE_STATE);
  });
});

describe('batchMaskCost', () => {
  const mask = Uint8Array.from([
    // b0 h0: causal 4×4 (10 allowed)
    ...flat([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ]),
    // b0 h1: all allowed (16)
    ...new Array<number>(16).fill(1),
  ]);
  const shape = { batch: 1, heads: 2, queryLength: 4, keyLength: 4 };

  it('batchMaskCost of [1,2,4,4] (causal head, full head): 26 of 32 allowed', () => {
    expect(batchMaskCost(mask, shape)).toEqual({ allowed: 26, total: 32, allowedShare: 26 / 32, savedShare: 6 / 32, slices: 2, tiles: null });
  });
  it('batchMaskCost with tile 2 sums the tiles of each (b, h): empty 1, partial 2, full 5 of 8', () => {
    // head 0: [[P, E], [F, P]]; head 1: [[F, F], [F, F]]
    const c = batchMaskCost(mask, shape, 2);
    expect(c.tiles).toEqual({ size: 2, empty: 1, partial: 2, full: 5, total: 8, computedShare: 7 / 8, computedCellShare: 28 / 32 });
  });
  it('batchMaskCost tiles each (b, h) on its own: heads are not merged into one matrix', () => {
    // two 1×2 heads [1, 0] and [0, 1], tile 2: each is one partial tile (merged they would be one full tile)
    const c = batchMaskCost(Uint8Array.from([1, 0, 0, 1]), { batch: 2, heads: 1, queryLength: 1, keyLength: 2 }, 2);
    expect(c.tiles).toMatchObject({ partial: 2, full: 0, total: 2 });
  });
  it('batchMaskCost throws a RangeError when the mask is not [B,H,Lq,Lk]', () => {
    expect(() => batchMaskCost(new Uint8Array(31), shape)).toThrow(/batchMaskCost: mask has length 31, expected \[1,2,4,4\] = 32/);
  });
});
