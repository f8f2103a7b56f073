#!/usr/bin/env node
/**
 * `npm run bench`: starts a Vite dev server, opens bench/page.html in headless Chromium and
 * measures compute (engine on WebGL and CPU vs a plain-JS float32 loop), heatmap rendering (the
 * app's canvas heatmap vs one d3 <rect> per cell), tfjs memory after repeated updates, and how
 * compute time grows with L. Prints tables and writes BENCHMARKS.md at the project root.
 * Timings live only there, never in the tests.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Same flags as the browser tests (tests/browser/chromium.json).
const CHROME_ARGS = JSON.parse(readFileSync(new URL('../tests/browser/chromium.json', import.meta.url), 'utf8')).args;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = new URL('../BENCHMARKS.md', import.meta.url);

// (B, H, L), dK = dV = 64, causal (bottom-right). Ordered by cells so that a path stops growing
// once it gets too slow.
const GRID = [
  [1, 1, 64], [2, 8, 64], [1, 1, 256], [1, 1, 512], [1, 8, 256], [1, 1, 1024], [1, 8, 512], [1, 1, 2048], [1, 1, 4096],
];
const PATHS = ['baseline', 'webgl', 'cpu'];
const REPEATS = 5; // timed runs after one warm-up, capped by…
const CASE_BUDGET_MS = 3000; // …this much time per case (at least one timed run)
const MAX_PREDICTED_MS = 25000; // skip a case whose predicted warm-up + one run exceeds this
const RENDER_SIZES = [64, 256, 1024, 4096];
const RENDER_REPEATS = 3;
const MAX_PREDICTED_RENDER_MS = 15000;
const MEMORY_UPDATES = 100;
const MEMORY_SHAPE = [2, 8, 64];

const started = Date.now();
const log = (...args) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...args);
const fmt = (ms) => (ms == null ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const cellsOf = ([B, H, L]) => B * H * L * L;

/** Least-squares slope and intercept of log(ms) on log(L). */
function fitPower(points) {
  const xs = points.map((p) => Math.log(p.L));
  const ys = points.map((p) => Math.log(p.ms));
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxy / sxx;
  return { exponent: slope, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy), n };
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`Chromium not found at ${CHROME_PATH}. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.`);
  }
  const server = await createServer({ root: ROOT, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite dev server has no TCP address');
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = [];
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${address.port}/bench/page.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
    const bench = (fn, ...args) => page.evaluate(({ fn, args }) => window.maskscopeBench[fn](...args), { fn, args });

    const info = await bench('info');
    log('browser', browser.version(), '|', info.webgl?.renderer ?? 'no WebGL');

    // 1. compute
    const compute = []; // { shape, path, result | skipped }
    const last = {}; // path → { cells, ms }
    for (const shape of GRID) {
      for (const path of PATHS) {
        const prev = last[path];
        if (prev) {
          const predicted = prev.ms * (cellsOf(shape) / prev.cells);
          if (predicted > MAX_PREDICTED_MS) {
            compute.push({ shape, path, skipped: `predicted ≈ ${(predicted / 1000).toFixed(0)} s for warm-up + 1 run (> ${MAX_PREDICTED_MS / 1000} s cap)` });
            log(`compute ${path} ${shape.join('×')}: skipped (predicted ${(predicted / 1000).toFixed(1)} s)`);
            continue;
          }
        }
        const result = await bench('compute', path, ...shape, REPEATS, CASE_BUDGET_MS);
        last[path] = { cells: cellsOf(shape), ms: result.warmupMs + result.medianMs };
        compute.push({ shape, path, result });
        log(`compute ${path.padEnd(8)} ${shape.join('×').padEnd(9)} median ${fmt(result.medianMs)} ms (n=${result.runsMs.length}, warm-up ${fmt(result.warmupMs)} ms)${result.maxAbsDiff == null ? '' : `, max|Δout| ${result.maxAbsDiff.toExponential(1)}`}`);
      }
    }

    // 2. rendering
    const render = [];
    const lastRender = {};
    for (const L of RENDER_SIZES) {
      for (const kind of ['app', 'd3']) {
        const prev = lastRender[kind];
        if (prev) {
          const predicted = prev.ms * (L / prev.L) ** 2;
          if (predicted > MAX_PREDICTED_RENDER_MS) {
            render.push({ L, kind, skipped: `predicted ≈ ${(predicted / 1000).toFixed(0)} s per draw (${(L * L).toLocaleString('en')} <rect>s)` });
            log(`render ${kind} L=${L}: skipped (predicted ${(predicted / 1000).toFixed(1)} s)`);
            continue;
          }
        }
        const result = await bench('render', kind, L, RENDER_REPEATS, CASE_BUDGET_MS);
        lastRender[kind] = { L, ms: Math.max(result.warmupMs, result.medianMs) };
        render.push({ L, kind, result });
        log(`render ${kind.padEnd(3)} L=${String(L).padEnd(4)} median ${fmt(result.medianMs)} ms (n=${result.runsMs.length}, first ${fmt(result.warmupMs)} ms, ${result.elements} DOM elements)`);
      }
    }

    // 3. memory
    const memory = await bench('memory', MEMORY_UPDATES, ...MEMORY_SHAPE);
    log(`memory: tensors ${memory.before.numTensors} → ${memory.after.numTensors}, GPU bytes ${memory.before.numBytesInGPU} → ${memory.after.numBytesInGPU}, pool ${memory.before.numBytesInGPUAllocated} → ${memory.after.numBytesInGPUAllocated}`);

    // 4. growth with L: (1, 1, L) for L ≥ 256 (below that fixed overheads dominate)
    const fits = {};
    for (const path of PATHS) {
      const points = compute
        .filter((c) => c.path === path && c.result && c.shape[0] === 1 && c.shape[1] === 1 && c.shape[2] >= 256)
        .map((c) => ({ L: c.shape[2], ms: c.result.medianMs }));
      fits[path] = points.length >= 2 ? { ...fitPower(points), Ls: points.map((p) => p.L) } : null;
    }

    writeReport({ info, browserVersion: browser.version(), compute, render, memory, fits, errors });
    if (errors.length) log('page errors:', errors.slice(0, 5).join(' | '));
  } finally {
    await browser.close();
    await server.close();
  }
}

function writeReport({ info, browserVersion, compute, render, memory, fits, errors }) {
  const byShape = new Map();
  for (const c of compute) {
    const key = c.shape.join('×');
    if (!byShape.has(key)) byShape.set(key, { shape: c.shape });
    byShape.get(key)[c.path] = c;
  }
  const cell = (c) => (c?.result ? fmt(c.result.medianMs) : 'skipped');
  const ratio = (c, base) => (c?.result && base?.result ? `${(c.result.medianMs / base.result.medianMs).toFixed(2)}×` : '—');
  const computeRows = [...byShape.values()].map((r) => [
    r.shape[0], r.shape[1], r.shape[2],
    cell(r.baseline), cell(r.webgl), ratio(r.webgl, r.baseline), cell(r.cpu), ratio(r.cpu, r.baseline),
    r.webgl?.result ? fmt(r.webgl.result.warmupMs) : '—',
    [r.webgl?.result?.maxAbsDiff, r.cpu?.result?.maxAbsDiff].filter((x) => x != null).map((x) => x.toExponential(1)).join(' / ') || '—',
  ]);
  const computeTable = table(
    ['B', 'H', 'L', 'JS baseline ms', 'WebGL ms', 'WebGL / base', 'CPU ms', 'CPU / base', 'WebGL 1st run ms', 'max |Δ output| (WebGL / CPU)'],
    computeRows,
  );
  const renderByL = new Map();
  for (const r of render) {
    if (!renderByL.has(r.L)) renderByL.set(r.L, {});
    renderByL.get(r.L)[r.kind] = r;
  }
  const renderRows = [...renderByL.entries()].map(([L, r]) => [
    L, (L * L).toLocaleString('en'),
    r.app?.result ? fmt(r.app.result.medianMs) : 'skipped', r.app?.result ? fmt(r.app.result.warmupMs) : '—',
    r.d3?.result ? fmt(r.d3.result.medianMs) : 'skipped', r.d3?.result ? r.d3.result.elements.toLocaleString('en') : '—',
    r.app?.result && r.d3?.result ? `${(r.d3.result.medianMs / r.app.result.medianMs).toFixed(1)}×` : '—',
  ]);
  const renderTable = table(['L', 'cells', 'app canvas ms', 'app 1st draw ms', 'd3 <rect> ms', 'd3 DOM elements', 'd3 / app'], renderRows);
  const skipped = [...compute, ...render].filter((x) => x.skipped)
    .map((x) => `- ${x.path ? `compute ${x.path} ${x.shape.join('×')}` : `render ${x.kind} L = ${x.L}`}: ${x.skipped}`);
  const fitRows = Object.entries(fits).map(([path, f]) => [path, f ? f.exponent.toFixed(2) : '—', f ? f.r2.toFixed(3) : '—', f ? f.Ls.join(', ') : 'too few points']);
  const fitTable = table(['path', 'exponent k (time ∝ L^k)', 'R²', 'L used (B = H = 1)'], fitRows);
  const memRow = (label, m) => [label, m.numTensors, m.numBytes, m.numBytesInGPU, m.numBytesInGPUAllocated, m.numBytesInGPUFree];
  const memTable = table(['', 'tensors', 'bytes', 'numBytesInGPU', 'GPU texture pool allocated', 'pool free'], [
    memRow('before', memory.before), memRow(`after ${memory.updates} updates`, memory.after),
  ]);
  const cpus = os.cpus();
  const gl = info.webgl;
  const md = `# Benchmarks

Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString()}. Run it again with:

    npm run bench    # Vite dev server + headless Chromium (CHROME_PATH, default /usr/bin/chromium); writes this file

## Machine and browser
- OS: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()}), Node ${process.version}
- CPUs: ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB
- Browser: Chromium ${browserVersion} (headless, flags as tests/browser/harness.ts, \`--use-angle=swiftshader\`)
- WebGL: ${gl ? `${gl.version}; renderer "${gl.renderer}", vendor "${gl.vendor}"${gl.debugInfoAvailable ? ' (WEBGL_debug_renderer_info)' : ' (debug renderer info unavailable)'}` : 'not available'}
- Float precision: tfjs WebGL ${info.backend.webglVersion}, float32 render targets: ${info.backend.float32 ? 'yes' : 'no (float16)'}; fragment highp float: ${gl?.highpFloat ? `precision ${gl.highpFloat.precision} bits, range 2^±${gl.highpFloat.rangeMax}` : 'n/a'}; MAX_TEXTURE_SIZE ${info.backend.maxTextureSize}

## 1. Compute (dK = dV = 64, causal mask, all stages read back)
Median of up to ${REPEATS} runs after one warm-up (fewer when a case's ${CASE_BUDGET_MS / 1000} s budget is spent).
The engine is \`computeAttention\` end to end (tfjs ops + reading every stage back to JS + row status);
the baseline is bench/baseline.ts (plain float32 loops: scores, masked softmax, output). Ratio < 1 = faster than the baseline.

${computeTable}

## 2. Rendering the weights heatmap (one head, L × L)
Time from the draw call to the next frame (requestAnimationFrame + a task), median of up to ${RENDER_REPEATS} draws after a first one.
"app" = src/viz/heatmap.ts \`drawHeatmap\` (canvas, default layout ≈ 360 px per axis, max-pooled below 1 px per cell) with \`sequentialScale()\`;
"d3" = a naive SVG with one \`<rect>\` per cell coloured by the same scale.

${renderTable}

${skipped.length ? `Stopped:\n${skipped.join('\n')}\n` : 'Nothing was skipped.\n'}
## 3. Memory (WebGL, B = ${MEMORY_SHAPE[0]}, H = ${MEMORY_SHAPE[1]}, L = ${MEMORY_SHAPE[2]})
${memTable}

${memory.updates} updates took ${fmt(memory.totalMs)} ms (${fmt(memory.totalMs / memory.updates)} ms per update).
Measured after the compute grid, so the tfjs WebGL texture pool ("allocated", "free" = idle textures kept for reuse, not live tensors) still holds the textures of the largest case that ran.

## 4. Growth with L
Least-squares fit of log(median ms) on log(L) for B = H = 1, L ≥ 256.

${fitTable}
${errors.length ? `\n## Page errors\n${errors.slice(0, 10).map((e) => `- ${e}`).join('\n')}\n` : ''}`;
  writeFileSync(OUT, md);
  console.log(`\n${computeTable}\n\n${renderTable}\n\n${memTable}\n\n${fitTable}\n`);
  log(`wrote ${fileURLToPath(OUT)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
