/**
 * The plain-JavaScript engine path: every stage of one (batch item, head), one block of query rows
 * at a time, as float32 arrays computed with float64 arithmetic. Same definitions as the tfjs path
 * (attention.ts) and the float64 reference (reference.ts): scores = Q·Kᵀ, scaled = scores × scale,
 * logits = softcap(scaled + ALiBi), masked = where(mask, logits, −∞), weights = softmax over the
 * allowed keys (a fully masked row gets 0s), output = weights·V.
 *
 * On a software WebGL renderer and at small sizes this beats tfjs, which pays for shader
 * dispatch and read-back (BENCHMARKS.md).
 */
import type { HeadStages } from './headStages';
import { compileMaskRows, type MaskRowFn } from './mask';
import { alibiSlope, changesLogits, checkScoreMods, effectiveScale } from './scoreMods';
import { rowFlags } from './rowStatus';
import type { AttentionInputs } from './types';
import { headKernel } from './wasm/attentionKernels';

/** What every row of a computation shares, prepared once: the scale, the mask rows, the modifiers. */
export interface JsPlan {
  inputs: AttentionInputs;
  scale: number;
  maskRow: MaskRowFn;
  /** ALiBi slope per head, or null when ALiBi is off. */
  slopes: number[] | null;
  softcap: number | null;
  /** No modifier changes the logits: they equal `scaled` (allocateHead may share one array). */
  logitsAreScaled: boolean;
}

/**
 * Prepares a computation.
 * @throws Error when a score modifier is out of range or the mask is ill-typed or reads a missing table.
 */
export function planJs(inputs: AttentionInputs): JsPlan {
  const { shape, scoreMods: mods } = inputs;
  checkScoreMods(mods, 'planJs');
  const modded = changesLogits(mods);
  return {
    inputs,
    scale: effectiveScale(shape.dK, inputs.scale, mods),
    maskRow: compileMaskRows(inputs.mask.expr, { Lq: shape.queryLength, Lk: shape.keyLength, tables: inputs.mask.tables }),
    slopes: modded && mods?.alibi ? Array.from({ length: shape.heads }, (_, h) => alibiSlope(h, shape.heads)) : null,
    softcap: modded ? (mods?.softcap ?? null) : null,
    logitsAreScaled: !modded,
  };
}

/**
 * Fills query rows [rowStart, rowEnd) of `out` (the stages of out.batch, out.head).
 * @param out from allocateHead(shape, b, h).
 * @param knownScores this head's raw scores Q·Kᵀ, [Lq × Lk], from an earlier run on the same Q
 *   and K: copied instead of recomputed (a mask or modifier change leaves them as they were).
 * @throws RangeError when the rows are outside [0, Lq) or `knownScores` is not [Lq × Lk].
 */
export function computeRowsJs(plan: JsPlan, out: HeadStages, rowStart: number, rowEnd: number, knownScores?: Float32Array): void {
  const { queryLength: Lq, keyLength: Lk, dV } = plan.inputs.shape;
  if (!(rowStart >= 0 && rowStart <= rowEnd && rowEnd <= Lq)) {
    throw new RangeError(`computeRowsJs: rows [${rowStart}, ${rowEnd}) outside [0, ${Lq})`);
  }
  if (knownScores && knownScores.length !== Lq * Lk) {
    throw new RangeError(`computeRowsJs: known scores have ${knownScores.length} values, expected Lq·Lk = ${Lq * Lk}`);
  }
  const acc = new Float64Array(dV);
  if (knownScores) out.scores.set(knownScores.subarray(rowStart * Lk, rowEnd * Lk), rowStart * Lk);
  else scoreRows(plan, out, rowStart, rowEnd);
  for (let i = rowStart; i < rowEnd; i++) {
    plan.maskRow(out.batch, out.head, i, out.mask, i * Lk);
    const max = logitRow(plan, out, i);
    const allowed = softmaxRow(out, i * Lk, Lk, max);
    outputRow(plan, out, i, acc);
    out.rowStatus[i] = rowFlags(allowed, plan.inputs.queryIsReal[out.batch]?.[i] !== false);
  }
}

/**
 * scores of rows [start, end): with the WebAssembly SIMD kernel when it runs here
 * (wasm/attentionKernels.ts), else in JS: two query rows by four keys at a time, so each key
 * value loaded serves two rows and each query value four keys (register blocking).
 */
function scoreRows(plan: JsPlan, out: HeadStages, start: number, end: number): void {
  const kernel = headKernel(plan, plan.inputs, out.batch, out.head);
  if (kernel) return kernel.scoreRows(start, end, out.scores);
  let i = start;
  for (; i + 2 <= end; i += 2) scorePair(plan, out, i);
  if (i < end) scoreSingle(plan, out, i);
}

/** Offsets of row i's query vector and of this head's keys. */
function bases(plan: JsPlan, out: HeadStages, i: number): { qo: number; kBase: number } {
  const { heads: H, queryLength: Lq, keyLength: Lk, dK } = plan.inputs.shape;
  const bh = out.batch * H + out.head;
  return { qo: (bh * Lq + i) * dK, kBase: bh * Lk * dK };
}

function scorePair(plan: JsPlan, out: HeadStages, i: number): void {
  const { q, k, shape } = plan.inputs;
  const { keyLength: Lk, dK } = shape;
  const { qo, kBase } = bases(plan, out, i);
  const scores = out.scores;
  const r0 = i * Lk;
  const r1 = r0 + Lk;
  let j = 0;
  for (; j + 4 <= Lk; j += 4) {
    const k0 = kBase + j * dK;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    for (let d = 0; d < dK; d++) {
      const x = q[qo + d] as number;
      const y = q[qo + dK + d] as number;
      const c0 = k[k0 + d] as number, c1 = k[k0 + dK + d] as number, c2 = k[k0 + 2 * dK + d] as number, c3 = k[k0 + 3 * dK + d] as number;
      a0 += x * c0; a1 += x * c1; a2 += x * c2; a3 += x * c3;
      b0 += y * c0; b1 += y * c1; b2 += y * c2; b3 += y * c3;
    }
    scores[r0 + j] = a0; scores[r0 + j + 1] = a1; scores[r0 + j + 2] = a2; scores[r0 + j + 3] = a3;
    scores[r1 + j] = b0; scores[r1 + j + 1] = b1; scores[r1 + j + 2] = b2; scores[r1 + j + 3] = b3;
  }
  for (; j < Lk; j++) {
    scores[r0 + j] = dot(q, qo, k, kBase + j * dK, dK);
    scores[r1 + j] = dot(q, qo + dK, k, kBase + j * dK, dK);
  }
}

function scoreSingle(plan: JsPlan, out: HeadStages, i: number): void {
  const { q, k, shape } = plan.inputs;
  const { keyLength: Lk, dK } = shape;
  const { qo, kBase } = bases(plan, out, i);
  for (let j = 0; j < Lk; j++) out.scores[i * Lk + j] = dot(q, qo, k, kBase + j * dK, dK);
}

function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  let s = 0;
  for (let d = 0; d < n; d++) s += (a[ao + d] as number) * (b[bo + d] as number);
  return s;
}

/**
 * scaled = scores × scale and logits (ALiBi, soft-cap) of row i, in one pass over the row; `masked`
 * is not stored (HeadStages).
 * @returns the largest allowed logit as stored (float32), −∞ when the mask allows no key.
 */
function logitRow(plan: JsPlan, out: HeadStages, i: number): number {
  if (plan.slopes === null && plan.softcap === null) return plainLogitRow(plan, out, i);
  const { queryLength: Lq, keyLength: Lk } = plan.inputs.shape;
  const { scores, scaled, logits, mask } = out;
  const row = i * Lk;
  const slope = plan.slopes ? (plan.slopes[out.head] as number) : 0;
  const cap = plan.softcap;
  const position = i + Lk - Lq;
  let max = -Infinity;
  for (let j = 0; j < Lk; j++) {
    let x = Math.fround((scores[row + j] as number) * plan.scale);
    scaled[row + j] = x;
    if (slope !== 0 && j !== position) x -= slope * Math.abs(position - j);
    if (cap !== null) x = cap * Math.tanh(x / cap);
    x = Math.fround(x);
    logits[row + j] = x;
    if (mask[row + j] && x > max) max = x;
  }
  return max;
}

/** logitRow without modifiers: logits = scaled (the common case, kept to the loads and stores it needs). */
function plainLogitRow(plan: JsPlan, out: HeadStages, i: number): number {
  const { scores, scaled, logits, mask } = out;
  const { scale } = plan;
  const row = i * plan.inputs.shape.keyLength;
  const end = row + plan.inputs.shape.keyLength;
  let max = -Infinity;
  for (let c = row; c < end; c++) {
    const x = Math.fround((scores[c] as number) * scale);
    scaled[c] = x;
    if (logits !== scaled) logits[c] = x;
    if (mask[c] && x > max) max = x;
  }
  return max;
}

/**
 * Softmax of the allowed logits of one row into `weights` (`max`, the largest allowed logit, subtracted).
 * @returns false when no key is allowed (the weights stay 0).
 */
function softmaxRow(out: HeadStages, row: number, Lk: number, max: number): boolean {
  const { logits, mask, weights } = out;
  if (max === -Infinity) {
    weights.fill(0, row, row + Lk);
    return false;
  }
  let sum = 0;
  for (let c = row; c < row + Lk; c++) {
    const e = mask[c] ? Math.exp((logits[c] as number) - max) : 0;
    weights[c] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let c = row; c < row + Lk; c++) weights[c] = (weights[c] as number) * inv;
  return true;
}

/**
 * output row i = Σ_j weights[i, j] · V[j], over the keys with a weight: with the WebAssembly SIMD
 * kernel when it runs here (same sums, same order), else in JS four keys at a time (one load and
 * store of the accumulator per four value rows).
 */
function outputRow(plan: JsPlan, out: HeadStages, i: number, acc: Float64Array): void {
  const kernel = headKernel(plan, plan.inputs, out.batch, out.head);
  if (kernel) return kernel.outputRow(out.weights, i, out.output);
  const { v, shape } = plan.inputs;
  const { heads: H, keyLength: Lk, dV } = shape;
  const vBase = (out.batch * H + out.head) * Lk * dV;
  const weights = out.weights;
  const row = i * Lk;
  acc.fill(0);
  let j = 0;
  for (; j + 4 <= Lk; j += 4) {
    const w0 = weights[row + j] as number, w1 = weights[row + j + 1] as number;
    const w2 = weights[row + j + 2] as number, w3 = weights[row + j + 3] as number;
    if (w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0) continue;
    const v0 = vBase + j * dV;
    for (let d = 0; d < dV; d++) {
      acc[d] = (acc[d] as number) + w0 * (v[v0 + d] as number) + w1 * (v[v0 + dV + d] as number) + w2 * (v[v0 + 2 * dV + d] as number) + w3 * (v[v0 + 3 * dV + d] as number);
    }
  }
  for (; j < Lk; j++) {
    const w = weights[row + j] as number;
    if (w === 0) continue;
    const vo = vBase + j * dV;
    for (let d = 0; d < dV; d++) acc[d] = (acc[d] as number) + w * (v[vo + d] as number);
  }
  out.output.set(acc, i * dV);
}
