/**
 * English strings of the framework conventions panel (engine/codegen conventions.ts and
 * fullyMaskedRow.ts give the ids), merged as `conventions: conventionsEn` into en.ts. Keys are
 * shared with conventions.zh.ts. Sources are cited in conventions.ts.
 */
export const conventionsEn = {
  /** Names of the conventions that are not a framework's own name. */
  framework: {
    additive: 'Additive float mask',
    'tf-tutorial': 'TensorFlow tutorial (2019)',
  },
  /** What a value means, per convention id. */
  meaning: {
    'pytorch-sdpa': '`True` = the query attends the key, `False` = blocked (a float mask is added to the scores instead)',
    'pytorch-mha-attn-mask': '`True` = blocked (NOT allowed to attend), `False` = attend — the opposite of SDPA',
    'pytorch-mha-key-padding-mask': '`True` = this key is padding (ignored), `False` = a real key',
    'huggingface-attention-mask': '1 = a real token, 0 = padding (key padding only)',
    'keras-mha': '`True` / 1 = attend, `False` / 0 = no attention; the same for every head',
    'jax-flax': '`True` = take part in attention, `False` = masked out',
    additive: '0 = attend, −∞ = blocked; added to the logits before the softmax',
    'tf-tutorial': '1 = masked (padding or future), 0 = attend; multiplied by −1e9 and added to the logits',
  },
  /** Caveats, per note id. */
  note: {
    sdpaTopLeft: '`is_causal=True` alone is top-left causal (k ≤ q), whatever Lq and Lk; pass the mask instead for bottom-right.',
    mha3d: 'A 3-D `attn_mask` holds one [Lq, Lk] mask per (batch item, head), batch-major: index b·H + h.',
    mha2d: 'A 2-D `attn_mask` is shared by every batch item and head; key padding goes in `key_padding_mask`.',
    mhaMerged: 'Merged with `attn_mask`: a key is blocked when either says so.',
    hfPaddingOnly: 'Holds key padding only: the model adds the rest itself (a decoder its causal mask); any other mask needs a model-specific 4-D mask.',
    kerasPerHead: 'This mask differs per head, which `attention_mask` [B, Lq, Lk] cannot hold (shown: head {{head}}).',
    jaxLayout: '`jax.nn.dot_product_attention` takes `query` as [B, Lq, H, D] but the mask as [B, H, Lq, Lk].',
    additiveNan: 'A row of only −∞ gives NaN in a plain softmax; many libraries use the dtype’s minimum instead of −∞.',
    tfTutorialSign: 'The sign is the opposite of Keras. −1e9 is finite: a fully masked row becomes uniform, not zero; in float16 it overflows to −∞.',
  },
  /** A fully masked row under each convention (MaskedRowConvention). */
  maskedRow: {
    zeros: {
      name: 'Selection, empty row → 0',
      libraries: 'Maskscope (default), PyTorch ≥ 2.5 `scaled_dot_product_attention`, FlashAttention, FlexAttention, ONNX Attention, `jax.nn.softmax(where=…)`',
    },
    nan: {
      name: 'Naive softmax of −∞ → NaN',
      libraries: '`softmax(where(mask, logits, −∞))` as written by hand; PyTorch SDPA before 2.5; `nn.MultiheadAttention` with `need_weights=True`',
    },
    uniform: {
      name: 'Additive −1e9 → uniform',
      nameUneven: 'Additive −1e9 → not uniform here: float32 rounds `logit − 1e9` to a multiple of 64, so logits that round apart (`|logit| ≥ 32`) stay apart',
      libraries: '`logits + mask × −1e9` (old TensorFlow tutorial, many BERT-era codebases, Keras); `jax.nn.dot_product_attention` and Flax `dot_product_attention`, which put a large finite negative number in place of a blocked logit (−0.7 × the dtype’s largest, or its minimum): always exactly uniform',
    },
  },
};
