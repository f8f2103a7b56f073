/** React wrapper around viz/heatmap: creates the drawing once, updates it on every render. */
import { useEffect, useRef } from 'react';
import { drawHeatmap, type HeatmapHandle, type HeatmapSpec } from '../viz/heatmap';

export function Heatmap({ spec, testId }: { spec: HeatmapSpec; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<HeatmapHandle | null>(null);

  useEffect(() => {
    if (!host.current) return;
    if (handle.current) handle.current.update(spec);
    else handle.current = drawHeatmap(host.current, spec);
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
