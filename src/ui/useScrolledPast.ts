/**
 * Whether an element's top edge has scrolled above the top of the viewport, by
 * IntersectionObserver (no scroll listener).
 */
import { useEffect, useState } from 'react';

/**
 * `ref` (a callback ref, so that an element mounted later is observed too) and whether that
 * element's top edge is above the viewport's top (scrolled past, wholly or in part): false before
 * the first observation, without an element, and where IntersectionObserver is missing.
 */
export function useScrolledPast(): { ref: (node: Element | null) => void; past: boolean } {
  const [node, setNode] = useState<Element | null>(null);
  const [past, setPast] = useState(false);
  useEffect(() => {
    if (!node || typeof IntersectionObserver === 'undefined') return;
    // Crossing ratio 1 (or 0) is when the top edge goes past the viewport's top (or the bottom
    // edge does): the callback then says which side it is on.
    const observer = new IntersectionObserver(
      (entries) => entries.forEach((e) => setPast(e.boundingClientRect.top < (e.rootBounds?.top ?? 0) - 1)),
      { threshold: [0, 1] },
    );
    observer.observe(node);
    return () => {
      observer.disconnect();
      setPast(false);
    };
  }, [node]);
  return { ref: setNode, past };
}
