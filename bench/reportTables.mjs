/** The Markdown tables of BENCHMARKS.md, one function per table, from the data bench/run.mjs gathered. */
import { fmt, median, percentile, ratio, table } from './stats.mjs';

const ENGINE_PATHS = ['js', 'auto', 'webgl', 'cpu'];
const shapeCells = (shape) => [shape[0], shape[1], shape[2]];
const ok = (r) => r && !r.skipped;
/** "35.3 (0.88×)": a path's median and its ratio to the baseline. */
const withRatio = (ms, base) => (ms == null ? 'skipped' : `${fmt(ms)} (${ratio(ms, base)})`);

/** End-to-end ms of a path at a row: deriveInputs + runAttention + transfer, or null. */
export function totalMs(row, path) {
  const r = row.paths[path];
  return ok(r) ? row.derive.medianMs + r.medianMs + row.transfer.medianMs : null;
}

export function computeTable(rows) {
  const body = rows.map((row) => {
    const base = row.paths.baseline;
    const baseMs = ok(base) ? base.medianMs : null;
    const cell = (p) => (ok(row.paths[p]) ? withRatio(row.paths[p].medianMs, baseMs) : 'skipped');
    const diffs = ['js', 'webgl', 'cpu'].map((p) => row.paths[p]?.maxAbsDiff).filter((x) => x != null);
    return [
      ...shapeCells(row.shape), ok(base) ? fmt(base.medianMs) : 'skipped', cell('js'),
      ok(row.paths.auto) ? `${fmt(row.paths.auto.medianMs)} (${row.autoRatio.toFixed(2)}×) ${row.paths.auto.ran}` : 'skipped',
      row.autoFastestRatio == null ? '—' : `${row.autoFastestRatio.toFixed(2)}×`, cell('webgl'), cell('cpu'),
      ok(row.paths.webgl) ? fmt(row.paths.webgl.warmupMs) : '—', diffs.length ? Math.max(...diffs).toExponential(1) : '—',
    ];
  });
  return table(['B', 'H', 'L', 'baseline ms', 'JS ms (× base)', 'auto ms (× base) → path', 'auto / base, fastest runs', 'WebGL ms (× base)', 'CPU ms (× base)', 'WebGL 1st run ms', 'max |Δ output|'], body);
}

export function pipelineTable(rows) {
  const body = rows.map((row) => {
    const base = ok(row.paths.baseline) ? row.paths.baseline.medianMs : null;
    return [
      ...shapeCells(row.shape), fmt(row.derive.medianMs), fmt(row.transfer.medianMs), (row.transfer.bytes / 2 ** 20).toFixed(1),
      ...ENGINE_PATHS.map((p) => withRatio(totalMs(row, p), base)),
    ];
  });
  return table(['B', 'H', 'L', 'Q/K/V derive ms', 'transfer ms', 'MiB moved', 'JS total (× base)', 'auto total (× base)', 'WebGL total (× base)', 'CPU total (× base)'], body);
}

export function jsStagesTable(splits) {
  const pct = (ms, total) => `${fmt(ms)} (${Math.round((100 * ms) / total)} %)`;
  const body = splits.map(({ shape, split: s }) => [
    ...shapeCells(shape), pct(s.maskMs, s.totalMs), pct(s.scoresMs, s.totalMs), pct(s.softmaxRestMs, s.totalMs), pct(s.outputMs, s.totalMs), pct(s.allocMs, s.totalMs), fmt(s.totalMs), s.rounds,
  ]);
  return table(['B', 'H', 'L', 'mask rows ms', 'Q·Kᵀ ms', 'softmax & rest ms', 'W·V ms', 'allocation ms', 'runAttention ms (fastest)', 'rounds'], body);
}

export function tfStagesTable(splits) {
  const body = splits.map(({ shape, split: s }) => [
    s.path, ...shapeCells(shape), fmt(s.stagesMs.scores), fmt(s.stagesMs.mask), fmt(s.stagesMs.softmax), fmt(s.stagesMs.output), fmt(s.outsideMs), fmt(s.wallMs), s.kernels, s.clock,
  ]);
  return table(['path', 'B', 'H', 'L', 'Q·Kᵀ & scale ms', 'mask ms', 'softmax ms', 'W·V ms', 'outside kernels ms', 'profiled run ms', 'kernels', 'kernel clock'], body);
}

export function renderTable(render) {
  const byL = new Map();
  for (const r of render) byL.set(r.L, { ...byL.get(r.L), [r.kind]: r });
  const ms = (r, field = 'medianMs') => (r?.result ? fmt(r.result[field]) : r?.skipped ? 'skipped' : '—');
  const body = [...byL.entries()].map(([L, r]) => [
    L, (L * L).toLocaleString('en'),
    ms(r.sent), ms(r.sent, 'warmupMs'), r.sent?.result?.pyramidMs == null ? '—' : fmt(r.sent.result.pyramidMs),
    ms(r.app), ms(r.app, 'warmupMs'),
    ms(r.d3), r.d3?.result ? r.d3.result.elements.toLocaleString('en') : '—',
    r.app?.result && r.d3?.result ? `${(r.d3.result.medianMs / r.app.result.medianMs).toFixed(1)}×` : '—',
  ]);
  return table(['L', 'cells', 'app, pyramid sent ms', '1st draw ms', 'worker: pyramids ms', 'app, pyramid on the page ms', '1st draw ms', 'd3 <rect> ms', 'd3 DOM elements', 'd3 / app (page)'], body);
}

/** Zoom and pan steps (bench/render.ts zoomPan). */
export function zoomTable(z) {
  return table(['L', 'steps', 'work median ms', 'work p95 ms', 'to next frame median ms', 'to next frame p95 ms'],
    [[z.L, z.steps, fmt(z.work.medianMs), fmt(z.work.p95Ms), fmt(z.frame.medianMs), fmt(z.frame.p95Ms)]]);
}

export function memoryTable(memory) {
  const mib = (b) => (b / 2 ** 20).toFixed(1);
  const body = memory.snapshots.map((m) => [m.updates, m.numTensors, m.numBytes, m.numBytesInGPU, mib(m.numBytesInGPUAllocated), mib(m.numBytesInGPUFree)]);
  return table(['after updates', 'tensors', 'bytes', 'numBytesInGPU', 'texture pool MiB', 'pool idle MiB'], body);
}

/** The worker's own time, read from the status line ("last compute: 12.3 ms"). */
const workerMs = (s) => Number(/([\d.]+) ms$/.exec(s.status.trim())?.[1]);
/** Median of the finite values, or null (a view change computes nothing: no status line's "last compute"). */
const finiteMedian = (values) => {
  const finite = values.filter(Number.isFinite);
  return finite.length ? median(finite) : null;
};

export function interactionTable(cases) {
  const body = cases.map(({ label, samples: s }) => [
    label, s.length, s[0]?.path ?? '—', fmt(finiteMedian(s.map(workerMs))), fmt(median(s.map((x) => x.statusMs))), fmt(median(s.map((x) => x.paintMs))),
    fmt(median(s.map((x) => x.ms))), fmt(percentile(s.map((x) => x.ms), 95)), fmt(Math.max(...s.map((x) => x.ms))),
    fmt(median(s.map((x) => x.allMs))), ...completeColumns(s), median(s.map((x) => x.stalePaints)), fmt(Math.max(...s.map((x) => x.longestTaskMs))),
  ]);
  return table(['case', 'n', 'path', 'worker compute p50', 'to result p50', 'to weights paint start p50', 'to weights heatmap p50', 'p95', 'max', 'to all heatmaps p50', 'every head computed p50', 'p95', 'stale redraws p50', 'longest task ms'], body);
}

/** p50 and p95 of the frame after every head is computed ('—' for heads on demand, which never are). */
function completeColumns(samples) {
  const ms = samples.map((x) => x.completeMs).filter((x) => x != null);
  return ms.length < samples.length ? ['—', '—'] : [fmt(median(ms)), fmt(percentile(ms, 95))];
}

export function coldLoadTable(cold, entry) {
  const body = cold.map((r, i) => [i + 1, fmt(r.firstPaintMs), fmt(r.heatmapMs), r.path]);
  const files = entry.files.map((f) => `${f.file}: ${(f.bytes / 1024).toFixed(0)} KB, ${(f.gzipBytes / 1024).toFixed(1)} KB gzip`).join('; ');
  return `${table(['load', 'first contentful paint ms', 'first weights heatmap ms', 'path'], body)}\n\nJavaScript and CSS in dist/index.html (loaded before the first paint): ${files} — ${(entry.gzipBytes / 1024).toFixed(1)} KB gzip in all.`;
}

export function growthTable(fits) {
  const body = Object.entries(fits).map(([path, f]) => [path, f ? f.exponent.toFixed(2) : '—', f ? f.r2.toFixed(3) : '—', f ? f.Ls.join(', ') : 'too few points']);
  return table(['path', 'exponent k (time ∝ L^k)', 'R²', 'L used (B = H = 1)'], body);
}

