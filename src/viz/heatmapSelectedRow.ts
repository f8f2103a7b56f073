/**
 * The selected row of a heatmap (`spec.selectedRow`: the query a row inspector shows): a 3 px
 * accent-coloured frame around the whole row with a white line between it and the cells, so it
 * reads on every cell colour and is not confused with the hover crosshair (translucent white
 * band, thin dark edges). Drawn in the SVG overlay, under the hover outline.
 */
import type { Selection } from 'd3';
import { MIN_OUTLINE_PX } from './heatmapOverlay';
import { rowShown, rowTop } from './layout';
import type { HeatmapLayout } from './layout';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The app's accent colour (styles.css --accent): 7.0:1 on white. */
export const SELECTED_ROW_COLOR = '#3b5bdb';
/** Width of the accent frame, CSS px. */
export const SELECTED_ROW_STROKE_PX = 3;

/** A rectangle in CSS px from the SVG origin. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The box of row `row` (an index of the whole matrix) across the drawn window — at least
 * MIN_OUTLINE_PX tall, centred on the row — or null when the row is not in view.
 * @example rows of 40 px from top 50, left 60, matrix 240 px wide:
 *          selectedRowBox(L, 2) // → { x: 60, y: 130, width: 240, height: 40 }
 */
export function selectedRowBox(L: HeatmapLayout, row: number): Box | null {
  if (!Number.isInteger(row) || row < 0 || !rowShown(L, row)) return null;
  const height = Math.max(L.cellHeight, MIN_OUTLINE_PX);
  return { x: L.left, y: rowTop(L, row) - (height - L.cellHeight) / 2, width: L.matrixWidth, height };
}

/** One stroked rectangle of the frame. */
export interface FrameRect extends Box {
  stroke: string;
  strokeWidth: number;
}

/**
 * The frame of `row` as drawn: the accent frame (SELECTED_ROW_STROKE_PX wide, just outside the
 * white line) and a 1 px white line on the row's edge, just outside the cells; [] when the row
 * is not in view (selectedRowBox).
 * @example 40 px rows, row 2 at (54, 134), 240 px wide → accent 3 px around (51.5, 131.5, 245, 45),
 *          white 1 px around (53.5, 133.5, 241, 41)
 */
export function selectedRowRects(L: HeatmapLayout, row: number): FrameRect[] {
  const box = selectedRowBox(L, row);
  if (box === null) return [];
  const s = SELECTED_ROW_STROKE_PX;
  const grow = (d: number): Box => ({ x: box.x - d, y: box.y - d, width: box.width + 2 * d, height: box.height + 2 * d });
  return [
    { ...grow(1 + s / 2), stroke: SELECTED_ROW_COLOR, strokeWidth: s },
    { ...grow(0.5), stroke: '#fff', strokeWidth: 1 },
  ];
}

/**
 * Draws the frame of `row` (selectedRowRects) into the overlay's `g.ms-selected-row` layer;
 * nothing for undefined, −1 or a row out of view.
 */
export function drawSelectedRow(overlay: G, L: HeatmapLayout, row: number | undefined): void {
  overlay.select<SVGGElement>(':scope > g.ms-selected-row')
    .selectAll('rect')
    .data(row === undefined ? [] : selectedRowRects(L, row))
    .join('rect')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('fill', 'none')
    .attr('stroke', (d) => d.stroke)
    .attr('stroke-width', (d) => d.strokeWidth);
}
