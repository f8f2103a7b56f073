/**
 * Pointer, touch and keyboard input of a heatmap, turned into the highlighted cell (`onHover`),
 * row picks (`onSelectRow`) and zoom/pan requests (heatmapZoom.ts):
 *
 * - mouse: moving over the matrix highlights the cell under the pointer, leaving clears it;
 *   a click (no drag) on a cell picks its row;
 * - touch and pen: a tap on a cell highlights it and keeps it (touch does not hover, and the
 *   pointerleave after a touch is ignored); a tap on another cell moves there; a press anywhere
 *   outside the heatmap clears it; a tap on a cell also picks its row;
 * - keyboard (focused host): arrows, Home/End, PageUp/PageDown move the cell, Escape clears it (with
 *   no cell it is left to the page: the row inspector closes); Enter
 *   picks the highlighted row; focus from Tab or a script selects the first visible cell, focus
 *   from a pointer press or a tap does not.
 */
import { pointer } from 'd3';
import { attachZoomGestures, zoomKeyAction } from './heatmapZoom';
import { sameCell } from './heatmapSpec';
import { createPressTracker, isTouchLike, watchOutsidePresses } from './heatmapTouch';
import type { PressPoint } from './heatmapTouch';
import { moveCell } from './keyboard';
import { colShown, layoutCellAt, rowShown, rowTop } from './layout';
import type { HeatmapLayout } from './layout';
import type { HeatmapCell, HeatmapSpec } from './types';

/** What the input handlers read and change of a drawn heatmap, at event time. */
export interface InputTarget {
  /** The focusable host element (keyboard, focus). */
  host: HTMLElement;
  /** The SVG over the matrix (pointer positions are taken relative to it). */
  svg: SVGSVGElement;
  spec(): HeatmapSpec;
  layout(): HeatmapLayout;
  /** The highlighted cell now. */
  cell(): HeatmapCell | null;
  /** Highlights `next` (null clears), reporting it through `onHover` when it changed. */
  setCell(next: HeatmapCell | null): void;
  /** A drag (pan) starts or ends: e.g. set the cursor. */
  onDragging(dragging: boolean): void;
}

/** The attached handlers. */
export interface HeatmapInput {
  /** The window moved under a still mouse (wheel zoom, pan): report the cell now under it. */
  windowMoved(): void;
  /** Removes every listener (the document's too). */
  detach(): void;
}

/** Listens for pointer, touch, focus and key input on the target; see the file's comment. */
export function attachHeatmapInput(t: InputTarget): HeatmapInput {
  const { host, svg } = t;
  /** Last mouse position over the SVG (CSS px), or null when the mouse is elsewhere. */
  let lastPointer: [number, number] | null = null;
  const presses = createPressTracker();
  const touchHold = holdTapped(t);
  const point = (e: PointerEvent): PressPoint => {
    const [x, y] = pointer(e, svg);
    return { pointerId: e.pointerId, pointerType: e.pointerType, button: e.button, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, x, y };
  };
  const onPointerMove = (event: PointerEvent) => {
    const p = point(event);
    presses.move(p);
    if (isTouchLike(event.pointerType)) return; // a touch does not hover
    lastPointer = [p.x, p.y];
    t.setCell(layoutCellAt(t.layout(), p.x, p.y));
  };
  const onPointerLeave = (event: PointerEvent) => {
    if (isTouchLike(event.pointerType)) return; // fired after every touch: keep the tapped cell
    lastPointer = null;
    t.setCell(null);
  };
  const onSvgPointerDown = (event: PointerEvent) => presses.down(point(event));
  const onSvgPointerCancel = (event: PointerEvent) => presses.cancel(event.pointerId);
  const onSvgPointerUp = (event: PointerEvent) => {
    const pick = presses.up(point(event));
    if (pick === null) return;
    const cell = layoutCellAt(t.layout(), pick.x, pick.y);
    if (pick.kind === 'tap') touchHold.tap(cell);
    if (cell !== null) t.spec().onSelectRow?.(cell.row);
  };
  const onKeyDown = (event: KeyboardEvent) => keyDown(t, event);
  const focus = focusWatch(t);
  const detachZoom = attachZoomGestures({
    svg,
    spec: t.spec,
    layout: t.layout,
    onPointer: (x, y) => {
      lastPointer = [x, y];
    },
    onDragging: t.onDragging,
  });
  const svgListeners: [string, (e: PointerEvent) => void][] = [
    ['pointermove', onPointerMove], ['pointerleave', onPointerLeave], ['pointerdown', onSvgPointerDown],
    ['pointerup', onSvgPointerUp], ['pointercancel', onSvgPointerCancel],
  ];
  for (const [type, fn] of svgListeners) svg.addEventListener(type, fn as EventListener);
  host.addEventListener('keydown', onKeyDown);
  return {
    windowMoved() {
      if (lastPointer !== null) t.setCell(layoutCellAt(t.layout(), ...lastPointer));
    },
    detach() {
      detachZoom();
      for (const [type, fn] of svgListeners) svg.removeEventListener(type, fn as EventListener);
      host.removeEventListener('keydown', onKeyDown);
      focus();
      touchHold.release();
    },
  };
}

/**
 * The cell a tap highlighted, kept until a press outside the heatmap (which clears it, when it
 * is still the highlighted cell) or another tap.
 */
function holdTapped(t: InputTarget): { tap(cell: HeatmapCell | null): void; release(): void } {
  let held: HeatmapCell | null = null;
  let unwatch: (() => void) | null = null;
  const release = () => {
    unwatch?.();
    unwatch = null;
    held = null;
  };
  return {
    tap(cell) {
      t.setCell(cell);
      if (cell === null) return release();
      held = cell;
      unwatch ??= watchOutsidePresses(t.host, () => {
        const stillShown = sameCell(t.cell(), held);
        release();
        if (stillShown) t.setCell(null);
      });
    },
    release,
  };
}

/**
 * Focus from the keyboard (Tab) or a script selects the first visible cell; focus from a mouse
 * press or a tap does not (the pointer picks its own cell). A mouse press is seen before the
 * focus it gives (pointerdown, then focus); a tap's focus comes after its pointerup (the
 * browser's compatibility mousedown), so a touch press marks the next focus as its own until
 * the host loses focus. Returns a function removing the listeners.
 */
function focusWatch(t: InputTarget): () => void {
  const { host } = t;
  let pressing = false;
  let touchFocus = false;
  const onPointerDown = (event: PointerEvent) => {
    if (isTouchLike(event.pointerType)) touchFocus = host.ownerDocument.activeElement !== host;
    else pressing = true;
  };
  const onPointerUp = () => {
    pressing = false;
  };
  const onFocus = () => {
    const byPointer = pressing || touchFocus;
    pressing = false;
    touchFocus = false;
    const { rows, cols } = t.spec();
    const L = t.layout();
    if (!byPointer && t.cell() === null && rows > 0 && cols > 0) t.setCell({ row: L.row0, col: L.col0 });
  };
  const onBlur = () => {
    touchFocus = false;
  };
  const listeners: [string, EventListener][] = [
    ['pointerdown', onPointerDown as EventListener], ['pointerup', onPointerUp], ['focus', onFocus], ['blur', onBlur],
  ];
  for (const [type, fn] of listeners) host.addEventListener(type, fn);
  return () => {
    for (const [type, fn] of listeners) host.removeEventListener(type, fn);
  };
}

/** Zoom keys, Enter (pick the highlighted row) and the navigation keys of keyboard.ts. */
function keyDown(t: InputTarget, event: KeyboardEvent): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const spec = t.spec();
  const cell = t.cell();
  const L = t.layout();
  const zoom = spec.onViewAction === undefined ? undefined : zoomKeyAction(event.key, cell, L);
  if (zoom !== undefined) {
    event.preventDefault();
    spec.onViewAction?.(zoom);
    return;
  }
  if (event.key === 'Enter') {
    if (cell === null || cell.row < 0 || spec.onSelectRow === undefined) return;
    event.preventDefault();
    spec.onSelectRow(cell.row);
    return;
  }
  const next = moveCell(cell, event.key, spec.rows, spec.cols);
  // Escape with no cell to clear is the page's (the row inspector's "Esc closes")
  if (next === undefined || (next === null && cell === null)) return;
  event.preventDefault();
  t.setCell(next);
  if (next !== null && !(rowShown(L, next.row) && colShown(L, next.col))) {
    spec.onViewAction?.({ kind: 'reveal', row: next.row, col: next.col });
  } else if (next !== null) {
    scrollCellIntoView(t.svg, L, next);
  }
}

/**
 * Scrolls the page (as little as needed) so that the cell moved to with the keyboard is on screen,
 * below the heatmap's CSS scroll-margin-top (room for what sticks to the top of the page).
 */
function scrollCellIntoView(svg: SVGSVGElement, L: HeatmapLayout, c: HeatmapCell): void {
  const view = svg.ownerDocument.defaultView;
  if (!view) return;
  const box = svg.getBoundingClientRect();
  const top = box.top + rowTop(L, c.row);
  const bottom = top + L.cellHeight;
  const margin = parseFloat(view.getComputedStyle(svg.closest('.heatmap') ?? svg).scrollMarginTop) || 0;
  if (top < margin) view.scrollBy({ top: top - margin });
  else if (bottom > view.innerHeight) view.scrollBy({ top: bottom - view.innerHeight });
}
