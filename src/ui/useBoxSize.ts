/** The content-box size of an element, in whole CSS px, followed by a ResizeObserver. */
import { useLayoutEffect, useState, type RefObject } from 'react';

/** { width, height } of `el`'s content box; null until measured. Updates only on a change of ≥ 1 px. */
export function useBoxSize(el: RefObject<HTMLElement | null>): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const node = el.current;
    if (!node) return;
    const read = (w: number, h: number) => {
      const next = { width: Math.max(0, Math.floor(w)), height: Math.max(0, Math.floor(h)) };
      setSize((prev) => (prev && prev.width === next.width && prev.height === next.height ? prev : next));
    };
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    read(box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => entries.forEach((e) => read(e.contentRect.width, e.contentRect.height)));
    observer.observe(node);
    return () => observer.disconnect();
  }, [el]);
  return size;
}
