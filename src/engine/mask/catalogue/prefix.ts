/**
 * Prefix-LM: bidirectional over the first P tokens, causal after.
 */
import { label, lt, or, vars } from '../expr';
import { causalCondition, defineMask } from './types';

/**
 * Prefix-LM: every query sees the whole prefix (keys k < P) and, after it, the causal past.
 * Rule: k < P or k ≤ q (bottom-right: k ≤ q + Lk − Lq; P counts key positions from 0).
 * P = 0 is causal; P ≥ Lk is full attention.
 * Example, P = 2, L = 4: [[1,1,0,0],[1,1,0,0],[1,1,1,0],[1,1,1,1]].
 * Source: Raffel et al. 2020 (T5) §3.2.1 "causal with prefix"; Dong et al. 2019 (UniLM);
 * Beyer et al. 2024 (PaliGemma: image + prefix full, suffix causal).
 */
export const prefixLM = defineMask({
  id: 'prefix-lm',
  name: 'Prefix-LM',
  params: [{ name: 'P', default: 3, min: 0, max: 4096, integer: true, description: 'prefix length: keys 0 … P − 1 are visible to every query' }],
  make: ({ P }, context) => ({
    expr: label('prefix-LM', or(
      label('prefix', lt(vars.k, P)),
      label('causal', causalCondition(context)),
    )),
    tables: {},
  }),
  source: 'Raffel et al. 2020, "Exploring the Limits of Transfer Learning…" (T5) §3.2.1, causal-with-prefix mask; ' +
    'Dong et al. 2019 (UniLM); Beyer et al. 2024, "PaliGemma" (prefix = image + prompt, bidirectional).',
  equivalents: 'attention-gym generate_prefix_lm_mask(P) (`kv_idx < P` or causal: the same P); the FlexAttention ' +
    'blog/docs example `kv_idx <= prefix_length` keeps P + 1 keys for the same number; Hugging Face PaliGemma ' +
    'builds it from token_type_ids (0 = prefix); JAX big_vision make_attn_mask(input_mask, mask_ar) with ' +
    'mask_ar = 0 on the prefix.',
});
