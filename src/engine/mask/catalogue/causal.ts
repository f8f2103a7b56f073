/**
 * Full attention, causal in both alignments, and the KV-cache decode step.
 */
import { bool, label, le, vars } from '../expr';
import { causalCondition, defineMask } from './types';

/**
 * Full (bidirectional) attention: every query may attend every key.
 * Rule: true. Example, Lq = Lk = 2: [[1,1],[1,1]].
 * Source: Vaswani et al. 2017 (encoder self-attention); BERT (Devlin et al. 2019).
 */
export const full = defineMask({
  id: 'full',
  name: 'Full (bidirectional)',
  params: [],
  make: () => ({ expr: label('full', bool(true)), tables: {} }),
  source: 'Vaswani et al. 2017, "Attention Is All You Need" (encoder self-attention); Devlin et al. 2019 (BERT).',
  equivalents: 'PyTorch SDPA attn_mask=None with is_causal=False; Hugging Face attention_mask of all 1s; ' +
    'Keras MultiHeadAttention without attention_mask; FlexAttention with no block_mask.',
});

/**
 * Causal, bottom-right aligned: the queries are the last Lq of the Lk positions.
 * Rule: k ≤ q + Lk − Lq (printed `k <= q` when Lq = Lk). With Lq > Lk the top Lq − Lk rows are
 * fully masked. Example, Lq = 2, Lk = 4: [[1,1,1,0],[1,1,1,1]]; Lq = 4, Lk = 2:
 * [[0,0],[0,0],[1,0],[1,1]].
 * Source: FlashAttention ≥ 2.1 `causal=True`; xFormers `LowerTriangularFromBottomRightMask`.
 */
export const causalBottomRight = defineMask({
  id: 'causal-bottom-right',
  name: 'Causal (bottom-right)',
  params: [],
  make: (_params, context) => ({ expr: label('causal', causalCondition(context)), tables: {} }),
  source: 'Vaswani et al. 2017 (decoder self-attention); bottom-right alignment as in FlashAttention ≥ 2.1 ' +
    '(flash_attn_func causal=True) and xFormers LowerTriangularFromBottomRightMask.',
  equivalents: 'FlashAttention ≥ 2.1 causal=True; xFormers LowerTriangularFromBottomRightMask; PyTorch ' +
    'torch.nn.attention.bias.causal_lower_right(Lq, Lk); FlexAttention mask_mod `q_idx + (KV_LEN - Q_LEN) >= kv_idx`; ' +
    'what KV-cache decoding needs. Identical to top-left when Lq = Lk.',
});

/**
 * Causal, top-left aligned: query q sees keys 0…q whatever the lengths.
 * Rule: k ≤ q. Example, Lq = 2, Lk = 4: [[1,0,0,0],[1,1,0,0]].
 * Source: PyTorch `scaled_dot_product_attention(is_causal=True)`, Keras, JAX.
 */
export const causalTopLeft = defineMask({
  id: 'causal-top-left',
  name: 'Causal (top-left)',
  params: [],
  make: () => ({ expr: label('causal', le(vars.k, vars.q)), tables: {} }),
  source: 'Vaswani et al. 2017 (decoder self-attention); top-left alignment as in PyTorch ' +
    'scaled_dot_product_attention(is_causal=True).',
  equivalents: 'PyTorch SDPA is_causal=True and torch.nn.attention.bias.causal_upper_left; Keras ' +
    'MultiHeadAttention use_causal_mask=True; Flax nn.make_causal_mask; tf.linalg.band_part(ones, -1, 0); ' +
    'FlashAttention < 2.1 causal=True; xFormers LowerTriangularMask. Identical to bottom-right when Lq = Lk.',
});

/**
 * One KV-cache decoding step: Lq = 1 new query against Lk cached keys, causal bottom-right.
 * Rule: k ≤ q + Lk − Lq, so with Lq = 1 the single row sees all Lk keys (top-left `k ≤ q` would
 * wrongly let it see key 0 only). Chunked prefill / speculative decoding (Lq > 1) use the same rule.
 * Example, Lq = 1, Lk = 5: [[1,1,1,1,1]].
 * Source: incremental decoding with a key/value cache (Hugging Face `past_key_values`, vLLM).
 */
export const decode = defineMask({
  id: 'decode',
  name: 'KV-cache decode step',
  params: [],
  make: (_params, context) => ({ expr: label('causal', causalCondition(context)), tables: {} }),
  source: 'Autoregressive decoding with a key/value cache (Hugging Face generate with past_key_values; vLLM ' +
    'PagedAttention, Kwon et al. 2023): the new queries are the last positions, i.e. bottom-right causal.',
  equivalents: 'FlashAttention flash_attn_with_kvcache(causal=True) (bottom-right); PyTorch causal_lower_right; ' +
    'with PyTorch SDPA is_causal=True (top-left) and Lq = 1 the query would see only key 0 — the classic bug; ' +
    'Hugging Face builds the mask from cache_position, which is the bottom-right rule.',
});
