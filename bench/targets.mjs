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

/** Median of `field` over the samples that have it (Event Timing figures), or null. */
function medianOf(samples, field) {
  const xs = samples.map((s) => s[field]).filter((x) => x != null);
  return xs.length ? percentile(xs, 50) : null;
}

/** Interaction p95 per classroom action at B = 2, H = 8, L = 64, with the event's processing and presentation medians. */
function classroomFigures(app) {
  return [['causal', app.classroom], ['new seed', app.classroomSeed], ['head switch', app.classroomHead], ['step change', app.classroomStep], ['presentation resize', app.classroomResize]]
    .filter(([, samples]) => samples?.length)
    .map(([name, samples]) => ({
      name, p50: percentile(samples.map((s) => s.ms), 50), p95: percentile(samples.map((s) => s.ms), 95), n: samples.length,
      processing: medianOf(samples, 'processingMs'), presented: medianOf(samples, 'presentedMs'),
    }));
}

/** The interaction row's figures: each action's p95 (p50, n), then what the event itself cost, then the floors. */
function interactionText(classroom, floor) {
  const each = classroom.map((c) => `${c.name} p95 ${fmt(c.p95)} ms (p50 ${fmt(c.p50)}, n = ${c.n})`).join('; ');
  const timed = classroom.filter((c) => c.processing != null);
  const events = timed.length ? `. The event's own processing (Event Timing, p50): ${timed.map((c) => `${c.name} ${fmt(c.processing)} ms`).join(', ')}; event → frame presented (p50): ${timed.map((c) => `${c.name} ${fmt(c.presented)} ms`).join(', ')}` : '';
  return each + events + floorText(floor);
}

/**
 * The floors (run.mjs): a bare page repainting one 64 × 64 canvas on a click, a key press and a
 * resize, through the same probe: what the browser and the harness take with no app work.
 */
function floorText(floor) {
  const kinds = Object.entries(floor ?? {}).filter(([, samples]) => samples?.length);
  if (!kinds.length) return '';
  const each = kinds.map(([kind, samples]) => `${kind} p95 ${fmt(percentile(samples.map((s) => s.ms), 95))} ms (p50 ${fmt(percentile(samples.map((s) => s.ms), 50))})`);
  return `. Floor: a bare page repainting one 64 × 64 canvas, the same probe: ${each.join('; ')}`;
}

/** FLOPs of one head's attention, dense: Q·Kᵀ and W·V, 2 per multiply-add. */
const headFlops = (L, dK = 64, dV = 64) => 2 * L * L * (dK + dV);

/** What the first visit's calibration measured (appBench.mjs firstCalibration), in words. */
function calibrationText(run) {
  if (!run || run.error) return `not measured: ${run?.error ?? 'no calibration run'}`;
  const { renderer, js, webgl } = run.calibration;
  const cost = (m) => `${Number((m.perCellMs * 1000).toPrecision(2))} µs/cell + ${fmt(m.fixedMs)} ms`;
  // the cells where the two lines cross (auto runs WebGL above them), when they do
  const cross = webgl && webgl.perCellMs < js.perCellMs ? (webgl.fixedMs - js.fixedMs) / (js.perCellMs - webgl.perCellMs) : null;
  const choice = !webgl ? 'WebGL did not start: auto runs JS' : cross === null ? 'auto runs JS at every size' : `auto runs WebGL from ${fmt(Math.max(0, cross) / 2 ** 20)} Mi cells`;
  return `stored ${fmt(run.storedAtMs / 1000)} s after a first visit's navigation, for "${renderer}": JS ${cost(js)}, WebGL ${webgl ? cost(webgl) : '—'}; ${choice}`;
}

/** Issue #13's rows: drawing, cold start, memory, the CPU against its peak, WebGL, auto. */
function issue13Rows({ compute, render, zoom, peak, app }) {
  const big = render.find((r) => r.kind === 'sent' && r.L === 4096)?.result;
  const drawMs = big ? Math.max(big.medianMs, big.warmupMs ?? 0) : null;
  const coldMs = percentile(app.cold.map((r) => r.heatmapMs), 50);
  const js = app.entry.files.filter((f) => f.file.endsWith('.js')).reduce((n, f) => n + f.gzipBytes, 0) / 1024;
  const css = app.entry.files.filter((f) => f.file.endsWith('.css')).reduce((n, f) => n + f.gzipBytes, 0) / 1024;
  // one 4096² head as the page holds it, and the worker before it transfers it (nothing is copied):
  // the stage buffers (§1b: scores, scaled = logits, mask, weights, output, row status; no masked),
  // the blocked flags and pyramids the worker sends with it (§2), and the copies of Q, K and V (dK = dV = 64)
  const L = 4096;
  const row4096 = compute.find((r) => r.shape.join('×') === '1×1×4096');
  const memory = {
    stages: row4096?.transfer?.bytes ?? (13 * L * L + 4 * L * 64 + L),
    blocked: L * L,
    pyramids: big?.pyramidBytes ?? 0,
    qkv: 3 * 4 * L * 64,
  };
  const headMiB = Object.values(memory).reduce((n, b) => n + b, 0) / 2 ** 20;
  const mib = (b) => (b / 2 ** 20).toFixed(0);
  const jsMs = row4096?.paths.js && !row4096.paths.js.skipped ? row4096.paths.js.medianMs : null;
  const engineGflops = jsMs ? headFlops(L) / jsMs / 1e6 : null;
  const peakText = peak.error ? `peak not measured (${peak.error})` : `peak ${fmt(peak.allCores)} GFLOP/s on ${peak.threads} cores (${fmt(peak.oneCore)} on one; bench/peak.c, ${peak.compiler})`;
  const webglRatios = compute.filter((r) => r.paths.webgl && !r.paths.webgl.skipped && r.paths.js && !r.paths.js.skipped)
    .map((r) => `${r.shape.join('×')}: ${(r.paths.webgl.medianMs / r.paths.js.medianMs).toFixed(2)}×`).join(', ');
  return [
    ['4096 × 4096 whole-view draw ≤ 50 ms, first draw included (pyramid sent by the worker, §2)', big ? `first ${fmt(big.warmupMs)} ms, median ${fmt(big.medianMs)} ms; the worker built the pyramids (three: scaled, logits and the mask share them) and the blocked flags in ${fmt(big.pyramidMs)} ms` : 'not measured', mark(drawMs != null && drawMs <= 50)],
    ['zoom/pan step at 4096 × 4096 ≤ 16.7 ms (§2b: the update call; to the next frame beside it)', `p95 ${fmt(zoom.work.p95Ms)} ms (median ${fmt(zoom.work.medianMs)}, n = ${zoom.steps}); to the next frame p95 ${fmt(zoom.frame.p95Ms)} ms`, mark(zoom.work.p95Ms <= 1000 / 60)],
    ['cold start: navigation → first complete result of the default view ≤ 0.5 s (median, §4a)', `${fmt(coldMs)} ms (median of ${app.cold.length} cold loads); before the first paint ${js.toFixed(1)} KB JavaScript + ${css.toFixed(1)} KB CSS gzip`, mark(coldMs <= 500)],
    ['one 4096 × 4096 head ≤ 256 MiB in the page and the worker together', `${headMiB.toFixed(0)} MiB: ${mib(memory.stages)} MiB of stages (scores, scaled = logits, mask, weights, output; the Masked scores are not stored but derived where read) + ${mib(memory.blocked)} MiB of blocked flags + ${mib(memory.pyramids)} MiB of pyramids${big?.pyramidBytes ? '' : ' (not measured)'} + ${mib(memory.qkv)} MiB of Q, K, V`, mark(headMiB <= 256 && !!big?.pyramidBytes)],
    ['CPU path within 3× of the machine\'s measured peak (GFLOP/s, dense 2·L²·(dK + dV) at 1×1×4096)', `engine JS ${engineGflops == null ? '—' : fmt(engineGflops)} GFLOP/s (one core, one worker); ${peakText}${engineGflops && !peak.error ? `: ${(peak.allCores / engineGflops).toFixed(0)}× below` : ''}`, mark(engineGflops != null && !peak.error && peak.allCores / engineGflops <= 3)],
    ['WebGL: a fused masked-softmax program, its ratio to plain JS at every size (§1a)', `built: one MaskedSoftmax kernel of two WebGL programs (row max and Σ exp over the allowed keys, then the weights; src/engine/tfMaskedSoftmax.ts) in place of a chain of ~10 tfjs ops; every stored stage is read back (the Masked scores are not: derived where read); WebGL / JS: ${webglRatios || '—'}`, mark(webglRatios !== '')],
    ['auto decides from a calibration on the device (cached per renderer)', calibrationText(app.calibration), mark(!!app.calibration?.calibration)],
  ];
}

/** The Targets table. */
export function targetsTable(d) {
  const { compute, memory, app } = d;
  const ratios = autoRatios(compute).filter((r) => r.attention != null);
  const worst = Math.max(...ratios.map((r) => r.attention));
  // every classroom interaction measured: a mask change, a new seed (new Q, K, V), a head switch
  const classroom = classroomFigures(app);
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
    ['interaction p95 ≤ 16.7 ms at B = 2, H = 8, L = 64 (each of: the causal checkbox, a new seed, a head switch, a step change and a resize in presentation mode; event → heatmap painted, §4b)', interactionText(classroom, app.floor), mark(classroomWorst <= 1000 / 60)],
    ...issue13Rows(d),
    ['L = 1024, H = 8: change → heatmaps ≤ 1.5 s', `worst ${fmt(bigAll)} ms to all stage heatmaps (n = ${big.length})`, mark(bigAll <= 1500)],
    ['L = 1024, H = 8: no main-thread task > 100 ms', `longest ${fmt(bigTask)} ms`, mark(bigTask <= 100)],
    [`tensor count flat after ${lastSnap.updates} WebGL updates`, `${first.numTensors} → ${lastSnap.numTensors} (every ${snaps[1]?.updates ?? '—'}: ${snaps.map((s) => s.numTensors).join(', ')})`, mark(isFlat(snaps, 'numTensors'))],
    [`GPU bytes flat after ${lastSnap.updates} WebGL updates`, `numBytesInGPU ${first.numBytesInGPU} → ${lastSnap.numBytesInGPU}; texture pool ${(first.numBytesInGPUAllocated / 2 ** 20).toFixed(1)} → ${(lastSnap.numBytesInGPUAllocated / 2 ** 20).toFixed(1)} MiB`, mark(isFlat(snaps, 'numBytesInGPU') && isFlat(snaps, 'numBytesInGPUAllocated'))],
    ['JavaScript and CSS before the first paint ≤ 400 KB gzip', `${gzipKB.toFixed(1)} KB`, mark(gzipKB <= 400)],
  ];
  return { table: table(['target', 'measured', ''], rows), rows };
}
