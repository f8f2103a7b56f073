/**
 * React wrapper around viz/barChart: draws the chart in the commit at the width of its host
 * (measured, kept current by a ResizeObserver), updates it on every new spec, removes it on unmount.
 */
import { useLayoutEffect, useRef } from 'react';
import { drawBarChart, type BarChartHandle, type BarChartSpec } from '../viz/barChart';
import { useElementWidth } from './useElementWidth';

/** Everything of a BarChartSpec but the width, which is the host's. */
export type BarChartProps = Omit<BarChartSpec, 'width'> & { testId?: string };

export function BarChart({ testId, ...spec }: BarChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<BarChartHandle | null>(null);
  const width = useElementWidth(host);
  // Drawn in the commit: a chart is at most a few hundred elements (MAX_BARS, pooled above).
  useLayoutEffect(() => {
    const node = host.current;
    if (!node || width === null || width <= 0) return;
    const full = { ...spec, width };
    if (handle.current) handle.current.update(full);
    else handle.current = drawBarChart(node, full);
  });
  useLayoutEffect(
    () => () => {
      handle.current?.destroy();
      handle.current = null;
    },
    [],
  );
  return <div ref={host} className="bar-chart" data-testid={testId} />;
}
