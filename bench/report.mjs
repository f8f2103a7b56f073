/** BENCHMARKS.md from the data bench/run.mjs gathered: headline, targets, then each measurement. */
import os from 'node:os';
import { coldLoadTable, computeTable, growthTable, interactionTable, jsStagesTable, memoryTable, pipelineTable, renderTable, tfStagesTable, zoomTable } from './reportTables.mjs';
import { fmt } from './stats.mjs';
import { headline, targetsTable } from './targets.mjs';

function machine({ info, browserVersion, load, durationMs, peak }) {
  const cpus = os.cpus();
  const gl = info.webgl;
  const b = info.backend;
  return `## Machine and browser
- OS: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()}), Node ${process.version}
- CPUs: ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; load average ${load.start.map((x) => x.toFixed(1)).join(' / ')} at the start, ${load.end.map((x) => x.toFixed(1)).join(' / ')} at the end (1 / 5 / 15 min: other processes share these cores)
- Browser: Chromium ${browserVersion} (headless, flags of tests/browser/chromium.json, \`--use-angle=swiftshader\`), viewport 1400 × 1000, devicePixelRatio ${info.devicePixelRatio}
- WebGL: ${gl ? `${gl.version}; renderer "${gl.renderer}", vendor "${gl.vendor}"${gl.debugInfoAvailable ? ' (WEBGL_debug_renderer_info)' : ''}; GPU timer queries: ${gl.timerQuery ? 'yes' : 'no'}` : 'not available'}
- Float precision: tfjs WebGL ${b.webglVersion}, float32 render targets: ${b.float32 ? 'yes' : 'no (float16)'}; fragment highp float: ${gl?.highpFloat ? `precision ${gl.highpFloat.precision} bits, range 2^±${gl.highpFloat.rangeMax}` : 'n/a'}; MAX_TEXTURE_SIZE ${b.maxTextureSize}
- Peak float32 rate, measured (bench/peak.c: fused multiply-adds on 12 vector accumulators, -O3 -march=native): ${peak.error ? peak.error : `${fmt(peak.oneCore)} GFLOP/s on one core, ${fmt(peak.allCores)} GFLOP/s on ${peak.threads}`}
- GPU: none was available to this run (no machine with a GPU was lent to the session that generated this file): every WebGL figure is SwiftShader's, a software renderer on these CPU cores, and the crossover on a real GPU is not measured.
- auto (choosePath with the probed device): ${info.auto.map((a) => `${a.cells.toLocaleString('en')} cells → ${a.path} (${a.reason})`).join('; ')}
- Whole run: ${(durationMs / 60000).toFixed(1)} min`;
}

function computeSection(d, c) {
  return `## 1. Compute (dK = dV = 64, causal bottom-right, inputs from deriveInputs)
Inputs are the app's: a lengths-mode Scenario through \`deriveInputs\` (src/scenario/derive.ts). Median of up to ${c.repeats} runs after one warm-up (fewer once a case's ${c.budgetMs / 1000} s budget is spent; no warm-up when one run is predicted to exceed it). performance.now() ticks in 0.1 ms here, so below 2^16 cells each sample times several calls in a row and divides.

### 1a. Attention: runAttention on each path against the baseline
Engine = \`runAttention(inputs, { path })\` for every head (the seven stored stages read back to JS; \`masked\` is derived where it is read). Baseline = bench/baseline.ts (plain float32 loops: scores, masked softmax, output only). auto = the path \`choosePath('auto', probeDevice(), cells)\` picks, timed in alternation with the baseline (${c.pairRounds[0]} to ${c.pairRounds[1]} rounds, no warm-up) so that both see the same machine load; its ratio is the median of the per-round ratios (the verdict of the headline), "fastest runs" the fastest auto run over the fastest baseline run; the other paths' ratios are ratios of medians. × base < 1 = faster than the baseline; max |Δ output| against the baseline where checked (≤ 2^18 cells). WebGL 1st run = the warm-up run (— when one run was predicted over the case budget: no warm-up).

${computeTable(d.compute)}

### 1b. The app's pipeline: Q/K/V, attention, transfer
What one compute costs in the app: \`deriveInputs\` with its Q/K/V projections (the worker's first step), runAttention (1a), and the transfer of the result (StageSet buffers transferred; Q/K/V copied in the worker and transferred) from a worker to the page (bench/echoWorker.ts, one way). Totals are compared with the baseline's attention alone.

${pipelineTable(d.compute)}

### 1c. Inside the JS path
Each piece is the fastest of several interleaved rounds (bench/jsStages.ts), without touching src/: mask rows = the path's compiled mask (\`planJs(inputs).maskRow\`) over every row; Q·Kᵀ = runAttention(dK = 64) − runAttention(dK = 1), × 64/63; W·V = the same with dV; allocation = \`allocateHead\` for every head; softmax & rest = the remainder (scale, logits, softmax, row status). Differences of noisy timings: small entries can be off by a few ms, or negative.

${jsStagesTable(d.splits.js)}

### 1d. Inside the tfjs paths (tfjs profiler)
One \`tf.profile\`d runAttention per case up to ${c.tfMaxCells.toLocaleString('en')} cells (bench/tfProfile.ts); kernels attributed to stages in issue order. "outside kernels" = uploads, read-backs and the JS post-processing (row status). On WebGL with GPU timer queries the kernel times are GPU times; the profiled run is slower than 1a's.

${tfStagesTable(d.splits.tf)}`;
}

function appSection(d) {
  const a = d.app;
  return `## 4. The app (built with \`vite build\`, served statically, fresh browser context)
### 4a. Cold load
Default URL, empty cache: navigation start → first contentful paint, and → the frame after the weights heatmap's first paint (bench/appProbe.js watches the app without changing it).

${coldLoadTable(a.cold, a.entry)}

### 4b. Interaction latency and long tasks
The causal checkbox clicked like a user (Playwright), ${a.classroom.length} / ${a.l512.length} / ${a.l1024.length} samples after 2 warm-up clicks (none at L = 1024); at classroom size also a new seed typed and applied with Enter 150 ms later (new Q, K, V; the sample starts at Enter), a click on the next head's thumbnail (a view change, no compute), and in presentation mode (\`present=1&step=weights\`) ← / → (the step before and back; the sample ends at the first stage heatmap redrawn) and the viewport switched between 1920 × 1080 and 1024 × 768, which resizes the heatmap (between 1280 × 720 and 1024 × 768 its cells keep their size at L = 64, and nothing is redrawn; the sample starts just before the switch), ${a.classroomSeed.length} samples each. At classroom size the page computes these itself (src/compute/pageRecompute.ts: a mask change from the last result's Q/K/V and scores, a new seed from scratch: the head on screen first, the other heads in a task after that frame), so their "worker compute" column is the page's compute. Each sample runs from the click's (or Enter's) event.timeStamp to the first animation frame after the new result is shown (the result's \`data-stale\` goes back to false, set in the same React commit as the new heatmaps' data) and the weights heatmap has been redrawn; "all heatmaps" = the frame after the last stage heatmap redrawn; "every head computed" = the frame after the result's \`data-complete\` turns true (the head thumbnails are then drawn in the tasks after it; '—' for heads on demand); longest task = the longest PerformanceObserver 'longtask' meanwhile (0 = none over 50 ms); worker compute = the "last compute" of the status line (Q/K/V + attention in the worker); to result = until that commit; to weights paint start = until the weights heatmap's repaint begins (stage heatmaps are drawn one per task, src/ui/drawQueue.ts); stale redraws = stage heatmaps painted between the click and the new result (still the old numbers). URLs: ${a.urls.map((u) => `\`${u}\``).join(', ')}.

${interactionTable([
  { label: 'B=2 H=8 L=64', samples: a.classroom },
  { label: 'B=2 H=8 L=64, new seed', samples: a.classroomSeed },
  { label: 'B=2 H=8 L=64, head switch', samples: a.classroomHead },
  { label: 'B=2 H=8 L=64, presentation step ← / →', samples: a.classroomStep ?? [] },
  { label: 'B=2 H=8 L=64, presentation resize', samples: a.classroomResize ?? [] },
  { label: 'B=2 H=8 L=512', samples: a.l512 },
  { label: 'B=1 H=8 L=1024', samples: a.l1024 },
])}`;
}

export function report(d, c) {
  const targets = targetsTable(d);
  const skipped = [
    ...d.compute.flatMap((row) => Object.entries(row.paths).filter(([, r]) => r.skipped).map(([p, r]) => `- compute ${p} ${row.shape.join('×')}: ${r.skipped}`)),
    ...d.render.filter((r) => r.skipped).map((r) => `- render ${r.kind} L = ${r.L}: ${r.skipped}`),
  ];
  const md = `# Benchmarks

Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString()}. Run it again with:

    npm run bench    # Vite + headless Chromium (CHROME_PATH, default /usr/bin/chromium); writes this file

${headline(d.compute)}

## Targets
${targets.table}

## Where the baselines (and paths) stopped
${skipped.length ? skipped.join('\n') : 'Nothing was skipped.'}

${machine(d)}

${computeSection(d, c)}

## 2. Rendering the weights heatmap (one head, L × L)
From the draw call to the next frame (requestAnimationFrame + a task), median of up to ${c.renderRepeats} draws after a first one (no first draw when one draw is predicted over ${c.budgetMs / 1000} s); before each case (and the zoom/pan steps) the head is built and the page's garbage collected (DevTools protocol), so no draw waits on the collector reclaiming the benchmark's own setup. app = src/viz/heatmap.ts \`drawHeatmap\` (canvas, ≈ 360 px per axis, max-pooled below 1 px per cell; zoomable as a stage card is, so the labels' room is reserved at the first draw; per-pixel arrays reused from draw to draw, viz/scratch.ts) of a causal head: "pyramid sent" with the pooled pyramid the engine worker sends with the head on screen from 2^20 cells and with every head from 2^22 (engine/stagePyramids.ts; "worker: pyramids" = its build for the cell stages, in the worker, before the transfer, with the blocked flags it sends: three built — scores, logits (without, then with the blocked cells: the Masked scores) and weights — which scaled and the mask share; their levels of 8 cells a side and up keep the representatives' values, so a whole-view draw of the weights reads no cell of the 64 MiB matrix), "on the page" with new values each draw, so the draw builds the pyramid itself (a result computed on the page); d3 = a naive SVG with one \`<rect>\` per cell, same colour scale.

${renderTable(d.render)}

### 2b. Zoom and pan at L = ${d.zoom.L}
The app's heatmap with the worker's pyramid: from the whole matrix in to a 256-cell window (halving each step), then ${c.zoom.pans} pans of a 1024-cell window (bench/render.ts zoomPan). "work" = the update() call (pools the window and paints the canvas, synchronously); "to next frame" adds the wait for the next frame (up to one 16.7 ms interval of the headless compositor). The head and its pyramids are the ones §2 drew (built once per L), so no step waits for the collector to reclaim a setup's few hundred MB, which the app, zooming a result it keeps, never makes. Each window size's first visit runs V8's baseline code (the optimising compile comes after it).

${zoomTable(d.zoom)}

Work per step, ms, in order (the zooms in, then the pans): ${d.zoom.workMs.map((x) => x.toFixed(1)).join(', ')}.

## 3. tfjs memory on the WebGL path
runAttention ${d.memory.snapshots.at(-1).updates} times at B = ${c.memoryShape[0]}, H = ${c.memoryShape[1]}, L = ${c.memoryShape[2]}, alternately every head at once (whole-batch tfjs) and one head (the chunked path), measured before the compute grid; ${fmt(d.memory.totalMs / d.memory.snapshots.at(-1).updates)} ms per update. "texture pool" = textures tfjs keeps (live + idle for reuse).

${memoryTable(d.memory)}

${appSection(d)}

## 5. Growth with L
Least-squares fit of log(median ms) on log(L) for B = H = 1, L ≥ 256 (1a).

${growthTable(d.fits)}
${d.errors.length ? `\n## Page errors\n${d.errors.slice(0, 10).map((e) => `- ${e}`).join('\n')}\n` : ''}`;
  return { md, targets };
}
