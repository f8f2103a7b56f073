/**
 * The zoom bar above the stage heatmaps: the visible window ("Rows 120–183 of 4096 · Keys 0–63
 * of 4096"), Zoom in / Zoom out / Reset buttons (disabled when they would do nothing) and, when
 * the matrix can zoom at all (an axis longer than MIN_VIEW_CELLS), how to zoom with the wheel
 * and the keyboard.
 */
import { useTranslation } from 'react-i18next';
import type { Zoom } from './useZoom';

export function ZoomBar({ zoom, rows, cols }: { zoom: Zoom; rows: number; cols: number }) {
  const { t } = useTranslation();
  const { view } = zoom;
  const range = t('zoom.range', {
    r0: view.row0, r1: view.row0 + view.rows - 1, rows,
    c0: view.col0, c1: view.col0 + view.cols - 1, cols,
  });
  return (
    <div className="zoom-bar" role="group" aria-label={t('zoom.label')} data-testid="zoom-bar">
      <span className="zoom-range" data-testid="zoom-range" aria-live="polite">{range}</span>
      <button type="button" onClick={zoom.zoomIn} disabled={!zoom.canZoomIn}>{t('zoom.in')}</button>
      <button type="button" onClick={zoom.zoomOut} disabled={!zoom.canZoomOut}>{t('zoom.out')}</button>
      <button type="button" onClick={zoom.reset} disabled={!zoom.canZoomOut}>{t('zoom.reset')}</button>
      {(zoom.canZoomIn || zoom.canZoomOut) && <span className="hint">{t('zoom.hint')}</span>}
    </div>
  );
}
