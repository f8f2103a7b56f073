/**
 * Pure geometry of a heatmap: cell size, label thinning, margins, pointer → cell and keyboard
 * moves. No DOM here, so all of it is unit-tested in Node (tests/unit/viz-scales.test.ts).
 */
import type { HeatmapCell } from './types';

/** Default matrix extent the cell size aims for, in CSS px. */
export const TARGET_MATRIX_PX = 360;
/** Bounds of the default cell size, in CSS px. */
export const MIN_CELL_PX = 2;
export const MAX_CELL_PX = 40;

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

/**
 * The cell under a point given relative to the matrix's top-left corner, or null outside.
 * A cell covers [col·cellSize, (col+1)·cellSize) × [row·cellSize, (row+1)·cellSize).
 *
 * @param x,y      point in CSS px from the matrix origin (not the SVG origin)
 * @param cellSize cell edge in CSS px, > 0
 * @example pointToCell(85, 3, 40, 6, 6) // → { row: 0, col: 2 }
 */
export function pointToCell(
  x: number,
  y: number,
  cellSize: number,
  rows: number,
  cols: number,
): HeatmapCell | null {
  if (!(x >= 0 && y >= 0 && cellSize > 0)) return null;
  const col = Math.floor(x / cellSize);
  const row = Math.floor(y / cellSize);
  return row < rows && col < cols ? { row, col } : null;
}

/** Inputs of `heatmapLayout`; widths are of the longest shown label, in CSS px. */
export interface LayoutInput {
  rows: number;
  cols: number;
  cellSize: number;
  fontSize: number;
  rowLabelWidth: number;
  colLabelWidth: number;
  hasTitle: boolean;
  /** Width of the title text (bold, fontSize + 2), CSS px; the layout is at least this wide. */
  titleWidth?: number;
}

/**
 * Where everything goes, in CSS px from the top-left of the SVG. The matrix occupies
 * [left, left + matrixWidth) × [top, top + matrixHeight).
 */
export interface HeatmapLayout {
  cellSize: number;
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
}

/**
 * Margins around the matrix: left = axis title + row labels + gap; top = title + axis title +
 * rotated column labels + gap; right = marker band; the width also covers the title. All values
 * are whole CSS px.
 *
 * @example heatmapLayout({rows: 6, cols: 6, cellSize: 40, fontSize: 12, rowLabelWidth: 30,
 *   colLabelWidth: 30, hasTitle: false})
 *   // → left 54, top 54, right 18, bottom 4, width 312, height 298
 */
export function heatmapLayout(i: LayoutInput): HeatmapLayout {
  const labelGap = 6;
  const axisTitleBand = Math.ceil(i.fontSize * 1.5);
  const titleBand = i.hasTitle ? Math.ceil(i.fontSize * 1.9) : 0;
  const left = axisTitleBand + Math.ceil(i.rowLabelWidth) + labelGap;
  const top = titleBand + axisTitleBand + Math.ceil(i.colLabelWidth) + labelGap;
  const right = Math.ceil(i.fontSize * 1.5);
  const bottom = 4;
  const matrixWidth = i.cols * i.cellSize;
  const matrixHeight = i.rows * i.cellSize;
  return {
    cellSize: i.cellSize,
    fontSize: i.fontSize,
    matrixWidth,
    matrixHeight,
    left,
    top,
    right,
    bottom,
    width: Math.ceil(Math.max(left + matrixWidth + right, i.titleWidth ?? 0)),
    height: Math.ceil(top + matrixHeight + bottom),
    titleBand,
    axisTitleBand,
    labelGap,
  };
}
