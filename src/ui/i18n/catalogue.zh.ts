/**
 * Chinese strings of the mask catalogue's info panels; keys as in catalogue.en.ts. `…` is code,
 * «…» a title or name cited in English (rendered with lang="en").
 */
import type { catalogueEn } from './catalogue.en';

const DOCUMENT_SOURCE = '打包训练序列：«Krell et al. 2021, "Efficient Sequence Packing without Cross-contamination"»；' +
  '«Llama 3»（«Dubey et al.» 2024）在文档之间屏蔽注意力；PyTorch FlexAttention 的文档掩码（`document_id[q_idx] == document_id[kv_idx]`）。';
const DOCUMENT_EQUIVALENTS = 'FlashAttention 变长接口（`flash_attn_varlen_func`，配合 `cu_seqlens`）；xFormers `BlockDiagonalMask` / ' +
  '`BlockDiagonalCausalMask.from_seqlens`；`attention-gym` `generate_doc_mask_mod(mask_mod, offsets)`；Hugging Face ' +
  '`DataCollatorWithFlattening`（`position_ids` 在每个文档处重新计数）；FlexAttention `document_id[q_idx] == document_id[kv_idx]`。';
const SPARSE_TITLE = '«Child, Gray, Radford and Sutskever 2019, "Generating Long Sequences with Sparse Transformers"»（arXiv:1904.10509）';

export const catalogueZh: typeof catalogueEn = {
  title: '掩码目录：每种掩码做什么、出自哪里、在其他库中叫什么',
  about: '关于{{name}}',
  add: '添加',
  addName: '添加{{name}}',
  description: '作用',
  source: '出处',
  equivalents: '在其他库中',
  masks: {
    full: {
      description: '每个查询都关注每个键：什么都不屏蔽。编码器（BERT）和交叉注意力使用它。',
      source: '«Vaswani et al. 2017, "Attention Is All You Need"»（编码器自注意力）；«Devlin et al. 2019»（BERT）。',
      equivalents: 'PyTorch SDPA `attn_mask=None` 且 `is_causal=False`；Hugging Face `attention_mask` 全为 1；Keras `MultiHeadAttention` 不传 `attention_mask`；FlexAttention 不传 `block_mask`。',
    },
    'causal-bottom-right': {
      description: '查询只看到位于其位置及之前的键，且把查询看作 Lk 个位置中的最后 Lq 个：当 k ≤ q + Lk − Lq 时允许键 k。',
      source: '«Vaswani et al. 2017»（解码器自注意力）；右下对齐与 FlashAttention ≥ 2.1（`flash_attn_func causal=True`）和 xFormers `LowerTriangularFromBottomRightMask` 相同。',
      equivalents: 'FlashAttention ≥ 2.1 `causal=True`；xFormers `LowerTriangularFromBottomRightMask`；PyTorch `torch.nn.attention.bias.causal_lower_right(Lq, Lk)`；FlexAttention `mask_mod` `q_idx + (KV_LEN - Q_LEN) >= kv_idx`；KV 缓存解码所需的正是它。Lq = Lk 时与左上对齐相同。',
    },
    'causal-top-left': {
      description: '无论长度如何，查询都看到键 0 … q：当 k ≤ q 时允许键 k。Lq ≠ Lk 时它与右下对齐的掩码不同。',
      source: '«Vaswani et al. 2017»（解码器自注意力）；左上对齐与 PyTorch `scaled_dot_product_attention(is_causal=True)` 相同。',
      equivalents: 'PyTorch SDPA `is_causal=True` 与 `torch.nn.attention.bias.causal_upper_left`；Keras `MultiHeadAttention` `use_causal_mask=True`；Flax `nn.make_causal_mask`；`tf.linalg.band_part(ones, -1, 0)`；FlashAttention < 2.1 `causal=True`；xFormers `LowerTriangularMask`。Lq = Lk 时与右下对齐相同。',
    },
    decode: {
      description: '使用键/值缓存的一步解码：新查询位于 Lk 个缓存键的末尾，所以最新的查询能看到所有键（右下对齐的因果掩码）。',
      source: '带键/值缓存的自回归解码（Hugging Face `generate` 配合 `past_key_values`；vLLM PagedAttention，«Kwon et al.» 2023）：新查询是最后的位置，即右下对齐的因果掩码。',
      equivalents: 'FlashAttention `flash_attn_with_kvcache(causal=True)`（右下对齐）；PyTorch `causal_lower_right`；若用 PyTorch SDPA `is_causal=True`（左上对齐）且 Lq = 1，查询只能看到键 0——这是经典的错误；Hugging Face 根据 `cache_position` 构造掩码，即右下对齐规则。',
    },
    window: {
      description: '因果，并且只保留最近的 W 个键（包括查询自身）：q − W < k ≤ q。',
      source: '«Jiang et al. 2023, "Mistral 7B"»（滑动窗口注意力）；Hugging Face `transformers` `sliding_window`（Mistral、Gemma 2/3、Qwen2）：当 q - W < k <= q 时保留键 k。',
      equivalents: 'Hugging Face / Mistral `sliding_window = W`（W 个键）；FlashAttention `window_size=(W-1, 0)` 配合 `causal=True`（它保留 `[i - left, i + right]`）；`attention-gym` `generate_sliding_window(W-1)` 与 FlexAttention 文档中的 `q_idx - kv_idx <= SLIDING_WINDOW` 保留 SLIDING_WINDOW + 1 个键；xFormers `BlockDiagonalCausalMask.make_local_attention(W)` 保留 W 个；`tf.linalg.band_part(ones, W-1, 0)`。旧版 `transformers` 给 FlashAttention 传 `window_size=(W, W)`，即 W + 1 个键（`huggingface/transformers#39408`）。',
    },
    'window-bidirectional': {
      description: '查询两侧各 W 个键，双向：|q − k| ≤ W。',
      source: '«Beltagy et al. 2020, "Longformer"» §3.1（滑动窗口：每侧 w/2 个键）；Hugging Face `LongformerConfig.attention_window = 2W`。',
      equivalents: 'Longformer 窗口 w = 2W（Hugging Face `attention_window = 2W`，单侧 W）；FlashAttention `window_size=(W, W)` 配合 `causal=False`；NATTEN `kernel_size = 2W + 1` 只在远离边缘处相同（邻域注意力在边缘处平移窗口以保持 `kernel_size` 个键）；`tf.linalg.band_part(ones, W, W)`；FlexAttention `abs(q_idx - kv_idx) <= W`。',
    },
    'window-dilated': {
      description: '带间隔的因果窗口：W 个键，彼此相隔 D 个位置，包括查询自身。',
      source: '«Beltagy et al. 2020, "Longformer"» §3.1（空洞滑动窗口：间隔为 d，感受野为 w·d）；来自 «van den Oord et al.» 2016（WaveNet）的空洞卷积思想。',
      equivalents: 'Longformer 的空洞率 d 与窗口 w（其 CUDA 内核实现；Hugging Face 的 Longformer 没有实现空洞）；NATTEN `dilation`；FlexAttention `mask_mod` `(q_idx - kv_idx) % D == 0 & (q_idx - kv_idx < W * D)`，再加因果。此处的计数：保留 W 个键，跨越 (W - 1)·D + 1 个位置。',
    },
    'window-sinks': {
      description: '前 S 个键（注意力汇聚点）对之后的每个查询始终可见，另加最近 W 个键的因果窗口。',
      source: '«Xiao et al. 2024, "Efficient Streaming Language Models with Attention Sinks"»（StreamingLLM，ICLR 2024）：在 KV 缓存中保留 4 个起始词元，外加一个滚动的最近词元窗口。',
      equivalents: 'StreamingLLM `start_size = S`、`recent_size = W`；Hugging Face `SinkCache(window_length = S + W, num_sink_tokens = S)`（其 `window_length` 包含汇聚点）；FlexAttention `mask_mod` `(kv_idx < S) | (q_idx - kv_idx < W)` 再加因果。这不是 `gpt-oss` 中每个头学习的汇聚对数几率——那是给 softmax 加一列，而不是保留键。',
    },
    'global-local': {
      description: '每侧 W 个键的窗口，另加全局词元：全局词元关注所有键，所有查询也都关注它。',
      source: '«Beltagy et al. 2020, "Longformer: The Long-Document Transformer"» §3.1：宽度为 w（每侧 w/2）的滑动窗口，加上预先选定词元上的对称全局注意力（全局词元关注所有位置，所有位置也关注它）。',
      equivalents: 'Hugging Face Longformer `attention_window = 2W` 且 `global_attention_mask = globalTokens`（1 = 全局）；最初的 `allenai/longformer` 在 `attention_mask` 中用 2 表示全局；BigBird ETC 的全局词元；FlexAttention `mask_mod` `abs(q_idx - kv_idx) <= W | is_global[b, kv_idx] | is_global[b, q_idx]`。Longformer 还为全局注意力使用单独的投影——那是权重上的差别，不是掩码上的差别。',
    },
    'prefix-lm': {
      description: '每个查询都能看到前 P 个位置（前缀）；前缀之后的注意力是因果的。',
      source: '«Raffel et al. 2020, "Exploring the Limits of Transfer Learning…"»（T5）§3.2.1，带前缀的因果掩码；«Dong et al.» 2019（UniLM）；«Beyer et al. 2024, "PaliGemma"»（前缀 = 图像 + 提示，双向）。',
      equivalents: '`attention-gym` `generate_prefix_lm_mask(P)`（`kv_idx < P` 或因果：同一个 P）；FlexAttention 博客/文档的例子 `kv_idx <= prefix_length` 在同一个数下保留 P + 1 个键；Hugging Face PaliGemma 由 `token_type_ids` 构造（0 = 前缀）；JAX `big_vision` `make_attn_mask(input_mask, mask_ar)`，前缀上 `mask_ar = 0`。',
    },
    document: {
      description: '打包进同一序列的多个文档（在分隔符处切开）只在各自内部相互关注，双向。',
      source: DOCUMENT_SOURCE,
      equivalents: DOCUMENT_EQUIVALENTS + '双向：xFormers `BlockDiagonalMask`，`flash_attn_varlen_func(causal=False)`。',
    },
    'document-causal': {
      description: '打包进同一序列的多个文档只在各自内部相互关注，因果。',
      source: DOCUMENT_SOURCE,
      equivalents: DOCUMENT_EQUIVALENTS + '因果：xFormers `BlockDiagonalCausalMask`，`flash_attn_varlen_func(causal=True)`。',
    },
    chunked: {
      description: '序列被切成每块 C 个位置；查询只看到自己所在块中更早的键。',
      source: '«Meta Llama 4»（2025）：每四层中有三层使用分块局部注意力（`attention_chunk_size = 8192`）；Hugging Face `transformers` `chunked_attention_mask`（`q_idx // C == kv_idx // C` 且因果）。',
      equivalents: 'Hugging Face `Llama4TextConfig.attention_chunk_size = C`；FlexAttention `mask_mod` `(q_idx // C == kv_idx // C) & (q_idx >= kv_idx)`；等于每 C 个词元一个文档的文档因果掩码。它不是滑动窗口：块中的第一个查询只看到它自己。',
    },
    'block-causal': {
      description: '一块位置能看到自己整块以及之前的每一块：块内双向，块间因果。',
      source: '分块因果注意力：整块在块内双向、跨块因果地关注，见于半自回归 / 分块解码（«Wang et al. 2018, "Semi-Autoregressive Neural Machine Translation"»）和分块因果的视频扩散模型（«Yin et al.» 2025，CausVid）。',
      equivalents: 'FlexAttention `mask_mod` `kv_idx // block <= q_idx // block`；即每块一个前缀的前缀语言模型；`block = 1` 时为因果掩码；`block ≥ Lk` 时为完整注意力。',
    },
    bigbird: {
      description: '每块关注相邻的滑动块、全局块（全局块关注所有位置）以及每个头按种子抽取的 r 个随机块。',
      source: '«Zaheer et al. 2020, "Big Bird: Transformers for Longer Sequences"»（NeurIPS）§2 与附录 D：块稀疏注意力，含 w 个滑动块、g 个全局块和 r 个随机块（BigBird-ITC：w = 3，g = 2，r = 3，每块 64）。',
      equivalents: 'Hugging Face `BigBirdConfig(attention_type="block_sparse", block_size = block, num_random_blocks = r)`，窗口固定为 3、全局固定为 2（第一块和最后一块）；`google-research/bigbird` `bigbird_block_sparse_attention`（`num_rand_blocks`）；DeepSpeed `BigBirdSparsityConfig(num_random_blocks, num_sliding_window_blocks, num_global_blocks)`——它的全局块只有最前面的几块。此处的随机块按头和查询块由种子决定，同一种子给出同一图样；Hugging Face 每次调用都用 `numpy` 重新抽取。',
    },
    'sparse-strided': {
      description: '因果；查询看到它之前的 l 个键，以及更早处每隔 l 个的键（稀疏 Transformer 的跨步图样，两组合并）。',
      source: SPARSE_TITLE + ' §4.3“二维分解注意力”：`A(1)_i = {t, …, i}`，`t = max(0, i − l)`；`A(2)_i = {j : (i − j) mod l = 0}`；二者的并集即 §5.1 的“合并头”。',
      equivalents: '`openai/sparse_attention` `get_attn_mask(n, "local", l)` 保留 l 个键（`band_part(l − 1, 0)`），比论文的 A(1) 少一个；`get_attn_mask(n, "strided", l)` 即 A(2)；FlexAttention `mask_mod` `(q_idx >= kv_idx) & ((q_idx - kv_idx <= l) | ((q_idx - kv_idx) % l == 0))`。若要把两组分给不同的头（或层，§5.1），可写自定义掩码 `h % 2 == 0 ? local : strided`。',
    },
    'sparse-fixed': {
      description: '因果；查询看到自己所在的 l 个位置的块，以及之前每块的最后 c 个位置（汇总键）。',
      source: SPARSE_TITLE + ' §4.3“二维分解注意力”：`A(1)_i = {j : floor(j/l) = floor(i/l)}`，`A(2)_i = {j : j mod l ∈ {t, …, l}}`，`t = l − c`；二者的并集即 §5.1 的“合并头”。由于 `j mod l ≤ l − 1`，A(2) 是每块的最后 c 个位置。',
      equivalents: 'DeepSpeed `FixedSparsityConfig(num_local_blocks, num_global_blocks, attention="unidirectional")` 是按块实现的同一思路（`l = num_local_blocks·block`，`c = num_global_blocks·block`）；FlexAttention `mask_mod` `(q_idx >= kv_idx) & ((q_idx // l == kv_idx // l) | (kv_idx % l >= l - c))`。',
    },
    'alternating-heads': {
      description: '随头变化的掩码：偶数头用 W 个键的因果滑动窗口，奇数头用完整的因果注意力。',
      source: '随头变化的掩码（FlexAttention `mask_mod(b, h, q_idx, kv_idx)` 读取 h）：DuoAttention（«Xiao et al.» 2025，ICLR）给流式头汇聚点 + 窗口，给检索头完整注意力。Gemma 2（«Gemma Team» 2024）逐层交替使用 4096 词元的滑动窗口和全局注意力；这里用头代替层，使两者并排显示。',
      equivalents: 'FlexAttention `mask_mod` `torch.where(h % 2 == 0, (q_idx >= kv_idx) & (q_idx - kv_idx < W), q_idx >= kv_idx)` 配合 `create_block_mask(H = heads)`；PyTorch SDPA 一个 [B, H, Lq, Lk] 的布尔 `attn_mask`；Hugging Face Gemma 2 配置 `sliding_window = W`，`layer_types` 在 `"sliding_attention"` / `"full_attention"` 之间交替（按层）。',
    },
  },
};
