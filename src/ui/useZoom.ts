/**
 * The zoom of the stage heatmaps: one viewport (visible rows × visible keys, viz/viewport.ts)
 * shared by every heatmap of the grid, so they zoom and pan together. View state only: not in
 * the URL, and back to the whole matrix whenever its size changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyViewAction, canZoomIn, fullView, isFullView, ZOOM_STEP, type CellRange, type ViewAction } from '../viz/viewport';

/** How long the "Ctrl/⌘ + wheel to zoom" hint stays after a plain wheel over a heatmap, ms. */
export const ZOOM_HINT_MS = 1600;

export interface Zoom {
  /** The visible window of the [rows × cols] matrix, in cells. */
  view: CellRange;
  /** Applies a zoom/pan request from a heatmap or the zoom bar. */
  dispatch(action: ViewAction): void;
  /**
   * Zoom bar actions: one ZOOM_STEP in or out around cell `around` (a tapped cell: it stays where
   * it is on screen) when it is in the window, else around the window's centre; or the whole matrix.
   */
  zoomIn(around?: { row: number; col: number } | null): void;
  zoomOut(around?: { row: number; col: number } | null): void;
  reset(): void;
  canZoomIn: boolean;
  canZoomOut: boolean;
  /** Key of the heatmap showing the zoom hint (a plain wheel turned over it), or null. */
  hint: string | null;
  /** Shows the zoom hint over heatmap `key` for ZOOM_HINT_MS. */
  showHint(key: string): void;
}

/** Zoom state of a [rows × cols] matrix (see the file comment). */
export function useZoom(rows: number, cols: number): Zoom {
  const [state, setState] = useState(() => ({ rows, cols, view: fullView(rows, cols) }));
  // A new size resets the zoom at once (derived in render, no effect, no flash of a stale window).
  const view = state.rows === rows && state.cols === cols ? state.view : fullView(rows, cols);
  const dispatch = useCallback(
    (action: ViewAction) =>
      setState((s) => {
        const base = s.rows === rows && s.cols === cols ? s.view : fullView(rows, cols);
        const next = applyViewAction(base, rows, cols, action);
        return next === s.view && s.rows === rows && s.cols === cols ? s : { rows, cols, view: next };
      }),
    [rows, cols],
  );
  const zoomAround = (factor: number, around?: { row: number; col: number } | null) => {
    const inView = around != null && around.row >= view.row0 && around.row < view.row0 + view.rows && around.col >= view.col0 && around.col < view.col0 + view.cols;
    // a cell's centre, as the + / − keys zoom around the selected cell (viz/heatmapZoom.ts)
    dispatch(inView ? { kind: 'zoom', factor, row: around.row + 0.5, col: around.col + 0.5 } : { kind: 'zoom', factor, row: view.row0 + view.rows / 2, col: view.col0 + view.cols / 2 });
  };
  const [hint, setHint] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const showHint = useCallback((key: string) => {
    setHint(key);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => setHint(null), ZOOM_HINT_MS);
  }, []);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  return {
    view,
    dispatch,
    zoomIn: (around) => zoomAround(ZOOM_STEP, around),
    zoomOut: (around) => zoomAround(1 / ZOOM_STEP, around),
    reset: () => dispatch({ kind: 'reset' }),
    canZoomIn: canZoomIn(view, rows, cols),
    canZoomOut: !isFullView(view, rows, cols),
    hint,
    showHint,
  };
}
