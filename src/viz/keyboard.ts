/**
 * Keyboard navigation of a heatmap (pure). The host element is focusable and these keys move
 * the highlighted cell, so hover read-outs work without a mouse.
 */
import type { HeatmapCell } from './types';

/** Rows moved by PageUp / PageDown. */
export const PAGE_ROWS = 10;

/**
 * The cell selected after pressing `key`, or `undefined` when the key is not a navigation key
 * (the caller then lets the event through).
 *
 * - ArrowLeft/Right/Up/Down: ±1 column/row, clamped to the matrix.
 * - Home / End: first / last column of the row.  PageUp / PageDown: ±PAGE_ROWS rows.
 * - Escape: null (clear).  Any navigation key with no current cell starts at {row 0, col 0}.
 * - An empty matrix (rows or cols 0) always gives null.
 *
 * @example moveCell({ row: 0, col: 5 }, 'ArrowRight', 6, 6) // → { row: 0, col: 5 }
 */
export function moveCell(
  current: HeatmapCell | null,
  key: string,
  rows: number,
  cols: number,
): HeatmapCell | null | undefined {
  const delta = KEY_DELTAS.get(key);
  if (delta === undefined) return undefined;
  if (rows <= 0 || cols <= 0 || delta === 'clear') return null;
  if (current === null) return { row: 0, col: 0 };
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
  if (delta === 'home') return { row: clamp(current.row, rows), col: 0 };
  if (delta === 'end') return { row: clamp(current.row, rows), col: cols - 1 };
  return { row: clamp(current.row + delta[0], rows), col: clamp(current.col + delta[1], cols) };
}

type KeyDelta = readonly [number, number] | 'home' | 'end' | 'clear';

const KEY_DELTAS: ReadonlyMap<string, KeyDelta> = new Map<string, KeyDelta>([
  ['ArrowUp', [-1, 0]],
  ['ArrowDown', [1, 0]],
  ['ArrowLeft', [0, -1]],
  ['ArrowRight', [0, 1]],
  ['PageUp', [-PAGE_ROWS, 0]],
  ['PageDown', [PAGE_ROWS, 0]],
  ['Home', 'home'],
  ['End', 'end'],
  ['Escape', 'clear'],
]);
