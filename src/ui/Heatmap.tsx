/**
 * React wrapper around viz/heatmap: creates the drawing once, updates it on every render, and
 * fits it to the host's width (`maxWidth`, or the spec's own when narrower), measured with a
 * ResizeObserver. A small heatmap is drawn in the commit; a large one goes through the draw
 * queue (drawQueue.ts): it runs in a task of its own after the commit, and only the latest spec
 * of a heatmap is drawn.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { drawHeatmap, type HeatmapHandle, type HeatmapSpec } from '../viz/heatmap';
import { cancelDraw, scheduleDraw } from './drawQueue';
import { useElementWidth } from './useElementWidth';
import { fadeColorOf, useTheme } from './useTheme';

/** Up to this many cells in view, a heatmap is drawn in the commit (about 1–2 ms here); above, through the queue. */
export const SYNC_DRAW_CELLS = 1 << 14;

/** Cells in the window `spec` shows. */
function viewCells(spec: HeatmapSpec): number {
  return spec.view ? spec.view.rows * spec.view.cols : spec.rows * spec.cols;
}

export function Heatmap({ spec, testId }: { spec: HeatmapSpec; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<HeatmapHandle | null>(null);
  const width = useElementWidth(host);
  const { theme } = useTheme();
  // The card's width, or the caller's own maxWidth (a projector box) when that is narrower; padded rows fade toward the theme's grey.
  const fitted = useMemo(() => ({
    ...spec,
    fadeColor: spec.fadeColor ?? fadeColorOf(theme),
    ...(width !== null && width > 0 ? { maxWidth: Math.min(width, spec.maxWidth ?? Infinity) } : {}),
  }), [spec, width, theme]);

  // A small heatmap is drawn in the commit itself (a layout effect), so the new numbers and the
  // rest of the page reach the screen in one frame; a large one waits for its turn in the queue.
  useLayoutEffect(() => {
    const node = host.current;
    if (!node || width === null) return;
    const draw = () => {
      if (handle.current) handle.current.update(fitted);
      else handle.current = drawHeatmap(node, fitted);
    };
    if (viewCells(fitted) > SYNC_DRAW_CELLS) return void scheduleDraw(node, draw); // no cleanup: the next request replaces it, keeping its turn
    cancelDraw(node);
    draw();
  });
  useEffect(() => {
    const node = host.current;
    return () => {
      if (node) cancelDraw(node);
      handle.current?.destroy();
      handle.current = null;
    };
  }, []);
  return <div ref={host} className="heatmap" data-testid={testId} />;
}
