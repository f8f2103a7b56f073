/**
 * Runs one attention computation on a chosen path, head by head and block of query rows by block,
 * reporting progress and awaiting a checkpoint between blocks (where a newer request cancels it).
 * tfjs is imported only when a tfjs path runs, so the plain-JS path never loads it.
 */
import { checkAttentionInputs } from './checkInputs';
import { changesLogits } from './scoreMods';
import { allHeads, allocateHead, headIndex, splitStages, type HeadStages, type StageSet } from './headStages';
import { computeRowsJs, planJs } from './jsAttention';
import { checkPrecision, planTf } from './tfPlan';
import { JS_BLOCK_CELLS } from './thresholds';
import type { AttentionInputs, AttentionShape, EnginePath, HeadRef } from './types';

export type { EnginePath, HeadRef } from './types';
export { allHeads } from './headStages';


export interface RunOptions {
  path: EnginePath;
  /** The (b, h) to compute; all B·H heads when absent. */
  heads?: HeadRef[];
  /**
   * WebGL MAX_TEXTURE_SIZE in texels (tfjs paths), 0 or absent = the device's own; the smaller
   * of this and the device's is kept.
   */
  maxTextureSize?: number;
  /** Called after each block with query rows done and in total (over every requested head). */
  onProgress?(done: number, total: number): void;
  /** Awaited between blocks; reject (throw) to cancel the run. */
  checkpoint?(): Promise<void>;
  /**
   * The raw scores Q·Kᵀ, [Lq × Lk], of head (b, h) from an earlier run on the same Q and K, or
   * null: the plain-JS path copies them instead of recomputing (a mask change keeps them).
   */
  knownScores?(batch: number, head: number): Float32Array | null;
}

// JS_BLOCK_CELLS: cells [rows × Lk] per plain-JS block (thresholds.ts)
export { JS_BLOCK_CELLS };

/**
 * Computes the requested heads.
 * On a tfjs path the backend must already be active (initBackend); every tensor is disposed.
 * @returns a StageSet with the requested heads filled and the others null.
 * @throws Error when the inputs are malformed (checkAttentionInputs), a head is out of range, or
 *   whatever `checkpoint` throws (cancellation); RangeError on a float16 backend when Lq + Lk
 *   exceeds F16_EXACT_POSITIONS (checkPrecision).
 */
export async function runAttention(inputs: AttentionInputs, options: RunOptions): Promise<StageSet> {
  checkAttentionInputs(inputs, 'runAttention');
  const { shape } = inputs;
  const refs = options.heads ?? allHeads(shape);
  for (const r of refs) checkHead(shape, r);
  const compute = options.path === 'js' ? jsBlocks(inputs, options.knownScores) : await tfBlocks(inputs, options);
  if ('whole' in compute) return compute.whole;
  const set: StageSet = { shape, heads: new Array<HeadStages | null>(shape.batch * shape.heads).fill(null) };
  const total = refs.length * shape.queryLength;
  let done = 0;
  for (const ref of refs) {
    const out = allocateHead(shape, ref.batch, ref.head, !changesLogits(inputs.scoreMods));
    for (let start = 0; start < shape.queryLength; start += compute.rows) {
      const end = Math.min(shape.queryLength, start + compute.rows);
      await compute.run(out, start, end);
      done += end - start;
      options.onProgress?.(done, total);
      await options.checkpoint?.();
    }
    set.heads[headIndex(shape, ref.batch, ref.head)] = out;
  }
  return set;
}

interface Blocks {
  rows: number;
  run(out: HeadStages, start: number, end: number): void | Promise<void>;
}

function jsBlocks(inputs: AttentionInputs, knownScores: RunOptions['knownScores']): Blocks {
  const plan = planJs(inputs);
  const rows = Math.max(1, Math.floor(JS_BLOCK_CELLS / inputs.shape.keyLength));
  return { rows, run: (out, start, end) => computeRowsJs(plan, out, start, end, knownScores?.(out.batch, out.head) ?? undefined) };
}

/**
 * The tfjs path under the smaller of the device's texture limit and `options.maxTextureSize`
 * (planTf): every head at once when all are asked for and they fit, else head by head in blocks.
 */
async function tfBlocks(inputs: AttentionInputs, options: RunOptions): Promise<Blocks | { whole: StageSet }> {
  const { backendPrecision, computeRowsTf, textureLimit } = await import('./tfChunks');
  checkPrecision(inputs.shape, backendPrecision());
  const plan = planTf(inputs.shape, textureLimit(options.maxTextureSize ?? 0));
  if (plan.wholeBatch && !options.heads) {
    const { computeWholeBatchTf } = await import('./attention');
    return { whole: splitStages(await computeWholeBatchTf(inputs)) };
  }
  return { rows: plan.rows, run: (out, start, end) => computeRowsTf(inputs, out, start, end) };
}

function checkHead(shape: AttentionShape, { batch, head }: HeadRef): void {
  if (!(Number.isInteger(batch) && batch >= 0 && batch < shape.batch && Number.isInteger(head) && head >= 0 && head < shape.heads)) {
    throw new Error(`runAttention: head (batch ${batch}, head ${head}) outside B=${shape.batch}, H=${shape.heads}`);
  }
}
