/**
 * `drawThumbnail`: a small label-free heatmap (one pixel per cell, scaled up with
 * `image-rendering: pixelated`), for strips of many heads. Same colours as drawHeatmap.
 */
import { computeCellRgba, type CellColorInput } from './cellColors';

/**
 * Paints the cells of `input` ([rows × cols]) into `canvas` at one device pixel per cell and
 * sizes it to `sizePx` CSS pixels on its longer side.
 * @throws RangeError when `values` is not [rows × cols].
 */
export function drawThumbnail(canvas: HTMLCanvasElement, input: CellColorInput, sizePx: number): void {
  const { rows, cols } = input;
  if (input.values.length !== rows * cols) {
    throw new RangeError(`drawThumbnail: values has ${input.values.length} entries, expected rows × cols = ${rows * cols}`);
  }
  canvas.width = Math.max(1, cols);
  canvas.height = Math.max(1, rows);
  const scale = sizePx / Math.max(rows, cols, 1);
  canvas.style.width = `${Math.round(cols * scale)}px`;
  canvas.style.height = `${Math.round(rows * scale)}px`;
  canvas.style.imageRendering = 'pixelated';
  const context = canvas.getContext('2d');
  if (!context || rows * cols === 0) return;
  context.putImageData(new ImageData(computeCellRgba(input), cols, rows), 0, 0);
}
