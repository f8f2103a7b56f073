#!/usr/bin/env node
/**
 * `npm run bench`: measures Maskscope in headless Chromium and writes BENCHMARKS.md.
 * 1. bench/page.html on a Vite dev server: tfjs memory over many WebGL updates, compute on every
 *    engine path and "auto" against a plain-JS baseline (with Q/K/V, transfer and per-stage
 *    splits), heatmap rendering against naive d3, growth with L.
 * 2. The app built by `vite build` and served statically: cold load, interaction latency, long tasks.
 * Before both, the cores' measured peak (bench/peak.c, built with the system's C compiler).
 * Timings live only here and in BENCHMARKS.md, never in the tests.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { coldLoads, firstCalibration, interactions } from './appBench.mjs';
import { computeGrid, stageSplits } from './computeGrid.mjs';
import { measurePeak } from './peak.mjs';
import { renderGrid, zoomGrid } from './renderGrid.mjs';
import { report } from './report.mjs';
import { buildAndServe, FLOOR_PAGE, launchBrowser, startDevServer } from './servers.mjs';
import { fitPower } from './stats.mjs';

const OUT = new URL('../BENCHMARKS.md', import.meta.url);
const CONFIG = {
  // (B, H, L), ordered by cells so that a path stops growing once it gets too slow; L = 4096 with one head.
  grid: [[1, 1, 64], [2, 8, 64], [1, 1, 256], [1, 1, 512], [1, 8, 256], [1, 1, 1024], [1, 8, 512], [1, 1, 2048], [1, 8, 1024], [1, 1, 4096]],
  paths: ['baseline', 'js', 'auto', 'webgl', 'cpu'],
  enginePaths: ['js', 'webgl', 'cpu'], // timed one by one; baseline and auto are timed in alternation
  pairRounds: [3, 41], // baseline/auto rounds: at least 3, up to 41 within 2 × budgetMs
  repeats: 5, // timed runs after one warm-up, capped by…
  budgetMs: 3000, // …this much time per case (at least one timed run; no warm-up when one run exceeds it)
  maxPredictedMs: 30000, // skip a case predicted to take longer than this
  tfMaxCells: 1 << 21, // profile the tfjs paths up to this many cells
  renderSizes: [64, 256, 1024, 4096],
  renderRepeats: 3,
  zoom: { L: 4096, pans: 24 },
  maxPredictedRenderMs: 30000,
  memoryUpdates: 500,
  memoryEvery: 100,
  memoryShape: [2, 8, 64],
  app: { coldLoads: 5, classroomSamples: 24, l512Samples: 20, l1024Samples: 4 },
};
const APP_URLS = {
  classroom: '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1&engine=auto',
  present: '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1&engine=auto&present=1&step=weights',
  l512: '/?mode=lengths&lq=512&b=2&heads=8&dk=64&causal=1&engine=auto',
  l1024: '/?mode=lengths&lq=1024&b=1&heads=8&dk=64&causal=1&engine=auto',
};

const started = Date.now();
const log = (...args) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...args);

/**
 * Opens bench/page.html; returns the page, `bench(fn, ...args)` calling window.maskscopeBench[fn],
 * and `settle()`, a full garbage collection in the page (DevTools protocol HeapProfiler.collectGarbage).
 */
async function openBenchPage(browser, origin, errors) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/bench/page.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
  const bench = (fn, ...args) => page.evaluate(({ fn, args }) => window.maskscopeBench[fn](...args), { fn, args });
  const cdp = await page.context().newCDPSession(page);
  const settle = () => cdp.send('HeapProfiler.collectGarbage');
  return { page, bench, settle };
}

/** Growth exponent per path over B = H = 1, L ≥ 256. */
function growthFits(rows) {
  const fits = {};
  for (const path of CONFIG.paths) {
    const points = rows
      .filter((r) => r.shape[0] === 1 && r.shape[1] === 1 && r.shape[2] >= 256 && r.paths[path] && !r.paths[path].skipped)
      .map((r) => ({ L: r.shape[2], ms: r.paths[path].medianMs }));
    fits[path] = points.length >= 2 ? { ...fitPower(points), Ls: points.map((p) => p.L) } : null;
  }
  return fits;
}

async function benchPage(browser, errors) {
  const dev = await startDevServer();
  try {
    const { page, bench, settle } = await openBenchPage(browser, dev.url, errors);
    const info = await bench('info');
    log('browser', browser.version(), '|', info.webgl?.renderer ?? 'no WebGL');
    const memory = await bench('memory', CONFIG.memoryUpdates, CONFIG.memoryEvery, ...CONFIG.memoryShape);
    log(`memory: tensors ${memory.snapshots.map((s) => s.numTensors).join(' → ')}, GPU bytes ${memory.snapshots.map((s) => s.numBytesInGPU).join(' → ')}`);
    await bench('warmJit', 20);
    const compute = await computeGrid(bench, log, CONFIG);
    const splits = await stageSplits(bench, log, { grid: CONFIG.grid, tfMaxCells: CONFIG.tfMaxCells, computeRows: compute });
    const render = await renderGrid(bench, log, { sizes: CONFIG.renderSizes, repeats: CONFIG.renderRepeats, budgetMs: CONFIG.budgetMs, maxPredictedMs: CONFIG.maxPredictedRenderMs, settle });
    const zoom = await zoomGrid(bench, log, { ...CONFIG.zoom, settle });
    await page.close();
    return { info, memory, compute, splits, render, zoom, fits: growthFits(compute) };
  } finally {
    await dev.close();
  }
}

async function appBench(browser, errors) {
  const app = await buildAndServe();
  log(`vite build ${(app.buildMs / 1000).toFixed(1)} s; entry JS ${(app.entry.gzipBytes / 1024).toFixed(1)} KB gzip`);
  try {
    const c = CONFIG.app;
    const cold = await coldLoads(browser, `${app.url}/`, c.coldLoads, errors);
    log(`cold load: first heatmap ${cold.map((r) => r.heatmapMs.toFixed(0)).join(', ')} ms`);
    // a first visit calibrates the device; the interactions then start as a returning visit (calibrated)
    const calibration = await firstCalibration(browser, `${app.url}/`, errors);
    log(calibration.error ?? `calibration stored ${(calibration.storedAtMs / 1000).toFixed(1)} s after navigation: ${calibration.text}`);
    const run = async (name, samples, warmup, action = 'causal') => {
      const result = await interactions(browser, `${app.url}${APP_URLS[name]}`, { samples, warmup, action, calibration: calibration.text ?? null }, errors);
      log(`interaction ${name} (${action}): ${result.map((s) => s.ms.toFixed(0)).join(' ')} ms; longest task ${Math.max(...result.map((s) => s.longestTaskMs))} ms`);
      return result;
    };
    const classroom = await run('classroom', c.classroomSamples, 2);
    const classroomSeed = await run('classroom', c.classroomSamples, 2, 'seed');
    const classroomHead = await run('classroom', c.classroomSamples, 2, 'head');
    const classroomStep = await run('present', c.classroomSamples, 2, 'step');
    const classroomResize = await run('present', c.classroomSamples, 2, 'resize');
    // the same probe and actions on a page that only repaints one 64 × 64 canvas: the latency no app work adds to
    const floor = {};
    for (const [kind, action] of [['click', 'head'], ['key', 'step'], ['resize', 'resize']]) {
      floor[kind] = await interactions(browser, `${app.url}/${FLOOR_PAGE}`, { samples: c.classroomSamples, warmup: 2, action }, errors);
      log(`interaction floor (bare page, ${kind}): ${floor[kind].map((s) => s.ms.toFixed(0)).join(' ')} ms`);
    }
    const l512 = await run('l512', c.l512Samples, 2);
    const l1024 = await run('l1024', c.l1024Samples, 0);
    return { entry: app.entry, cold, calibration, classroom, classroomSeed, classroomHead, classroomStep, classroomResize, floor, l512, l1024, urls: Object.values(APP_URLS) };
  } finally {
    await app.close();
  }
}

async function main() {
  const load = { start: os.loadavg() };
  const errors = [];
  // first, while nothing else of this run is busy: the cores' peak (bench/peak.c)
  const peak = measurePeak();
  log(peak.error ? `peak: ${peak.error}` : `peak: ${peak.oneCore} GFLOP/s on one core, ${peak.allCores} on ${peak.threads}`);
  const browser = await launchBrowser();
  let data;
  try {
    const measured = await benchPage(browser, errors);
    const app = await appBench(browser, errors);
    data = { ...measured, app, peak, errors, browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
  load.end = os.loadavg();
  const { md, targets } = report({ ...data, load, durationMs: Date.now() - started }, CONFIG);
  writeFileSync(OUT, md);
  console.log(`\n${md.split('\n## Machine')[0]}`);
  if (errors.length) log('page errors:', errors.slice(0, 5).join(' | '));
  log(`wrote ${fileURLToPath(OUT)}; targets met: ${targets.rows.filter((r) => r[2] === '✓').length}/${targets.rows.length}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
