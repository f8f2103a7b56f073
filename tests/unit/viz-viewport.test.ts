/**
 * Zoom and pan of the stage heatmaps: the viewport maths (viz/viewport.ts), the zoomed layout
 * and pointer → cell mapping (viz/layout.ts), the overlays' geometry under zoom, the axis labels
 * of a window (viz/heatmapLabels.ts) and the zoom keys (viz/heatmapZoom.ts).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  applyViewAction,
  canZoomIn,
  clampView,
  dragToPan,
  fullView,
  isFullView,
  MIN_VIEW_CELLS,
  panView,
  revealCell,
  wheelZoomFactor,
  zoomSpan,
  zoomView,
} from '../../src/viz/viewport';
import { fitHeatmapLayout, type FitInput } from '../../src/viz/fitLayout';
import { layoutCellAt, layoutCellCoords, type HeatmapLayout } from '../../src/viz/layout';
import { markCircles } from '../../src/viz/heatmapMarks';
import { TILE_STATE, tileRects } from '../../src/viz/heatmapTiles';
import { axisLabels, indexTicks } from '../../src/viz/heatmapLabels';
import { isZoomed, zoomKeyAction } from '../../src/viz/heatmapZoom';

const N = 4096;

describe('zoomView', () => {
  test('zoomView ×2 of a 4096² matrix around its centre: rows and keys 1024–3071', () => {
    expect(zoomView(fullView(N, N), N, N, 2, { row: 2048, col: 2048 })).toEqual({ row0: 1024, rows: 2048, col0: 1024, cols: 2048 });
  });
  test('zoomView keeps the anchor where it was in the frame (to a cell)', () => {
    const view = { row0: 100, rows: 400, col0: 1000, cols: 400 };
    const at = { row: 250.5, col: 1390.5 };
    const next = zoomView(view, N, N, 4, at);
    expect(next).toMatchObject({ rows: 100, cols: 100 });
    const before = (at.row - view.row0) / view.rows;
    const after = (at.row - next.row0) / next.rows;
    expect(Math.abs(after - before) * next.rows).toBeLessThanOrEqual(0.5);
    expect(Math.abs((at.col - next.col0) / next.cols - (at.col - view.col0) / view.cols) * next.cols).toBeLessThanOrEqual(0.5);
  });
  test('zoomView around the bottom-right corner clamps the window inside the matrix', () => {
    const next = zoomView(fullView(N, N), N, N, 8, { row: N, col: N });
    expect(next).toEqual({ row0: N - 512, rows: 512, col0: N - 512, cols: 512 });
    const out = zoomView({ row0: 4000, rows: 96, col0: 0, cols: 96 }, N, N, 1 / 4, { row: 4095.5, col: 0.5 });
    expect(out).toEqual({ row0: N - 384, rows: 384, col0: 0, cols: 384 });
  });
  test(`zoomView stops at MIN_VIEW_CELLS (${MIN_VIEW_CELLS}) cells per axis and then returns the same view`, () => {
    const v = zoomView({ row0: 0, rows: 12, col0: 0, cols: 12 }, N, N, 4, { row: 6, col: 6 });
    expect(v).toMatchObject({ rows: MIN_VIEW_CELLS, cols: MIN_VIEW_CELLS });
    expect(canZoomIn(v, N, N)).toBe(false);
    expect(zoomView(v, N, N, 2, { row: 6, col: 6 })).toBe(v);
  });
  test('zoomView out past the whole matrix gives the whole matrix, then the same view', () => {
    const whole = zoomView({ row0: 10, rows: 3000, col0: 5, cols: 3000 }, N, N, 1 / 2, { row: 0, col: 0 });
    expect(whole).toEqual(fullView(N, N));
    expect(zoomView(whole, N, N, 1 / 2, { row: 0, col: 0 })).toBe(whole);
  });
  test('zoomView by a factor close to 1 still moves by one cell (a slow trackpad pinch is not lost)', () => {
    expect(zoomView(fullView(64, 64), 64, 64, 1.001, { row: 0, col: 0 })).toEqual({ row0: 0, rows: 63, col0: 0, cols: 63 });
  });
  test('zoomView of cross-attention Lq=3, Lk=200: the 3 query rows stay, only keys zoom', () => {
    expect(zoomView(fullView(3, 200), 3, 200, 4, { row: 1.5, col: 100 })).toEqual({ row0: 0, rows: 3, col0: 75, cols: 50 });
  });
  test('zoomSpan(0, 4096, 4096, 2, 2048) → [1024, 2048]', () => {
    expect(zoomSpan(0, 4096, 4096, 2, 2048)).toEqual([1024, 2048]);
  });
  test('zoomView ignores a factor of 1, 0, NaN or ∞', () => {
    const v = fullView(64, 64);
    for (const f of [1, 0, NaN, Infinity]) expect(zoomView(v, 64, 64, f, { row: 3, col: 3 })).toBe(v);
  });
});

describe('panView, revealCell, clampView', () => {
  const view = { row0: 120, rows: 64, col0: 0, cols: 64 };
  test('panView moves by whole cells and clamps at both ends', () => {
    expect(panView(view, N, N, 10, 5)).toEqual({ row0: 130, rows: 64, col0: 5, cols: 64 });
    expect(panView(view, N, N, -500, -3)).toEqual({ row0: 0, rows: 64, col0: 0, cols: 64 });
    expect(panView(view, N, N, 99_999, 99_999)).toEqual({ row0: N - 64, rows: 64, col0: N - 64, cols: 64 });
  });
  test('panView that cannot move returns the same view; the whole matrix never pans', () => {
    expect(panView(view, N, N, 0, -1)).toBe(view);
    const whole = fullView(N, N);
    expect(panView(whole, N, N, 30, 30)).toBe(whole);
  });
  test('revealCell pans by the fewest cells; a visible cell or a −1 axis changes nothing', () => {
    expect(revealCell(view, N, N, { row: 184, col: 10 })).toEqual({ row0: 121, rows: 64, col0: 0, cols: 64 });
    expect(revealCell(view, N, N, { row: 100, col: 70 })).toEqual({ row0: 100, rows: 64, col0: 7, cols: 64 });
    expect(revealCell(view, N, N, { row: 150, col: 3 })).toBe(view);
    expect(revealCell(view, N, N, { row: -1, col: 3 })).toBe(view);
  });
  test('clampView({ row0: 10, rows: 8, col0: −3, cols: 99 }, 12, 20) → rows 4–11, every column', () => {
    expect(clampView({ row0: 10, rows: 8, col0: -3, cols: 99 }, 12, 20)).toEqual({ row0: 4, rows: 8, col0: 0, cols: 20 });
    expect(clampView({ row0: 2.4, rows: 0, col0: NaN, cols: 3.6 }, 12, 20)).toEqual({ row0: 2, rows: 1, col0: 0, cols: 4 });
  });
  test('applyViewAction reset gives the whole matrix; isFullView tells it apart', () => {
    const whole = applyViewAction(view, N, N, { kind: 'reset' });
    expect(whole).toEqual(fullView(N, N));
    expect(isFullView(whole, N, N)).toBe(true);
    expect(isFullView(view, N, N)).toBe(false);
    expect(applyViewAction(view, N, N, { kind: 'pan', rows: 1, cols: 0 })).toEqual({ ...view, row0: 121 });
  });
});

describe('wheel and drag', () => {
  test('wheelZoomFactor: 200 px up doubles, 200 px down halves; lines count 16 px', () => {
    expect(wheelZoomFactor(-200, 0)).toBe(2);
    expect(wheelZoomFactor(200, 0)).toBe(0.5);
    expect(wheelZoomFactor(-12.5, 1)).toBe(2);
  });
  test('dragToPan: dragging the content 24 px left over 10 px cells shows 2 more columns to the right, 0.4 carried; past half a cell, the next one', () => {
    const near = (got: { pan: number[]; carry: number[] }, pan: number[], carry: number[]) => {
      expect(got.pan).toEqual(pan);
      got.carry.forEach((c, i) => expect(c).toBeCloseTo(carry[i]!, 12));
    };
    near(dragToPan(-24, 0, 10, 10, [0, 0]), [0, 2], [0, 0.4]);
    // the carry completes a cell on the next move
    near(dragToPan(-2, 0, 10, 10, [0, 0.4]), [0, 1], [0, -0.4]);
    near(dragToPan(0, 36, 12, 12, [0, 0]), [-3, 0], [0, 0]);
    near(dragToPan(-6, 4, 10, 10, [0, 0]), [0, 1], [-0.4, -0.4]); // 0.6 of a cell: the content follows the pointer to the nearer cell
    expect(Object.is(dragToPan(0.5, 0, 10, 10, [0, 0]).pan[1], 0)).toBe(true); // never −0
  });

  test('dragToPan: a drag split into any moves pans the nearest whole number of cells to its total, and the content is never more than half a cell from the pointer', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true })), { minLength: 1, maxLength: 12 }), fc.double({ min: 3, max: 60, noNaN: true }), (moves, cell) => {
      let carry: [number, number] = [0, 0];
      const panned = [0, 0];
      const dragged = [0, 0];
      for (const [dx, dy] of moves) {
        const step = dragToPan(dx, dy, cell, cell, carry);
        carry = step.carry;
        panned[0]! += step.pan[0];
        panned[1]! += step.pan[1];
        dragged[0]! -= dy / cell;
        dragged[1]! -= dx / cell;
        for (const i of [0, 1]) expect(Math.abs(dragged[i]! - panned[i]!)).toBeLessThanOrEqual(0.5 + 1e-9);
      }
    }));
  });
});

/** Layout of a 4096² heatmap (labels 40 px) in a 470 px card, showing `view`. */
function zoomedLayout(view = fullView(N, N), maxWidth = 470): HeatmapLayout {
  const input: FitInput = {
    rows: view.rows, cols: view.cols, row0: view.row0, col0: view.col0, whole: { rows: N, cols: N },
    fontSize: 13, hasTitle: false, maxWidth, labelWidths: () => ({ row: 40, col: 40 }),
  };
  return fitHeatmapLayout(input);
}

describe('zoomed layout and pointer → cell', () => {
  test('fitHeatmapLayout with `whole`: every zoom keeps the frame of the whole matrix', () => {
    const whole = zoomedLayout();
    // room 470 − 66 − 20 = 384 px; 384 / 4096 = 0.09375 → snapped 0.093 px cells
    expect(whole).toMatchObject({ cellWidth: 0.093, rows: N, cols: N, row0: 0, col0: 0 });
    for (const view of [{ row0: 120, rows: 64, col0: 0, cols: 64 }, { row0: 0, rows: 8, col0: 4088, cols: 8 }, { row0: 7, rows: 2048, col0: 1, cols: 100 }]) {
      const L = zoomedLayout(view);
      expect(L.matrixWidth).toBeCloseTo(whole.matrixWidth, 6);
      expect(L.matrixHeight).toBeCloseTo(whole.matrixHeight, 6);
      expect(L.left).toBe(whole.left);
      expect(L.top).toBe(whole.top);
      expect(L.cellWidth).toBeCloseTo(whole.matrixWidth / view.cols, 9);
    }
  });
  test('fitHeatmapLayout with maxMatrixHeight: the output (4096 × dV 8) is 360 px tall, not 4096, and keeps that frame zoomed', () => {
    const output = (view: { row0: number; rows: number }) => fitHeatmapLayout({
      rows: view.rows, cols: 8, row0: view.row0, whole: { rows: N, cols: 8 }, fontSize: 13, hasTitle: false,
      maxWidth: 470, maxMatrixHeight: 360, labelWidths: () => ({ row: 40, col: 20 }),
    });
    const whole = output({ row0: 0, rows: N });
    expect(whole.cellHeight).toBe(0.087); // snapCellEdge(360 / 4096)
    expect(whole.matrixHeight).toBeLessThanOrEqual(360);
    const zoomed = output({ row0: 120, rows: 64 });
    expect(zoomed.matrixHeight).toBeCloseTo(whole.matrixHeight, 6);
    expect(zoomed.cellWidth).toBe(whole.cellWidth);
  });
  test('layoutCellAt zoomed to rows 120–183 × keys 0–63: the cell of the whole matrix under the point', () => {
    const L = zoomedLayout({ row0: 120, rows: 64, col0: 0, cols: 64 });
    const at = (row: number, col: number) => layoutCellAt(L, L.left + (col + 0.5) * L.cellWidth, L.top + (row + 0.5) * L.cellHeight);
    expect(at(0, 0)).toEqual({ row: 120, col: 0 });
    expect(at(63, 63)).toEqual({ row: 183, col: 63 });
    expect(at(5, 17)).toEqual({ row: 125, col: 17 });
    expect(layoutCellAt(L, L.left - 1, L.top + 5)).toBeNull();
    expect(layoutCellAt(L, L.left + L.matrixWidth + 0.01, L.top + 5)).toBeNull();
  });
  test('layoutCellAt on a pooled 4096² view: each pixel reports a cell of the block that pixel shows', () => {
    // The canvas pools columns [⌊j·n/px⌋, ⌊(j+1)·n/px⌋) into device pixel j (pool.ts poolSpan);
    // the pointer anywhere in pixel j must name one of those cells (the one under it).
    for (const view of [fullView(N, N), { row0: 1000, rows: 2048, col0: 3, cols: 2048 }]) {
      const L = zoomedLayout(view);
      const px = Math.round(L.matrixWidth); // device pixels at ratio 1
      for (let j = 0; j < px; j++) {
        const lo = view.col0 + Math.floor((j * view.cols) / px);
        const hi = view.col0 + Math.floor(((j + 1) * view.cols) / px);
        for (const f of [0.05, 0.5, 0.95]) {
          const x = L.left + ((j + f) * L.matrixWidth) / px;
          const cell = layoutCellAt(L, x, L.top + 1)!;
          expect(cell.col >= lo - 1 && cell.col <= hi).toBe(true); // within the block (± the edge cell)
        }
      }
      // and exactly: the pointer at a sub-pixel position names the cell under it
      const x = L.left + 1234.5 * L.cellWidth;
      expect(layoutCellAt(L, x, L.top)!.col).toBe(view.col0 + 1234);
    }
  });
  test('layoutCellCoords: fractional cells of the whole matrix, clamped to the window (the zoom anchor)', () => {
    const L = zoomedLayout({ row0: 120, rows: 64, col0: 0, cols: 64 });
    const at = layoutCellCoords(L, L.left + 2.5 * L.cellWidth, L.top + 5.5 * L.cellHeight);
    expect(at.row).toBeCloseTo(125.5, 9);
    expect(at.col).toBeCloseTo(2.5, 9);
    expect(layoutCellCoords(L, 0, 1e6)).toEqual({ row: 184, col: 0 });
  });
  test('isZoomed: only a window smaller than the matrix can be dragged', () => {
    expect(isZoomed(zoomedLayout(), N, N)).toBe(false);
    expect(isZoomed(zoomedLayout({ row0: 0, rows: N, col0: 0, cols: 64 }), N, N)).toBe(true);
  });
});

describe('overlays under zoom', () => {
  test('markCircles with a view: only marked cells inside it, placed relative to the window', () => {
    // 4×4, marked (0,0), (2,1), (3,3); window rows 2–3 × cols 1–3, 10 px cells
    const marked = [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1];
    expect(markCircles(marked, 4, 4, 10, 10, { row0: 2, rows: 2, col0: 1, cols: 3 })).toEqual([
      { cx: 5, cy: 5, r: 2.5 },
      { cx: 25, cy: 15, r: 2.5 },
    ]);
  });
  test('tileRects with a view: the tiles overlapping the window, from its top-left (cut tiles reach past it)', () => {
    // 8×8, tiles of 4 (2×2 tiles); window rows 2–5 × cols 4–7 at 10 px cells
    const tiles = { size: 4, tileRows: 2, tileCols: 2, states: [TILE_STATE.full, TILE_STATE.empty, TILE_STATE.partial, TILE_STATE.full] };
    const rects = tileRects(tiles, 8, 8, 10, 10, { row0: 2, rows: 4, col0: 4, cols: 4 });
    expect(rects.map((r) => [r.tileRow, r.tileCol, r.x, r.y, r.width, r.height])).toEqual([
      [0, 1, 0, -20, 40, 40],
      [1, 1, 0, 20, 40, 40],
    ]);
  });
});

describe('axis labels of a window', () => {
  test('indexTicks: round indices ≥ 16 px apart, inside the window', () => {
    // 4096 cells of 0.088 px (360 px): every 200 (17.6 px apart), 0 … 4000
    expect(indexTicks(0, 4096, 0.088, 16)).toEqual(Array.from({ length: 21 }, (_, i) => 200 * i));
    expect(indexTicks(0, 4096, 0.05, 16)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);
    // rows 120–183 at 5.625 px: every 5 (28 px; every 2 would be 11 px)
    expect(indexTicks(120, 64, 5.625, 16)).toEqual([120, 125, 130, 135, 140, 145, 150, 155, 160, 165, 170, 175, 180]);
    expect(indexTicks(7, 1, 0.5, 16)).toEqual([7]);
  });
  test('axisLabels: the tokens of the window when each cell is tall enough, else numbered ticks', () => {
    const labels = Array.from({ length: 4096 }, (_, i) => `t${i}`);
    expect(axisLabels(labels, 250, 3, 30, 16)).toEqual({ shown: [{ index: 250, text: 't250' }, { index: 251, text: 't251' }, { index: 252, text: 't252' }], ticks: false });
    const far = axisLabels(labels, 0, 4096, 0.088, 16);
    expect(far.ticks).toBe(true);
    expect(far.shown[5]).toEqual({ index: 1000, text: '1000' });
  });
});

describe('zoom keys', () => {
  const L = zoomedLayout({ row0: 120, rows: 64, col0: 0, cols: 64 });
  test("zoomKeyAction('+') zooms ×2 around the highlighted cell's centre, '-' out, '0' resets", () => {
    expect(zoomKeyAction('+', { row: 130, col: 5 }, L)).toEqual({ kind: 'zoom', factor: 2, row: 130.5, col: 5.5 });
    expect(zoomKeyAction('=', { row: 130, col: 5 }, L)).toMatchObject({ factor: 2 });
    expect(zoomKeyAction('-', { row: 130, col: 5 }, L)).toEqual({ kind: 'zoom', factor: 0.5, row: 130.5, col: 5.5 });
    expect(zoomKeyAction('0', null, L)).toEqual({ kind: 'reset' });
  });
  test('zoomKeyAction without a cell zooms around the window centre; other keys are not zoom keys', () => {
    expect(zoomKeyAction('+', null, L)).toEqual({ kind: 'zoom', factor: 2, row: 152, col: 32 });
    expect(zoomKeyAction('ArrowUp', null, L)).toBeUndefined();
    expect(zoomKeyAction('1', null, L)).toBeUndefined();
  });
});

describe('sameDrawing', () => {
  test('ignores callbacks only: any other field that is a different object or value is a change', async () => {
    const { sameDrawing } = await import('../../src/viz/heatmap');
    const values = new Float32Array(4);
    const color = () => '#000';
    const base = { rows: 2, cols: 2, rowLabels: ['a', 'b'], colLabels: ['c', 'd'], values, color, ariaLabel: 'x', onHover: () => undefined };
    expect(sameDrawing(base, { ...base, onHover: () => undefined })).toBe(true);
    expect(sameDrawing(base, { ...base, values: new Float32Array(4) })).toBe(false);
    expect(sameDrawing(base, { ...base, ariaLabel: 'y' })).toBe(false);
    expect(sameDrawing(base, { ...base, highlight: { row: 0, col: 1 } })).toBe(false);
  });
});
