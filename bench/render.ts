/**
 * Rendering one head's weights heatmap: the app's canvas heatmap (src/viz/heatmap.ts) — through
 * the pyramid the worker sends ('sent'), or building its own at the first draw ('app') — against
 * a naive d3 SVG with one <rect> per cell, from the draw call to the next frame; and zoom/pan
 * steps of the app's heatmap at L = 4096.
 */
import { select } from 'd3';
import { allocateHead } from '../src/engine/headStages';
import { buildStagePyramids, pyramidBuffers, type StagePyramids } from '../src/engine/stagePyramids';
import { drawHeatmap } from '../src/viz/heatmap';
import { sequentialScale } from '../src/viz/colorScales';
import type { HeatmapHandle, HeatmapSpec } from '../src/viz/types';
import { baselineAttention } from './baseline';
import { inputsFor } from './inputs';
import { median, repeatMeasured, type Timing } from './timing';

export type RenderKind = 'app' | 'sent' | 'd3';

/** Resolves after the next frame has been produced (rAF, then a task after it). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The head and pyramids of each L, built once: render() and zoomPan() share them, so that no step
 * is timed while the collector reclaims a setup's garbage (at L = 4096 about 400 MB: the
 * baseline's arrays and allocateHead's five stages), which the app, zooming a result it keeps,
 * never has.
 */
const heads = new Map<number, CachedHead>();

/** A head of headFor, with its workerPyramids once asked for. */
interface CachedHead {
  weights: Float32Array;
  blocked: Uint8Array;
  built?: { pyramids: StagePyramids | null; ms: number };
}

/**
 * Builds (and caches) what render(kind, L) draws, so that the caller can let the collector
 * reclaim the setup's garbage (bench/renderGrid.mjs: the garbage collected through the DevTools
 * protocol) before a draw is timed. Returns the cells of the head.
 */
export function prepareRender(kind: RenderKind, L: number): number {
  return cachedHead(L, kind === 'sent').weights.length;
}

/** headFor(L), and workerPyramids of it when `withPyramids`, from the cache (heads). */
function cachedHead(L: number, withPyramids: boolean): CachedHead {
  let head = heads.get(L);
  if (head === undefined) {
    head = headFor(L);
    heads.set(L, head);
  }
  if (withPyramids && head.built === undefined) head.built = workerPyramids(L, head.weights, head.blocked);
  return head;
}

/** One causal head at length L: real attention weights (from the baseline) and its blocked cells. */
function headFor(L: number): { weights: Float32Array; blocked: Uint8Array } {
  const { shape, q, k, v } = inputsFor(1, 1, L);
  const blocked = new Uint8Array(L * L);
  for (let i = 0; i < L * L; i++) blocked[i] = i % L > Math.floor(i / L) ? 1 : 0;
  return { weights: baselineAttention(shape, q, k, v, true).weights, blocked };
}

/**
 * The stage pyramids of a head like this one, as the worker builds them with its blocked flags
 * (engine/stagePyramids.ts), and the ms that took; null under PYRAMID_MIN_CELLS.
 */
function workerPyramids(L: number, weights: Float32Array, blocked: Uint8Array): { pyramids: StagePyramids | null; ms: number } {
  // no score modifier, as in the app's default: logits share the scaled array (allocateHead)
  const head = allocateHead({ batch: 1, heads: 1, queryLength: L, keyLength: L, dK: 1, dV: 1 }, 0, 0, true);
  for (const s of ['scores', 'scaled', 'weights'] as const) head[s].set(weights);
  for (let i = 0; i < L * L; i++) head.mask[i] = blocked[i] ? 0 : 1;
  const t = performance.now();
  const pyramids = buildStagePyramids(head, L, L);
  return { pyramids, ms: performance.now() - t };
}

function appSpec(L: number, weights: Float32Array, blocked: Uint8Array, pyramids: StagePyramids | null): HeatmapSpec {
  const labels = Array.from({ length: L }, (_, i) => `t${i}`);
  return { values: weights, blocked, rows: L, cols: L, rowLabels: labels, colLabels: labels, color: sequentialScale(), ariaLabel: 'weights', pyramid: pyramids?.weights,
    // the whole view as a stage card shows it: the matrix within about 360 px a side, zoomable
    // (src/ui/StageStrip.tsx: a view and onViewAction, so the labels' room is reserved at the first draw)
    maxWidth: 420, maxMatrixHeight: 360, view: { row0: 0, rows: L, col0: 0, cols: L }, onViewAction: () => {} };
}

/** Draws as `kind` into `host`; returns a function that removes the drawing. */
function draw(kind: RenderKind, host: HTMLElement, L: number, weights: Float32Array, blocked: Uint8Array, pyramids: StagePyramids | null): () => void {
  if (kind !== 'd3') {
    // a fresh copy each draw for 'app', so its pyramid is built again (the first draw of a new result)
    const values = kind === 'app' ? weights.slice() : weights;
    const handle = drawHeatmap(host, appSpec(L, values, blocked, kind === 'sent' ? pyramids : null));
    return () => handle.destroy();
  }
  const color = sequentialScale();
  const size = 360 / L;
  const svg = select(host).append('svg').attr('width', 360).attr('height', 360);
  svg.selectAll('rect')
    .data(weights)
    .join('rect')
    .attr('x', (_, i) => (i % L) * size)
    .attr('y', (_, i) => Math.floor(i / L) * size)
    .attr('width', size)
    .attr('height', size)
    .attr('fill', (d, i) => (blocked[i] ? '#aaa' : color(d)));
  return () => svg.remove();
}

/**
 * Time from a draw call to the next frame: a first draw (unless `warmup` is false), then up to
 * `repeats` within `budgetMs`. 'app' draws a new copy of the values each time (its pyramid built
 * in the draw, as for a result computed on the page); 'sent' draws with the worker's pyramid,
 * whose build (in the worker, with the blocked flags; stages that order cells alike share one) is `pyramidMs` and whose size is `pyramidBytes`.
 */
export async function render(kind: RenderKind, L: number, repeats: number, budgetMs: number, warmup: boolean): Promise<Timing & { elements: number; pyramidMs: number | null; pyramidBytes: number | null }> {
  const host = document.getElementById('host') as HTMLElement;
  const { weights, blocked, built: cached } = cachedHead(L, kind === 'sent');
  const built = kind === 'sent' ? cached : null;
  let cleanup: () => void = () => undefined;
  let elements = 0;
  const once = async () => {
    cleanup();
    await nextFrame();
    const t = performance.now();
    cleanup = draw(kind, host, L, weights, blocked, built?.pyramids ?? null);
    host.getBoundingClientRect();
    await nextFrame();
    elements = host.querySelectorAll('*').length;
    return performance.now() - t;
  };
  const timing = await repeatMeasured(once, repeats, budgetMs, warmup);
  cleanup();
  const pyramidBytes = built?.pyramids ? pyramidBuffers(built.pyramids).reduce((n, b) => n + b.byteLength, 0) : null;
  return { ...timing, elements, pyramidMs: built?.pyramids ? built.ms : null, pyramidBytes };
}

/** The 95th percentile and median of `xs` (nearest rank). */
function spread(xs: number[]): { p95Ms: number; medianMs: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] as number, medianMs: median(sorted) };
}

/**
 * Zoom and pan of the app's heatmap at L through the worker's pyramid: from the whole matrix in to
 * a 256-cell window (halving the window each step), then `pans` pans of an eighth of a 1024-cell
 * window. Each step is update() with the new view: `work` = the update call itself (pooling and
 * painting the canvas, synchronous), `frame` = to the next frame after it (adds the wait for it).
 * Returns their p95 and median, and `workMs`: each step's work, in order.
 */
export async function zoomPan(L: number, pans: number) {
  const host = document.getElementById('host') as HTMLElement;
  const { weights, blocked, built } = cachedHead(L, true);
  const pyramids = built?.pyramids ?? null;
  const spec = appSpec(L, weights, blocked, pyramids);
  const handle: HeatmapHandle = drawHeatmap(host, spec);
  await nextFrame();
  const work: number[] = [];
  const frame: number[] = [];
  const step = async (row0: number, col0: number, n: number) => {
    const t = performance.now();
    handle.update({ ...spec, view: { row0, rows: n, col0, cols: n } });
    work.push(performance.now() - t);
    await nextFrame();
    frame.push(performance.now() - t);
  };
  for (let n = L / 2; n >= 256; n /= 2) await step((L - n) / 2, (L - n) / 2, n);
  for (let i = 0; i < pans; i++) await step(1024 + i * 128, 1024 + i * 64, 1024);
  handle.destroy();
  return { steps: work.length, work: spread(work), frame: spread(frame), workMs: work };
}
