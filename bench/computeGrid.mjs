/**
 * The compute section, driven from Node: for each (B, H, L) of the grid, deriveInputs, the
 * baseline paired with auto, each engine path, and the transfer to the page; then the per-stage
 * splits. A path runs a warm-up only while one run is predicted under the case budget, and stops
 * growing once its predicted time for the case exceeds `maxPredictedMs`.
 */
import { cellsOf, fmt } from './stats.mjs';

const key = (shape) => shape.join('×');
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** One engine path at one shape, or { skipped } when predicted too slow from its previous case. */
async function runPath(bench, log, path, shape, prev, c) {
  const run = prev ? prev.ms * (cellsOf(shape) / prev.cells) : 0;
  const warmup = run < c.budgetMs;
  const predicted = warmup ? 2 * run : run;
  if (predicted > c.maxPredictedMs) {
    log(`compute ${path.padEnd(8)} ${key(shape).padEnd(9)} skipped (predicted ${s(predicted)})`);
    return { skipped: `predicted ≈ ${s(predicted)} for the case (> ${s(c.maxPredictedMs)} cap)` };
  }
  const r = await bench('compute', path, ...shape, c.repeats, c.budgetMs, warmup);
  const diff = r.maxAbsDiff == null ? '' : `, max|Δout| ${r.maxAbsDiff.toExponential(1)}`;
  log(`compute ${path.padEnd(8)} ${key(shape).padEnd(9)} median ${fmt(r.medianMs)} ms (n=${r.runsMs.length}, 1st ${fmt(r.warmupMs)} ms)${diff}`);
  return r;
}

/** Rows { shape, derive, transfer, autoRatio, autoFastestRatio, paths: { baseline, auto, js, webgl, cpu } } (a path may be { skipped }). */
export async function computeGrid(bench, log, c) {
  const rows = [];
  const last = {}; // path → { cells, ms } of its last run
  for (const shape of c.grid) {
    const row = { shape, paths: {} };
    row.derive = await bench('deriveTiming', ...shape, c.repeats, c.budgetMs);
    const pair = await bench('pairAutoBaseline', ...shape, c.pairRounds[0], c.pairRounds[1], 2 * c.budgetMs);
    Object.assign(row.paths, { baseline: pair.baseline, auto: pair.auto });
    Object.assign(row, { autoRatio: pair.ratio, autoFastestRatio: pair.fastestRatio });
    log(`compute baseline+auto ${key(shape).padEnd(9)} ${fmt(pair.baseline.medianMs)} / ${fmt(pair.auto.medianMs)} ms (auto → ${pair.auto.ran}, n=${pair.auto.runsMs.length}), ratio ${pair.ratio.toFixed(2)}, fastest ${pair.fastestRatio.toFixed(2)}`);
    for (const path of c.enginePaths) {
      const r = await runPath(bench, log, path, shape, last[path], c);
      if (!r.skipped) last[path] = { cells: cellsOf(shape), ms: r.medianMs };
      row.paths[path] = r;
    }
    row.transfer = await bench('transfer', ...shape, c.repeats);
    log(`derive ${key(shape)} ${fmt(row.derive.medianMs)} ms, transfer ${fmt(row.transfer.medianMs)} ms (${(row.transfer.bytes / 2 ** 20).toFixed(1)} MiB)`);
    rows.push(row);
  }
  return rows;
}

/**
 * Per-stage splits: the JS path at every shape (input variants, jsStages.ts: 2 to 25 rounds within
 * 2 s), the tfjs paths with the profiler (tfProfile.ts) up to `tfMaxCells`.
 */
export async function stageSplits(bench, log, { grid, tfMaxCells, computeRows }) {
  const js = [];
  const tf = [];
  for (const shape of grid) {
    const split = await bench('jsStages', ...shape, 2, 25, 2000);
    js.push({ shape, split });
    log(`js stages ${key(shape)}: mask ${fmt(split.maskMs)}, Q·Kᵀ ${fmt(split.scoresMs)}, softmax & rest ${fmt(split.softmaxRestMs)}, W·V ${fmt(split.outputMs)}, alloc ${fmt(split.allocMs)} of ${fmt(split.totalMs)} ms`);
  }
  for (const path of ['webgl', 'cpu']) {
    log(`tfjs ${path} kernels at 1×1×8: ${(await bench('tfKernelNames', path)).join(' ')}`);
    for (const shape of grid) {
      const ran = computeRows.find((r) => key(r.shape) === key(shape))?.paths[path];
      if (cellsOf(shape) > tfMaxCells || !ran || ran.skipped) continue;
      const split = await bench('tfStages', path, ...shape);
      tf.push({ shape, split });
      const t = split.stagesMs;
      log(`${path} profile ${key(shape)}: scores ${fmt(t.scores)}, mask ${fmt(t.mask)}, softmax ${fmt(t.softmax)}, output ${fmt(t.output)}, outside ${fmt(split.outsideMs)} of ${fmt(split.wallMs)} ms (${split.clock})`);
    }
  }
  return { js, tf };
}
