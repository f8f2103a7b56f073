/**
 * Global + local attention (Longformer): a bidirectional window plus global tokens that attend to
 * and are attended by every position.
 */
import { abs, label, le, lookup, or, sub, vars } from '../expr';
import type { MaskTable } from '../tables';
import { defineMask, queryPosition, type MaskBuildContext } from './types';

/**
 * The `globalTokens` table [B, Lk] (1 = global) of a context: its `globalTokens`, or — when the
 * scenario has none — the first token of every row (Longformer's [CLS]).
 */
export function globalTokensTable(context: MaskBuildContext): MaskTable {
  const { batch, keyLength } = context;
  if (context.globalTokens) return { shape: [batch, keyLength], data: context.globalTokens };
  const data = new Uint8Array(batch * keyLength);
  for (let b = 0; b < batch; b++) data[b * keyLength] = 1;
  return { shape: [batch, keyLength], data };
}

/**
 * Global + local (Longformer): a bidirectional window of W keys on each side, plus global tokens.
 * Rule: |q − k| ≤ W or globalTokens[b][k] or globalTokens[b][q] (bottom-right: q is read at key
 * position q + Lk − Lq; a query before key 0 is never global).
 * Example, W = 1, L = 5, token 0 global: [[1,1,1,1,1],[1,1,1,0,0],[1,1,1,1,0],[1,0,1,1,1],[1,0,0,1,1]].
 * Tables: globalTokens [B, Lk] from the context (clicked tokens), default token 0 of each row.
 * Source: Beltagy et al. 2020, "Longformer" §3.1 (windowed + global attention, symmetric).
 */
export const globalLocal = defineMask({
  id: 'global-local',
  name: 'Global + local (Longformer)',
  params: [{ name: 'W', default: 1, min: 0, max: 4096, integer: true, description: 'window keys on each side of the query (Longformer w = 2W)' }],
  make: ({ W }, context) => {
    const { b, k } = vars;
    const position = queryPosition(context);
    return {
      expr: label('global + local', or(
        label('window', le(abs(sub(position, k)), W)),
        label('global key', lookup('globalTokens', b, k)),
        label('global query', lookup('globalTokens', b, position)),
      )),
      tables: { globalTokens: globalTokensTable(context) },
    };
  },
  source: 'Beltagy et al. 2020, "Longformer: The Long-Document Transformer" §3.1: sliding window of w (w/2 each ' +
    'side) plus global attention on preselected tokens, symmetric (a global token attends to all, all attend to it).',
  equivalents: 'Hugging Face Longformer attention_window = 2W and global_attention_mask = globalTokens (1 = global); ' +
    'the original allenai/longformer attention_mask used 2 for global; BigBird ETC global tokens; FlexAttention mask_mod ' +
    '`abs(q_idx - kv_idx) <= W | is_global[b, kv_idx] | is_global[b, q_idx]`. Longformer also uses separate ' +
    'projections for global attention — a weight difference, not a mask difference.',
});
