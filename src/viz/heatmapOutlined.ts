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
  const { row0, rows, col0, cols: viewCols } = view;
  const rowAxis = { first: row0, count: rows, size: cellHeight };
  const colAxis = { first: col0, count: viewCols, size: cellWidth };
  // along each row's top and bottom edges, then the same with rows and columns swapped
  const horizontal = edgeRuns(on, rowAxis, colAxis, inset, (y, x, length) => `M${x},${y}h${length}`);
  const vertical = edgeRuns((c, r) => on(r, c), colAxis, rowAxis, inset, (x, y, length) => `M${x},${y}v${length}`);
  return [...horizontal, ...vertical].join('');
}

/** Cells of one axis of the window: [first, first + count), `size` CSS px each. */
interface EdgeAxis {
  first: number;
  count: number;
  size: number;
}

/**
 * outlineContour's segments along one axis: for each line of cells (`lines`: rows, or columns)
 * and each of its two sides, the runs of flagged cells whose neighbour across that side is not
 * flagged, inset into the cells. A run's end at a convex corner (no flagged cell beyond) stops
 * `inset` short of the cell edge; at a concave one it goes `inset` past it.
 * @param flagged whether cell (line, at) is flagged (false outside the matrix)
 * @param path    the segment's SVG path from its offset across the lines, its start along them and its length
 */
function edgeRuns(
  flagged: (line: number, at: number) => boolean, lines: EdgeAxis, along: EdgeAxis, inset: number,
  path: (across: number, start: number, length: number) => string,
): string[] {
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const parts: string[] = [];
  const last = along.first + along.count;
  for (const [side, d] of [[0, -1], [1, 1]] as const) {
    for (let a = lines.first; a < lines.first + lines.count; a++) {
      const across = r2((a - lines.first + side) * lines.size + (side === 0 ? inset : -inset));
      for (let b = along.first; b < last; b++) {
        if (!flagged(a, b) || flagged(a + d, b)) continue;
        const b0 = b;
        while (b + 1 < last && flagged(a, b + 1) && !flagged(a + d, b + 1)) b++;
        const q0 = (b0 - along.first) * along.size + (flagged(a, b0 - 1) ? -inset : inset);
        const q1 = (b + 1 - along.first) * along.size + (flagged(a, b + 1) ? inset : -inset);
        parts.push(path(across, r2(q0), r2(q1 - q0)));
      }
    }
  }
  return parts;
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
