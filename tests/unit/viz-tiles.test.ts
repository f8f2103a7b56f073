import { describe, expect, it } from 'vitest';
import { tileStates } from '../../src/engine/maskCost';
import { validateSpec } from '../../src/viz/heatmap';
import { outlineStyle, TILE_STATE, tileRects } from '../../src/viz/heatmapTiles';
import type { HeatmapSpec } from '../../src/viz/types';

const { empty: E, partial: P, full: F } = TILE_STATE;

/** Rectangles as [x, y, width, height, state] rows, for readable assertions. */
const boxes = (rects: ReturnType<typeof tileRects>) => rects.map((r) => [r.x, r.y, r.width, r.height, r.state]);

describe('tileRects', () => {
  it('tileRects of an 8×8 matrix, tile 4, 10 × 10 px cells: four 40 × 40 px tiles, row-major', () => {
    const tiles = { size: 4, tileRows: 2, tileCols: 2, states: [P, E, F, P] };
    expect(boxes(tileRects(tiles, 8, 8, 10, 10))).toEqual([
      [0, 0, 40, 40, P],
      [40, 0, 40, 40, E],
      [0, 40, 40, 40, F],
      [40, 40, 40, 40, P],
    ]);
  });
  it('tileRects of a 6×6 matrix, tile 4, rectangular 10 × 5 px cells: edge tiles clipped to the matrix', () => {
    // columns 0–3 | 4–5 → 40 | 20 px wide; rows 0–3 | 4–5 → 20 | 10 px tall
    const tiles = { size: 4, tileRows: 2, tileCols: 2, states: [P, E, F, P] };
    expect(boxes(tileRects(tiles, 6, 6, 10, 5))).toEqual([
      [0, 0, 40, 20, P],
      [40, 0, 20, 20, E],
      [0, 20, 40, 10, F],
      [40, 20, 20, 10, P],
    ]);
  });
  it('tileRects with sub-pixel (pooled) cells: 40×40 matrix, tile 16, 0.75 px cells → 12 px tiles, last one 6 px', () => {
    const tiles = { size: 16, tileRows: 3, tileCols: 3, states: new Array<number>(9).fill(F) };
    const rects = tileRects(tiles, 40, 40, 0.75, 0.75);
    expect(rects.filter((r) => r.tileRow === 0).map((r) => [r.x, r.width])).toEqual([
      [0, 12],
      [12, 12],
      [24, 6],
    ]);
    // the tiles cover the matrix exactly: 40 × 0.75 = 30 px
    const last = rects[8]!;
    expect([last.x + last.width, last.y + last.height]).toEqual([30, 30]);
  });
  it('tileRects of a decode step (1×12, tile 16): one tile the size of the matrix', () => {
    const t = tileStates(new Uint8Array(12).fill(1), 1, 12, 16);
    expect(boxes(tileRects(t, 1, 12, 30, 24))).toEqual([[0, 0, 360, 24, F]]);
  });
  it('tileRects of engine tileStates (6×6 causal, tile 4) at 40 px cells', () => {
    const mask = Uint8Array.from({ length: 36 }, (_, i) => (i % 6 <= Math.floor(i / 6) ? 1 : 0));
    expect(boxes(tileRects(tileStates(mask, 6, 6, 4), 6, 6, 40, 40))).toEqual([
      [0, 0, 160, 160, P],
      [160, 0, 80, 160, E],
      [0, 160, 160, 80, F],
      [160, 160, 80, 80, P],
    ]);
  });
});

describe('outlineStyle', () => {
  it('outlineStyle keeps the halo inside the tile: inset = halo / 2', () => {
    expect(outlineStyle(40, 40)).toEqual({ stroke: 2, halo: 4, inset: 2, dash: '5 3' });
    expect(outlineStyle(12, 40)).toEqual({ stroke: 1.25, halo: 2.5, inset: 1.25, dash: '3 2' });
  });
  it('outlineStyle of a tiny tile (4 px): a 1 px line without halo', () => {
    expect(outlineStyle(4, 4)).toEqual({ stroke: 1, halo: 0, inset: 0.5, dash: '2 1' });
  });
});

describe('validateSpec with tiles', () => {
  const base: HeatmapSpec = { values: new Float32Array(36), rows: 6, cols: 6, rowLabels: [], colLabels: [], color: () => '#000', ariaLabel: 'm' };
  it('validateSpec accepts ⌈rows/size⌉ × ⌈cols/size⌉ tiles', () => {
    expect(() => validateSpec({ ...base, tiles: { size: 4, tileRows: 2, tileCols: 2, states: [P, E, F, P] } })).not.toThrow();
  });
  it('validateSpec rejects tiles of the wrong grid, states of the wrong length, a size < 1', () => {
    expect(() => validateSpec({ ...base, tiles: { size: 4, tileRows: 1, tileCols: 2, states: [P, E] } })).toThrow(/tiles are 1×2, expected/);
    expect(() => validateSpec({ ...base, tiles: { size: 4, tileRows: 2, tileCols: 2, states: [P] } })).toThrow(/tiles.states has length 1/);
    expect(() => validateSpec({ ...base, tiles: { size: 0, tileRows: 2, tileCols: 2, states: [P] } })).toThrow(/tiles.size/);
  });
});
