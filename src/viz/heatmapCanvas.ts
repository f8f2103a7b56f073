/**
 * Paints heatmap cells on a <canvas> at device resolution (after tensorflow/playground
 * `heatmap.ts` and CircuitsVis `AttentionImage`): small matrices with one fillRect per cell and
 * a 1 px gap when cells are large; big ones (up to 512×512 and beyond) as one ImageData of one
 * pixel per cell, scaled up with nearest-neighbour sampling. Blocked cells then get the hatch.
 */
import { createBlockedCanvasPattern } from './blockedPattern';

/** Longest canvas side in device px; the pixel ratio is lowered to stay under it. */
export const MAX_CANVAS_SIDE = 8192;
/** Above this many cells, or below MIN_RECT_CELL_PX, cells are painted through ImageData. */
export const MAX_RECT_CELLS = 16384;
export const MIN_RECT_CELL_PX = 8;

/** What `paintCells` paints. */
export interface CellPaint {
  rows: number;
  cols: number;
  /** Cell edge, CSS px. */
  cellSize: number;
  /** Colours from computeCellRgba, [rows × cols × 4]. */
  rgba: Uint8ClampedArray<ArrayBuffer>;
  /** 1 = blocked, [rows × cols]; these cells get the hatch. */
  blocked?: ArrayLike<number>;
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

/** Sizes `canvas` for the matrix and paints every cell, then the hatch of blocked cells. */
export function paintCells(canvas: HTMLCanvasElement, p: CellPaint, devicePixelRatio: number): void {
  const w = p.cols * p.cellSize;
  const h = p.rows * p.cellSize;
  const ratio = canvasPixelRatio(w, h, devicePixelRatio);
  canvas.width = Math.max(1, Math.round(w * ratio));
  canvas.height = Math.max(1, Math.round(h * ratio));
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  canvas.style.imageRendering = p.cellSize * ratio < 6 ? 'pixelated' : 'auto';
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  if (w === 0 || h === 0) return;
  const perCell = p.rows * p.cols <= MAX_RECT_CELLS && p.cellSize >= MIN_RECT_CELL_PX;
  const gap = perCell ? cellGap(p.cellSize) : 0;
  if (perCell) paintRects(ctx, p, gap);
  else paintImage(ctx, p);
  paintHatch(ctx, p, gap, ratio);
}

function paintRects(ctx: CanvasRenderingContext2D, p: CellPaint, gap: number): void {
  const s = p.cellSize;
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) {
      const i = 4 * (r * p.cols + c);
      ctx.fillStyle = `rgb(${p.rgba[i]},${p.rgba[i + 1]},${p.rgba[i + 2]})`;
      ctx.fillRect(c * s, r * s, s - gap, s - gap);
    }
  }
}

function paintImage(ctx: CanvasRenderingContext2D, p: CellPaint): void {
  const source = ctx.canvas.ownerDocument.createElement('canvas');
  source.width = p.cols;
  source.height = p.rows;
  const sctx = source.getContext('2d');
  if (sctx === null) return;
  sctx.putImageData(new ImageData(p.rgba, p.cols, p.rows), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, p.cols * p.cellSize, p.rows * p.cellSize);
}

/**
 * Stripes over every blocked cell. Without gaps, horizontal runs of blocked cells become one
 * rectangle each, so the hatch is continuous over a blocked region (a causal triangle reads as
 * one hatched area even at 2 px cells) and 512×512 needs ≤ 512·256 rects in the worst case.
 */
function paintHatch(ctx: CanvasRenderingContext2D, p: CellPaint, gap: number, ratio: number): void {
  const blocked = p.blocked;
  if (blocked === undefined) return;
  const pattern = createBlockedCanvasPattern(ctx, ratio, false);
  if (pattern === null) return;
  const s = p.cellSize;
  ctx.beginPath();
  for (let r = 0; r < p.rows; r++) {
    let c = 0;
    while (c < p.cols) {
      if (blocked[r * p.cols + c] === 0) {
        c++;
        continue;
      }
      const start = c;
      while (gap === 0 && c + 1 < p.cols && blocked[r * p.cols + c + 1] !== 0) c++;
      ctx.rect(start * s, r * s, (c + 1 - start) * s - gap, s - gap);
      c++;
    }
  }
  ctx.fillStyle = pattern;
  ctx.fill();
}
