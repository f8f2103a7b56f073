/** The issue's targets, each with its measured value and ✓/✗, and the headline sentence about auto. */
import { fmt, percentile, table } from './stats.mjs';
import { totalMs } from './reportTables.mjs';

const mark = (pass) => (pass ? '✓' : '✗');
const key = (shape) => shape.join('×');

/** auto's ratios to the baseline at every shape of the grid (attention, and end to end). */
export function autoRatios(rows) {
  return rows.map((row) => {
    const auto = row.paths.auto;
    const base = row.paths.baseline;
    if (!auto || auto.skipped || !base || base.skipped) return { shape: row.shape, attention: null, total: null, ran: null };
    return { shape: row.shape, attention: row.autoRatio, fastest: row.autoFastestRatio, total: totalMs(row, 'auto') / base.medianMs, ran: auto.ran };
  });
}

/** One paragraph: is auto never slower than the baseline (attention ratio ≤ 1.0 everywhere)? */
export function headline(rows) {
  const ratios = autoRatios(rows);
  const measured = ratios.filter((r) => r.attention != null);
  const worst = measured.reduce((a, b) => (b.attention > a.attention ? b : a), measured[0]);
  const worstTotal = measured.reduce((a, b) => (b.total > a.total ? b : a), measured[0]);
  const slower = measured.filter((r) => r.attention > 1);
  const paths = [...new Set(measured.map((r) => r.ran))].join(', ');
  const list = ratios.map((r) => `${key(r.shape)}: ${r.attention == null ? 'not measured' : `${r.attention.toFixed(2)}×`}`).join(', ');
  const never = slower.length === 0 && measured.length === ratios.length;
  return `**Is auto never slower than the plain-JS baseline? ${never ? 'Yes' : 'No'}.** ` +
    `On this machine auto runs ${paths}; runAttention / baseline ratios (median of paired runs): ${list}. ` +
    (never ? `Worst ${worst.attention.toFixed(2)}× at ${key(worst.shape)}. ` : `Slower (> 1.0×) at ${slower.map((r) => key(r.shape)).join(', ') || 'none'}${measured.length < ratios.length ? '; not measured at some sizes' : ''}; worst ${worst.attention.toFixed(2)}× at ${key(worst.shape)}. `) +
    `Fastest auto run / fastest baseline run: at most ${Math.max(...measured.map((r) => r.fastest)).toFixed(2)}×. ` +
    `End to end (deriveInputs + runAttention + transfer, against the baseline's attention alone) the worst ratio is ${worstTotal.total.toFixed(2)}× at ${key(worstTotal.shape)}.`;
}

function isFlat(snapshots, field) {
  return snapshots.every((s) => s[field] === snapshots[0][field]);
}

/** The Targets table. */
export function targetsTable({ compute, memory, app }) {
  const ratios = autoRatios(compute).filter((r) => r.attention != null);
  const worst = Math.max(...ratios.map((r) => r.attention));
  // every classroom interaction measured: a mask change, a new seed (new Q, K, V), a head switch
  const classroom = [['causal', app.classroom], ['new seed', app.classroomSeed], ['head switch', app.classroomHead]]
    .map(([name, samples]) => ({ name, p50: percentile(samples.map((s) => s.ms), 50), p95: percentile(samples.map((s) => s.ms), 95), n: samples.length }));
  const classroomWorst = Math.max(...classroom.map((c) => c.p95));
  const big = app.l1024;
  const bigAll = Math.max(...big.map((s) => s.allMs));
  const bigTask = Math.max(...big.map((s) => s.longestTaskMs));
  const snaps = memory.snapshots;
  const first = snaps[0];
  const lastSnap = snaps[snaps.length - 1];
  const gzipKB = app.entry.gzipBytes / 1024;
  const rows = [
    ['auto never slower than the baseline (runAttention / baseline ≤ 1.0 at every grid size)', `worst ${worst.toFixed(2)}× over ${ratios.length}/${compute.length} sizes`, mark(worst <= 1 && ratios.length === compute.length)],
    ['interaction p95 ≤ 50 ms at B = 2, H = 8, L = 64 (each of: the causal checkbox, a new seed, a head switch; change → weights heatmap, §4b)', classroom.map((c) => `${c.name} p95 ${fmt(c.p95)} ms (p50 ${fmt(c.p50)}, n = ${c.n})`).join('; '), mark(classroomWorst <= 50)],
    ['L = 1024, H = 8: change → heatmaps ≤ 1.5 s', `worst ${fmt(bigAll)} ms to all stage heatmaps (n = ${big.length})`, mark(bigAll <= 1500)],
    ['L = 1024, H = 8: no main-thread task > 100 ms', `longest ${fmt(bigTask)} ms`, mark(bigTask <= 100)],
    [`tensor count flat after ${lastSnap.updates} WebGL updates`, `${first.numTensors} → ${lastSnap.numTensors} (every ${snaps[1]?.updates ?? '—'}: ${snaps.map((s) => s.numTensors).join(', ')})`, mark(isFlat(snaps, 'numTensors'))],
    [`GPU bytes flat after ${lastSnap.updates} WebGL updates`, `numBytesInGPU ${first.numBytesInGPU} → ${lastSnap.numBytesInGPU}; texture pool ${(first.numBytesInGPUAllocated / 2 ** 20).toFixed(1)} → ${(lastSnap.numBytesInGPUAllocated / 2 ** 20).toFixed(1)} MiB`, mark(isFlat(snaps, 'numBytesInGPU') && isFlat(snaps, 'numBytesInGPUAllocated'))],
    ['JavaScript before the first paint ≤ 400 KB gzip', `${gzipKB.toFixed(1)} KB`, mark(gzipKB <= 400)],
  ];
  return { table: table(['target', 'measured', ''], rows), rows };
}
