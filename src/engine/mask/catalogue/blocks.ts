/**
 * Block masks on absolute positions: chunked attention (causal inside fixed chunks, Llama 4) and
 * block-causal (a block sees its own and every earlier block). Block boundaries count from key
 * position 0; the query sits at key position q + Lk − Lq (bottom-right), so a decode step lands
 * in the chunk of its absolute position.
 */
import { div, eq, floor, label, le, and, vars } from '../expr';
import { causalCondition, defineMask, queryPosition } from './types';

/**
 * Chunked attention: positions are cut into chunks of C; a query sees the keys of its own chunk
 * up to itself.
 * Rule: floor(q / C) == floor(k / C) and k ≤ q (bottom-right q' = q + Lk − Lq).
 * Example, C = 2, L = 5: [[1,0,0,0,0],[1,1,0,0,0],[0,0,1,0,0],[0,0,1,1,0],[0,0,0,0,1]].
 * Source: Meta Llama 4 (2025), local layers with attention_chunk_size = 8192.
 */
export const chunked = defineMask({
  id: 'chunked',
  name: 'Chunked attention',
  params: [{ name: 'C', default: 4, min: 1, max: 4096, integer: true, description: 'chunk size: positions per chunk' }],
  make: ({ C }, context) => {
    const { k } = vars;
    return {
      expr: label('chunked', and(
        label('same chunk', eq(floor(div(queryPosition(context), C)), floor(div(k, C)))),
        label('causal', causalCondition(context)),
      )),
      tables: {},
    };
  },
  source: 'Meta Llama 4 (2025): chunked local attention (attention_chunk_size = 8192) in three of every four ' +
    'layers; Hugging Face transformers chunked_attention_mask (`q_idx // C == kv_idx // C` and causal).',
  equivalents: 'Hugging Face Llama4TextConfig.attention_chunk_size = C; FlexAttention mask_mod ' +
    '`(q_idx // C == kv_idx // C) & (q_idx >= kv_idx)`; equals the document-causal mask with a document every C ' +
    'tokens. Not a sliding window: the first query of a chunk sees only itself.',
});

/**
 * Block-causal: positions are cut into blocks of size `block`; a query sees every key of its own
 * block (also later ones in it) and of every earlier block.
 * Rule: floor(k / block) ≤ floor(q / block) (bottom-right q' = q + Lk − Lq).
 * Example, block = 2, L = 5: [[1,1,0,0,0],[1,1,0,0,0],[1,1,1,1,0],[1,1,1,1,0],[1,1,1,1,1]].
 * Source: block-wise causal attention of blockwise-parallel / semi-autoregressive decoders and
 * video / diffusion-forcing models (e.g. CausVid, Yin et al. 2025); attention-gym style mask_mod.
 */
export const blockCausal = defineMask({
  id: 'block-causal',
  name: 'Block-causal',
  params: [{ name: 'block', default: 2, min: 1, max: 4096, integer: true, description: 'block size: positions per block' }],
  make: ({ block }, context) => ({
    expr: label('block-causal', le(floor(div(vars.k, block)), floor(div(queryPosition(context), block)))),
    tables: {},
  }),
  source: 'Block-wise causal attention: whole blocks attend bidirectionally inside and causally across, as in ' +
    'semi-autoregressive / blockwise decoding (Wang et al. 2018, "Semi-Autoregressive Neural Machine Translation") ' +
    'and block-causal video diffusion (Yin et al. 2025, CausVid).',
  equivalents: 'FlexAttention mask_mod `kv_idx // block <= q_idx // block`; the prefix-LM with one prefix per block; ' +
    'causal with block = 1; full attention with block ≥ Lk.',
});
