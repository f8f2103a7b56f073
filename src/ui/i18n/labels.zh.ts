/** Chinese labels; keys as in labels.en.ts. */
import type { labelsEn } from './labels.en';

export const labelsZh: typeof labelsEn = {
  logic: {
    and: '与',
    or: '或',
    not: '非',
  },
  snippets: {
    pytorch: 'PyTorch（张量运算，SDPA `attn_mask`）',
    'flex-attention': 'PyTorch FlexAttention（`mask_mod`）',
    jax: 'JAX / Flax',
    tensorflow: 'TensorFlow / Keras',
  },
};
