/**
 * Rendering one head's weights heatmap: the app's canvas heatmap (src/viz/heatmap.ts) against a
 * naive d3 SVG with one <rect> per cell, from the draw call to the next frame.
 */
import { select } from 'd3';
import { drawHeatmap } from '../src/viz/heatmap';
import { sequentialScale } from '../src/viz/colorScales';
import { baselineAttention } from './baseline';
import { inputsFor } from './inputs';
import { repeatMeasured, type Timing } from './timing';

export type RenderKind = 'app' | 'd3';

/** Resolves after the next frame has been produced (rAF, then a task after it). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Weights of one causal head at length L (real attention weights, from the baseline). */
function weightsFor(L: number): Float32Array {
  const { shape, q, k, v } = inputsFor(1, 1, L);
  return baselineAttention(shape, q, k, v, true).weights;
}

/** Draws `values` into `host` as `kind`; returns a function that removes the drawing. */
function draw(kind: RenderKind, host: HTMLElement, values: Float32Array, L: number): () => void {
  const color = sequentialScale();
  if (kind === 'app') {
    const labels = Array.from({ length: L }, (_, i) => `t${i}`);
    const handle = drawHeatmap(host, { values, rows: L, cols: L, rowLabels: labels, colLabels: labels, color, ariaLabel: 'weights' });
    return () => handle.destroy();
  }
  const size = 360 / L;
  const svg = select(host).append('svg').attr('width', 360).attr('height', 360);
  svg.selectAll('rect')
    .data(values)
    .join('rect')
    .attr('x', (_, i) => (i % L) * size)
    .attr('y', (_, i) => Math.floor(i / L) * size)
    .attr('width', size)
    .attr('height', size)
    .attr('fill', (d) => color(d));
  return () => svg.remove();
}

/** Time from a draw call to the next frame: a first draw (unless `warmup` is false), then up to `repeats` within `budgetMs`. */
export async function render(kind: RenderKind, L: number, repeats: number, budgetMs: number, warmup: boolean): Promise<Timing & { elements: number }> {
  const host = document.getElementById('host') as HTMLElement;
  const values = weightsFor(L);
  let cleanup: () => void = () => undefined;
  let elements = 0;
  const once = async () => {
    cleanup();
    await nextFrame();
    const t = performance.now();
    cleanup = draw(kind, host, values, L);
    host.getBoundingClientRect();
    await nextFrame();
    elements = host.querySelectorAll('*').length;
    return performance.now() - t;
  };
  const timing = await repeatMeasured(once, repeats, budgetMs, warmup);
  cleanup();
  return { ...timing, elements };
}
