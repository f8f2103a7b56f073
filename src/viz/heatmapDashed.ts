/**
 * Dashed cells of a heatmap (`spec.dashed`, e.g. "the two readings of a causal mask differ here"):
 * a 2 px dashed crimson frame inside each flagged cell (inside the outline of a changed cell) — a line pattern, not only a colour, and
 * distinct from the solid yellow frame of outlined cells (heatmapOutlined.ts). All cells in view
 * are ONE SVG <path> (`path.ms-dashed-line`) in the overlay's `g.ms-dashed`, clipped to the matrix.
 */
import type { Selection } from 'd3';
import type { HeatmapLayout } from './layout';
import { MIN_OUTLINED_CELL_PX, outlinedPath } from './heatmapOutlined';

type G = Selection<SVGGElement, unknown, null, undefined>;

const LAYER = 'ms-dashed';
/** Colour of the dashed frame (Open Color pink 9): dark, reads on blue, white and grey hatch. */
export const DASHED_COLOR = '#a61e4d';
/**
 * Inset of the dashed frame, CSS px: inside the 2 px "changed" outline (inset 1, so 0–2 px),
 * the 2 px dash spans 3.5–5.5 px and both stay visible on one cell (a quarter of a cell under 18 px).
 */
export const DASHED_INSET = 4.5;
/** The dash pattern, CSS px: 3 on, 2 off. */
export const DASH_PATTERN = '3,2';

/**
 * Draws (or, with `dashed` undefined, removes) the dashed frames of the flagged cells in the
 * layout's window; nothing is drawn when cells are under MIN_OUTLINED_CELL_PX.
 * @param cols columns of the whole matrix; @param dashed [rows × cols] flags (≠ 0 = dashed)
 * @param clipId id of the matrix's <clipPath> (matrix coordinates)
 */
export function drawDashed(overlay: G, L: HeatmapLayout, cols: number, dashed: ArrayLike<number> | undefined, clipId: string): void {
  const existing = overlay.select<SVGGElement>(`:scope > g.${LAYER}`);
  if (dashed === undefined) {
    existing.remove();
    return;
  }
  const g: G = existing.empty() ? (overlay.append('g').attr('class', LAYER) as unknown as G) : existing;
  const small = Math.min(L.cellWidth, L.cellHeight);
  const view = { row0: L.row0, rows: L.rows, col0: L.col0, cols: L.cols };
  const d = small < MIN_OUTLINED_CELL_PX ? '' : outlinedPath(dashed, cols, L.cellWidth, L.cellHeight, view, Math.min(DASHED_INSET, small / 4));
  g.attr('transform', `translate(${L.left},${L.top})`).attr('clip-path', `url(#${clipId})`);
  g.selectAll<SVGPathElement, string>('path')
    .data(d === '' ? [] : [d])
    .join('path')
    .attr('class', 'ms-dashed-line')
    .attr('d', (p) => p)
    .attr('fill', 'none')
    .attr('stroke', DASHED_COLOR)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', DASH_PATTERN);
}
