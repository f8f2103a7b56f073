/**
 * From token batches to the engine's inputs: Q from the query side, K and V from the key side.
 */
import { embedBatch, modelWidth, projectHeads, type ProjectionSettings } from './projections';
import type { SequenceBatch } from './sequences';
import type { MaskExpr, MaskTables } from './mask';
import { buildMaskSpec } from './masks';
import type { CausalLengths } from './causalLengths';
import type { AttentionInputs, MaskSpec } from './types';

/** Which masks are on. */
export interface MaskSettings {
  causal: null | 'bottom-right' | 'top-left';
  /**
   * How causal reads a padded batch: each item's real lengths (FlashAttention varlen, KV-cache
   * decoding) or the padded shape (a dense kernel on the padded tensors). Default 'real'.
   */
  causalLengths?: CausalLengths;
  keyPadding: boolean;
  queryPadding: boolean;
  /** Further masks (catalogue, custom formula), and-ed after causal and key padding. */
  extra?: { expr: MaskExpr; tables: MaskTables }[];
}

/**
 * Builds Q [B,H,Lq,dK], K [B,H,Lk,dK], V [B,H,Lk,dK] and the mask spec.
 * For self-attention pass the same batch as `query` and `key`. Cross-attention uses the source's
 * padding for its keys and the target's padding for its queries.
 * @param options.vectors false skips the projections (the costly part at large sizes): q, k and v
 *   are then empty arrays, for callers that need only the shape and the mask.
 * @param options.heads project only these heads (the others' vectors are 0); all when absent.
 * @throws Error when the two sides have different batch sizes.
 */
export function buildAttentionInputs(
  query: SequenceBatch,
  key: SequenceBatch,
  settings: ProjectionSettings,
  masks: MaskSettings,
  options: { vectors?: boolean; heads?: readonly number[] } = {},
): AttentionInputs {
  const batch = query.tokens.length;
  if (key.tokens.length !== batch) {
    throw new Error(`buildAttentionInputs: query side has ${batch} sequences, key side ${key.tokens.length}`);
  }
  const width = modelWidth(settings.dK);
  const vectors = options.vectors !== false;
  const xq = vectors ? embedBatch(query, settings.seed, width) : new Float64Array(0);
  const xk = key === query || !vectors ? xq : embedBatch(key, settings.seed, width);
  const qShape = { batch, length: query.length, width };
  const kShape = { batch, length: key.length, width };
  const project = (x: Float64Array, shape: typeof qShape, name: string) => (vectors ? projectHeads(x, shape, name, settings, options.heads) : new Float32Array(0));
  const mask: MaskSpec = buildMaskSpec({
    causal: masks.causal,
    realLengths: (masks.causalLengths ?? 'real') === 'real' ? { queryIsReal: query.isReal, keyIsReal: key.isReal } : null,
    keyIsReal: masks.keyPadding ? key.isReal : null,
    extra: masks.extra?.map((m) => m.expr),
    extraTables: Object.assign({}, ...(masks.extra ?? []).map((m) => m.tables)) as MaskTables,
  });
  const allReal = query.isReal.map((row) => row.map(() => true));
  return {
    shape: { batch, heads: settings.heads, queryLength: query.length, keyLength: key.length, dK: settings.dK, dV: settings.dK },
    q: project(xq, qShape, 'W_Q'),
    k: project(xk, kShape, 'W_K'),
    v: project(xk, kShape, 'W_V'),
    mask,
    queryIsReal: masks.queryPadding ? query.isReal.map((row) => [...row]) : allReal,
  };
}
