/**
 * Pure geometry of a heatmap: cell size, label thinning, margins, fitting into an available
 * width, pointer → cell. No DOM here, so all of it is unit-tested in Node
 * (tests/unit/viz-scales.test.ts, tests/unit/viz-layout.test.ts).
 */
import type { HeatmapCell } from './types';

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

/**
 * Every how many labels one is shown so that shown labels are at least `minGapPx` apart.
 * The step is "nice" (1, 2, 5, 10, 20, 50, …) so shown indices are round numbers.
 *
 * @param cellPx   distance between neighbouring labels (the cell size), CSS px, > 0
 * @param minGapPx minimum distance between shown labels (≈ 1.2 × font size), CSS px
 * @example labelStep(2, 14) // → 10 (raw 7 → next nice step)
 */
export function labelStep(cellPx: number, minGapPx: number): number {
  if (!(cellPx > 0)) return 1;
  const raw = Math.max(1, Math.ceil(minGapPx / cellPx - 1e-9));
  for (let decade = 1; ; decade *= 10) {
    for (const m of [1, 2, 5]) {
      if (m * decade >= raw) return m * decade;
    }
  }
}

/**
 * Indices of the labels shown for `count` labels spaced `cellPx` apart: 0, s, 2s, … with
 * s = labelStep(cellPx, minGapPx).
 *
 * @example thinLabels(20, 5, 14) // → [0, 5, 10, 15]
 */
export function thinLabels(count: number, cellPx: number, minGapPx: number): number[] {
  const step = labelStep(cellPx, minGapPx);
  const shown: number[] = [];
  for (let i = 0; i < count; i += step) shown.push(i);
  return shown;
}

/**
 * Shortens a label to at most `maxChars` characters (code points), ending it with "…".
 * @example truncateLabel('extraordinary', 6) // → 'extra…'
 */
export function truncateLabel(label: string, maxChars: number): string {
  const chars = Array.from(label);
  if (chars.length <= maxChars) return label;
  return chars.slice(0, Math.max(0, maxChars - 1)).join('') + '…';
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

/**
 * The cell under a point given relative to the matrix's top-left corner, or null outside.
 * A cell covers [col·cellWidth, (col+1)·cellWidth) × [row·cellHeight, (row+1)·cellHeight).
 *
 * @param x,y        point in CSS px from the matrix origin (not the SVG origin)
 * @param cellWidth  cell width in CSS px, > 0
 * @param cellHeight cell height in CSS px, > 0; default cellWidth (square cells)
 * @example pointToCell(85, 3, 40, 6, 6) // → { row: 0, col: 2 }
 */
export function pointToCell(
  x: number,
  y: number,
  cellWidth: number,
  rows: number,
  cols: number,
  cellHeight: number = cellWidth,
): HeatmapCell | null {
  if (!(x >= 0 && y >= 0 && cellWidth > 0 && cellHeight > 0)) return null;
  const col = Math.floor(x / cellWidth);
  const row = Math.floor(y / cellHeight);
  return row < rows && col < cols ? { row, col } : null;
}

/** Inputs of `heatmapLayout`; widths are of the longest shown label, in CSS px. */
export interface LayoutInput {
  /** Rows drawn (the visible ones when zoomed), ≥ 0. */
  rows: number;
  /** Columns drawn (the visible ones when zoomed), ≥ 0. */
  cols: number;
  /** Index of the first drawn row in the whole matrix (zoomed view); default 0. */
  row0?: number;
  /** Index of the first drawn column in the whole matrix (zoomed view); default 0. */
  col0?: number;
  /** Square cell edge, CSS px; used for whichever of cellWidth / cellHeight is not given. */
  cellSize?: number;
  /** Cell width, CSS px (default cellSize). */
  cellWidth?: number;
  /** Cell height, CSS px (default cellSize). */
  cellHeight?: number;
  fontSize: number;
  rowLabelWidth: number;
  colLabelWidth: number;
  hasTitle: boolean;
  /** Width of the title text (bold, fontSize + 2), CSS px; the layout is at least this wide. */
  titleWidth?: number;
  /** Length of the row axis title (bold, rotated), CSS px; the layout is at least this tall. */
  rowAxisTitleWidth?: number;
  /** Width of the column axis title (bold), CSS px; the layout is at least this wide. */
  colAxisTitleWidth?: number;
}

/**
 * Where everything goes, in CSS px from the top-left of the SVG. The matrix occupies
 * [left, left + matrixWidth) × [top, top + matrixHeight).
 */
export interface HeatmapLayout {
  /** Rows and columns drawn: the window [row0, row0 + rows) × [col0, col0 + cols) of the matrix. */
  rows: number;
  cols: number;
  row0: number;
  col0: number;
  cellWidth: number;
  cellHeight: number;
  fontSize: number;
  matrixWidth: number;
  matrixHeight: number;
  left: number;
  top: number;
  /** Band right of the matrix for the fully-masked-row markers. */
  right: number;
  bottom: number;
  width: number;
  height: number;
  /** Height of the title band (0 without a title). */
  titleBand: number;
  /** Band holding an axis title ("query" left, "key" top). */
  axisTitleBand: number;
  /** Distance between the matrix and its labels (room for the ticks). */
  labelGap: number;
  /** Centre of the row axis title (rotated): x = fontSize, y = rowTitleY. */
  rowTitleY: number;
  /** Centre of the column axis title: x = colTitleX, y = titleBand + fontSize (baseline). */
  colTitleX: number;
}

/**
 * Margins around the matrix: left = axis title + row labels + gap; top = title + axis title +
 * rotated column labels + gap; right = marker band; bottom = 4 px, or more when the last row
 * label (≈ 0.6 × fontSize below its row centre) or the rotated row axis title would stick out
 * below a short matrix — nothing drawn leaves [0, width] × [0, height], so a legend placed
 * after the heatmap is never overlapped. The width also covers the title and the column axis
 * title. All margins and the size are whole CSS px.
 *
 * @throws RangeError when neither cellSize nor cellWidth/cellHeight is given
 * @example heatmapLayout({rows: 6, cols: 6, cellSize: 40, fontSize: 12, rowLabelWidth: 30,
 *   colLabelWidth: 30, hasTitle: false})
 *   // → left 54, top 54, right 18, bottom 4, width 312, height 298
 */
export function heatmapLayout(i: LayoutInput): HeatmapLayout {
  const cellWidth = i.cellWidth ?? i.cellSize;
  const cellHeight = i.cellHeight ?? i.cellSize;
  if (cellWidth === undefined || cellHeight === undefined) {
    throw new RangeError('heatmapLayout: give cellSize, or both cellWidth and cellHeight');
  }
  const f = i.fontSize;
  const labelGap = 6;
  const axisTitleBand = Math.ceil(f * 1.5);
  const titleBand = i.hasTitle ? Math.ceil(f * 1.9) : 0;
  const left = axisTitleBand + Math.ceil(i.rowLabelWidth) + labelGap;
  const top = titleBand + axisTitleBand + Math.ceil(i.colLabelWidth) + labelGap;
  const right = Math.ceil(f * 1.5);
  const matrixWidth = i.cols * cellWidth;
  const matrixHeight = i.rows * cellHeight;
  const rowTitle = i.rowAxisTitleWidth ?? 0;
  const rowTitleY = Math.max(top + matrixHeight / 2, titleBand + rowTitle / 2 + 2);
  const overhang = Math.max(
    0,
    i.rows > 0 ? f * 0.6 - cellHeight / 2 : 0,
    rowTitle > 0 ? rowTitleY + rowTitle / 2 + 2 - (top + matrixHeight) : 0,
  );
  const bottom = Math.max(4, Math.ceil(overhang - 1e-9) + 1);
  const colTitle = i.colAxisTitleWidth ?? 0;
  const colTitleX = Math.max(left + matrixWidth / 2, colTitle / 2 + 2);
  return {
    rows: i.rows,
    cols: i.cols,
    row0: i.row0 ?? 0,
    col0: i.col0 ?? 0,
    cellWidth,
    cellHeight,
    fontSize: f,
    matrixWidth,
    matrixHeight,
    left,
    top,
    right,
    bottom,
    width: Math.ceil(Math.max(left + matrixWidth + right, i.titleWidth ?? 0, colTitle > 0 ? colTitleX + colTitle / 2 + 2 : 0) - 1e-9),
    height: Math.ceil(top + matrixHeight + bottom - 1e-9),
    titleBand,
    axisTitleBand,
    labelGap,
    rowTitleY,
    colTitleX,
  };
}

/** Inputs of `fitHeatmapLayout`: a LayoutInput whose cell size and label widths are chosen. */
export interface FitInput extends Omit<LayoutInput, 'cellSize' | 'cellWidth' | 'cellHeight' | 'rowLabelWidth' | 'colLabelWidth'> {
  /** Square cell edge, CSS px; default: `chooseCellDims` (rectangular cells). */
  cellSize?: number;
  /** CSS px available for the whole drawing, labels included; default: no limit. */
  maxWidth?: number;
  /**
   * Size of the whole matrix when only a window of it (rows × cols) is drawn (zoomed view).
   * Cells are then chosen for the whole matrix and enlarged by whole/shown per axis, so the
   * matrix keeps the frame (CSS px) of the whole one at every zoom. Default: rows × cols.
   */
  whole?: { rows: number; cols: number };
  /**
   * Tallest the (whole) matrix may be, CSS px: rows shrink — below 1 px if need be, then pooled
   * — to fit. For a narrow matrix with many rows (the output, Lq × dV) that no width limits.
   * Default: no limit.
   */
  maxMatrixHeight?: number;
  /**
   * Widths (CSS px) of the widest shown row and column label when cells are
   * cellWidth × cellHeight (labels are thinned by cell size, so this changes with it).
   */
  labelWidths(cellWidth: number, cellHeight: number): { row: number; col: number };
}

/** Rounds of "shrink the cells, re-measure the labels" in `fitHeatmapLayout`. */
const FIT_ROUNDS = 4;

/**
 * The heatmap's layout, with cells shrunk so that left + matrixWidth + right ≤ maxWidth.
 *
 * 1. Cells: `cellSize` × `cellSize` when given, else chooseCellDims(rows, cols) with labels
 *    readable at fontSize.
 * 2. While the drawing is wider than maxWidth: room = maxWidth − left − right (at least 1 px),
 *    cells re-chosen with maxMatrixWidth = room (an explicit cellSize shrinks to room / cols),
 *    labels re-measured. The row label width used is the largest seen, so margins only grow
 *    and the result fits after a few rounds.
 *
 * The title is not fitted (a title wider than maxWidth stays wider); maxWidth smaller than the
 * margins cannot be met (the matrix is then 1 px wide).
 *
 * With `maxMatrixHeight`, rows are then shrunk (snapCellEdge) so the whole matrix is no taller.
 *
 * Zoomed (`whole` given): steps 1–2 size the cells of the whole matrix, then each edge is
 * multiplied by whole/shown (e.g. 4096 / 64 = 64×), so the frame stays the same.
 *
 * @example at fontSize 13, 512 × 512 with labels ≤ 40 px wide and maxWidth 470:
 *   left = 20 + 40 + 6 = 66, right = 20 → room 384 → cells 0.75 × 0.75 px, width 470
 */
export function fitHeatmapLayout(i: FitInput): HeatmapLayout {
  const labelPx = readablePx(i.fontSize);
  const explicit = i.cellSize;
  const wholeRows = i.whole?.rows ?? i.rows;
  const wholeCols = i.whole?.cols ?? i.cols;
  const chooseFree = (room?: number): CellDims => {
    if (explicit === undefined) return chooseCellDims(wholeRows, wholeCols, { labelPx, maxMatrixWidth: room });
    const edge = room === undefined || wholeCols * explicit <= room ? explicit : room / Math.max(wholeCols, 1);
    const snapped = edge === explicit ? explicit : snapCellEdge(edge);
    return { cellWidth: snapped, cellHeight: snapped };
  };
  const chooseWhole = (room?: number): CellDims => {
    const d = chooseFree(room);
    const tallest = i.maxMatrixHeight;
    if (tallest === undefined || !(tallest > 0) || wholeRows * d.cellHeight <= tallest) return d;
    return { cellWidth: d.cellWidth, cellHeight: snapCellEdge(tallest / wholeRows) };
  };
  const choose = (room?: number): CellDims => {
    const d = chooseWhole(room);
    return {
      cellWidth: i.cols > 0 && wholeCols !== i.cols ? (d.cellWidth * wholeCols) / i.cols : d.cellWidth,
      cellHeight: i.rows > 0 && wholeRows !== i.rows ? (d.cellHeight * wholeRows) / i.rows : d.cellHeight,
    };
  };
  let dims = choose();
  let widths = i.labelWidths(dims.cellWidth, dims.cellHeight);
  const maxWidth = i.maxWidth;
  const layout = () => heatmapLayout({
    rows: i.rows, cols: i.cols, row0: i.row0, col0: i.col0, fontSize: i.fontSize, hasTitle: i.hasTitle, titleWidth: i.titleWidth,
    rowAxisTitleWidth: i.rowAxisTitleWidth, colAxisTitleWidth: i.colAxisTitleWidth,
    ...dims, rowLabelWidth: widths.row, colLabelWidth: widths.col,
  });
  let L = layout();
  if (maxWidth === undefined) return L;
  let rowLabelWidth = widths.row;
  for (let round = 0; round < FIT_ROUNDS && L.left + L.matrixWidth + L.right > maxWidth + 1e-6; round++) {
    const room = Math.max(1, maxWidth - L.left - L.right);
    dims = choose(room);
    const next = i.labelWidths(dims.cellWidth, dims.cellHeight);
    rowLabelWidth = Math.max(rowLabelWidth, next.row);
    widths = { row: rowLabelWidth, col: next.col };
    L = layout();
  }
  return L;
}

/** Left edge of column `col` (an index of the whole matrix), CSS px from the SVG origin. */
export function colLeft(L: HeatmapLayout, col: number): number {
  return L.left + (col - L.col0) * L.cellWidth;
}

/** Top edge of row `row` (an index of the whole matrix), CSS px from the SVG origin. */
export function rowTop(L: HeatmapLayout, row: number): number {
  return L.top + (row - L.row0) * L.cellHeight;
}

/** True when row `row` of the whole matrix is drawn (inside the zoomed window). */
export function rowShown(L: HeatmapLayout, row: number): boolean {
  return row >= L.row0 && row < L.row0 + L.rows;
}

/** True when column `col` of the whole matrix is drawn (inside the zoomed window). */
export function colShown(L: HeatmapLayout, col: number): boolean {
  return col >= L.col0 && col < L.col0 + L.cols;
}

/**
 * The cell of the whole matrix under the SVG point (x, y) (CSS px), or null outside the drawn
 * window: pointToCell on the window, shifted by (row0, col0). Cells smaller than a pixel are
 * resolved exactly (the pointer's sub-pixel position), so of the cells that share a pooled
 * pixel, the one under the pointer is reported.
 * @example zoomed to rows 120–183 and cols 0–63 in a 360 px frame (5.625 px cells):
 *          layoutCellAt(L, L.left + 3, L.top + 7) // → { row: 121, col: 0 }
 */
export function layoutCellAt(L: HeatmapLayout, x: number, y: number): HeatmapCell | null {
  const c = pointToCell(x - L.left, y - L.top, L.cellWidth, L.rows, L.cols, L.cellHeight);
  return c === null ? null : { row: c.row + L.row0, col: c.col + L.col0 };
}

/**
 * Fractional cell coordinates (of the whole matrix) of the SVG point (x, y), clamped to the
 * drawn window: the anchor of a zoom around the pointer.
 * @example the centre of cell (5, 2) → { row: 5.5, col: 2.5 }
 */
export function layoutCellCoords(L: HeatmapLayout, x: number, y: number): { row: number; col: number } {
  const clamp = (v: number, n: number) => Math.min(n, Math.max(0, v));
  return {
    row: L.row0 + clamp((y - L.top) / (L.cellHeight || 1), L.rows),
    col: L.col0 + clamp((x - L.left) / (L.cellWidth || 1), L.cols),
  };
}
