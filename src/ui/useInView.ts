/**
 * Whether an element is (mostly) inside the viewport, by IntersectionObserver.
 */
import { useEffect, useState } from 'react';

/**
 * `ref` (a callback ref, so that an element mounted later is observed too) and whether at least
 * `minRatio` (0–1) of that element is inside the viewport: true before the first observation,
 * without an element, and where IntersectionObserver is missing.
 */
export function useInView(minRatio = 0.5): { ref: (node: Element | null) => void; inView: boolean } {
  const [node, setNode] = useState<Element | null>(null);
  const [inView, setInView] = useState(true);
  useEffect(() => {
    if (!node || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => entries.forEach((e) => setInView(e.isIntersecting && e.intersectionRatio >= minRatio)),
      { threshold: [0, minRatio, 1] },
    );
    observer.observe(node);
    return () => {
      observer.disconnect();
      setInView(true);
    };
  }, [node, minRatio]);
  return { ref: setNode, inView };
}
