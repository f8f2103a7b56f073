/**
 * The zoom bar above the stage heatmaps: the visible window ("Rows 120–183 of 4096 · Keys 0–63
 * of 4096"), Zoom in / Zoom out / Reset buttons (disabled when they would do nothing) and, when
 * the matrix can zoom at all (an axis longer than MIN_VIEW_CELLS), how to zoom with the wheel
 * and the keyboard. The buttons zoom around `around` (the cell read out, e.g. tapped on a tablet,
 * where the wheel and the keys are missing) when there is one in the window, else the centre.
 */
import { useT } from './i18n/useT';
import type { Zoom } from './useZoom';
import { KEEPS_CELL_ATTRIBUTE } from '../viz/heatmapTouch';

export function ZoomBar({ zoom, rows, cols, around }: { zoom: Zoom; rows: number; cols: number; around?: { row: number; col: number } | null }) {
  const { t } = useT();
  const { view } = zoom;
  const range = t('zoom.range', {
    r0: view.row0, r1: view.row0 + view.rows - 1, rows,
    c0: view.col0, c1: view.col0 + view.cols - 1, cols,
  });
  return (
    // a tap here keeps the tapped cell (viz/heatmapTouch.ts), so that Zoom in zooms around it
    <div className="zoom-bar" role="group" aria-label={t('zoom.label')} data-testid="zoom-bar" {...{ [KEEPS_CELL_ATTRIBUTE]: '' }}>
      <span className="zoom-range" data-testid="zoom-range" aria-live="polite">{range}</span>
      <button type="button" onClick={() => zoom.zoomIn(around)} disabled={!zoom.canZoomIn}>{t('zoom.in')}</button>
      <button type="button" onClick={() => zoom.zoomOut(around)} disabled={!zoom.canZoomOut}>{t('zoom.out')}</button>
      <button type="button" onClick={zoom.reset} disabled={!zoom.canZoomOut}>{t('zoom.reset')}</button>
      {(zoom.canZoomIn || zoom.canZoomOut) && <span className="hint">{t('zoom.hint')}</span>}
    </div>
  );
}
