/**
 * Tile overlay of a heatmap: the matrix cut into size × size tiles as a block-sparse kernel
 * (FlexAttention's BlockMask) sees them. Full tiles get a solid outline, partial tiles a dashed
 * one in another colour, both over a white halo so they read on every cell colour; empty
 * (skipped) tiles are washed out with translucent white. Drawn in the SVG overlay layer, under
 * the hover outline; the geometry (`tileRects`) is pure and unit-tested.
 */
import type { Selection } from 'd3';
import type { HeatmapLayout } from './layout';
import type { CellRange, HeatmapTiles } from './types';

/** State codes of `HeatmapTiles.states` (the same as engine/maskCost.ts `TileState`). */
export const TILE_STATE = { empty: 0, partial: 1, full: 2 } as const;

/**
 * Colours and dashes of the tile overlay, for legends too (CSS/SVG values).
 * - full: solid bluish green; partial: dashed vermillion (Okabe–Ito colours, told apart by
 *   colour-blind readers, and by the dash anyway); both drawn over a white halo.
 * - empty: a white wash over the tile (blocked cells stay visible through it).
 */
export const TILE_COLORS = {
  full: '#007a5e',
  partial: '#d55e00',
  halo: '#ffffff',
  emptyWash: 'rgba(255, 255, 255, 0.6)',
} as const;
/** Dash pattern of partial tiles (SVG stroke-dasharray, CSS px) at the full stroke width. */
export const PARTIAL_DASH = '5 3';
/** Outline stroke width, CSS px, for tiles at least OUTLINE_FULL_FROM_PX on both sides. */
export const TILE_STROKE_PX = 2;
/** Tiles smaller than this (CSS px, either side) get a thinner outline and halo. */
export const OUTLINE_FULL_FROM_PX = 24;

/** One tile as drawn, in CSS px relative to the matrix's top-left corner. */
export interface TileRect {
  tileRow: number;
  tileCol: number;
  /** TILE_STATE code (any other value is drawn as empty). */
  state: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Rectangles of every tile over a [rows × cols] matrix of cellWidth × cellHeight px cells —
 * with a `view`, of every tile that overlaps that window, placed relative to its top-left
 * corner (a tile cut by the window's edge reaches past it; the drawing clips it).
 * Tile (tr, tc) covers rows [tr·size, min((tr+1)·size, rows)) and columns
 * [tc·size, min((tc+1)·size, cols)), so edge tiles are clipped to the matrix:
 *
 *   x = tc·size·cellWidth,   width  = (min((tc+1)·size, cols) − tc·size) · cellWidth
 *   y = tr·size·cellHeight,  height = (min((tr+1)·size, rows) − tr·size) · cellHeight
 *
 * @param tiles size, tileRows = ⌈rows/size⌉, tileCols = ⌈cols/size⌉ and states [tileRows × tileCols]
 * @param cellWidth, cellHeight cell edges in CSS px (from the layout: rectangular, fitted, may be < 1)
 * @param view the drawn window (zoomed view); default the whole matrix
 * @returns tiles in row-major order
 * @example 6×6 cells of 10 × 5 px, size 4 → (0,0) 40×20 at (0,0); (0,1) 20×20 at (40,0);
 *          (1,0) 40×10 at (0,20); (1,1) 20×10 at (40,20)
 */
export function tileRects(
  tiles: HeatmapTiles,
  rows: number,
  cols: number,
  cellWidth: number,
  cellHeight: number,
  view: CellRange = { row0: 0, rows, col0: 0, cols },
): TileRect[] {
  const { size, tileRows, tileCols, states } = tiles;
  const out: TileRect[] = [];
  const first = (start: number) => Math.max(0, Math.floor(start / size));
  const last = (start: number, count: number, n: number) => Math.min(n, Math.ceil((start + count) / size));
  for (let tr = first(view.row0); tr < last(view.row0, view.rows, tileRows); tr++) {
    const r0 = tr * size;
    const r1 = Math.min(r0 + size, rows);
    for (let tc = first(view.col0); tc < last(view.col0, view.cols, tileCols); tc++) {
      const c0 = tc * size;
      const c1 = Math.min(c0 + size, cols);
      out.push({
        tileRow: tr,
        tileCol: tc,
        state: states[tr * tileCols + tc] ?? TILE_STATE.empty,
        x: (c0 - view.col0) * cellWidth,
        y: (r0 - view.row0) * cellHeight,
        width: (c1 - c0) * cellWidth,
        height: (r1 - r0) * cellHeight,
      });
    }
  }
  return out;
}

/**
 * How an outline sits in its tile: stroke and halo widths, and the inset that keeps the halo
 * inside the tile (neighbouring tiles' outlines lie side by side, never on top of each other).
 * Small tiles get thinner lines; tiny ones a 1 px line with no halo.
 * @example outlineStyle(40, 40) // → { stroke: 2, halo: 4, inset: 2, dash: '5 3' }
 */
export function outlineStyle(width: number, height: number): { stroke: number; halo: number; inset: number; dash: string } {
  const side = Math.min(width, height);
  if (side >= OUTLINE_FULL_FROM_PX) return { stroke: TILE_STROKE_PX, halo: 2 * TILE_STROKE_PX, inset: TILE_STROKE_PX, dash: PARTIAL_DASH };
  if (side >= 8) return { stroke: 1.25, halo: 2.5, inset: 1.25, dash: '3 2' };
  return { stroke: 1, halo: 0, inset: Math.min(0.5, side / 4), dash: '2 1' };
}

type G = Selection<SVGGElement, unknown, null, undefined>;

const LAYER = 'ms-tiles';

/**
 * Draws `tiles` over the matrix into `overlay` (the heatmap's overlay group), below the hover
 * layers; with tiles undefined removes them (and creates nothing, so a heatmap without tiles
 * pays nothing). Only the tiles of the layout's window are drawn, clipped by `clipId` (a
 * <clipPath> of the matrix in matrix coordinates) when given. rows × cols = the whole matrix.
 */
export function drawTiles(overlay: G, L: HeatmapLayout, rows: number, cols: number, tiles: HeatmapTiles | undefined, clipId?: string): void {
  const existing = overlay.select<SVGGElement>(`:scope > g.${LAYER}`);
  if (tiles === undefined) {
    existing.remove();
    return;
  }
  const g: G = existing.empty()
    ? (overlay.insert('g', ':first-child').attr('class', LAYER) as unknown as G)
    : (existing as unknown as G);
  g.attr('transform', `translate(${L.left},${L.top})`).attr('clip-path', clipId === undefined ? null : `url(#${clipId})`);
  const rects = tileRects(tiles, rows, cols, L.cellWidth, L.cellHeight, { row0: L.row0, rows: L.rows, col0: L.col0, cols: L.cols });
  const outlined = rects
    .filter((d) => d.state === TILE_STATE.full || d.state === TILE_STATE.partial)
    .map((d) => ({ ...d, style: outlineStyle(d.width, d.height) }));
  const sub = (cls: string): G => {
    const s = g.select<SVGGElement>(`:scope > g.${cls}`);
    return s.empty() ? (g.append('g').attr('class', cls) as unknown as G) : (s as unknown as G);
  };
  sub('ms-tile-empty')
    .selectAll('rect')
    .data(rects.filter((d) => d.state !== TILE_STATE.full && d.state !== TILE_STATE.partial))
    .join('rect')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('fill', TILE_COLORS.emptyWash);
  const inner = (d: (typeof outlined)[number]) => {
    const i = d.style.inset;
    return { x: d.x + i, y: d.y + i, w: Math.max(0, d.width - 2 * i), h: Math.max(0, d.height - 2 * i) };
  };
  sub('ms-tile-halo')
    .selectAll('rect')
    .data(outlined.filter((d) => d.style.halo > 0))
    .join('rect')
    .attr('x', (d) => inner(d).x)
    .attr('y', (d) => inner(d).y)
    .attr('width', (d) => inner(d).w)
    .attr('height', (d) => inner(d).h)
    .attr('fill', 'none')
    .attr('stroke', TILE_COLORS.halo)
    .attr('stroke-opacity', 0.85)
    .attr('stroke-width', (d) => d.style.halo);
  sub('ms-tile-line')
    .selectAll('rect')
    .data(outlined)
    .join('rect')
    .attr('x', (d) => inner(d).x)
    .attr('y', (d) => inner(d).y)
    .attr('width', (d) => inner(d).w)
    .attr('height', (d) => inner(d).h)
    .attr('fill', 'none')
    .attr('stroke', (d) => (d.state === TILE_STATE.full ? TILE_COLORS.full : TILE_COLORS.partial))
    .attr('stroke-width', (d) => d.style.stroke)
    .attr('stroke-dasharray', (d) => (d.state === TILE_STATE.partial ? d.style.dash : null))
    .attr('data-state', (d) => (d.state === TILE_STATE.full ? 'full' : 'partial'));
}
