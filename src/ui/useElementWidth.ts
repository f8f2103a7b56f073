/**
 * Width of an element's content box, kept current by a ResizeObserver (heatmaps, bar charts).
 * Width only: a drawing that changes its own height does not render again (useBoxSize.ts measures both).
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Width of `el`'s content box in whole CSS px, measured in the commit (so a first draw can use
 * it) and again whenever it changes by ≥ 1 px. null until measured; 0 when the element is hidden (a heatmap is then drawn at its natural size).
 */
export function useElementWidth(el: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const node = el.current;
    if (!node) return;
    const read = (w: number) => {
      const next = Math.max(0, Math.floor(w));
      setWidth((prev) => (prev !== null && Math.abs(prev - next) < 1 ? prev : next));
    };
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    const padding = style ? parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) : 0;
    read(node.getBoundingClientRect().width - (Number.isFinite(padding) ? padding : 0));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) read(entry.contentRect.width);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [el]);
  return width;
}
