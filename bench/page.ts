/**
 * Benchmark page for bench/run.mjs: exposes window.maskscopeBench, whose functions each measure
 * one thing in this browser and return plain JSON. Timings are wall-clock (performance.now).
 */
import * as tf from '@tensorflow/tfjs-core';
import { select } from 'd3';
import { computeAttention } from '../src/engine/attention';
import { initBackend } from '../src/engine/backend';
import type { AttentionInputs, BackendInfo } from '../src/engine/types';
import { drawHeatmap } from '../src/viz/heatmap';
import { sequentialScale } from '../src/viz/colorScales';
import { makeInputs } from '../tests/helpers/cases';
import { baselineAttention } from './baseline';

export type ComputePath = 'webgl' | 'cpu' | 'baseline';
export type RenderKind = 'app' | 'd3';

export interface Timing {
  /** Median of the timed runs, ms. */
  medianMs: number;
  /** Every timed run, ms. */
  runsMs: number[];
  /** The warm-up run (first call: shader compiles, JIT), ms. */
  warmupMs: number;
}

export interface ComputeResult extends Timing {
  path: ComputePath;
  /** Backend that actually ran ('baseline' for the JS loop). */
  ran: string;
  /** max |output − baseline output| when checked (small sizes), else null. */
  maxAbsDiff: number | null;
}

interface WebGLInfo {
  vendor: string;
  renderer: string;
  version: string;
  shadingLanguage: string;
  highpFloat: { rangeMin: number; rangeMax: number; precision: number } | null;
  debugInfoAvailable: boolean;
}

const seed = 4242;

function inputsFor(B: number, H: number, L: number): AttentionInputs {
  return makeInputs({
    name: `bench ${B}×${H}×${L}`,
    shape: { batch: B, heads: H, queryLength: L, keyLength: L, dK: 64, dV: 64 },
    causal: 'bottom-right', keyLengths: null, queryLengths: null, seed,
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Times `fn`: one warm-up, then up to `repeats` runs, stopping early once `budgetMs` is spent. */
async function timeRuns(fn: () => Promise<unknown>, repeats: number, budgetMs: number): Promise<Timing> {
  let t = performance.now();
  await fn();
  const warmupMs = performance.now() - t;
  const runsMs: number[] = [];
  const start = performance.now();
  while (runsMs.length < repeats && (runsMs.length === 0 || performance.now() - start < budgetMs)) {
    t = performance.now();
    await fn();
    runsMs.push(performance.now() - t);
  }
  return { medianMs: median(runsMs), runsMs, warmupMs };
}

let active: BackendInfo | null = null;
async function useBackend(name: 'webgl' | 'cpu'): Promise<BackendInfo> {
  if (active?.name !== name) active = await initBackend(name);
  return active;
}

async function compute(path: ComputePath, B: number, H: number, L: number, repeats: number, budgetMs: number): Promise<ComputeResult> {
  const inputs = inputsFor(B, H, L);
  const { shape } = inputs;
  if (path === 'baseline') {
    const timing = await timeRuns(async () => baselineAttention(shape, inputs.q, inputs.k, inputs.v, true), repeats, budgetMs);
    return { ...timing, path, ran: 'baseline', maxAbsDiff: null };
  }
  const backend = await useBackend(path);
  const timing = await timeRuns(() => computeAttention(inputs), repeats, budgetMs);
  let maxAbsDiff: number | null = null;
  if (L <= 256) {
    const engine = await computeAttention(inputs);
    const reference = baselineAttention(shape, inputs.q, inputs.k, inputs.v, true);
    maxAbsDiff = 0;
    for (let i = 0; i < reference.output.length; i++) {
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs((engine.output[i] as number) - (reference.output[i] as number)));
    }
  }
  return { ...timing, path, ran: backend.name, maxAbsDiff };
}

/** Resolves after the next frame has been produced (rAF, then a task after it). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const host = document.getElementById('host') as HTMLElement;

/** Weights of one causal head at length L (from the JS baseline: values are real attention weights). */
function weightsFor(L: number): Float32Array {
  const inputs = inputsFor(1, 1, L);
  return baselineAttention(inputs.shape, inputs.q, inputs.k, inputs.v, true).weights;
}

/** Time from a draw call to the next frame, for the app's canvas heatmap or a naive d3 SVG (one <rect> per cell). */
async function render(kind: RenderKind, L: number, repeats: number, budgetMs: number): Promise<Timing & { elements: number }> {
  const values = weightsFor(L);
  const color = sequentialScale();
  const labels = Array.from({ length: L }, (_, i) => `t${i}`);
  let cleanup: () => void = () => undefined;
  let elements = 0;
  const draw = async () => {
    cleanup();
    await nextFrame();
    const t = performance.now();
    if (kind === 'app') {
      const handle = drawHeatmap(host, { values, rows: L, cols: L, rowLabels: labels, colLabels: labels, color, ariaLabel: 'weights' });
      cleanup = () => handle.destroy();
    } else {
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
      cleanup = () => svg.remove();
    }
    host.getBoundingClientRect();
    await nextFrame();
    elements = host.querySelectorAll('*').length;
    return performance.now() - t;
  };
  // timeRuns measures the whole draw() including the untimed clear; time the draw itself instead
  const own: number[] = [];
  const warmupMs = await draw();
  const start = performance.now();
  while (own.length < repeats && (own.length === 0 || performance.now() - start < budgetMs)) own.push(await draw());
  cleanup();
  return { medianMs: median(own), runsMs: own, warmupMs, elements };
}

/** Tensor count and GPU bytes before/after `updates` computes at (B, H, L) on WebGL. */
async function memory(updates: number, B: number, H: number, L: number) {
  await useBackend('webgl');
  const inputs = inputsFor(B, H, L);
  await computeAttention(inputs);
  const read = () => {
    const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number; numBytesInGPUAllocated?: number; numBytesInGPUFree?: number };
    return {
      numTensors: m.numTensors, numBytes: m.numBytes, numBytesInGPU: m.numBytesInGPU ?? 0,
      // the texture pool: allocated = held by tfjs (in use + free for reuse), free = idle in the pool
      numBytesInGPUAllocated: m.numBytesInGPUAllocated ?? 0, numBytesInGPUFree: m.numBytesInGPUFree ?? 0,
    };
  };
  const before = read();
  const t = performance.now();
  for (let i = 0; i < updates; i++) await computeAttention(inputs);
  const totalMs = performance.now() - t;
  return { before, after: read(), updates, totalMs };
}

function webglInfo(): WebGLInfo | null {
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const p = gl.getShaderPrecisionFormat(gl.FRAGMENT_SHADER, gl.HIGH_FLOAT);
  return {
    vendor: String(gl.getParameter(debug ? debug.UNMASKED_VENDOR_WEBGL : gl.VENDOR)),
    renderer: String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
    version: String(gl.getParameter(gl.VERSION)),
    shadingLanguage: String(gl.getParameter(gl.SHADING_LANGUAGE_VERSION)),
    highpFloat: p ? { rangeMin: p.rangeMin, rangeMax: p.rangeMax, precision: p.precision } : null,
    debugInfoAvailable: debug !== null,
  };
}

async function info() {
  const webgl = await useBackend('webgl');
  return { webgl: webglInfo(), backend: webgl, userAgent: navigator.userAgent, devicePixelRatio: window.devicePixelRatio };
}

Object.assign(window, { maskscopeBench: { info, compute, render, memory } });
document.body.dataset.ready = 'true';
