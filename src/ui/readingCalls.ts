/**
 * The framework calls that give each reading of a causal mask in a padded batch (issue #11 §3),
 * by alignment. Bottom-right: FlashAttention's variable-length kernel counts each item's real
 * lengths (`flash_attn_varlen_func`, as KV-cache decoding does); its dense kernel on the padded
 * tensors uses the padded shape (`flash_attn_func`). Top-left: PyTorch SDPA `is_causal=True`
 * called on each item alone gives the real-length reading, called on the padded batch the padded
 * shape. Sources: flash-attn 2.x README ("causal" aligned to the bottom-right corner since 2.1);
 * PyTorch `scaled_dot_product_attention` docs (`is_causal` is a top-left lower-triangular mask).
 */
import type { Scenario } from '../state/scenario';

/** Code, the same in every language: interpolated into the `readings.*` and `lesson.explain.readings*` texts. */
export function readingCalls(alignment: Scenario['causalAlignment']): { realCalls: string; paddedCalls: string } {
  return alignment === 'bottom-right'
    ? { realCalls: 'flash_attn_varlen_func(causal=True)', paddedCalls: 'flash_attn_func(causal=True)' }
    : { realCalls: 'scaled_dot_product_attention(is_causal=True)', paddedCalls: 'scaled_dot_product_attention(is_causal=True)' };
}
