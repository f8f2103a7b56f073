/**
 * React wrapper around viz/heatmap: creates the drawing once, updates it on every render, and
 * fits it to the host's width (`maxWidth`), measured with a ResizeObserver.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { drawHeatmap, type HeatmapHandle, type HeatmapSpec } from '../viz/heatmap';

/**
 * Width of `el`'s content box in whole CSS px, updated by a ResizeObserver only when it changes
 * by ≥ 1 px. null until measured; 0 when the element has no width (hidden), then the heatmap is
 * drawn at its natural size.
 */
function useContentWidth(el: RefObject<HTMLElement | null>): number | null {
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

export function Heatmap({ spec, testId }: { spec: HeatmapSpec; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<HeatmapHandle | null>(null);
  const width = useContentWidth(host);
  const fitted = useMemo(() => (width !== null && width > 0 ? { ...spec, maxWidth: width } : spec), [spec, width]);

  useEffect(() => {
    if (!host.current || width === null) return;
    if (handle.current) handle.current.update(fitted);
    else handle.current = drawHeatmap(host.current, fitted);
  });
  useEffect(
    () => () => {
      handle.current?.destroy();
      handle.current = null;
    },
    [],
  );
  return <div ref={host} className="heatmap" data-testid={testId} />;
}
