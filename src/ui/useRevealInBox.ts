/**
 * Brings an element into view inside the scrolling box that holds it — and only that box, never
 * the page: presentation mode's side column (`.present-side`, overflow-y: auto) opens the row
 * inspector under the explanation, below the fold on a 1024 × 768 tablet; scrolling the page
 * instead would move the heatmap the user just clicked.
 */
import { useEffect, type RefObject } from 'react';

/**
 * When `active` turns true (e.g. the element mounts with it), scrolls the nearest ancestor of
 * `ref.current` matching `boxSelector` so that the element's top is in view (its bottom too when
 * it fits), by as little as it takes. Does nothing when there is no such ancestor, or when the
 * element is already wholly in view.
 */
export function useRevealInBox(ref: RefObject<HTMLElement | null>, boxSelector: string, active: boolean): void {
  useEffect(() => {
    const el = ref.current;
    const box = active ? el?.parentElement?.closest<HTMLElement>(boxSelector) : null;
    if (!el || !box) return;
    box.scrollTop += revealOffset(el.getBoundingClientRect(), box.getBoundingClientRect());
  }, [ref, boxSelector, active]);
}

/**
 * How far (CSS px, + = down) a box must scroll so that `el` is in view within `box`: its top when
 * it is taller than the box, else the least move that shows it whole; 0 when it is in view.
 */
export function revealOffset(el: { top: number; bottom: number }, box: { top: number; bottom: number }): number {
  if (el.top < box.top || el.bottom - el.top > box.bottom - box.top) return el.top - box.top;
  if (el.bottom > box.bottom) return el.bottom - box.bottom;
  return 0;
}
