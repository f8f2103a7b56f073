/**
 * The viewport of a zoomed heatmap (pure; no DOM): which rows and columns of the whole
 * [rows × cols] matrix are visible. Ranges are whole cells, so a zoomed heatmap is drawn as the
 * sub-matrix it shows, in the frame (CSS px) of the whole matrix, with larger cells.
 *
 * Zooming divides each axis' visible count by a factor, around an anchor that stays put under
 * the pointer; an axis shorter than MIN_VIEW_CELLS is never zoomed. Panning moves the window by
 * whole cells. Every result is clamped inside the matrix.
 */
import type { CellRange, HeatmapCell, ViewAction } from './types';

export type { CellRange, ViewAction } from './types';

/** Fewest cells a zoom leaves visible along an axis (the whole axis when it is shorter). */
export const MIN_VIEW_CELLS = 8;
/** Factor of one Zoom in / Zoom out step (buttons, + and − keys). */
export const ZOOM_STEP = 2;
/** Wheel delta, CSS px, that zooms by a factor of 2 (a mouse notch is ≈ 100 px: × 1.41). */
export const WHEEL_PX_PER_DOUBLING = 200;

/** The whole matrix as a window. @example fullView(4, 6) // → { row0: 0, rows: 4, col0: 0, cols: 6 } */
export function fullView(rows: number, cols: number): CellRange {
  return { row0: 0, rows, col0: 0, cols };
}

/** True when `view` shows every cell of a [rows × cols] matrix. */
export function isFullView(view: CellRange, rows: number, cols: number): boolean {
  return view.row0 <= 0 && view.col0 <= 0 && view.row0 + view.rows >= rows && view.col0 + view.cols >= cols;
}

/** True when two windows are the same cells. */
export function sameView(a: CellRange, b: CellRange): boolean {
  return a.row0 === b.row0 && a.rows === b.rows && a.col0 === b.col0 && a.cols === b.cols;
}

/**
 * `view` made valid for a [rows × cols] matrix: whole numbers, counts in [1, n] (0 for an empty
 * axis), starts in [0, n − count]. Returns `view` itself when it is already valid.
 * @example clampView({ row0: 10, rows: 8, col0: -3, cols: 99 }, 12, 20) // → { row0: 4, rows: 8, col0: 0, cols: 20 }
 */
export function clampView(view: CellRange, rows: number, cols: number): CellRange {
  const [row0, nr] = clampSpan(view.row0, view.rows, rows);
  const [col0, nc] = clampSpan(view.col0, view.cols, cols);
  if (row0 === view.row0 && nr === view.rows && col0 === view.col0 && nc === view.cols) return view;
  return { row0, rows: nr, col0, cols: nc };
}

function clampSpan(start: number, count: number, n: number): [number, number] {
  const c = n <= 0 ? 0 : Math.min(n, Math.max(1, Math.round(Number.isFinite(count) ? count : n)));
  const s = Math.min(n - c, Math.max(0, Math.round(Number.isFinite(start) ? start : 0)));
  return [s, c];
}

/**
 * Zooms one axis of n cells showing [start, start + count) by `factor` around `anchor` (cells):
 *
 *   count' = clamp(round(count / factor), min(MIN_VIEW_CELLS, n), n), and at least one cell
 *            fewer (factor > 1) or more (factor < 1) than count when that is allowed;
 *   start' = clamp(round(anchor − (anchor − start) · count' / count), 0, n − count')
 *
 * so the anchor keeps its place in the frame (up to the rounding to whole cells).
 * @returns [start', count']
 * @example zoomSpan(0, 4096, 4096, 2, 2048) // → [1024, 2048]
 */
export function zoomSpan(start: number, count: number, n: number, factor: number, anchor: number): [number, number] {
  const lo = Math.min(MIN_VIEW_CELLS, n);
  let next = Math.min(n, Math.max(lo, Math.round(count / factor)));
  if (next === count && factor > 1 && count > lo) next = count - 1;
  if (next === count && factor < 1 && count < n) next = count + 1;
  if (next === count) return [start, count];
  const a = Math.min(start + count, Math.max(start, anchor));
  return clampSpan(a - ((a - start) * next) / count, next, n);
}

/**
 * `view` zoomed by `factor` (> 1 in, < 1 out) around the point `at` (fractional cells of the
 * whole [rows × cols] matrix), both axes by the same factor. Returns `view` itself when nothing
 * changes (fully zoomed in or out).
 * @example zoomView(fullView(4096, 4096), 4096, 4096, 2, { row: 1024, col: 0 })
 *          // → { row0: 512, rows: 2048, col0: 0, cols: 2048 }
 */
export function zoomView(view: CellRange, rows: number, cols: number, factor: number, at: { row: number; col: number }): CellRange {
  if (!(factor > 0) || !Number.isFinite(factor) || factor === 1) return view;
  const v = clampView(view, rows, cols);
  const [row0, nr] = zoomSpan(v.row0, v.rows, rows, factor, at.row);
  const [col0, nc] = zoomSpan(v.col0, v.cols, cols, factor, at.col);
  const next = { row0, rows: nr, col0, cols: nc };
  return sameView(next, view) ? view : next;
}

/**
 * `view` moved by dRows × dCols cells (rounded toward zero), clamped inside the matrix.
 * @example panView({ row0: 0, rows: 8, col0: 4, cols: 8 }, 16, 16, 3, -10) // → { row0: 3, rows: 8, col0: 0, cols: 8 }
 */
export function panView(view: CellRange, rows: number, cols: number, dRows: number, dCols: number): CellRange {
  const next = clampView({ ...view, row0: view.row0 + Math.trunc(dRows), col0: view.col0 + Math.trunc(dCols) }, rows, cols);
  return sameView(next, view) ? view : next;
}

/**
 * The window nearest to `view` that shows `cell`: unchanged when it is visible, else panned by
 * the fewest cells. row or col −1 leaves that axis as it is.
 * @example revealCell({ row0: 0, rows: 8, col0: 0, cols: 8 }, 64, 64, { row: 9, col: 2 }) // → row0 2
 */
export function revealCell(view: CellRange, rows: number, cols: number, cell: HeatmapCell): CellRange {
  const shift = (start: number, count: number, i: number) => (i < 0 ? start : i < start ? i : i >= start + count ? i - count + 1 : start);
  const next = clampView({ ...view, row0: shift(view.row0, view.rows, cell.row), col0: shift(view.col0, view.cols, cell.col) }, rows, cols);
  return sameView(next, view) ? view : next;
}

/** True when a zoom in would show fewer cells (some axis still shows more than MIN_VIEW_CELLS). */
export function canZoomIn(view: CellRange, rows: number, cols: number): boolean {
  return view.rows > Math.min(MIN_VIEW_CELLS, rows) || view.cols > Math.min(MIN_VIEW_CELLS, cols);
}

/** The window after `action` on a [rows × cols] matrix; `view` itself when nothing changes. */
export function applyViewAction(view: CellRange, rows: number, cols: number, action: ViewAction): CellRange {
  switch (action.kind) {
    case 'zoom':
      return zoomView(view, rows, cols, action.factor, action);
    case 'pan':
      return panView(view, rows, cols, action.rows, action.cols);
    case 'reveal':
      return revealCell(view, rows, cols, action);
    case 'reset': {
      const full = fullView(rows, cols);
      return sameView(full, view) ? view : full;
    }
  }
}

/**
 * Zoom factor of a wheel event: 2^(−deltaY / WHEEL_PX_PER_DOUBLING), with deltaY in CSS px
 * (lines count 16 px, pages 400 px): wheel up (negative delta) zooms in.
 * @param deltaMode WheelEvent.deltaMode: 0 = pixels, 1 = lines, 2 = pages
 * @example wheelZoomFactor(-200, 0) // → 2
 */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const px = deltaY * (deltaMode === 1 ? 16 : deltaMode === 2 ? 400 : 1);
  return 2 ** (-px / WHEEL_PX_PER_DOUBLING);
}

/**
 * A drag of dx × dy CSS px as whole cells to pan by — the nearest whole number of cells to the
 * drag so far, so the content stays within half a cell of the pointer — plus what is left over
 * (carried to the next pointer move, so a slow drag still pans and the total does not depend on
 * how the moves were split). Dragging the content right shows columns to the left.
 * @param carry cells of drag not panned yet by earlier moves, [rows, cols], each in [−0.5, 0.5]
 * @returns pan in cells and the new carry, both [rows, cols]
 * @example dragToPan(-24, 0, 10, 10, [0, 0]) // → { pan: [0, 2], carry: [0, 0.4] }
 */
export function dragToPan(dx: number, dy: number, cellWidth: number, cellHeight: number, carry: readonly [number, number]): { pan: [number, number]; carry: [number, number] } {
  const r = carry[0] - dy / cellHeight;
  const c = carry[1] - dx / cellWidth;
  const pan: [number, number] = [Math.round(r) + 0, Math.round(c) + 0]; // + 0: never −0
  return { pan, carry: [r - pan[0], c - pan[1]] };
}
