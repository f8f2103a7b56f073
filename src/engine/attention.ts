/**
 * Scaled dot-product attention on TensorFlow.js, stage by stage (Vaswani et al. 2017, eq. 1):
 * scores = Q·Kᵀ, scaled = scores × scale, logits = softcap(scaled + ALiBi bias),
 * masked = where(mask, logits, −∞), weights = softmax(masked) over keys, output = weights·V.
 * The tensors are built by tfStages.ts, the engine's one tfjs stage builder.
 */
import { checkAttentionInputs } from './checkInputs';
import { allHeads, allocateHead, joinStages, type StageSet } from './headStages';
import { applyMask, rowStatuses } from './rowStatus';
import { computeRowsTf } from './tfChunks';
import { checkPrecision, planTf } from './tfPlan';
import { backendPrecision, readStagesTf, textureLimit } from './tfStages';
import type { AttentionInputs, AttentionStages } from './types';

export { applyScoreMods, maskedSoftmax } from './tfStages';

/**
 * Computes every stage for every batch item and head on the active tfjs backend: all at once when
 * the whole batch fits in one chunk and the device's texture limit (planTf), else one head and
 * block of query rows at a time (computeRowsTf). Same numbers either way.
 *
 * The mask is applied by selection, never by adding a large negative number. The softmax
 * subtracts the row maximum over the allowed cells only; a fully masked row gets weights 0 and
 * output 0 (PyTorch ≥ 2.5 SDPA, FlashAttention, `jax.nn.softmax(where=)`), never NaN.
 * Score modifiers (`inputs.scoreMods`, scoreMods.ts) act between `scaled` and the mask.
 * Every tensor it creates is disposed before it resolves.
 *
 * @param inputs q [B,H,Lq,dK], k [B,H,Lk,dK], v [B,H,Lk,dV], masks, optional scale (default
 *   1/√dK) and score modifiers.
 * @returns the stages as row-major typed arrays (see AttentionStages).
 * @throws Error when an array's length does not match the shape (message names the argument), or
 *   a score modifier is out of range (see checkScoreMods); RangeError on float16 textures when
 *   Lq + Lk exceeds 2048 (checkPrecision).
 */
export async function computeAttention(inputs: AttentionInputs): Promise<AttentionStages> {
  checkAttentionInputs(inputs, 'computeAttention');
  checkPrecision(inputs.shape, backendPrecision());
  const plan = planTf(inputs.shape, textureLimit());
  if (plan.wholeBatch) return computeWholeBatchTf(inputs);
  const { shape } = inputs;
  const set: StageSet = { shape, heads: allHeads(shape).map((r) => allocateHead(shape, r.batch, r.head)) };
  for (const out of set.heads) {
    for (let start = 0; start < shape.queryLength; start += plan.rows) {
      await computeRowsTf(inputs, out!, start, Math.min(shape.queryLength, start + plan.rows));
    }
  }
  return joinStages(set)!;
}

/**
 * Every head at once in one tfjs computation (fewer dispatches and read-backs), for inputs already
 * checked and planned to fit (planTf(…).wholeBatch).
 */
export async function computeWholeBatchTf(inputs: AttentionInputs): Promise<AttentionStages> {
  const arrays = await readStagesTf(inputs, { kind: 'whole' });
  return {
    shape: inputs.shape,
    ...arrays,
    masked: applyMask(arrays.logits, arrays.mask),
    rowStatus: rowStatuses(arrays.mask, inputs.queryIsReal, inputs.shape),
  };
}
