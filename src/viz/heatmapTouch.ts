/**
 * Presses on a heatmap told apart (pure): a tap (touch or pen, the contact moved less than
 * TAP_SLOP_PX) or a click (mouse, primary button, no modifier key, moved less than the pan
 * threshold) — as opposed to a drag, a pan, a pinch or a scroll, which pick nothing. Plus the
 * one DOM helper of a tapped cell: noticing a tap outside the heatmap, which clears it.
 *
 * Why taps need their own handling: a touch does not hover, the pointerleave that follows every
 * touch would clear the cell at once, and the focus a tap gives the heatmap must not look like
 * keyboard focus (which selects the first cell).
 */
import { DRAG_THRESHOLD_PX } from './heatmapZoom';

/** Travel (CSS px, |dx| + |dy|) of a touch or pen contact that still counts as a tap. */
export const TAP_SLOP_PX = 10;

/** True for pointers that do not hover: 'touch' and 'pen'. */
export function isTouchLike(pointerType: string): boolean {
  return pointerType === 'touch' || pointerType === 'pen';
}

/** What a press handler needs of a PointerEvent, with the position in SVG CSS px. */
export interface PressPoint {
  pointerId: number;
  pointerType: string;
  /** 0 = primary (mouse left button, a touch contact, a pen tip). */
  button: number;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  x: number;
  y: number;
}

/** A finished press that picks the point (x, y): where a tap landed, or where a click was released. */
export interface Pick {
  kind: 'tap' | 'click';
  x: number;
  y: number;
}

/** Follows one press at a time, from pointerdown to pointerup. */
export interface PressTracker {
  down(p: PressPoint): void;
  move(p: PressPoint): void;
  /** The press ends: a Pick when it was a tap or a click, else null. */
  up(p: PressPoint): Pick | null;
  /** pointercancel (the browser took the gesture, e.g. a scroll): the press picks nothing. */
  cancel(pointerId: number): void;
}

/**
 * A PressTracker. Rules:
 * - a mouse press counts only with button 0 and no Shift/Ctrl/Alt/Meta; a touch or pen press
 *   with button 0;
 * - a second pointer going down during a press (a pinch) ends it without a pick;
 * - the press is a pick when its largest travel from where it went down stays below
 *   TAP_SLOP_PX (touch, pen) or DRAG_THRESHOLD_PX (mouse: from there on a drag pans);
 * - a tap picks where it went down, a click where it was released.
 * @example down(touch at 50,60) → move(54,62) → up(54,62) // → { kind: 'tap', x: 50, y: 60 }
 */
export function createPressTracker(): PressTracker {
  let press: { id: number; touch: boolean; x: number; y: number; travel: number } | null = null;
  const travel = (p: PressPoint) => (press === null ? 0 : Math.abs(p.x - press.x) + Math.abs(p.y - press.y));
  return {
    down(p) {
      if (press !== null) {
        press = null;
        return;
      }
      const touch = isTouchLike(p.pointerType);
      const plain = !(p.shiftKey || p.ctrlKey || p.altKey || p.metaKey);
      if (p.button === 0 && (touch || plain)) press = { id: p.pointerId, touch, x: p.x, y: p.y, travel: 0 };
    },
    move(p) {
      if (press !== null && p.pointerId === press.id) press.travel = Math.max(press.travel, travel(p));
    },
    up(p) {
      if (press === null || p.pointerId !== press.id) return null;
      const done = press;
      done.travel = Math.max(done.travel, travel(p));
      press = null;
      if (done.touch) return done.travel < TAP_SLOP_PX ? { kind: 'tap', x: done.x, y: done.y } : null;
      return done.travel < DRAG_THRESHOLD_PX ? { kind: 'click', x: p.x, y: p.y } : null;
    },
    cancel(pointerId) {
      if (press !== null && pointerId === press.id) press = null;
    },
  };
}

/** Marks an element whose presses keep a tapped cell (the zoom bar: Zoom in zooms around it). */
export const KEEPS_CELL_ATTRIBUTE = 'data-keeps-cell';

/**
 * Calls `onOutside` on every pointerdown in `host`'s document whose target is neither inside
 * `host` nor inside an element marked KEEPS_CELL_ATTRIBUTE (listened to in the capture phase, so
 * nothing on the page can swallow it). Returns a function removing the listener.
 */
export function watchOutsidePresses(host: HTMLElement, onOutside: () => void): () => void {
  const doc = host.ownerDocument;
  const listener = (event: PointerEvent) => {
    const target = event.target;
    const kept = target instanceof Element && target.closest(`[${KEEPS_CELL_ATTRIBUTE}]`) !== null;
    if (!(target instanceof Node) || (!host.contains(target) && !kept)) onOutside();
  };
  doc.addEventListener('pointerdown', listener, true);
  return () => doc.removeEventListener('pointerdown', listener, true);
}
