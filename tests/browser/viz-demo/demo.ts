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
handles.scores = drawHeatmap(byId('scores'), {
  values: scores, rows: n, cols: n, rowLabels: tokens, colLabels: tokens, color: sColor,
  greyRows, title: 'scores Q·Kᵀ', ariaLabel: 'attention scores',
  onHover: readout('scores-readout', scores, n, new Uint8Array(n * n)),
});
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
Object.assign(window as unknown as Record<string, unknown>, { __vizDemo: { handles, drawMs: t1 - t0 } });
