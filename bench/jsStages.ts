/**
 * The JS path's time split by stage, without touching src/: runAttention on input variants and
 * the engine's own exported pieces, timed separately.
 * - mask rows: planJs(inputs).maskRow over every row of every head (the compiled mask of the path);
 * - Q·Kᵀ: runAttention(dK = 64) − runAttention(dK = 1), × 64/63 (the dot products' share);
 * - W·V: runAttention(dV = 64) − runAttention(dV = 1), × 64/63;
 * - allocation: allocateHead for every head (8 zero-filled [L × L] stage arrays);
 * - softmax & rest: the remainder (scale, logits, softmax, row status, block loop).
 * Each piece is the fastest of several interleaved rounds: the differences are small at small
 * sizes and timing noise (GC, other processes) only ever adds time.
 */
import { allocateHead } from '../src/engine/headStages';
import { planJs } from '../src/engine/jsAttention';
import { runAttention } from '../src/engine/runner';
import type { AttentionInputs } from '../src/engine/types';
import { D_K, inputsFor, narrowed } from './inputs';
import { callsFor, timePerCall } from './timing';

export interface JsStageSplit {
  totalMs: number;
  maskMs: number;
  scoresMs: number;
  outputMs: number;
  allocMs: number;
  /** totalMs − the others: scale, logits, softmax, row status. */
  softmaxRestMs: number;
  rounds: number;
}

function maskRows(inputs: AttentionInputs): void {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk } = inputs.shape;
  const plan = planJs(inputs);
  const out = new Uint8Array(Lq * Lk);
  for (let b = 0; b < B; b++) for (let h = 0; h < H; h++) for (let q = 0; q < Lq; q++) plan.maskRow(b, h, q, out, q * Lk);
}

function allocate(inputs: AttentionInputs): number {
  const { batch: B, heads: H } = inputs.shape;
  let n = 0;
  for (let b = 0; b < B; b++) for (let h = 0; h < H; h++) n += allocateHead(inputs.shape, b, h).weights.length;
  return n;
}

/**
 * The fastest of each piece over interleaved rounds: at least `minRounds`, more (up to
 * `maxRounds`) while `budgetMs` lasts.
 */
export async function jsStages(B: number, H: number, L: number, minRounds: number, maxRounds: number, budgetMs: number): Promise<JsStageSplit> {
  const full = inputsFor(B, H, L);
  const noK = narrowed(full, 'dK');
  const noV = narrowed(full, 'dV');
  const pieces = {
    full: () => runAttention(full, { path: 'js' }),
    noK: () => runAttention(noK, { path: 'js' }),
    noV: () => runAttention(noV, { path: 'js' }),
    mask: () => maskRows(full),
    alloc: () => allocate(full),
  };
  const calls = callsFor(B * H * L * L);
  const best = { full: Infinity, noK: Infinity, noV: Infinity, mask: Infinity, alloc: Infinity };
  const start = performance.now();
  let rounds = 0;
  while (rounds < minRounds || (rounds < maxRounds && performance.now() - start < budgetMs)) {
    for (const [name, fn] of Object.entries(pieces)) best[name as keyof typeof best] = Math.min(best[name as keyof typeof best], await timePerCall(fn, calls));
    rounds++;
  }
  const share = D_K / (D_K - 1);
  const scoresMs = (best.full - best.noK) * share;
  const outputMs = (best.full - best.noV) * share;
  const softmaxRestMs = best.full - best.mask - scoresMs - outputMs - best.alloc;
  return { totalMs: best.full, maskMs: best.mask, scoresMs, outputMs, allocMs: best.alloc, softmaxRestMs, rounds };
}
