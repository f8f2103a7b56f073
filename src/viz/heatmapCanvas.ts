/**
 * Paints heatmap cells on a <canvas> at device resolution (after tensorflow/playground
 * `heatmap.ts` and CircuitsVis `AttentionImage`): small matrices with one fillRect per cell and
 * a 1 px gap when cells are large; big ones (up to 512×512 and beyond) as one ImageData of one
 * pixel per cell, scaled up with nearest-neighbour sampling; and when cells are smaller than a
 * device pixel, max-pooled (pool.ts) to one pixel per device pixel, so a blocked boundary and a
 * single strong value stay visible. Blocked cells (or fully blocked pixels) then get the hatch.
 * A zoomed heatmap paints only its window of cells; colours are computed only for the cells
 * (or pooled pixels) painted.
 */
import { createBlockedCanvasPattern } from './blockedPattern';
import type { PoolBlocked, PoolBy, ShownCells } from './pool';
import { poolForDraw, type PoolPyramid, type PoolVia } from './poolPyramid';
import { Scratch } from './scratch';
import type { CellRange } from './types';

/**
 * The per-pixel arrays of a paint (pooled cells, colours), reused by every paintCells call: each is
 * used and dropped within the call (scratch.ts: fresh ones cost about 10 ms per 360² draw here).
 */
const paintScratch = new Scratch();

/** Longest canvas side in device px; the pixel ratio is lowered to stay under it. */
export const MAX_CANVAS_SIDE = 8192;
/** Above this many cells, or below MIN_RECT_CELL_PX, cells are painted through ImageData. */
export const MAX_RECT_CELLS = 16384;
export const MIN_RECT_CELL_PX = 8;

/** What `paintCells` paints. */
export interface CellPaint {
  /** Size of the whole matrix. */
  rows: number;
  cols: number;
  /** The window painted (zoomed view), inside the matrix; default the whole matrix. */
  view?: CellRange;
  /** Width and height of a painted cell, CSS px (may be below 1). */
  cellWidth: number;
  cellHeight: number;
  /** Cell values, [rows × cols]: pick the cell a pooled pixel shows (largest non-blocked). */
  values: ArrayLike<number>;
  /**
   * RGBA bytes, [source.length × 4], of the cells at `source` (indices into [rows × cols]; `shown`:
   * as the pooling read them): colorCells, its result taken from `scratch` (used within the paint).
   */
  colorsOf(source: Int32Array, shown: ShownCells, scratch: Scratch): Uint8ClampedArray<ArrayBuffer>;
  /** 1 = blocked, [rows × cols]; these cells get the hatch. */
  blocked?: ArrayLike<number>;
  /** Which cell a pooled pixel shows (pool.ts PoolBy); default 'max'. */
  poolBy?: PoolBy;
  /** Which pooled pixels are hatched (pool.ts PoolBlocked); default 'all'. */
  poolBlocked?: PoolBlocked;
  /** The pyramid the engine built for these values (HeatmapSpec.pyramid). */
  pyramid?: PoolPyramid;
  /** The matrix whose page-built pyramid serves these values (HeatmapSpec.pyramidOf). */
  pyramidOf?: ArrayLike<number>;
}

/**
 * A grid of rectangles (cells, or pooled pixels) with their blocked flags: column c spans
 * [x(c), x(c+1)) and row r spans [y(r), y(r+1)) in CSS px.
 */
interface HatchGrid {
  rows: number;
  cols: number;
  x(c: number): number;
  y(r: number): number;
  blocked?: ArrayLike<number>;
}

/**
 * The grid of an image of cols × rows pixels drawn over a canvas of deviceWidth × deviceHeight
 * px with nearest-neighbour sampling: edges rounded to whole device pixels (where the sampling
 * puts them), in CSS px (÷ ratio), so a hatch never bleeds into an allowed neighbour.
 */
function imageHatchGrid(rows: number, cols: number, canvas: HTMLCanvasElement, ratio: number, blocked?: ArrayLike<number>): HatchGrid {
  return {
    rows,
    cols,
    x: (c) => Math.round((c * canvas.width) / cols) / ratio,
    y: (r) => Math.round((r * canvas.height) / rows) / ratio,
    blocked,
  };
}

/**
 * Device px per CSS px for a canvas of w×h CSS px: the screen's ratio, lowered so neither side
 * exceeds MAX_CANVAS_SIDE device px.
 * @example canvasPixelRatio(1024, 1024, 2) // → 2;  canvasPixelRatio(20480, 100, 2) // → 0.4
 */
export function canvasPixelRatio(w: number, h: number, devicePixelRatio: number): number {
  const dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const side = Math.max(w, h);
  return side > 0 ? Math.min(dpr, MAX_CANVAS_SIDE / side) : dpr;
}

/** Gap between cells in CSS px: 1 when cells are ≥ 16 px, else 0. */
export function cellGap(cellSize: number): number {
  return cellSize >= 16 ? 1 : 0;
}

/**
 * Size of the image painted for a [rows × cols] matrix on a canvas of deviceWidth × deviceHeight
 * px: one pixel per cell, except along an axis with more cells than device pixels, which is
 * pooled to one pixel per device pixel.
 * @example imageGrid(512, 512, 384, 384) // → { rows: 384, cols: 384 }  (pooled)
 *          imageGrid(3, 200, 72, 360)    // → { rows: 3, cols: 200 }    (scaled up)
 */
export function imageGrid(rows: number, cols: number, deviceHeight: number, deviceWidth: number): { rows: number; cols: number } {
  return { rows: Math.min(rows, Math.max(1, deviceHeight)), cols: Math.min(cols, Math.max(1, deviceWidth)) };
}

/**
 * Sizes `canvas` for the window `p.view` (view.cols × cellWidth by view.rows × cellHeight CSS px)
 * and paints its cells, then the hatch of blocked cells.
 */
export function paintCells(canvas: HTMLCanvasElement, p: CellPaint, devicePixelRatio: number): PoolVia | null {
  const view = p.view ?? { row0: 0, rows: p.rows, col0: 0, cols: p.cols };
  const w = view.cols * p.cellWidth;
  const h = view.rows * p.cellHeight;
  const ratio = canvasPixelRatio(w, h, devicePixelRatio);
  const minEdge = Math.min(p.cellWidth, p.cellHeight);
  sizeCanvas(canvas, Math.max(1, Math.round(w * ratio)), Math.max(1, Math.round(h * ratio)), ratio, minEdge * ratio < 6 ? 'pixelated' : 'auto');
  const ctx = canvas.getContext('2d');
  if (ctx === null) return null;
  // all of it, in device px: the backing store may be a fraction of a pixel wider than w × ratio
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  if (w === 0 || h === 0 || view.rows === 0 || view.cols === 0) return null;
  const perCell = view.rows * view.cols <= MAX_RECT_CELLS && minEdge >= MIN_RECT_CELL_PX;
  // Per cell: the window's cells one to one (pooling to the same size is the identity).
  const grid = perCell ? view : imageGrid(view.rows, view.cols, canvas.height, canvas.width);
  const pooled = poolForDraw(p.values, p.rows, p.cols, grid.rows, grid.cols, p.blocked, view, p.poolBy, p.poolBlocked, p.pyramid, true, p.pyramidOf, paintScratch);
  const rgba = p.colorsOf(pooled.source, pooled.shown, paintScratch);
  const blocked = p.blocked === undefined ? undefined : pooled.blocked;
  if (perCell) {
    const gap = cellGap(minEdge);
    // Edges on whole device pixels: fractional (zoomed) cells get no blurred seams.
    const snap = (v: number) => Math.round(v * ratio) / ratio;
    const cells: HatchGrid = { rows: view.rows, cols: view.cols, x: (c) => snap(c * p.cellWidth), y: (r) => snap(r * p.cellHeight), blocked };
    paintRects(ctx, cells, rgba, gap, ratio);
    paintHatch(ctx, cells, gap, ratio);
    return pooled.via;
  }
  paintImage(ctx, rgba, pooled.cols, pooled.rows);
  paintHatch(ctx, imageHatchGrid(pooled.rows, pooled.cols, canvas, ratio, blocked), 0, ratio);
  return pooled.via;
}

/**
 * Gives `canvas` a backing store of deviceWidth × deviceHeight px shown at that size ÷ `ratio` CSS
 * px (device pixels map 1:1: no resampling blur), touching only what differs: assigning a canvas's
 * width or height, even its own value, resets it (HTML standard): a causal toggle's four 64 × 64
 * repaints took about 0.5 ms less without it here (Event Timing p50, near the run's noise). The
 * caller clears it.
 */
function sizeCanvas(canvas: HTMLCanvasElement, deviceWidth: number, deviceHeight: number, ratio: number, imageRendering: string): void {
  if (canvas.width !== deviceWidth) canvas.width = deviceWidth;
  if (canvas.height !== deviceHeight) canvas.height = deviceHeight;
  const css = canvas.style;
  const [width, height] = [`${deviceWidth / ratio}px`, `${deviceHeight / ratio}px`];
  if (css.width !== width) css.width = width;
  if (css.height !== height) css.height = height;
  if (css.imageRendering !== imageRendering) css.imageRendering = imageRendering;
}

/**
 * Paints each cell of `g` in its colour from `rgba` ([g.rows × g.cols × 4], opaque), leaving `gap`
 * CSS px clear at its right and bottom (the canvas is clear), one row of cells at a time as an
 * image of device pixels (`ratio` per CSS px) put over it: g's edges lie on whole device pixels.
 * Replaces a fillRect per cell, whose colour string is parsed per cell: about 40 ms for 64 × 64
 * cells on a presentation-size card (SwiftShader, 2-core EPYC, CPU profile of the built app). One
 * image of the row's height is reused for every row: a whole-canvas image's first writes cost
 * about 3 ms per MB here.
 */
function paintRects(ctx: CanvasRenderingContext2D, g: HatchGrid, rgba: Uint8ClampedArray, gap: number, ratio: number): void {
  const { width, height } = ctx.canvas;
  const edges = (n: number, at: (i: number) => number, limit: number) => Array.from({ length: n + 1 }, (_, i) => Math.min(limit, Math.round(at(i) * ratio)));
  const xs = edges(g.cols, g.x, width);
  const ys = edges(g.rows, g.y, height);
  const gapPx = Math.round(gap * ratio);
  const tallest = Math.max(1, ...ys.slice(1).map((y, r) => y - (ys[r] as number) - gapPx));
  const band = ctx.createImageData(width, tallest);
  const pixels = new Uint32Array(band.data.buffer);
  // the cells' colours as pixels (the same byte order as the image's)
  const own = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const colors = new Uint32Array(own.buffer, own.byteOffset, g.rows * g.cols);
  for (let r = 0; r < g.rows; r++) {
    const y0 = ys[r] as number;
    const h = (ys[r + 1] as number) - gapPx - y0;
    if (h <= 0) continue;
    for (let c = 0; c < g.cols; c++) {
      const [x0, x1] = [xs[c] as number, (xs[c + 1] as number) - gapPx];
      if (x1 > x0) pixels.fill(colors[r * g.cols + c] as number, x0, x1);
    }
    for (let y = 1; y < h; y++) pixels.copyWithin(y * width, 0, width);
    ctx.putImageData(band, 0, y0, 0, 0, width, h);
  }
}

/**
 * Draws `rgba` ([rows × cols × 4], one pixel per cell or pooled pixel) over the whole canvas,
 * in device pixels with nearest-neighbour sampling (no blur at cell edges).
 */
function paintImage(ctx: CanvasRenderingContext2D, rgba: Uint8ClampedArray<ArrayBuffer>, cols: number, rows: number): void {
  const source = scratchCanvas(ctx.canvas.ownerDocument);
  // exactly the image's size: the drawImage of the last paint still holds a snapshot of this
  // canvas, so putImageData first copies all of it — ~10 ms for a 1024² canvas that an earlier,
  // larger heatmap left, against ~0.05 ms at 64² (headless Chromium, 2-core EPYC)
  if (source.width !== cols || source.height !== rows) {
    source.width = cols;
    source.height = rows;
  }
  const sctx = source.getContext('2d', { willReadFrequently: true });
  if (sctx === null) return;
  sctx.putImageData(new ImageData(rgba, cols, rows), 0, 0);
  const transform = ctx.getTransform();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, cols, rows, 0, 0, ctx.canvas.width, ctx.canvas.height);
  // the canvas keeps its context between paints (sizeCanvas): leave it as found
  ctx.imageSmoothingEnabled = true;
  ctx.setTransform(transform);
}

/** One off-screen canvas per document for paintImage's image (creating a canvas per draw costs ~0.5 ms). */
const scratchCanvases = new WeakMap<Document, HTMLCanvasElement>();

function scratchCanvas(doc: Document): HTMLCanvasElement {
  let canvas = scratchCanvases.get(doc);
  if (canvas === undefined) {
    canvas = doc.createElement('canvas');
    scratchCanvases.set(doc, canvas);
  }
  return canvas;
}

/**
 * Stripes over every blocked cell of `g`. Without gaps, horizontal runs of blocked cells become
 * one rectangle each, so the hatch is continuous over a blocked region (a causal triangle reads
 * as one hatched area even at sub-pixel cells) and 512×512 needs ≤ 512·256 rects in the worst case.
 */
function paintHatch(ctx: CanvasRenderingContext2D, g: HatchGrid, gap: number, ratio: number): void {
  const blocked = g.blocked;
  if (blocked === undefined) return;
  const pattern = createBlockedCanvasPattern(ctx, ratio, false);
  if (pattern === null) return;
  ctx.beginPath();
  for (let r = 0; r < g.rows; r++) {
    const y0 = g.y(r);
    const y1 = g.y(r + 1) - gap;
    let c = 0;
    while (c < g.cols) {
      if (blocked[r * g.cols + c] === 0) {
        c++;
        continue;
      }
      const start = c;
      while (gap === 0 && c + 1 < g.cols && blocked[r * g.cols + c + 1] !== 0) c++;
      const x0 = g.x(start);
      ctx.rect(x0, y0, g.x(c + 1) - gap - x0, y1 - y0);
      c++;
    }
  }
  ctx.fillStyle = pattern;
  ctx.fill();
}
