/**
 * `drawThumbnail`: a small label-free heatmap for strips of many heads, scaled up with
 * `image-rendering: pixelated`. Same colours as drawHeatmap. A matrix larger than twice the
 * thumbnail is max-pooled first (pool.ts), so a thumbnail of a 4096² head colours only the
 * pixels it shows.
 */
import { colorCells, type CellColorInput } from './cellColors';
import { poolCells } from './pool';

/**
 * Paints the cells of `input` ([rows × cols]) into `canvas` at one device pixel per cell (or per
 * pooled block, at most 2·sizePx per side) and sizes it to `sizePx` CSS pixels on its longer side.
 * @throws RangeError when `values` is not [rows × cols].
 */
export function drawThumbnail(canvas: HTMLCanvasElement, input: CellColorInput, sizePx: number): void {
  const { rows, cols } = input;
  if (input.values.length !== rows * cols) {
    throw new RangeError(`drawThumbnail: values has ${input.values.length} entries, expected rows × cols = ${rows * cols}`);
  }
  const pooled = poolCells(input.values, rows, cols, Math.min(rows, 2 * sizePx), Math.min(cols, 2 * sizePx), input.blocked);
  canvas.width = Math.max(1, pooled.cols);
  canvas.height = Math.max(1, pooled.rows);
  const scale = sizePx / Math.max(rows, cols, 1);
  canvas.style.width = `${Math.round(cols * scale)}px`;
  canvas.style.height = `${Math.round(rows * scale)}px`;
  canvas.style.imageRendering = 'pixelated';
  const context = canvas.getContext('2d');
  if (!context || rows * cols === 0) return;
  // A pooled pixel shows a blocked cell only when its whole block is blocked (poolCells), so the
  // original flags at `source` are the pooled ones.
  const rgba = colorCells(input, pooled.source);
  context.putImageData(new ImageData(rgba, pooled.cols, pooled.rows), 0, 0);
}

