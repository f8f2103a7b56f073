/**
 * Zoom and pan gestures of a heatmap, turned into ViewActions (viewport.ts) for the owner of the
 * view to apply — the heatmap never changes its own view, so several heatmaps can share one:
 *
 * - Ctrl/⌘ + wheel (a trackpad pinch sends the same) zooms around the pointer. A plain wheel
 *   scrolls the page as usual and calls `onZoomHint`, so the app can say how to zoom.
 * - A drag with the primary button pans a zoomed view (with Shift only, when `panNeedsModifier`).
 * - Two fingers pinch-zoom around their midpoint (heatmapPinch.ts); the second one ends a drag.
 * - Keys on the focused heatmap: `+` / `=` zoom in and `-` zooms out around the highlighted
 *   cell (the window's centre without one), `0` resets.
 */
import { pointer } from 'd3';
import { layoutCellCoords } from './layout';
import type { HeatmapLayout } from './layout';
import type { HeatmapCell, HeatmapSpec, ViewAction } from './types';
import { dragToPan, wheelZoomFactor, ZOOM_STEP } from './viewport';
import { PinchTracker } from './heatmapPinch';

/** Pointer travel, CSS px, before a press becomes a pan (a click must not pan). */
export const DRAG_THRESHOLD_PX = 3;

/**
 * The action of a zoom key, or undefined when `key` is not one: `+`/`=` zoom in by ZOOM_STEP and
 * `-`/`_` out, around the centre of `cell` (fractional cells), or of the window when `cell` is null
 * or names a whole row/column; `0` resets.
 * @example zoomKeyAction('+', { row: 5, col: 2 }, L) // → { kind: 'zoom', factor: 2, row: 5.5, col: 2.5 }
 */
export function zoomKeyAction(key: string, cell: HeatmapCell | null, L: HeatmapLayout): ViewAction | undefined {
  if (key === '0') return { kind: 'reset' };
  const factor = key === '+' || key === '=' ? ZOOM_STEP : key === '-' || key === '_' ? 1 / ZOOM_STEP : 0;
  if (factor === 0) return undefined;
  const row = cell !== null && cell.row >= 0 ? cell.row + 0.5 : L.row0 + L.rows / 2;
  const col = cell !== null && cell.col >= 0 ? cell.col + 0.5 : L.col0 + L.cols / 2;
  return { kind: 'zoom', factor, row, col };
}

/** True when the layout shows a window smaller than the whole [rows × cols] matrix (a drag can pan). */
export function isZoomed(L: HeatmapLayout, rows: number, cols: number): boolean {
  return L.rows < rows || L.cols < cols;
}

/** What the gestures read at event time (the heatmap's current spec, layout and cell). */
export interface ZoomTarget {
  svg: SVGSVGElement;
  spec(): HeatmapSpec;
  layout(): HeatmapLayout;
  /** Called with the pointer position (SVG CSS px) on every wheel event over the heatmap. */
  onPointer(x: number, y: number): void;
  /** Called when a drag starts or ends (true while panning), e.g. to set the cursor. */
  onDragging(dragging: boolean): void;
}

/** Listens for wheel zoom and drag pan on `t.svg`; returns a function removing the listeners. */
export function attachZoomGestures(t: ZoomTarget): () => void {
  const onWheel = (event: WheelEvent) => {
    const spec = t.spec();
    if (spec.onViewAction === undefined) return;
    const [x, y] = pointer(event, t.svg);
    t.onPointer(x, y);
    if (!event.ctrlKey && !event.metaKey) {
      spec.onZoomHint?.();
      return;
    }
    event.preventDefault();
    spec.onViewAction({ kind: 'zoom', factor: wheelZoomFactor(event.deltaY, event.deltaMode), ...layoutCellCoords(t.layout(), x, y) });
  };
  // x, y: where the last pan was computed from; `active` once the pointer travelled DRAG_THRESHOLD_PX.
  let drag: { id: number; x: number; y: number; active: boolean; carry: [number, number] } | null = null;
  const pinch = new PinchTracker();
  const onDown = (event: PointerEvent) => {
    const spec = t.spec();
    if (spec.onViewAction !== undefined && event.pointerType === 'touch' && pinch.down(event.pointerId, ...pointer(event, t.svg))) {
      if (drag !== null) t.onDragging(false);
      drag = null; // the second finger: a pinch, not a pan
      return;
    }
    if (spec.onViewAction === undefined || event.button !== 0 || (spec.panNeedsModifier === true && !event.shiftKey)) return;
    if (!isZoomed(t.layout(), spec.rows, spec.cols)) return;
    const [x, y] = pointer(event, t.svg);
    drag = { id: event.pointerId, x, y, active: false, carry: [0, 0] };
    t.svg.setPointerCapture?.(event.pointerId);
    t.onDragging(true);
  };
  const onMove = (event: PointerEvent) => {
    if (pinch.pinching) {
      const zoom = pinch.move(event.pointerId, ...pointer(event, t.svg));
      if (zoom !== null) t.spec().onViewAction?.({ kind: 'zoom', factor: zoom.factor, ...layoutCellCoords(t.layout(), zoom.x, zoom.y) });
      return;
    }
    if (event.pointerType === 'touch') pinch.move(event.pointerId, ...pointer(event, t.svg));
    if (drag === null || event.pointerId !== drag.id) return;
    const [x, y] = pointer(event, t.svg);
    const dx = x - drag.x;
    const dy = y - drag.y;
    if (!drag.active && Math.abs(dx) + Math.abs(dy) < DRAG_THRESHOLD_PX) return;
    drag.active = true;
    const L = t.layout();
    const step = dragToPan(dx, dy, L.cellWidth, L.cellHeight, drag.carry);
    Object.assign(drag, { x, y, carry: step.carry });
    if (step.pan[0] !== 0 || step.pan[1] !== 0) t.spec().onViewAction?.({ kind: 'pan', rows: step.pan[0], cols: step.pan[1] });
  };
  const onUp = (event: PointerEvent) => {
    if (event.pointerType === 'touch') pinch.up(event.pointerId);
    if (drag === null || event.pointerId !== drag.id) return;
    drag = null;
    t.onDragging(false);
  };
  const svg = t.svg;
  svg.addEventListener('wheel', onWheel, { passive: false });
  svg.addEventListener('pointerdown', onDown);
  svg.addEventListener('pointermove', onMove);
  svg.addEventListener('pointerup', onUp);
  svg.addEventListener('pointercancel', onUp);
  return () => {
    svg.removeEventListener('wheel', onWheel);
    svg.removeEventListener('pointerdown', onDown);
    svg.removeEventListener('pointermove', onMove);
    svg.removeEventListener('pointerup', onUp);
    svg.removeEventListener('pointercancel', onUp);
  };
}
