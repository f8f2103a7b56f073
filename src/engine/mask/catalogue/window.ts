/**
 * Sliding windows: causal (W keys including the query), bidirectional (|q − k| ≤ W), dilated,
 * and attention sinks plus a window (StreamingLLM). Positions are bottom-right aligned: the query
 * q sits at key position q + Lk − Lq (plain q when Lq = Lk).
 */
import { abs, and, eq, label, le, lt, mod, mul, or, sub, vars, type MaskExpr } from '../expr';
import type { MaskShape } from '../cell';
import { causalCondition, defineMask, queryPosition } from './types';

const MAX = 4096;

/**
 * The causal sliding-window condition used by several masks: the W keys ending at the query.
 * Rule: q' − W < k ≤ q' with q' = q + Lk − Lq, as and(label('causal'), label('window')).
 * @param W a parameter node (or number) ≥ 1.
 */
export function causalWindow(W: MaskExpr, context: MaskShape): MaskExpr {
  return and(
    label('causal', causalCondition(context)),
    label('window', lt(sub(queryPosition(context), vars.k), W)),
  );
}

/**
 * Sliding window, causal: each query sees the W keys ending at itself.
 * Rule: q − W < k ≤ q (bottom-right: q + Lk − Lq − W < k ≤ q + Lk − Lq). A row keeps exactly W
 * keys once q ≥ W − 1, and q + 1 before.
 * Example, W = 2, L = 4: [[1,0,0,0],[1,1,0,0],[0,1,1,0],[0,0,1,1]].
 * Source: Mistral 7B (Jiang et al. 2023) and Hugging Face `sliding_window`; Longformer (Beltagy et
 * al. 2020) for the window idea.
 */
export const slidingWindow = defineMask({
  id: 'window',
  name: 'Sliding window (causal)',
  params: [{ name: 'W', default: 4, min: 1, max: MAX, integer: true, description: 'keys per row, including the query itself' }],
  make: ({ W }, context) => ({ expr: label('sliding window', causalWindow(W, context)), tables: {} }),
  source: 'Jiang et al. 2023, "Mistral 7B" (sliding window attention); Hugging Face transformers ' +
    'sliding_window (Mistral, Gemma 2/3, Qwen2): key k is kept when q - W < k <= q.',
  equivalents: 'Hugging Face / Mistral sliding_window = W (W keys); FlashAttention window_size=(W-1, 0) with ' +
    'causal=True (it keeps [i - left, i + right]); attention-gym generate_sliding_window(W-1) and the FlexAttention ' +
    'docs\' `q_idx - kv_idx <= SLIDING_WINDOW` keep SLIDING_WINDOW + 1 keys; xFormers ' +
    'BlockDiagonalCausalMask.make_local_attention(W) keeps W; ' +
    'tf.linalg.band_part(ones, W-1, 0). Older transformers passed window_size=(W, W) to FlashAttention, ' +
    'W + 1 keys (huggingface/transformers#39408).',
});

/**
 * Sliding window, bidirectional: each query sees the keys within distance W on both sides.
 * Rule: |q − k| ≤ W (bottom-right: |q + Lk − Lq − k| ≤ W): 2W + 1 keys away from the edges.
 * Example, W = 1, L = 4: [[1,1,0,0],[1,1,1,0],[0,1,1,1],[0,0,1,1]].
 * Source: Longformer (Beltagy et al. 2020) local attention, one-sided w/2.
 */
export const bidirectionalWindow = defineMask({
  id: 'window-bidirectional',
  name: 'Sliding window (bidirectional)',
  params: [{ name: 'W', default: 2, min: 0, max: MAX, integer: true, description: 'keys on each side of the query (2W + 1 in all)' }],
  make: ({ W }, context) => ({
    expr: label('bidirectional window', le(abs(sub(queryPosition(context), vars.k)), W)),
    tables: {},
  }),
  source: 'Beltagy et al. 2020, "Longformer" §3.1 (sliding window: w/2 keys on each side); Hugging Face ' +
    'LongformerConfig.attention_window = 2W.',
  equivalents: 'Longformer window w = 2W (Hugging Face attention_window = 2W, one-sided W); FlashAttention ' +
    'window_size=(W, W) with causal=False; NATTEN kernel_size = 2W + 1 away from the edges only (neighborhood ' +
    'attention shifts its window at the edges to keep kernel_size keys); ' +
    'tf.linalg.band_part(ones, W, W); FlexAttention `abs(q_idx - kv_idx) <= W`.',
});

/**
 * Dilated sliding window, causal: W keys ending at the query, D positions apart.
 * Rule: k ≤ q, (q − k) mod D = 0 and q − k < W·D (bottom-right q' = q + Lk − Lq). D = 1 is the
 * sliding window.
 * Example, W = 2, D = 2, L = 5: [[1,0,0,0,0],[0,1,0,0,0],[1,0,1,0,0],[0,1,0,1,0],[0,0,1,0,1]].
 * Source: Longformer (Beltagy et al. 2020) §3.1, dilated sliding window.
 */
export const dilatedWindow = defineMask({
  id: 'window-dilated',
  name: 'Dilated sliding window',
  params: [
    { name: 'W', default: 3, min: 1, max: MAX, integer: true, description: 'keys per row, including the query itself' },
    { name: 'D', default: 2, min: 1, max: MAX, integer: true, description: 'dilation: distance between two kept keys (1 = no gaps)' },
  ],
  make: ({ W, D }, context) => {
    const distance = sub(queryPosition(context), vars.k);
    return {
      expr: label('dilated sliding window', and(
        label('causal', causalCondition(context)),
        label('dilation', eq(mod(distance, D), 0)),
        label('window', lt(distance, mul(W, D))),
      )),
      tables: {},
    };
  },
  source: 'Beltagy et al. 2020, "Longformer" §3.1 (dilated sliding window: gaps of size d, receptive field w·d); ' +
    'the dilated-CNN idea of van den Oord et al. 2016 (WaveNet).',
  equivalents: 'Longformer dilation d with window w (its CUDA kernel; Hugging Face Longformer does not implement ' +
    'dilation); NATTEN dilation; FlexAttention mask_mod `(q_idx - kv_idx) % D == 0 & (q_idx - kv_idx < W * D)` ' +
    'with causal. Counts here: W kept keys spanning (W - 1)·D + 1 positions.',
});

/**
 * Attention sinks plus a causal window (StreamingLLM): the first S keys stay visible to every
 * later query, and the W most recent keys (including the query itself).
 * Rule: k ≤ q and (k < S or q − W < k) (bottom-right q' = q + Lk − Lq).
 * Example, S = 1, W = 2, L = 5: [[1,0,0,0,0],[1,1,0,0,0],[1,1,1,0,0],[1,0,1,1,0],[1,0,0,1,1]].
 * Source: Xiao et al. 2024, "Efficient Streaming Language Models with Attention Sinks".
 */
export const sinkWindow = defineMask({
  id: 'window-sinks',
  name: 'Attention sinks + window',
  params: [
    { name: 'S', default: 1, min: 0, max: MAX, integer: true, description: 'sink keys: the first S positions, always visible' },
    { name: 'W', default: 3, min: 1, max: MAX, integer: true, description: 'recent keys per row, including the query itself' },
  ],
  make: ({ S, W }, context) => ({
    expr: label('attention sinks + window', and(
      label('causal', causalCondition(context)),
      or(
        label('sink', lt(vars.k, S)),
        label('window', lt(sub(queryPosition(context), vars.k), W)),
      ),
    )),
    tables: {},
  }),
  source: 'Xiao et al. 2024, "Efficient Streaming Language Models with Attention Sinks" (StreamingLLM, ICLR 2024): ' +
    '4 initial tokens kept in the KV cache with a rolling window of recent tokens.',
  equivalents: 'StreamingLLM start_size = S, recent_size = W; Hugging Face SinkCache(window_length = S + W, ' +
    'num_sink_tokens = S) (its window_length counts the sinks); FlexAttention mask_mod ' +
    '`(kv_idx < S) | (q_idx - kv_idx < W)` and causal. Not the learned per-head sink logit of gpt-oss, which adds ' +
    'a column to the softmax rather than keeping keys.',
});
