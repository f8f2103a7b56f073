/**
 * Full, causal (both alignments) and the KV-cache decode step.
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
  build: undefined,
  make: () => ({ expr: label('full', bool(true)), tables: {} }),
  source: 'Vaswani et al. 2017, "Attention Is All You Need" (encoder self-attention); Devlin et al. 2019 (BERT).',
  equivalents: 'PyTorch SDPA attn_mask=None, is_causal=False; Hugging Face attention_mask of all 1s; ' +
    'Keras MultiHeadAttention without attention_mask; FlexAttention mask_mod returning True (or block_mask=None).',
} as Parameters<typeof defineMask>[0]);
