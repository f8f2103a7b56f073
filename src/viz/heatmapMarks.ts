/**
 * Marked cells (e.g. cells painted by hand): a small ring in the corner of each marked cell, drawn
 * in the SVG overlay above the canvas, so a teacher can show which cells were set by hand.
 */
import type { Selection } from 'd3';
import type { HeatmapLayout } from './layout';
import type { CellRange } from './types';

type G = Selection<SVGGElement, unknown, null, undefined>;

const LAYER = 'ms-marks';
/** Ring colour: dark, with a white halo so it reads on blue, grey hatch and white alike. */
export const MARK_COLOR = '#d9480f';

/**
 * Centre and radius (CSS px, relative to the drawn window's top-left) of the ring of each marked
 * cell inside `view`; radius = max(1.5, min(cellWidth, cellHeight) / 4).
 * @param marked [rows × cols] flags of the whole matrix
 * @param cellWidth, cellHeight drawn cell edges, CSS px
 * @param view the drawn window (zoomed view); default the whole matrix
 */
export function markCircles(
  marked: ArrayLike<number>,
  rows: number,
  cols: number,
  cellWidth: number,
  cellHeight: number,
  view: CellRange = { row0: 0, rows, col0: 0, cols },
): { cx: number; cy: number; r: number }[] {
  const r = Math.max(1.5, Math.min(cellWidth, cellHeight) / 4);
  const out: { cx: number; cy: number; r: number }[] = [];
  const rowEnd = Math.min(rows, view.row0 + view.rows);
  const colEnd = Math.min(cols, view.col0 + view.cols);
  for (let row = Math.max(0, view.row0); row < rowEnd; row++) {
    for (let col = Math.max(0, view.col0); col < colEnd; col++) {
      if (!marked[row * cols + col]) continue;
      out.push({ cx: (col - view.col0 + 0.5) * cellWidth, cy: (row - view.row0 + 0.5) * cellHeight, r });
    }
  }
  return out;
}

/** Draws (or removes, when `marked` is undefined) the ring layer of the layout's window; rows × cols = the whole matrix. */
export function drawMarks(overlay: G, L: HeatmapLayout, rows: number, cols: number, marked: ArrayLike<number> | undefined): void {
  const existing = overlay.select<SVGGElement>(`:scope > g.${LAYER}`);
  if (marked === undefined) {
    existing.remove();
    return;
  }
  const g: G = existing.empty() ? (overlay.append('g').attr('class', LAYER) as unknown as G) : (existing as unknown as G);
  g.attr('transform', `translate(${L.left},${L.top})`).attr('pointer-events', 'none');
  g.selectAll('circle')
    .data(markCircles(marked, rows, cols, L.cellWidth, L.cellHeight, { row0: L.row0, rows: L.rows, col0: L.col0, cols: L.cols }))
    .join('circle')
    .attr('cx', (d) => d.cx)
    .attr('cy', (d) => d.cy)
    .attr('r', (d) => d.r)
    .attr('fill', 'none')
    .attr('stroke', MARK_COLOR)
    .attr('stroke-width', 2)
    .attr('paint-order', 'stroke')
    .style('filter', 'drop-shadow(0 0 1px #fff)');
}
