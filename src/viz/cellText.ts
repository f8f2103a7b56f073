/**
 * Numbers written in heatmap cells (pure; no DOM): which cells are in view, their texts, one font
 * size per heatmap that fits the widest text, and a text colour (black or white) that contrasts
 * with each cell's colour as drawn (WCAG 2 relative luminance). heatmapValues.ts draws them.
 */
import { color as parseCssColor } from 'd3';
import { relativeLuminanceRgb } from './colorScales';
import type { CellRange } from './types';

export { formatCellValue, MINUS } from './cellFormat';

/** Smallest font size of cell values, CSS px: below it no numbers are drawn. */
export const MIN_VALUE_FONT_PX = 9;
/** Most cells in view that get numbers (40 × 40); beyond, none are drawn. */
export const MAX_VALUE_CELLS = 1600;
/** Horizontal room kept free in a cell around its number, CSS px (both sides together). */
export const VALUE_PAD_PX = 4;
/** Largest font size of a cell value as a share of the cell height. */
export const VALUE_HEIGHT_SHARE = 0.45;

/**
 * Indices into [rows × cols] (row-major, `cols` = columns of the whole matrix) of the cells of
 * the window `view`, in reading order.
 * @example viewCellIndices(4, { row0: 1, rows: 2, col0: 2, cols: 2 }) // → [6, 7, 10, 11]
 */
export function viewCellIndices(cols: number, view: CellRange): Int32Array {
  const out = new Int32Array(Math.max(0, view.rows * view.cols));
  let p = 0;
  for (let r = view.row0; r < view.row0 + view.rows; r++) {
    for (let c = view.col0; c < view.col0 + view.cols; c++) out[p++] = r * cols + c;
  }
  return out;
}

/**
 * The text of each listed cell: `blockedText` for a blocked cell (blocked[i] ≠ 0; its value is
 * not looked at), else format(values[i]).
 * @param values  [rows × cols]
 * @param blocked [rows × cols] flags, optional
 * @param indices cells to write (viewCellIndices)
 */
export function cellTexts(
  values: ArrayLike<number>,
  blocked: ArrayLike<number> | undefined,
  indices: ArrayLike<number>,
  format: (value: number) => string,
  blockedText: string,
): string[] {
  const out: string[] = new Array<string>(indices.length);
  for (let p = 0; p < indices.length; p++) {
    const i = indices[p] as number;
    out[p] = blocked !== undefined && blocked[i] !== 0 ? blockedText : format(values[i] as number);
  }
  return out;
}

/**
 * The one font size (whole CSS px) of the numbers of a heatmap, or null when they do not fit:
 *
 *   size = ⌊min(maxFontSize, 0.45 · cellHeight, maxFontSize · (cellWidth − 4) / widestAtMax)⌋
 *
 * (text width grows linearly with the font size), null when size < MIN_VALUE_FONT_PX (9).
 *
 * @param cellWidth, cellHeight drawn cell edges, CSS px
 * @param maxFontSize the heatmap's label font size, CSS px
 * @param widestAtMax width of the widest text at maxFontSize, CSS px (0: no text)
 * @example valueFontSize(40, 40, 13, 30) // → 13   (min(13, 18, 15.6))
 *          valueFontSize(30, 24, 13, 30) // → 10   (min(13, 10.8, 11.3))
 *          valueFontSize(24, 24, 13, 30) // → null (min(13, 10.8, 8.7) = 8 < 9)
 */
export function valueFontSize(cellWidth: number, cellHeight: number, maxFontSize: number, widestAtMax: number): number | null {
  const byWidth = widestAtMax > 0 ? (maxFontSize * (cellWidth - VALUE_PAD_PX)) / widestAtMax : Infinity;
  const size = Math.floor(Math.min(maxFontSize, VALUE_HEIGHT_SHARE * cellHeight, byWidth) + 1e-9);
  return size >= MIN_VALUE_FONT_PX ? size : null;
}

/**
 * '#000' or '#fff', whichever has the higher WCAG contrast ratio on a background of relative
 * luminance `lum`: black gives (lum + 0.05) / 0.05, white 1.05 / (lum + 0.05); black wins from
 * lum ≈ 0.179 up (ties go to black).
 */
export function textColorForLuminance(lum: number): '#000' | '#fff' {
  return (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) ? '#000' : '#fff';
}

/**
 * The text colour ('#000' or '#fff') that contrasts most with the CSS colour `css` (parsed with
 * d3.color); '#000' when it cannot be parsed.
 * @example textColorOn('#08306b') // → '#fff' (dark blue);  textColorOn('#f7fbff') // → '#000'
 */
export function textColorOn(css: string): '#000' | '#fff' {
  const c = parseCssColor(css)?.rgb();
  if (c === undefined || ![c.r, c.g, c.b].every(Number.isFinite)) return '#000';
  return textColorForLuminance(relativeLuminanceRgb(c.r, c.g, c.b));
}
