/**
 * A figure (figureTypes.ts) painted on a canvas at `scale` device px per CSS px (PNG 1×, 2×, 4×):
 * the canvas is round(width · scale) × round(height · scale) px, everything drawn in CSS px
 * under scale(scale), so text and lines are as sharp as the scale allows. Cells are filled
 * rectangles with edges on whole device px (no seams), or, pooled or sub-pixel, one
 * nearest-neighbour image; blocked cells get the hatch (blockedPattern.ts) as on screen.
 */
import { createBlockedCanvasPattern } from './blockedPattern';
import { blockedRuns } from './figureSvg';
import type { CellsMark, Figure, FigureMark, TextMark } from './figureTypes';
import { FONT_FAMILY } from './heatmapAxes';

/** Largest side of an exported canvas, device px (Chromium's limit is 32767; PNG encoders slow down far earlier). */
export const MAX_FIGURE_CANVAS_SIDE = 16384;
/** Largest area of an exported canvas, device px (about 400 MB of RGBA). */
export const MAX_FIGURE_CANVAS_AREA = 100_000_000;

/** Device size of `figure` painted at `scale`. */
export function figurePixelSize(figure: Pick<Figure, 'width' | 'height'>, scale: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(figure.width * scale)), height: Math.max(1, Math.round(figure.height * scale)) };
}

/**
 * A canvas of `doc` with `figure` painted at `scale`.
 * @throws RangeError when scale is not > 0, or the canvas would exceed MAX_FIGURE_CANVAS_SIDE
 *         or MAX_FIGURE_CANVAS_AREA (say so: a smaller scale fits), or no 2D context is available
 */
export function figureToCanvas(figure: Figure, scale: number, doc: Document): HTMLCanvasElement {
  if (!(scale > 0)) throw new RangeError(`figureToCanvas: scale must be > 0, got ${scale}`);
  const size = figurePixelSize(figure, scale);
  if (Math.max(size.width, size.height) > MAX_FIGURE_CANVAS_SIDE || size.width * size.height > MAX_FIGURE_CANVAS_AREA) {
    throw new RangeError(`figureToCanvas: ${size.width} × ${size.height} px is too large at ${scale}×`);
  }
  const canvas = doc.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new RangeError('figureToCanvas: no 2D canvas context');
  ctx.setTransform(size.width / figure.width, 0, 0, size.height / figure.height, 0, 0);
  for (const mark of figure.marks) paintMark(ctx, mark, scale);
  return canvas;
}

function paintMark(ctx: CanvasRenderingContext2D, mark: FigureMark, scale: number): void {
  switch (mark.kind) {
    case 'rect': {
      const pattern = mark.hatch ? createBlockedCanvasPattern(ctx, scale, true) : null;
      ctx.fillStyle = pattern ?? mark.fill;
      ctx.fillRect(mark.x, mark.y, mark.width, mark.height);
      if (mark.stroke) stroke(ctx, mark.stroke, mark.strokeWidth ?? 1, () => ctx.strokeRect(mark.x, mark.y, mark.width, mark.height));
      return;
    }
    case 'line':
      stroke(ctx, mark.stroke, mark.width, () => {
        ctx.beginPath();
        ctx.moveTo(mark.x1, mark.y1);
        ctx.lineTo(mark.x2, mark.y2);
        ctx.stroke();
      });
      return;
    case 'gradient': {
      const g = ctx.createLinearGradient(mark.x, 0, mark.x + mark.width, 0);
      for (const s of mark.stops) g.addColorStop(s.offset, s.color);
      ctx.fillStyle = g;
      ctx.fillRect(mark.x, mark.y, mark.width, mark.height);
      stroke(ctx, mark.stroke, 0.5, () => ctx.strokeRect(mark.x, mark.y, mark.width, mark.height));
      return;
    }
    case 'text':
      paintText(ctx, mark);
      return;
    case 'cells':
      paintCellsMark(ctx, mark, scale);
  }
}

function stroke(ctx: CanvasRenderingContext2D, color: string, width: number, draw: () => void): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  draw();
}

const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

function paintText(ctx: CanvasRenderingContext2D, t: TextMark): void {
  ctx.save();
  ctx.font = `${t.italic ? 'italic ' : ''}${t.fontWeight ?? 400} ${t.fontSize}px ${FONT_FAMILY}`;
  ctx.fillStyle = t.fill;
  ctx.translate(t.x, t.y);
  if (t.rotate) ctx.rotate((t.rotate * Math.PI) / 180);
  if (t.upright) {
    // written downwards, one character under the other, the last one ending at (x, y)
    const chars = Array.from(t.text);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    chars.forEach((ch, i) => ctx.fillText(ch, 0, -(chars.length - i - 0.5) * t.fontSize));
  } else {
    ctx.textAlign = ALIGN[t.anchor];
    ctx.textBaseline = t.baseline === 'central' ? 'middle' : 'alphabetic';
    if (t.halo) {
      ctx.strokeStyle = t.halo.color;
      ctx.lineWidth = t.halo.width;
      ctx.lineJoin = 'round';
      ctx.strokeText(t.text, 0, 0);
    }
    ctx.fillText(t.text, 0, 0);
  }
  ctx.restore();
}

/** Cells as rectangles on whole device px (or one image when pooled or under 2 device px), then the hatch. */
function paintCellsMark(ctx: CanvasRenderingContext2D, c: CellsMark, scale: number): void {
  const cw = c.width / c.cols;
  const ch = c.height / c.rows;
  const snap = (v: number) => Math.round(v * scale) / scale;
  const x = (k: number) => snap(c.x + k * cw);
  const y = (r: number) => snap(c.y + r * ch);
  if (c.pooled || Math.min(cw, ch) * scale < 2) {
    paintImage(ctx, c);
  } else {
    for (let r = 0; r < c.rows; r++) {
      for (let k = 0; k < c.cols; k++) {
        const i = 4 * (r * c.cols + k);
        ctx.fillStyle = `rgb(${c.rgba[i]},${c.rgba[i + 1]},${c.rgba[i + 2]})`;
        ctx.fillRect(x(k), y(r), x(k + 1) - x(k) - c.gap, y(r + 1) - y(r) - c.gap);
      }
    }
  }
  const pattern = createBlockedCanvasPattern(ctx, scale, false);
  if (pattern === null || c.blocked === null) return;
  ctx.beginPath();
  if (c.gap > 0) {
    for (const [r, k0, k1] of blockedRuns(c)) for (let k = k0; k < k1; k++) ctx.rect(x(k), y(r), x(k + 1) - x(k) - c.gap, y(r + 1) - y(r) - c.gap);
  } else {
    for (const [r, k0, k1] of blockedRuns(c)) ctx.rect(x(k0), y(r), x(k1) - x(k0), y(r + 1) - y(r));
  }
  ctx.fillStyle = pattern;
  ctx.fill();
}

/** The grid as one image, one pixel per cell, scaled over the matrix without smoothing. */
function paintImage(ctx: CanvasRenderingContext2D, c: CellsMark): void {
  const grid = ctx.canvas.ownerDocument.createElement('canvas');
  grid.width = c.cols;
  grid.height = c.rows;
  grid.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(c.rgba), c.cols, c.rows), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(grid, c.x, c.y, c.width, c.height);
  ctx.imageSmoothingEnabled = true;
}
