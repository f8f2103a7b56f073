/** Chinese strings of the framework conventions panel; keys as in conventions.en.ts. */
import type { conventionsEn } from './conventions.en';

export const conventionsZh: typeof conventionsEn = {
  framework: {
    additive: '加性浮点掩码',
    'tf-tutorial': 'TensorFlow 教程（2019）',
  },
  meaning: {
    'pytorch-sdpa': '`True` = 查询关注该键，`False` = 屏蔽（浮点掩码则加到分数上）',
    'pytorch-mha-attn-mask': '`True` = 屏蔽（不允许关注），`False` = 关注——与 SDPA 相反',
    'pytorch-mha-key-padding-mask': '`True` = 该键是填充（被忽略），`False` = 真实的键',
    'huggingface-attention-mask': '1 = 真实词元，0 = 填充（只表示键填充）',
    'keras-mha': '`True` / 1 = 关注，`False` / 0 = 不关注；所有头相同',
    'jax-flax': '`True` = 参与注意力，`False` = 被屏蔽',
    additive: '0 = 关注，−∞ = 屏蔽；在 softmax 之前加到对数几率上',
    'tf-tutorial': '1 = 屏蔽（填充或未来位置），0 = 关注；乘以 −1e9 后加到对数几率上',
  },
  note: {
    sdpaTopLeft: '只用 `is_causal=True` 时是左上对齐的因果掩码（k ≤ q），与 Lq、Lk 无关；要右下对齐请改为传入掩码。',
    mha3d: '三维 `attn_mask` 为每个（批次样本，头）各存一个 [Lq, Lk] 掩码，批次在前：索引为 b·H + h。',
    mha2d: '二维 `attn_mask` 由所有批次样本和头共用；键填充放在 `key_padding_mask` 中。',
    mhaMerged: '与 `attn_mask` 合并：任一方屏蔽即屏蔽该键。',
    hfPaddingOnly: '只含键填充：其余部分由模型自行添加（解码器会加上因果掩码）；其他掩码需要该模型专用的四维掩码。',
    kerasPerHead: '此掩码因头而异，`attention_mask` [B, Lq, Lk] 无法表示（显示的是第 {{head}} 个头）。',
    jaxLayout: '`jax.nn.dot_product_attention` 的 `query` 形状为 [B, Lq, H, D]，而掩码为 [B, H, Lq, Lk]。',
    additiveNan: '全为 −∞ 的一行在普通 softmax 中得到 NaN；许多库用该数据类型的最小值代替 −∞。',
    tfTutorialSign: '符号与 Keras 相反。−1e9 是有限值：整行被屏蔽时权重变为均匀分布而不是 0；在 float16 中它会溢出为 −∞。',
  },
  maskedRow: {
    zeros: {
      name: '选择式：空行 → 0',
      libraries: 'Maskscope（默认）、PyTorch ≥ 2.5 `scaled_dot_product_attention`、FlashAttention、FlexAttention、ONNX `Attention`、`jax.nn.softmax(where=…)`',
    },
    nan: {
      name: '朴素 softmax 遇到 −∞ → NaN',
      libraries: '手写的 `softmax(where(mask, logits, −∞))`；2.5 之前的 PyTorch SDPA；`need_weights=True` 时的 `nn.MultiheadAttention`',
    },
    uniform: {
      name: '加上 −1e9 → 均匀分布',
      nameUneven: '加上 −1e9 → 此处并不均匀：float32 把 `logit − 1e9` 舍入为 64 的倍数，舍入后不同的对数几率（`|logit| ≥ 32`）仍然不同',
      libraries: '`logits + mask × −1e9`（旧版 TensorFlow 教程、许多 BERT 时代的代码库、Keras）；`jax.nn.dot_product_attention` 与 Flax `dot_product_attention`：把被屏蔽的对数几率替换为一个很大的有限负数（数据类型最大值的 −0.7 倍，或其最小值），总是严格均匀',
    },
  },
};
