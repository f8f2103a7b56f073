/**
 * One (batch item, head) slice of every stage, as the heatmaps draw it. Pure; no copies of the
 * large arrays, except the small per-row flag arrays; the blocked flags are the ones the worker
 * sent with a large head, else derived once per mask array (engine/blockedFlags.ts).
 */
import { blockedFlags } from '../engine/blockedFlags';
import { headIndex, type HeadStages, type StageSet } from '../engine/headStages';
import type { StagePyramids } from '../engine/stagePyramids';
import { RowStatus, type AttentionInputs, type AttentionShape } from '../engine/types';

export interface StageSlice {
  batch: number;
  head: number;
  rows: number;
  cols: number;
  dV: number;
  scores: Float32Array;
  scaled: Float32Array;
  /** The masked scores are not stored: where(mask, logits, −∞), read with maskedAt. */
  logits: Float32Array;
  weights: Float32Array;
  /** 1 = may attend, [Lq × Lk]. */
  mask: Uint8Array;
  /** 1 = blocked, [Lq × Lk]. */
  blocked: Uint8Array;
  /** [Lq × dV]. */
  output: Float32Array;
  /** 1 = padded query row, [Lq]. */
  paddedRows: Uint8Array;
  /** 1 = fully masked row, [Lq]. */
  fullyMaskedRows: Uint8Array;
  /** The pooled pyramids the worker built for the cell stages (large heads only). */
  pyramids?: StagePyramids;
}

/**
 * The slice of (batch, head) of a StageSet, as the heatmaps draw it.
 * @returns null when that head has not been computed (yet).
 * @throws RangeError when batch or head is outside the set's shape.
 */
export function sliceStages(set: StageSet, batch: number, head: number): StageSlice | null {
  const { batch: B, heads: H } = set.shape;
  if (batch < 0 || batch >= B || head < 0 || head >= H) {
    throw new RangeError(`sliceStages: (batch ${batch}, head ${head}) outside B=${B}, H=${H}`);
  }
  const stages = set.heads[headIndex(set.shape, batch, head)];
  return stages ? sliceHead(stages, set.shape) : null;
}

/** The slice of one computed head (its batch item and head from `stages`), of a set of shape `shape`. */
export function sliceHead(stages: HeadStages, shape: Pick<AttentionShape, 'queryLength' | 'keyLength' | 'dV'>): StageSlice {
  const status = stages.rowStatus;
  return {
    batch: stages.batch,
    head: stages.head,
    rows: shape.queryLength,
    cols: shape.keyLength,
    dV: shape.dV,
    scores: stages.scores,
    scaled: stages.scaled,
    logits: stages.logits,
    weights: stages.weights,
    mask: stages.mask,
    blocked: stages.blocked ?? blockedFlags(stages.mask),
    output: stages.output,
    paddedRows: rowFlags(status).padded,
    fullyMaskedRows: rowFlags(status).fullyMasked,
    pyramids: stages.pyramids,
  };
}

/**
 * Cell i (row-major, [rows × cols]) of the masked scores, where(mask, logits, −∞) (DESIGN.md §1):
 * the logit where the key may be attended, −∞ where it is blocked. A head stores no `masked`
 * (headStages.ts); this reads it from the logits and the mask.
 */
export function maskedAt(slice: Pick<StageSlice, 'logits' | 'mask'>, i: number): number {
  return slice.mask[i] ? (slice.logits[i] as number) : -Infinity;
}

/** The row flags already derived, by rowStatus array (never written once a result holds it). */
const flagsOf = new WeakMap<Uint8Array, { padded: Uint8Array; fullyMasked: Uint8Array }>();

/**
 * The padded-query and fully-masked flags of `status`: the same arrays for the same rowStatus
 * array on every call (so a heatmap whose rows did not change is not redrawn), never to be written.
 */
function rowFlags(status: Uint8Array): { padded: Uint8Array; fullyMasked: Uint8Array } {
  let flags = flagsOf.get(status);
  if (!flags) {
    flags = { padded: hasFlag(status, RowStatus.paddedQuery), fullyMasked: hasFlag(status, RowStatus.fullyMasked) };
    flagsOf.set(status, flags);
  }
  return flags;
}

function hasFlag(status: Uint8Array, flag: number): Uint8Array {
  const out = new Uint8Array(status.length);
  for (let i = 0; i < status.length; i++) out[i] = (status[i] as number) & flag ? 1 : 0;
  return out;
}

/** Counts the fully masked (b, h, q) rows of the computed heads, and how many heads that covers. */
export function countFullyMasked(set: StageSet): { rows: number; heads: number } {
  let rows = 0;
  let heads = 0;
  for (const stages of set.heads) {
    if (!stages) continue;
    heads++;
    for (const s of stages.rowStatus) if (s & RowStatus.fullyMasked) rows++;
  }
  return { rows, heads };
}

/** Q, K and V of one (batch item, head): [Lq × dK], [Lk × dK], [Lk × dV], views of the inputs. */
export interface QkvSlice {
  q: Float32Array;
  k: Float32Array;
  v: Float32Array;
  queryLength: number;
  keyLength: number;
  dK: number;
  dV: number;
}

/**
 * The Q, K, V of (batch, head) from inputs [B,H,L,d] (views, no copies; the same view objects
 * for the same arrays, so a heatmap of vectors that did not change is not redrawn).
 * @returns null when the inputs hold no vectors (they stayed in the engine worker) or (batch, head)
 *   is outside their shape.
 */
export function sliceQkv(inputs: Pick<AttentionInputs, 'shape' | 'q' | 'k' | 'v'>, batch: number, head: number): QkvSlice | null {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = inputs.shape;
  if (batch < 0 || batch >= B || head < 0 || head >= H) return null;
  if (inputs.q.length !== B * H * Lq * dK || inputs.k.length !== B * H * Lk * dK || inputs.v.length !== B * H * Lk * dV) return null;
  const bh = batch * H + head;
  return {
    q: blockOf(inputs.q, bh, Lq * dK),
    k: blockOf(inputs.k, bh, Lk * dK),
    v: blockOf(inputs.v, bh, Lk * dV),
    queryLength: Lq,
    keyLength: Lk,
    dK,
    dV,
  };
}

/** The views already made, by array and then block index. */
const blocks = new WeakMap<Float32Array, Map<number, Float32Array>>();

/** Block `index` of `size` values of `array` (a view): the same view object on every call. */
function blockOf(array: Float32Array, index: number, size: number): Float32Array {
  let views = blocks.get(array);
  if (!views) blocks.set(array, (views = new Map()));
  let view = views.get(index);
  if (!view || view.length !== size) views.set(index, (view = array.subarray(index * size, (index + 1) * size)));
  return view;
}
