/**
 * The cell of a drawn heatmap under a point of the page, from its DOM alone: for a caller that
 * handles pointer events itself (painting a quiz answer by mouse drag or touch), where the
 * heatmap's `onHover` comes too late (a touch reports its cell only when the finger lifts).
 */
import type { HeatmapCell } from './types';

/**
 * The cell under the viewport point (clientX, clientY) in the heatmap drawn into `host`, as
 * indices of the whole matrix, or null when the point is outside the matrix or nothing is drawn.
 * Reads the matrix's hit rectangle (`rect.ms-hit`, the drawn window) and the root's `data-view`
 * ("row0,rows,col0,cols"), so it holds for a zoomed view too.
 * @example a 4 × 4 matrix drawn 160 px wide at (100, 50): the point (145, 55) → { row: 0, col: 1 }
 */
export function cellAtClientPoint(host: Element, clientX: number, clientY: number): HeatmapCell | null {
  const root = host.querySelector<HTMLElement>('.ms-heatmap');
  const hit = root?.querySelector('rect.ms-hit');
  const view = root?.dataset.view?.split(',').map(Number);
  if (!hit || !view || view.length !== 4 || view.some((v) => !Number.isFinite(v))) return null;
  const [row0, rows, col0, cols] = view as [number, number, number, number];
  const box = hit.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0 || rows <= 0 || cols <= 0) return null;
  const x = (clientX - box.left) / box.width;
  const y = (clientY - box.top) / box.height;
  if (x < 0 || y < 0 || x >= 1 || y >= 1) return null;
  return { row: row0 + Math.floor(y * rows), col: col0 + Math.floor(x * cols) };
}
