/**
 * How big a heatmap's cells are (pure; no DOM): the default square edge, rectangular cells chosen
 * per axis so a long and a short axis both read well, and snapping to whole CSS px. Unit-tested
 * in tests/unit/viz-layout.test.ts and viz-scales.test.ts.
 */

/** Default matrix extent the cell size aims for, in CSS px. */
export const TARGET_MATRIX_PX = 360;
/** Bounds of `chooseCellSize` (square cells), in CSS px. */
export const MIN_CELL_PX = 2;
export const MAX_CELL_PX = 40;
/** Smallest cell edge `chooseCellDims` picks on its own (a `maxMatrixWidth` may go below). */
export const MIN_RECT_CELL_EDGE_PX = 1;
/** Largest ratio between a cell's width and height (either way) that `chooseCellDims` allows. */
export const MAX_CELL_ASPECT = 4;
/** Cells at least this big are rounded down to whole CSS px (crisp, all cells equal). */
export const WHOLE_PX_FROM = 3;

/**
 * Default cell edge: the largest whole number of CSS px such that the longer side fits
 * `targetPx`, clamped to [minPx, maxPx].
 *
 * cellSize = clamp(⌊targetPx / max(rows, cols, 1)⌋, minPx, maxPx)
 *
 * @example chooseCellSize(6, 6) // → 40 (60 clamped);  chooseCellSize(12, 20) // → 18
 *          chooseCellSize(512, 512) // → 2 (0 clamped: the matrix is 1024 px)
 */
export function chooseCellSize(
  rows: number,
  cols: number,
  targetPx = TARGET_MATRIX_PX,
  minPx = MIN_CELL_PX,
  maxPx = MAX_CELL_PX,
): number {
  const n = Math.max(rows, cols, 1);
  return Math.min(maxPx, Math.max(minPx, Math.floor(targetPx / n)));
}

/** Width and height of one cell, CSS px. */
export interface CellDims {
  cellWidth: number;
  cellHeight: number;
}

/** Options of `chooseCellDims`; all lengths in CSS px. */
export interface CellDimsOptions {
  /** Length each axis aims for; default TARGET_MATRIX_PX (360). */
  targetPx?: number;
  /** Bounds of each edge before fitting; default [MIN_RECT_CELL_EDGE_PX, MAX_CELL_PX] = [1, 40]. */
  minPx?: number;
  maxPx?: number;
  /** Largest width:height or height:width of a cell; default MAX_CELL_ASPECT (4). */
  maxAspect?: number;
  /** Edge at which every label of an axis can be shown; default readablePx(13) = 24. */
  labelPx?: number;
  /** Room for the matrix's width: when cols × cellWidth would exceed it, both edges shrink. */
  maxMatrixWidth?: number;
}

/** Cell edge at which every label of an axis fits (1.8 × the font size, whole px). */
export function readablePx(fontSize: number): number {
  return Math.ceil(fontSize * 1.8);
}

/**
 * Cell width and height of a [rows × cols] heatmap, chosen per axis so that a long and a short
 * axis both read well (cross-attention: Lq = 3, Lk = 200).
 *
 *   free:    w₀ = clamp(target / cols, min, max),  h₀ = clamp(target / rows, min, max)
 *   aspect:  w₁ = min(w₀, A·h₀),                   h₁ = min(h₀, A·w₀)            (A = maxAspect)
 *   labels:  h₁ ← max(h₁, min(h₀, labelPx, target / (3·rows)))   (same for w₁ with cols)
 *            a short axis keeps readable labels, up to a third of the target, whatever A says
 *   fit:     when cols·w₁ > maxMatrixWidth, k = maxMatrixWidth / (cols·w₁):
 *            w = w₁·k,  h = max(h₁·k, min(h₁, labelPx, target / (3·rows)))
 *            (the shape is kept; a few rows keep their readable height); edges may go below 1 px
 *   snap:    edges ≥ WHOLE_PX_FROM (3) are rounded down to whole px, smaller ones are kept
 *            (to 1/1000 px), so the matrix never exceeds maxMatrixWidth
 *
 * @param rows number of rows (queries), ≥ 0
 * @param cols number of columns (keys), ≥ 0
 * @example chooseCellDims(6, 6)       // → { cellWidth: 40, cellHeight: 40 }
 *          chooseCellDims(3, 200)     // → { cellWidth: 1.8, cellHeight: 24 }  (360 × 72 px)
 *          chooseCellDims(512, 512, { maxMatrixWidth: 384 }) // → 0.75 × 0.75
 */
export function chooseCellDims(rows: number, cols: number, options: CellDimsOptions = {}): CellDims {
  const target = options.targetPx ?? TARGET_MATRIX_PX;
  const minPx = options.minPx ?? MIN_RECT_CELL_EDGE_PX;
  const maxPx = options.maxPx ?? MAX_CELL_PX;
  const aspect = Math.max(1, options.maxAspect ?? MAX_CELL_ASPECT);
  const labelPx = options.labelPx ?? readablePx(13);
  const nRows = Math.max(rows, 1);
  const nCols = Math.max(cols, 1);
  const clamp = (v: number) => Math.min(maxPx, Math.max(minPx, v));
  const w0 = clamp(target / nCols);
  const h0 = clamp(target / nRows);
  const floorH = Math.min(h0, labelPx, target / (3 * nRows));
  const floorW = Math.min(w0, labelPx, target / (3 * nCols));
  let w = Math.max(Math.min(w0, aspect * h0), floorW);
  let h = Math.max(Math.min(h0, aspect * w0), floorH);
  const room = options.maxMatrixWidth;
  if (room !== undefined && room > 0 && nCols * w > room) {
    const k = room / (nCols * w);
    w *= k;
    h = Math.max(h * k, Math.min(h, labelPx, target / (3 * nRows)));
  }
  return { cellWidth: snapCellEdge(w), cellHeight: snapCellEdge(h) };
}

/**
 * A cell edge as drawn: whole CSS px from WHOLE_PX_FROM up, else rounded down to 1/1000 px.
 * Never rounds up, so a fitted matrix stays inside its room.
 * @example snapCellEdge(3.6) // → 3;  snapCellEdge(0.7519) // → 0.751
 */
export function snapCellEdge(px: number): number {
  if (px >= WHOLE_PX_FROM) return Math.floor(px);
  return Math.floor(px * 1000 + 1e-6) / 1000;
}
