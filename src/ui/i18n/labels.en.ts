/**
 * English labels: the logic of the mask trees (why-tree, composition tree) and the frameworks
 * panel's snippet headings, by snippet target. `…` marks code (see InfoText.tsx).
 */
export const labelsEn = {
  logic: {
    and: 'AND',
    or: 'OR',
    not: 'NOT',
  },
  snippets: {
    pytorch: 'PyTorch (tensor ops, SDPA `attn_mask`)',
    'flex-attention': 'PyTorch FlexAttention (`mask_mod`)',
    jax: 'JAX / Flax',
    tensorflow: 'TensorFlow / Keras',
  },
};
