import { describe, expect, test } from 'vitest';
import { contrastRatio } from '../../src/viz/colorScales';
import { DEFAULT_FONT_SIZE } from '../../src/viz/heatmap';
import { AXIS_TITLE_COLOR, MUTED_TEXT_COLOR, TEXT_COLOR } from '../../src/viz/heatmapAxes';
import { imageGrid } from '../../src/viz/heatmapCanvas';
import {
  chooseCellDims,
  heatmapLayout,
  pointToCell,
  readablePx,
  snapCellEdge,
} from '../../src/viz/layout';
import { fitHeatmapLayout } from '../../src/viz/fitLayout';
import type { FitInput } from '../../src/viz/fitLayout';
import { gatherRgba, poolCells, poolSpan } from '../../src/viz/pool';

describe('chooseCellDims', () => {
  test('chooseCellDims of a small square matrix: 40 × 40 (60 clamped)', () => {
    expect(chooseCellDims(6, 6)).toEqual({ cellWidth: 40, cellHeight: 40 });
    expect(chooseCellDims(0, 0)).toEqual({ cellWidth: 40, cellHeight: 40 });
  });
  test('chooseCellDims 3×200 (cross-attention): 1.8 px wide columns, 24 px tall readable rows', () => {
    // w = 360/200 = 1.8; h = 40 would be 22:1, the aspect limit gives 7.2, the label floor
    // min(40, 24, 360/(3·3)) = 24 wins: a 360 × 72 px matrix.
    expect(chooseCellDims(3, 200)).toEqual({ cellWidth: 1.8, cellHeight: 24 });
  });
  test('chooseCellDims 200×3 is the transpose: 24 px wide columns, 1.8 px rows', () => {
    expect(chooseCellDims(200, 3)).toEqual({ cellWidth: 24, cellHeight: 1.8 });
  });
  test('chooseCellDims fills each axis separately: 12×20 → 18 × 30 (both axes 360 px)', () => {
    expect(chooseCellDims(12, 20)).toEqual({ cellWidth: 18, cellHeight: 30 });
  });
  test('chooseCellDims 20×200: the 4:1 aspect limit keeps it a wide matrix (7.2 → 7 px rows)', () => {
    // label floor min(18, 24, 360/60 = 6) = 6 < 7.2, so the aspect limit decides
    expect(chooseCellDims(20, 200)).toEqual({ cellWidth: 1.8, cellHeight: 7 });
  });
  test('chooseCellDims 512×512: 1 px cells (0.70 clamped to the 1 px minimum)', () => {
    expect(chooseCellDims(512, 512)).toEqual({ cellWidth: 1, cellHeight: 1 });
  });
  test('chooseCellDims 100×100 rounds cells of ≥ 3 px down to whole px: 3.6 → 3', () => {
    expect(chooseCellDims(100, 100)).toEqual({ cellWidth: 3, cellHeight: 3 });
  });
  test('chooseCellDims with maxMatrixWidth shrinks both edges, below 1 px if need be', () => {
    expect(chooseCellDims(512, 512, { maxMatrixWidth: 384 })).toEqual({ cellWidth: 0.75, cellHeight: 0.75 });
    expect(chooseCellDims(6, 6, { maxMatrixWidth: 120 })).toEqual({ cellWidth: 20, cellHeight: 20 });
  });
  test('chooseCellDims with maxMatrixWidth keeps a few rows readable', () => {
    // 3×200 in 250 px: k = 250/360, w = 1.25, h = max(24·k, 24) = 24
    expect(chooseCellDims(3, 200, { maxMatrixWidth: 250 })).toEqual({ cellWidth: 1.25, cellHeight: 24 });
  });
  test('chooseCellDims with room to spare does not grow the cells', () => {
    expect(chooseCellDims(6, 6, { maxMatrixWidth: 1000 })).toEqual({ cellWidth: 40, cellHeight: 40 });
  });
  test('chooseCellDims honours maxAspect and labelPx', () => {
    // 3×200, aspect 1:1, label floor 0 → square 1.8 px cells
    expect(chooseCellDims(3, 200, { maxAspect: 1, labelPx: 0 })).toEqual({ cellWidth: 1.8, cellHeight: 1.8 });
    // 3×200, label floor 30: min(40, 30, 40) = 30
    expect(chooseCellDims(3, 200, { labelPx: 30 })).toEqual({ cellWidth: 1.8, cellHeight: 30 });
  });
  test('chooseCellDims never exceeds maxMatrixWidth', () => {
    for (const [rows, cols, room] of [[512, 512, 383], [7, 333, 101], [64, 1000, 450], [1, 3, 7]] as const) {
      const { cellWidth } = chooseCellDims(rows, cols, { maxMatrixWidth: room });
      expect(cols * cellWidth).toBeLessThanOrEqual(room + 1e-6);
    }
  });
  test('readablePx is 1.8 × the font size, rounded up: 24 at 13 px', () => {
    expect(readablePx(13)).toBe(24);
    expect(readablePx(12)).toBe(22);
  });
  test('snapCellEdge: whole px from 3 px up, 1/1000 px below, never rounding up', () => {
    expect(snapCellEdge(3.99)).toBe(3);
    expect(snapCellEdge(40)).toBe(40);
    expect(snapCellEdge(2.9999)).toBe(2.999);
    expect(snapCellEdge(0.7519)).toBe(0.751);
    expect(snapCellEdge(1.8)).toBe(1.8);
  });
});

describe('pointToCell with rectangular cells', () => {
  test('pointToCell on 1.8 × 24 px cells (3×200) uses the width for x and the height for y', () => {
    expect(pointToCell(10, 30, 1.8, 3, 200, 24)).toEqual({ row: 1, col: 5 });
    expect(pointToCell(359.9, 71.9, 1.8, 3, 200, 24)).toEqual({ row: 2, col: 199 });
    expect(pointToCell(10, 72, 1.8, 3, 200, 24)).toBeNull();
  });
  test('pointToCell on 0.75 px cells of 512×512', () => {
    expect(pointToCell(150, 300, 0.75, 512, 512, 0.75)).toEqual({ row: 400, col: 200 });
  });
});

describe('heatmapLayout with rectangular cells and axis titles', () => {
  test('heatmapLayout sizes the matrix as cols × cellWidth by rows × cellHeight', () => {
    const L = heatmapLayout({ rows: 3, cols: 200, cellWidth: 1.8, cellHeight: 24, fontSize: 13, rowLabelWidth: 20, colLabelWidth: 30, hasTitle: false });
    // left = ⌈19.5⌉ + 20 + 6; top = 20 + 30 + 6
    expect(L).toMatchObject({ matrixWidth: 360, matrixHeight: 72, left: 46, top: 56, right: 20, bottom: 4, width: 426, height: 132 });
  });
  test('heatmapLayout throws without a cell size', () => {
    expect(() => heatmapLayout({ rows: 1, cols: 1, fontSize: 13, rowLabelWidth: 0, colLabelWidth: 0, hasTitle: false }))
      .toThrow('heatmapLayout: give cellSize, or both cellWidth and cellHeight');
  });
  test('heatmapLayout of a one-row strip makes room below for the rotated row axis title', () => {
    // top = 20 + 20 + 6 = 46, matrix 10 px tall; title 60 px centred at 46 + 5 = 51 → ends at 81;
    // bottom = 81 + 2 − 56 + 1 = 28 → height 84
    const L = heatmapLayout({ rows: 1, cols: 10, cellSize: 10, fontSize: 13, rowLabelWidth: 20, colLabelWidth: 20, hasTitle: false, rowAxisTitleWidth: 60 });
    expect(L).toMatchObject({ top: 46, matrixHeight: 10, rowTitleY: 51, bottom: 28, height: 84 });
    expect(L.rowTitleY + 60 / 2).toBeLessThanOrEqual(L.height - 2);
  });
  test('heatmapLayout keeps the last row label inside when rows are thin', () => {
    // 6 px rows at 13 px font: the label reaches 0.6·13 − 3 = 4.8 px below the matrix → bottom 6
    const L = heatmapLayout({ rows: 4, cols: 4, cellSize: 6, fontSize: 13, rowLabelWidth: 20, colLabelWidth: 20, hasTitle: false });
    expect(L.bottom).toBe(6);
  });
  test('heatmapLayout of a one-column matrix is wide enough for the column axis title', () => {
    const L = heatmapLayout({ rows: 4, cols: 1, cellSize: 10, fontSize: 13, rowLabelWidth: 20, colLabelWidth: 20, hasTitle: false, colAxisTitleWidth: 80 });
    // left 46, colTitleX = 46 + 5 = 51, right end 51 + 40 + 2 = 93
    expect(L).toMatchObject({ left: 46, colTitleX: 51, width: 93 });
  });
  test('heatmapLayout keeps the row axis title below the heatmap title', () => {
    const L = heatmapLayout({ rows: 1, cols: 4, cellSize: 4, fontSize: 13, rowLabelWidth: 10, colLabelWidth: 0, hasTitle: true, rowAxisTitleWidth: 120 });
    expect(L.rowTitleY - 60).toBeGreaterThanOrEqual(L.titleBand);
    expect(L.rowTitleY + 60).toBeLessThanOrEqual(L.height);
  });
});

describe('fitHeatmapLayout', () => {
  const base = (over: Partial<FitInput>): FitInput => ({
    rows: 512, cols: 512, fontSize: 13, hasTitle: false, labelWidths: () => ({ row: 40, col: 40 }), ...over,
  });
  test('fitHeatmapLayout without maxWidth keeps the chosen cells (512×512: 1 px, 598 px wide)', () => {
    const L = fitHeatmapLayout(base({}));
    expect(L).toMatchObject({ cellWidth: 1, cellHeight: 1, left: 66, right: 20, width: 598 });
  });
  test('fitHeatmapLayout 512×512 into 470 px: 0.75 px cells, exactly 470 px wide', () => {
    // room = 470 − 66 − 20 = 384 = 512 × 0.75
    const L = fitHeatmapLayout(base({ maxWidth: 470 }));
    expect(L).toMatchObject({ cellWidth: 0.75, cellHeight: 0.75, matrixWidth: 384, matrixHeight: 384, width: 470 });
  });
  test('fitHeatmapLayout re-measures labels after shrinking and still fits when they grow', () => {
    const labelWidths = (_w: number, h: number) => ({ row: h < 1 ? 60 : 40, col: 40 });
    const L = fitHeatmapLayout(base({ maxWidth: 470, labelWidths }));
    // round 1: 0.75 px, labels 60 → left 86 → 490 px; round 2: room 364 → 0.710 px
    expect(L.left).toBe(86);
    expect(L.cellWidth).toBe(0.71);
    expect(L.left + L.matrixWidth + L.right).toBeLessThanOrEqual(470);
    expect(L.width).toBe(470);
  });
  test('fitHeatmapLayout 3×200 into 300 px keeps 24 px rows', () => {
    const L = fitHeatmapLayout(base({ rows: 3, cols: 200, maxWidth: 300, labelWidths: () => ({ row: 20, col: 30 }) }));
    // left 46, right 20 → room 234 → 1.17 px columns
    expect(L).toMatchObject({ cellWidth: 1.17, cellHeight: 24, matrixHeight: 72 });
    expect(L.width).toBeLessThanOrEqual(300);
  });
  test('fitHeatmapLayout shrinks an explicit cellSize to the room, square', () => {
    const L = fitHeatmapLayout(base({ rows: 10, cols: 10, cellSize: 40, maxWidth: 286 }));
    // room = 286 − 86 = 200 → 20 px
    expect(L).toMatchObject({ cellWidth: 20, cellHeight: 20, width: 286 });
    expect(fitHeatmapLayout(base({ rows: 10, cols: 10, cellSize: 40, maxWidth: 1000 })).cellWidth).toBe(40);
  });
  test('fitHeatmapLayout with a maxWidth below the margins gives a 1 px wide matrix', () => {
    const L = fitHeatmapLayout(base({ rows: 4, cols: 4, maxWidth: 50 }));
    expect(L.matrixWidth).toBeCloseTo(1, 6);
  });
});

describe('row-notes column', () => {
  test('heatmapLayout with rowNotesWidth 30: the column after the 18 px marker band, right = 18 + 4 + 30 + 4', () => {
    const L = heatmapLayout({ rows: 6, cols: 6, cellSize: 40, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false, rowNotesWidth: 30 });
    // left 54, matrix 240 → marker band [294, 312), notes [316, 346), 4 px after
    expect(L).toMatchObject({ left: 54, flagBand: 18, notesLeft: 316, notesWidth: 30, right: 56, width: 350 });
  });
  test('heatmapLayout without notes keeps right = the marker band (notesWidth 0)', () => {
    const L = heatmapLayout({ rows: 6, cols: 6, cellSize: 40, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false });
    expect(L).toMatchObject({ right: 18, notesWidth: 0, width: 312 });
  });
  test('fitHeatmapLayout 512×512 with a 30 px notes column into 470 px: the cells shrink, the drawing still fits', () => {
    const L = fitHeatmapLayout({ rows: 512, cols: 512, fontSize: 13, hasTitle: false, maxWidth: 470, labelWidths: () => ({ row: 40, col: 40, notes: 30 }) });
    // left 66, right 20 + 38 = 58 → room 346 → 0.6757 → 0.675 px
    expect(L).toMatchObject({ cellWidth: 0.675, right: 58, notesWidth: 30 });
    expect(L.left + L.matrixWidth + L.right).toBeLessThanOrEqual(470);
    expect(L.width).toBeLessThanOrEqual(470);
  });
});

describe('fitHeatmapLayout in a box (maxHeight, maxCellPx)', () => {
  const box = (over: Partial<FitInput>): FitInput => ({
    rows: 6, cols: 6, fontSize: 20, hasTitle: false, labelWidths: () => ({ row: 60, col: 60 }), maxWidth: 760, maxHeight: 560, ...over,
  });
  test('fitHeatmapLayout 6×6 into 760×560 at fontSize 20, cells ≤ 120: 76 px cells, a 456 px matrix', () => {
    // top = 30 + 60 + 6 = 96, bottom 4 → 6·h ≤ 460 → h = 76 (77 would make the drawing 562 px tall)
    const L = fitHeatmapLayout(box({ maxCellPx: 120 }));
    expect(L).toMatchObject({ cellWidth: 76, cellHeight: 76, matrixHeight: 456, height: 556 });
    expect(L.matrixHeight).toBeGreaterThanOrEqual(360);
    expect(L.width).toBeLessThanOrEqual(760);
  });
  test('fitHeatmapLayout in a box, Q [6 × 8]: bound by the height, the narrower edge grows to square (36 × 36, not 27 × 36); bound by the width it cannot (36 × 49)', () => {
    // margins: left 30 + 60 + 6 = 96, right 30, top 96, bottom 4
    // 600 × 320: rows ≤ (320 − 100) / 6 = 36.7 → T = 220 → width T / 8 = 27.5; then 8·w ≤ 474 lets it grow to 36
    expect(fitHeatmapLayout(box({ rows: 6, cols: 8, maxWidth: 600, maxHeight: 320, maxCellPx: 120 }))).toMatchObject({ cellWidth: 36, cellHeight: 36 });
    // 420 × 400: columns ≤ (420 − 126) / 8 = 36.75 → T = 294 → height T / 6 = 49: the width is the limit
    expect(fitHeatmapLayout(box({ rows: 6, cols: 8, maxWidth: 420, maxHeight: 400, maxCellPx: 120 }))).toMatchObject({ cellWidth: 36, cellHeight: 49 });
  });
  test('fitHeatmapLayout in a box keeps the default 40 px cap without maxCellPx', () => {
    expect(fitHeatmapLayout(box({}))).toMatchObject({ cellWidth: 40, cellHeight: 40 });
  });
  test('fitHeatmapLayout in a box counts the title: 6×6 with a title gets 70 px cells', () => {
    // titleBand 38 → top 134 → 6·h ≤ 560 − 138 = 422 → 70
    expect(fitHeatmapLayout(box({ maxCellPx: 120, hasTitle: true }))).toMatchObject({ cellWidth: 70, cellHeight: 70 });
  });
  test('fitHeatmapLayout in a box counts the row notes: a wide notes column narrows the cells', () => {
    // width: left 96 + 6w + right (30 + 4 + 200 + 4) ≤ 760 → w ≤ 71
    const L = fitHeatmapLayout(box({ maxCellPx: 120, labelWidths: () => ({ row: 60, col: 60, notes: 200 }) }));
    expect(L).toMatchObject({ cellWidth: 71, cellHeight: 71 });
    expect(L.left + L.matrixWidth + L.right).toBeLessThanOrEqual(760);
  });
  test('fitHeatmapLayout with maxCellPx and maxWidth only: the cells fill the width (6×6 in 400 px → 52 px)', () => {
    // fontSize 13, labels 40: left 66, right 20 → 314 / 6 = 52.3
    const L = fitHeatmapLayout({ rows: 6, cols: 6, fontSize: 13, hasTitle: false, labelWidths: () => ({ row: 40, col: 40 }), maxWidth: 400, maxCellPx: 100 });
    expect(L.cellWidth).toBe(52);
  });
  test('fitHeatmapLayout with maxCellPx but no room keeps the 360 px target, cells up to maxCellPx', () => {
    const L = fitHeatmapLayout({ rows: 6, cols: 6, fontSize: 13, hasTitle: false, labelWidths: () => ({ row: 40, col: 40 }), maxCellPx: 100 });
    expect(L.cellWidth).toBe(60);
  });
  test('fitHeatmapLayout in a box with an explicit cellSize shrinks it, square, to fit the height', () => {
    // 10×10, top 66, bottom 4 → 10·e ≤ 130 → 13
    const L = fitHeatmapLayout({ rows: 10, cols: 10, cellSize: 30, fontSize: 13, hasTitle: false, labelWidths: () => ({ row: 40, col: 40 }), maxHeight: 200 });
    expect(L).toMatchObject({ cellWidth: 13, cellHeight: 13 });
  });
  test('fitHeatmapLayout 3×200 in a 760×560 box keeps the shape rules: 3 px columns, 24 px rows', () => {
    // w = 4 would need 66 + 800 + 20 > 760; rows keep the 24 px label floor
    const L = fitHeatmapLayout({ rows: 3, cols: 200, fontSize: 13, hasTitle: false, labelWidths: () => ({ row: 40, col: 40 }), maxWidth: 760, maxHeight: 560, maxCellPx: 120 });
    expect(L).toMatchObject({ cellWidth: 3, cellHeight: 24, matrixWidth: 600 });
  });
  test('fitHeatmapLayout 4096×4096 in a 760×560 box: each axis shrinks below 1 px to its room', () => {
    const L = fitHeatmapLayout({ rows: 4096, cols: 4096, fontSize: 13, hasTitle: false, labelWidths: () => ({ row: 40, col: 40 }), maxWidth: 760, maxHeight: 560 });
    expect(L.cellWidth).toBeLessThan(1);
    expect(L.left + L.matrixWidth + L.right).toBeLessThanOrEqual(760);
    expect(L.height).toBeLessThanOrEqual(560);
    expect(L.matrixWidth).toBeGreaterThan(600);
    expect(L.matrixHeight).toBeGreaterThan(450);
  });
  test('fitHeatmapLayout zoomed in a box: cells of the whole 64×64 fit the box, then grow × 4 for a 16×16 window', () => {
    // whole: rows ≤ (560 − 66 − 4) / 64 = 7.66 → 7 px; window cells 7 · 64/16 = 28 px, frame 448 px
    const L = fitHeatmapLayout({ rows: 16, cols: 16, whole: { rows: 64, cols: 64 }, fontSize: 13, hasTitle: false, labelWidths: () => ({ row: 40, col: 40 }), maxWidth: 760, maxHeight: 560 });
    expect(L).toMatchObject({ cellWidth: 28, cellHeight: 28, matrixHeight: 448 });
  });
});

describe('poolCells (max-pooling for sub-pixel cells)', () => {
  // Causal 4×4 weights; x = blocked (k > q):
  //   1   x   x   x
  //  .5  .5   x   x
  //  .2  .3  .5   x
  //  .1  .2  .3  .4
  const weights = [1, 0, 0, 0, 0.5, 0.5, 0, 0, 0.2, 0.3, 0.5, 0, 0.1, 0.2, 0.3, 0.4];
  const causal = [0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0];
  test('poolCells 4×4 causal → 2×2 keeps the diagonal blocks visible: only the top-right is blocked', () => {
    const p = poolCells(weights, 4, 4, 2, 2, causal);
    expect(p.rows).toBe(2);
    expect(p.cols).toBe(2);
    expect(Array.from(p.blocked)).toEqual([
      0, 1,
      0, 0,
    ]);
    // each pixel shows its largest allowed weight: 1 (cell 0), blocked (cell 2), .3 (cell 9), .5 (cell 10)
    expect(Array.from(p.source)).toEqual([0, 2, 9, 10]);
  });
  test('poolCells ignores the values of blocked cells, however large', () => {
    // [[9 (blocked), 1], [2, 3]] → one pixel showing 3
    const p = poolCells([9, 1, 2, 3], 2, 2, 1, 1, [1, 0, 0, 0]);
    expect(Array.from(p.source)).toEqual([3]);
    expect(Array.from(p.blocked)).toEqual([0]);
  });
  test('poolCells marks a pixel blocked only when every cell is blocked', () => {
    expect(Array.from(poolCells([0, 0, 0, 0], 2, 2, 1, 1, [1, 1, 1, 1]).blocked)).toEqual([1]);
    expect(Array.from(poolCells([0, 0, 0, 0], 2, 2, 1, 1, [1, 1, 1, 0]).blocked)).toEqual([0]);
  });
  test('poolCells prefers any number (even −∞) to NaN, and keeps NaN when that is all there is', () => {
    expect(Array.from(poolCells([NaN, -Infinity], 1, 2, 1, 1).source)).toEqual([1]);
    expect(Array.from(poolCells([NaN, NaN, 5], 1, 3, 1, 1, [0, 0, 1]).source)).toEqual([0]);
  });
  test('poolCells ties: the first cell (row-major) wins', () => {
    expect(Array.from(poolCells([2, 2, 2, 2], 2, 2, 1, 1).source)).toEqual([0]);
  });
  test('poolCells 1×5 → 1×2 splits columns as [0, 2) and [2, 5)', () => {
    expect(poolSpan(5, 2, 0)).toEqual([0, 2]);
    expect(poolSpan(5, 2, 1)).toEqual([2, 5]);
    expect(Array.from(poolCells([1, 5, 2, 9, 3], 1, 5, 1, 2).source)).toEqual([1, 3]);
  });
  test('poolCells to the same size is the identity; a larger grid is clamped to the matrix', () => {
    const p = poolCells(weights, 4, 4, 4, 4, causal);
    expect(Array.from(p.source)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(Array.from(p.blocked)).toEqual(causal);
    const q = poolCells([1, 2, 3], 3, 1, 10, 10);
    expect([q.rows, q.cols]).toEqual([3, 1]);
  });
  test('poolCells pools rows and columns independently: 2×4 → 1×2', () => {
    // [[1, 7, 0, 0],
    //  [3, 2, 0, 8]]  with the right half of row 0 blocked
    const p = poolCells([1, 7, 0, 0, 3, 2, 0, 8], 2, 4, 1, 2, [0, 0, 1, 1, 0, 0, 0, 0]);
    expect(Array.from(p.source)).toEqual([1, 7]);
  });
  test('poolCells of an empty matrix is empty', () => {
    expect(poolCells([], 0, 5, 3, 3).source).toHaveLength(0);
  });
  test('poolCells throws a RangeError naming the field and the shape', () => {
    expect(() => poolCells([1, 2, 3], 2, 2, 1, 1)).toThrow('poolCells: values has length 3, expected [2×2] = 4');
    expect(() => poolCells([1, 2, 3, 4], 2, 2, 1, 1, [0])).toThrow('poolCells: blocked has length 1, expected [2×2] = 4');
  });
  test('gatherRgba copies the 4 bytes of each source cell', () => {
    const rgba = [10, 20, 30, 255, 40, 50, 60, 255];
    expect(Array.from(gatherRgba(rgba, Int32Array.from([1, 1, 0])))).toEqual([40, 50, 60, 255, 40, 50, 60, 255, 10, 20, 30, 255]);
  });
  test('imageGrid pools only an axis with more cells than device pixels', () => {
    expect(imageGrid(512, 512, 384, 384)).toEqual({ rows: 384, cols: 384 });
    expect(imageGrid(3, 200, 72, 360)).toEqual({ rows: 3, cols: 200 });
    expect(imageGrid(3, 200, 72, 180)).toEqual({ rows: 3, cols: 180 });
  });
});

describe('readability', () => {
  test('DEFAULT_FONT_SIZE is 13 px', () => {
    expect(DEFAULT_FONT_SIZE).toBe(13);
  });
  test('contrastRatio follows WCAG 2: black on white 21, #767676 on white 4.54', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#fff', '#767676')).toBeCloseTo(4.54, 2);
    expect(() => contrastRatio('nope', '#fff')).toThrow(/cannot parse colour "nope"/);
  });
  test('muted (padded-row) labels, axis titles and text reach 4.5:1 on white; the old #8a8a8a did not', () => {
    expect(contrastRatio(MUTED_TEXT_COLOR, '#fff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(AXIS_TITLE_COLOR, '#fff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(TEXT_COLOR, '#fff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#8a8a8a', '#fff')).toBeLessThan(4.5);
  });
});
