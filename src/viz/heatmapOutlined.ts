/**
 * Outlined cells of a heatmap (`spec.outlined`: "changed since the previous pipeline step"):
 * a 2 px dark-yellow line inside the boundary of the flagged cells (a frame round a lone cell, one
 * outline round a region) with a thin dark line inside it, so it reads on light and dark cells
 * alike. All cells in view are ONE SVG <path> of boundary segments (plus one for the dark line),
 * not an element per cell; drawn in the overlay, clipped to the matrix.
 */
import type { Selection } from 'd3';
import type { HeatmapLayout } from './layout';
import type { CellRange } from './types';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Colour of the frame (Open Color yellow 7): dark yellow, visible on white and on dark blue. */
export const OUTLINED_COLOR = '#f59f00';
/** The thin line inside the frame, for contrast on light cells. */
export const OUTLINED_INNER_COLOR = '#3d2c00';
/** Cells smaller than this (CSS px, either side) are not outlined. */
export const MIN_OUTLINED_CELL_PX = 4;
/** Cells smaller than this (CSS px, either side) get the yellow frame only. */
export const MIN_INNER_LINE_CELL_PX = 8;

/**
 * Number of flagged cells (≠ 0) of `outlined`; memoised per array object.
 * @example outlinedCount([0, 1, 1, 0]) // → 2
 */
export function outlinedCount(outlined: ArrayLike<number>): number {
  const kept = counts.get(outlined);
  if (kept !== undefined) return kept;
  let n = 0;
  for (let i = 0; i < outlined.length; i++) if (outlined[i] !== 0) n++;
  counts.set(outlined, n);
  return n;
}
const counts = new WeakMap<ArrayLike<number>, number>();

/**
 * SVG path data of one rectangle per flagged cell of the window `view`, each `inset` px inside
 * its cell, in CSS px relative to the window's top-left corner (cell (row0, col0) at 0, 0):
 *
 *   M x+inset,y+inset h w−2·inset v h−2·inset h −(w−2·inset) z
 *
 * Empty when nothing is flagged in view or a cell is smaller than 2·inset.
 * @param outlined [rows × cols] flags of the whole matrix (`cols` columns)
 * @example 2×2, only (1, 0) flagged, 10 px cells, inset 1:
 *          outlinedPath([0, 0, 1, 0], 2, 10, 10, view, 1) // → 'M1,11h8v8h-8z'
 */
export function outlinedPath(outlined: ArrayLike<number>, cols: number, cellWidth: number, cellHeight: number, view: CellRange, inset: number): string {
  const w = cellWidth - 2 * inset;
  const h = cellHeight - 2 * inset;
  if (!(w > 0 && h > 0)) return '';
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const parts: string[] = [];
  for (let row = view.row0; row < view.row0 + view.rows; row++) {
    for (let col = view.col0; col < view.col0 + view.cols; col++) {
      if (!outlined[row * cols + col]) continue;
      parts.push(`M${r2((col - view.col0) * cellWidth + inset)},${r2((row - view.row0) * cellHeight + inset)}h${r2(w)}v${r2(h)}h${r2(-w)}z`);
    }
  }
  return parts.join('');
}

/**
 * SVG path data of the boundary of the flagged cells in the window `view`: a segment along each
 * side of a flagged cell whose neighbour across it is not flagged (or lies outside the matrix),
 * `inset` px inside the flagged cell, a run of such sides in a row (a column) as one segment. The
 * segments meet at the corners, so a lone cell gets a frame, and a region of flagged cells one
 * outline round it: its cells keep their colours and hatch (a frame in every cell of a causal
 * triangle of 10 px cells covered most of it). CSS px relative to the window's top-left corner.
 * Empty when nothing is flagged in view or a cell is smaller than 2·inset.
 * @param outlined [rows × cols] flags of the whole matrix (`cols` columns)
 * @example 2×2, (1, 0) and (1, 1) flagged, 10 px cells, inset 1:
 *          outlineContour([0, 0, 1, 1], 2, 10, 10, view, 1) // → 'M1,11h18M1,19h18M1,11v8M19,11v8'
 */
export function outlineContour(outlined: ArrayLike<number>, cols: number, cellWidth: number, cellHeight: number, view: CellRange, inset: number): string {
  if (!(cellWidth > 2 * inset && cellHeight > 2 * inset)) return '';
  const on = (r: number, c: number) => c >= 0 && c < cols && r >= 0 && (outlined[r * cols + c] ?? 0) !== 0;
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const { row0, rows, col0, cols: viewCols } = view;
  const parts: string[] = [];
  // a run's end: a convex corner (no flagged cell beyond) stops `inset` short of the cell edge, a concave one goes `inset` past it
  const end = (edge: number, beyond: boolean) => (beyond ? edge + inset : edge - inset);
  const start = (edge: number, before: boolean) => (before ? edge - inset : edge + inset);
  for (const [side, dr] of [[0, -1], [1, 1]] as const) {
    for (let r = row0; r < row0 + rows; r++) {
      const y = r2((r - row0 + side) * cellHeight + (side === 0 ? inset : -inset));
      for (let c = col0; c < col0 + viewCols; c++) {
        if (!on(r, c) || on(r + dr, c)) continue;
        const c0 = c;
        while (c + 1 < col0 + viewCols && on(r, c + 1) && !on(r + dr, c + 1)) c++;
        const x0 = start((c0 - col0) * cellWidth, on(r, c0 - 1));
        const x1 = end((c + 1 - col0) * cellWidth, on(r, c + 1));
        parts.push(`M${r2(x0)},${y}h${r2(x1 - x0)}`);
      }
    }
  }
  for (const [side, dc] of [[0, -1], [1, 1]] as const) {
    for (let c = col0; c < col0 + viewCols; c++) {
      const x = r2((c - col0 + side) * cellWidth + (side === 0 ? inset : -inset));
      for (let r = row0; r < row0 + rows; r++) {
        if (!on(r, c) || on(r, c + dc)) continue;
        const first = r;
        while (r + 1 < row0 + rows && on(r + 1, c) && !on(r + 1, c + dc)) r++;
        const y0 = start((first - row0) * cellHeight, on(first - 1, c));
        const y1 = end((r + 1 - row0) * cellHeight, on(r + 1, c));
        parts.push(`M${x},${r2(y0)}v${r2(y1 - y0)}`);
      }
    }
  }
  return parts.join('');
}

/**
 * Draws (or, with `outlined` undefined or cells under MIN_OUTLINED_CELL_PX, clears) the outlines
 * of the flagged cells in the layout's window into the overlay's `g.ms-outlined` layer.
 * @param cols columns of the whole matrix
 * @param clipId id of the matrix's <clipPath> (matrix coordinates)
 */
export function drawOutlined(overlay: G, L: HeatmapLayout, cols: number, outlined: ArrayLike<number> | undefined, clipId: string): void {
  const g = overlay.select<SVGGElement>(':scope > g.ms-outlined');
  const small = Math.min(L.cellWidth, L.cellHeight);
  const view = { row0: L.row0, rows: L.rows, col0: L.col0, cols: L.cols };
  const line = outlined === undefined || small < MIN_OUTLINED_CELL_PX ? '' : outlineContour(outlined, cols, L.cellWidth, L.cellHeight, view, 1);
  const inner = line === '' || small < MIN_INNER_LINE_CELL_PX ? '' : outlineContour(outlined as ArrayLike<number>, cols, L.cellWidth, L.cellHeight, view, 2.5);
  const paths = [
    { cls: 'ms-outlined-line', d: line, stroke: OUTLINED_COLOR, width: 2 },
    { cls: 'ms-outlined-inner', d: inner, stroke: OUTLINED_INNER_COLOR, width: 1 },
  ].filter((p) => p.d !== '');
  g.attr('transform', `translate(${L.left},${L.top})`).attr('clip-path', `url(#${clipId})`);
  g.selectAll<SVGPathElement, (typeof paths)[number]>('path')
    .data(paths, (p) => p.cls)
    .join('path')
    .attr('class', (p) => p.cls)
    .attr('d', (p) => p.d)
    .attr('fill', 'none')
    .attr('stroke', (p) => p.stroke)
    .attr('stroke-width', (p) => p.width)
    .attr('stroke-linecap', 'square'); // closes the outer corner where two sides meet
}
