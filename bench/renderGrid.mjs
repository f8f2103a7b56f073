/** The rendering section, driven from Node: the app's canvas heatmap (with and without the worker's pyramid) and the naive d3 SVG at each L. */
import { fmt } from './stats.mjs';

const KINDS = ['app', 'sent', 'd3'];

/**
 * Renders at every L until a kind's predicted draw (∝ L²) exceeds `maxPredictedMs`; a first
 * (warm-up) draw only while a draw is predicted under `budgetMs`. Before each case, its head is
 * built (bench/render.ts prepareRender) and `settle()` collects the garbage of that and of the
 * case before (at L = 4096 hundreds of MB: the baseline's arrays, a page-built pyramid per draw),
 * so that no draw is timed while the collector reclaims what the benchmark, not the app, left.
 */
export async function renderGrid(bench, log, { sizes, repeats, budgetMs, maxPredictedMs, settle }) {
  const results = [];
  const last = {};
  for (const L of sizes) {
    for (const kind of KINDS) {
      const prev = last[kind];
      const predicted = prev ? prev.ms * (L / prev.L) ** 2 : 0;
      if (predicted > maxPredictedMs) {
        results.push({ L, kind, skipped: `predicted ≈ ${(predicted / 1000).toFixed(0)} s per draw (${(L * L).toLocaleString('en')} <rect>s)` });
        log(`render ${kind} L=${L}: skipped (predicted ${(predicted / 1000).toFixed(1)} s)`);
        continue;
      }
      await bench('prepareRender', kind, L);
      await settle();
      const result = await bench('render', kind, L, repeats, budgetMs, predicted < budgetMs);
      last[kind] = { L, ms: Math.max(result.warmupMs ?? 0, result.medianMs) };
      results.push({ L, kind, result });
      log(`render ${kind.padEnd(4)} L=${String(L).padEnd(4)} median ${fmt(result.medianMs)} ms (n=${result.runsMs.length}, first ${fmt(result.warmupMs)} ms, ${result.elements} DOM elements${result.pyramidMs == null ? '' : `, pyramids built in ${fmt(result.pyramidMs)} ms`})`);
    }
  }
  return results;
}

/** Zoom and pan steps at the largest L (bench/render.ts zoomPan), the garbage of the cases before collected (`settle`). */
export async function zoomGrid(bench, log, { L, pans, settle }) {
  await bench('prepareRender', 'sent', L);
  await settle();
  const result = await bench('zoomPan', L, pans);
  log(`zoom/pan L=${L}: ${result.steps} steps, work p95 ${fmt(result.work.p95Ms)} ms, to next frame p95 ${fmt(result.frame.p95Ms)} ms`);
  return { L, ...result };
}
