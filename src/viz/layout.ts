/**
 * Pure geometry of a heatmap: label thinning, margins, pointer → cell. The cell size is chosen in
 * cellDims.ts and fitted into a box in fitLayout.ts. No DOM here, so all of it is unit-tested in
 * Node (tests/unit/viz-scales.test.ts, tests/unit/viz-layout.test.ts).
 */
import type { HeatmapCell } from './types';

export {
  MAX_CELL_ASPECT, MAX_CELL_PX, MIN_CELL_PX, MIN_RECT_CELL_EDGE_PX, TARGET_MATRIX_PX, WHOLE_PX_FROM,
  chooseCellDims, chooseCellSize, readablePx, snapCellEdge,
} from './cellDims';
export type { CellDims, CellDimsOptions } from './cellDims';

/**
 * Every how many labels one is shown so that shown labels are at least `minGapPx` apart.
 * The step is "nice" (1, 2, 5, 10, 20, 50, …) so shown indices are round numbers.
 *
 * @param cellPx   distance between neighbouring labels (the cell size), CSS px, > 0
 * @param minGapPx minimum distance between shown labels (labelGapPx: ≈ 1.15 × font size), CSS px
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
  /**
   * Width of the row-notes column (its widest note or its title), CSS px; 0 or undefined = no
   * column. It is placed right of the marker band and counted in `right`.
   */
  rowNotesWidth?: number;
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
  /** Everything right of the matrix: the marker band, then the row-notes column (if any). */
  right: number;
  /** Width of the band right of the matrix for the fully-masked-row markers ("∅"). */
  flagBand: number;
  /** Left edge of the row-notes column (after the marker band), and its width (0 = none). */
  notesLeft: number;
  notesWidth: number;
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

/** Space before and after the row-notes column, CSS px. */
export const NOTES_GAP_PX = 4;

/**
 * Margins around the matrix: left = axis title + row labels + gap; top = title + axis title +
 * rotated column labels + gap; right = marker band (1.5 × fontSize) + the row-notes column
 * (NOTES_GAP_PX + its width + NOTES_GAP_PX, when there is one); bottom = 4 px, or more when the last row
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
  const flagBand = Math.ceil(f * 1.5);
  const notesWidth = Math.max(0, Math.ceil((i.rowNotesWidth ?? 0) - 1e-9));
  const right = flagBand + (notesWidth > 0 ? notesWidth + 2 * NOTES_GAP_PX : 0);
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
    flagBand,
    notesLeft: left + matrixWidth + flagBand + NOTES_GAP_PX,
    notesWidth,
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
