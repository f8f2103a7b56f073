/**
 * A mask that depends on the head: alternating local (sliding window) and global (causal) heads.
 */
import { cond, eq, label, mod, vars } from '../expr';
import { causalCondition, defineMask } from './types';
import { causalWindow } from './window';

/**
 * Alternating local / global heads: even heads use a causal sliding window of W keys, odd heads
 * full causal attention.
 * Rule: h mod 2 = 0 ? (q − W < k ≤ q) : (k ≤ q) (bottom-right q' = q + Lk − Lq).
 * Example, W = 2, L = 4: head 0 [[1,0,0,0],[1,1,0,0],[0,1,1,0],[0,0,1,1]],
 * head 1 [[1,0,0,0],[1,1,0,0],[1,1,1,0],[1,1,1,1]].
 * Source: per-head masks as in DuoAttention (Xiao et al. 2025: streaming heads vs retrieval heads);
 * Gemma 2 (Gemma Team 2024) and Llama 4 alternate local and global attention by layer.
 */
export const alternatingHeads = defineMask({
  id: 'alternating-heads',
  name: 'Alternating local / global heads',
  params: [{ name: 'W', default: 3, min: 1, max: 4096, integer: true, description: 'window of the even (local) heads: keys per row, including the query' }],
  make: ({ W }, context) => ({
    expr: label('alternating local/global heads', cond(
      eq(mod(vars.h, 2), 0),
      label('sliding window', causalWindow(W, context)),
      label('causal', causalCondition(context)),
    )),
    tables: {},
  }),
  source: 'Head-dependent masks (FlexAttention mask_mod(b, h, q_idx, kv_idx) reads h): DuoAttention (Xiao et al. ' +
    '2025, ICLR) gives streaming heads a sink + window and retrieval heads full attention. Gemma 2 (Gemma Team 2024) ' +
    'alternates a 4096-token sliding window and global attention by layer; here heads stand in for layers so ' +
    'both show side by side.',
  equivalents: 'FlexAttention mask_mod `torch.where(h % 2 == 0, (q_idx >= kv_idx) & (q_idx - kv_idx < W), q_idx >= kv_idx)` ' +
    'with create_block_mask(H = heads); PyTorch SDPA a [B, H, Lq, Lk] boolean attn_mask; Hugging Face Gemma 2 ' +
    'config sliding_window = W with layer_types alternating "sliding_attention" / "full_attention" (per layer).',
});
