/**
 * From token batches to the engine's inputs: Q from the query side, K and V from the key side.
 */
import { embedBatch, modelWidth, projectHeads, type ProjectionSettings } from './projections';
import type { SequenceBatch } from './sequences';
import type { MaskExpr, MaskTables } from './mask';
import { buildMaskSpec } from './masks';
import type { AttentionInputs, MaskSpec } from './types';

/** Which masks are on. */
export interface MaskSettings {
  causal: null | 'bottom-right' | 'top-left';
  keyPadding: boolean;
  queryPadding: boolean;
  /** Further masks (catalogue, custom formula), and-ed after causal and key padding. */
  extra?: { expr: MaskExpr; tables: MaskTables }[];
}

/**
 * Builds Q [B,H,Lq,dK], K [B,H,Lk,dK], V [B,H,Lk,dK] and the mask spec.
 * For self-attention pass the same batch as `query` and `key`. Cross-attention uses the source's
 * padding for its keys and the target's padding for its queries.
 * @throws Error when the two sides have different batch sizes.
 */
export function buildAttentionInputs(
  query: SequenceBatch,
  key: SequenceBatch,
  settings: ProjectionSettings,
  masks: MaskSettings,
): AttentionInputs {
  const batch = query.tokens.length;
  if (key.tokens.length !== batch) {
    throw new Error(`buildAttentionInputs: query side has ${batch} sequences, key side ${key.tokens.length}`);
  }
  const width = modelWidth(settings.dK);
  const xq = embedBatch(query, settings.seed, width);
  const xk = key === query ? xq : embedBatch(key, settings.seed, width);
  const qShape = { batch, length: query.length, width };
  const kShape = { batch, length: key.length, width };
  const mask: MaskSpec = buildMaskSpec({
    causal: masks.causal,
    keyIsReal: masks.keyPadding ? key.isReal : null,
    extra: masks.extra?.map((m) => m.expr),
    extraTables: Object.assign({}, ...(masks.extra ?? []).map((m) => m.tables)) as MaskTables,
  });
  const allReal = query.isReal.map((row) => row.map(() => true));
  return {
    shape: { batch, heads: settings.heads, queryLength: query.length, keyLength: key.length, dK: settings.dK, dV: settings.dK },
    q: projectHeads(xq, qShape, 'W_Q', settings),
    k: projectHeads(xk, kShape, 'W_K', settings),
    v: projectHeads(xk, kShape, 'W_V', settings),
    mask,
    queryIsReal: masks.queryPadding ? query.isReal.map((row) => [...row]) : allReal,
  };
}
