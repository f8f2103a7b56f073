/**
 * Marked cells (e.g. cells painted by hand): a small ring in the corner of each marked cell, drawn
 * in the SVG overlay above the canvas, so a teacher can show which cells were set by hand.
 */
import type { Selection } from 'd3';
import type { HeatmapLayout } from './layout';

type G = Selection<SVGGElement, unknown, null, undefined>;

const LAYER = 'ms-marks';
/** Ring colour: dark, with a white halo so it reads on blue, grey hatch and white alike. */
export const MARK_COLOR = '#d9480f';

/** Centre and radius (px, relative to the matrix' top-left) of each marked cell's ring. */
export function markCircles(marked: ArrayLike<number>, rows: number, cols: number, cellWidth: number, cellHeight: number): { cx: number; cy: number; r: number }[] {
  const r = Math.max(1.5, Math.min(cellWidth, cellHeight) / 4);
  const out: { cx: number; cy: number; r: number }[] = [];
  for (let i = 0; i < rows * cols; i++) {
    if (!marked[i]) continue;
    const row = Math.floor(i / cols);
    const col = i % cols;
    out.push({ cx: (col + 0.5) * cellWidth, cy: (row + 0.5) * cellHeight, r });
  }
  return out;
}

/** Draws (or removes, when `marked` is undefined) the ring layer. */
export function drawMarks(overlay: G, L: HeatmapLayout, rows: number, cols: number, marked: ArrayLike<number> | undefined): void {
  const existing = overlay.select<SVGGElement>(`:scope > g.${LAYER}`);
  if (marked === undefined) {
    existing.remove();
    return;
  }
  const g: G = existing.empty() ? (overlay.append('g').attr('class', LAYER) as unknown as G) : (existing as unknown as G);
  g.attr('transform', `translate(${L.left},${L.top})`).attr('pointer-events', 'none');
  g.selectAll('circle')
    .data(markCircles(marked, rows, cols, L.cellWidth, L.cellHeight))
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
