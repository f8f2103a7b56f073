// Scratch page for looking at the viz layer; not part of the app.
import { divergingScale, drawHeatmap, drawLegend, sequentialScale } from '../../../src/viz/index';
import type { HeatmapCell, HeatmapHandle } from '../../../src/viz/index';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`missing #${id}`);
  return el;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function causal(rows: number, cols: number): Uint8Array {
  const b = new Uint8Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) b[r * cols + c] = c > r ? 1 : 0;
  return b;
}

function readout(id: string, values: ArrayLike<number>, cols: number, blocked: ArrayLike<number>) {
  return (cell: HeatmapCell | null) => {
    byId(id).textContent = cell === null ? '' :
      `row ${cell.row}, col ${cell.col}: ${blocked[cell.row * cols + cell.col] ? 'masked' : (values[cell.row * cols + cell.col] ?? NaN).toFixed(3)}`;
  };
}

const tokens = ['<bos>', 'The', 'cat', 'sat', 'on', '<pad>'];
const n = 6;
const rand = rng(7);
const scores = new Float32Array(n * n).map(() => (rand() - 0.5) * 6);
const blocked = causal(n, n);
// Row 2 is fully masked for the demo (all keys blocked); row 5 is a padded query.
for (let c = 0; c < n; c++) blocked[2 * n + c] = 1;
const masked = scores.map((v, i) => (blocked[i] ? -Infinity : v));
const weights = new Float32Array(n * n);
for (let r = 0; r < n; r++) {
  let max = -Infinity;
  for (let c = 0; c < n; c++) max = Math.max(max, masked[r * n + c] ?? -Infinity);
  if (max === -Infinity) continue;
  let sum = 0;
  for (let c = 0; c < n; c++) sum += Math.exp((masked[r * n + c] ?? 0) - max);
  for (let c = 0; c < n; c++) weights[r * n + c] = Math.exp((masked[r * n + c] ?? 0) - max) / sum;
}
const greyRows = Uint8Array.from([0, 0, 0, 0, 0, 1]);
const flaggedRows = Uint8Array.from([0, 0, 1, 0, 0, 0]);

const wColor = sequentialScale();
const handles: Record<string, HeatmapHandle> = {};
handles.weights = drawHeatmap(byId('weights'), {
  values: weights, rows: n, cols: n, rowLabels: tokens, colLabels: tokens, color: wColor,
  blocked, greyRows, flaggedRows, title: 'weights (causal)', ariaLabel: 'attention weights',
  onHover: readout('weights-readout', weights, n, blocked),
});
drawLegend(byId('weights-legend'), { color: wColor, title: 'weight', blockedLabel: 'masked (−∞)' });

const sColor = divergingScale(scores);
const rowSpec = {
  values: scores, rows: n, cols: n, rowLabels: tokens, colLabels: tokens, color: sColor,
  greyRows, title: 'scores Q·Kᵀ', ariaLabel: 'attention scores',
  onHover: readout('scores-readout', scores, n, new Uint8Array(n * n)),
};
handles.scores = drawHeatmap(byId('scores'), rowSpec);
drawLegend(byId('scores-legend'), { color: sColor, title: 'score', blockedLabel: '' });

const N = 512;
const big = new Float32Array(N * N);
for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) big[r * N + c] = Math.sin(r / 23) * Math.cos(c / 37) * 3 + (rand() - 0.5) * 0.6;
const bigBlocked = causal(N, N);
for (let r = 0; r < N; r++) for (let c = N - 40; c < N; c++) bigBlocked[r * N + c] = 1; // key padding
const bigFlagged = new Uint8Array(N);
bigFlagged[100] = 1;
const bigGrey = new Uint8Array(N);
for (let r = N - 30; r < N; r++) bigGrey[r] = 1;
const bColor = divergingScale(big, bigBlocked);
const labels = Array.from({ length: N }, (_, i) => `t${i}`);
const t0 = performance.now();
handles.big = drawHeatmap(byId('big'), {
  values: big, rows: N, cols: N, rowLabels: labels, colLabels: labels, color: bColor,
  blocked: bigBlocked, greyRows: bigGrey, flaggedRows: bigFlagged, title: 'logits 512×512', ariaLabel: 'big',
  onHover: readout('big-readout', big, N, bigBlocked),
});
const t1 = performance.now();
drawLegend(byId('big-legend'), { color: bColor, title: 'logit', blockedLabel: 'masked (−∞)', width: 260 });

// Cross-attention, Lq = 4, Lk = 9, bottom-right causal, last two keys are padding, long labels,
// projector font size.
const q = ['Le', 'chat', 'est', 'extraordinairement'];
const k = ['The', 'cat', 'is', 'extraordinarily', 'fluffy', 'today', '.', '<pad>', '<pad>'];
const crossBlocked = new Uint8Array(4 * 9);
for (let r = 0; r < 4; r++) for (let c = 0; c < 9; c++) crossBlocked[r * 9 + c] = c > r + 9 - 4 || c >= 7 ? 1 : 0;
const crossW = new Float32Array(4 * 9).map((_, i) => (crossBlocked[i] ? 0 : rand()));
const cColor = sequentialScale();
handles.cross = drawHeatmap(byId('cross'), {
  values: crossW, rows: 4, cols: 9, rowLabels: q, colLabels: k, color: cColor, blocked: crossBlocked,
  fontSize: 16, title: 'cross-attention (bottom-right causal + key padding)', ariaLabel: 'cross',
  rowAxisTitle: 'query (decoder)', colAxisTitle: 'key (encoder)',
  onHover: readout('cross-readout', crossW, 9, crossBlocked),
});
drawLegend(byId('cross-legend'), { color: cColor, title: 'weight', blockedLabel: 'masked (−∞)', fontSize: 16, width: 240 });

const words = 'the quick brown fox jumps over a lazy dog while seven wizards quietly hex my jolly bad'.split(' ');
const R = 40, C = 64;
const midVals = new Float32Array(R * C).map(() => (rand() - 0.5) * 10);
const midBlocked = new Uint8Array(R * C);
for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) midBlocked[r * C + c] = Math.floor(r / 10) !== Math.floor(c / 16) ? 1 : 0; // document mask
handles.mid = drawHeatmap(byId('mid'), {
  values: midVals, rows: R, cols: C, color: divergingScale(midVals, midBlocked), blocked: midBlocked,
  rowLabels: Array.from({ length: R }, (_, i) => words[i % words.length] ?? ''),
  colLabels: Array.from({ length: C }, (_, i) => words[i % words.length] ?? ''),
  title: 'document mask 40×64', ariaLabel: 'mid', onHover: readout('mid-readout', midVals, C, midBlocked),
});

const bigSpec = {
  values: big, rows: N, cols: N, rowLabels: labels, colLabels: labels, color: bColor,
  blocked: bigBlocked, greyRows: bigGrey, flaggedRows: bigFlagged, title: 'logits 512×512', ariaLabel: 'big',
};
Object.assign(window as unknown as Record<string, unknown>, { __vizDemo: { handles, drawMs: t1 - t0, bigSpec, rowSpec, api: { drawHeatmap, sequentialScale } } });
