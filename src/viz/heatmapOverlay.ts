/**
 * Hover overlay of a heatmap: a faint crosshair over the highlighted cell's row and column, a
 * two-tone outline (dark outside, white inside: visible on every colour) just outside the cell,
 * so the cell's own marks (its number, hatch, the yellow frame of an outlined cell) stay whole, and
 * the cell's row and column labels in bold over the (dimmed) axis labels, even when thinning
 * hid them; the axis labels the bold one covers (closer than a line, LABEL_CLEARANCE font sizes,
 * along its axis; its own included) are hidden meanwhile.
 */
import type { Selection } from 'd3';
import { TEXT_COLOR, THEME_CLASS, type AxisLabel } from './heatmapAxes';
import { colLeft, colShown, rowShown, rowTop } from './layout';
import type { HeatmapLayout } from './layout';
import { svgLayer } from './svgLayer';
import { isUprightLabel } from './text';
import type { HeatmapCell } from './types';

/** Smallest outline box side, CSS px, so the outline stays visible around 1 px (or smaller) cells. */
export const MIN_OUTLINE_PX = 8;
/** Stroke widths of the cell's outline, CSS px: the dark line, and the white one along its middle. */
export const OUTLINE_STROKES = { dark: 3, light: 1.25 } as const;
/**
 * While a cell is highlighted the other axis labels are set back (its own row and column labels
 * stay whole and bold): their layers carry `data-dimmed`, and look.css fades the dark labels to an
 * opacity that keeps them at WCAG AA contrast (4.5:1); the grey ones (padding) are not faded, as
 * any fading would take them under it.
 */
export const DIMMED_ATTR = 'data-dimmed';

/** Distance between label centres, in font sizes, under which a bold hover label covers an axis label: a line. */
export const LABEL_CLEARANCE = 1.25;

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Label texts of the highlighted cell. */
export interface OverlayLabels {
  row: string;
  col: string;
}

/**
 * Draws (or, with cell = null, clears) the overlay into `g`, and dims the label layers.
 * A cell with col −1 (row −1) draws only its row (column) band and label, without outline.
 * `cell` holds indices of the whole matrix; in a zoomed layout a row (column) outside the window
 * is treated as −1, so only the visible parts of the highlight are drawn.
 */
export function drawOverlay(
  g: G,
  labelLayers: { rows: G; cols: G },
  L: HeatmapLayout,
  cell: HeatmapCell | null,
  labels: OverlayLabels,
): void {
  const shown = visiblePart(L, cell);
  for (const layer of [labelLayers.rows, labelLayers.cols]) layer.attr(DIMMED_ATTR, shown === null ? null : '');
  const centreOfRow = (i: number) => rowTop(L, i) + 0.5 * L.cellHeight;
  const centreOfCol = (i: number) => colLeft(L, i) + 0.5 * L.cellWidth;
  hideOverlapped(labelLayers.rows, shown && shown.row >= 0 && labels.row !== '' ? shown.row : -1, centreOfRow, L.fontSize);
  hideOverlapped(labelLayers.cols, shown && shown.col >= 0 && labels.col !== '' ? shown.col : -1, centreOfCol, L.fontSize);
  const data = shown === null ? [] : [shown];
  const sw = L.cellWidth;
  const sh = L.cellHeight;
  svgLayer(g, 'ms-cross')
    .selectAll('rect')
    .data(data.flatMap((c) => [
      ...(c.row >= 0 ? [{ x: L.left, y: rowTop(L, c.row), w: L.matrixWidth, h: sh }] : []),
      ...(c.col >= 0 ? [{ x: colLeft(L, c.col), y: L.top, w: sw, h: L.matrixHeight }] : []),
    ]))
    .join('rect')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.w)
    .attr('height', (d) => d.h)
    .attr('fill', 'rgba(255,255,255,0.22)')
    .attr('stroke', 'rgba(0,0,0,0.6)')
    .attr('stroke-width', 1.5)
    .attr('shape-rendering', 'crispEdges');
  // the strokes' middle half the dark width outside the box, so no stroke covers the cell
  const out = OUTLINE_STROKES.dark / 2;
  const box = (c: HeatmapCell) => {
    const w = Math.max(sw, MIN_OUTLINE_PX);
    const h = Math.max(sh, MIN_OUTLINE_PX);
    return { x: colLeft(L, c.col) - (w - sw) / 2 - out, y: rowTop(L, c.row) - (h - sh) / 2 - out, w: w + 2 * out, h: h + 2 * out };
  };
  svgLayer(g, 'ms-outline')
    .selectAll('rect')
    .data(data.filter((c) => c.row >= 0 && c.col >= 0).flatMap((c) => [
      { ...box(c), stroke: '#000', width: OUTLINE_STROKES.dark },
      { ...box(c), stroke: '#fff', width: OUTLINE_STROKES.light },
    ]))
    .join('rect')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.w)
    .attr('height', (d) => d.h)
    .attr('fill', 'none')
    .attr('stroke', (d) => d.stroke)
    .attr('stroke-width', (d) => d.width);
  drawOverlayLabels(g, L, data, labels);
}

/**
 * Hides the labels of `layer` whose centre lies closer than LABEL_CLEARANCE font sizes to index
 * `at`'s, where the bold label is drawn over them (its own too); `at` = −1 shows them all again.
 */
function hideOverlapped(layer: G, at: number, centre: (index: number) => number, fontSize: number): void {
  const c = at >= 0 ? centre(at) : 0;
  const clearance = LABEL_CLEARANCE * fontSize;
  layer
    .selectAll<SVGTextElement, AxisLabel>('text')
    .attr('visibility', (d) => (at >= 0 && Math.abs(centre(d.index) - c) < clearance ? 'hidden' : null));
}

/** The part of `cell` inside the layout's window: an axis outside it becomes −1; null when nothing is left. */
function visiblePart(L: HeatmapLayout, cell: HeatmapCell | null): HeatmapCell | null {
  if (cell === null) return null;
  const row = cell.row >= 0 && rowShown(L, cell.row) ? cell.row : -1;
  const col = cell.col >= 0 && colShown(L, cell.col) ? cell.col : -1;
  return row < 0 && col < 0 ? null : { row, col };
}

function drawOverlayLabels(g: G, L: HeatmapLayout, data: HeatmapCell[], labels: OverlayLabels): void {
  const items = data.flatMap((c) => [
    { key: 'row', text: c.row >= 0 ? labels.row : '', x: L.left - L.labelGap, y: rowTop(L, c.row) + 0.5 * L.cellHeight, rotate: 0, anchor: 'end' },
    { key: 'col', text: c.col >= 0 ? labels.col : '', x: colLeft(L, c.col) + 0.5 * L.cellWidth, y: L.top - L.labelGap, rotate: isUprightLabel(labels.col) ? 0 : -90, anchor: isUprightLabel(labels.col) ? 'end' : 'start' },
  ]).filter((d) => d.text !== '');
  svgLayer(g, 'ms-hover-labels')
    .selectAll('text')
    .data(items, (d) => (d as { key: string }).key)
    .join('text')
    .attr('transform', (d) => `translate(${d.x},${d.y}) rotate(${d.rotate})`)
    .attr('text-anchor', (d) => d.anchor)
    .attr('writing-mode', (d) => (d.key === 'col' && isUprightLabel(d.text) ? 'vertical-rl' : null))
    .attr('text-orientation', (d) => (d.key === 'col' && isUprightLabel(d.text) ? 'upright' : null))
    .attr('dominant-baseline', 'central')
    .attr('font-weight', 700)
    .attr('fill', TEXT_COLOR)
    .attr('class', `${THEME_CLASS.ink} ${THEME_CLASS.halo}`)
    .attr('stroke', '#fff')
    .attr('stroke-width', 4)
    .attr('stroke-linejoin', 'round')
    .attr('paint-order', 'stroke')
    .text((d) => d.text);
}
