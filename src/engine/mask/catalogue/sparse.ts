/**
 * Sparse Transformer factorised attention (Child et al. 2019, §4.3), strided and fixed, as the
 * "merged head" of §5.1 (one head attends to the union of the two factorised sets).
 *
 * The paper's definitions, for query i and key j, all inside the causal set {j : j ≤ i}:
 *   strided: A(1)_i = {t, t+1, …, i} with t = max(0, i − l)       (l + 1 keys: the previous l and i)
 *            A(2)_i = {j : (i − j) mod l = 0}
 *   fixed:   A(1)_i = {j : floor(j / l) = floor(i / l)}
 *            A(2)_i = {j : j mod l ∈ {t, t+1, …, l}} with t = l − c  (c "summary" keys per block)
 * Positions are bottom-right aligned (i = q + Lk − Lq).
 */
import { and, div, eq, floor, ge, label, le, mod, or, sub, vars } from '../expr';
import { causalCondition, defineMask, queryPosition } from './types';

const PAPER = 'Child, Gray, Radford and Sutskever 2019, "Generating Long Sequences with Sparse Transformers" ' +
  '(arXiv:1904.10509) §4.3 "Two-dimensional factorized attention"';

/**
 * Sparse Transformer, strided pattern (merged head): the previous l keys and the query itself,
 * plus every l-th key before it.
 * Rule: k ≤ q and (q − k ≤ l or (q − k) mod l = 0) (bottom-right q' = q + Lk − Lq). The local part
 * is the paper's A(1) = {max(0, i − l), …, i}: l + 1 keys.
 * Example, l = 2, L = 6: [[1,0,0,0,0,0],[1,1,0,0,0,0],[1,1,1,0,0,0],[0,1,1,1,0,0],[1,0,1,1,1,0],
 * [0,1,0,1,1,1]].
 * Source: Child et al. 2019, §4.3 (strided attention), §5.1 (merged head).
 */
export const sparseStrided = defineMask({
  id: 'sparse-strided',
  name: 'Sparse Transformer (strided)',
  params: [{ name: 'l', default: 3, min: 1, max: 4096, integer: true, description: 'stride l (the paper picks l ≈ √n): local span and step' }],
  make: ({ l }, context) => {
    const distance = sub(queryPosition(context), vars.k);
    return {
      expr: label('Sparse Transformer (strided)', and(
        label('causal', causalCondition(context)),
        or(label('local', le(distance, l)), label('strided', eq(mod(distance, l), 0))),
      )),
      tables: {},
    };
  },
  source: `${PAPER}: A(1)_i = {t, …, i} with t = max(0, i − l) and A(2)_i = {j : (i − j) mod l = 0}; the union ` +
    'is the §5.1 "merged head".',
  equivalents: 'openai/sparse_attention get_attn_mask(n, "local", l) keeps l keys (band_part(l − 1, 0)), one fewer ' +
    'than the paper\'s A(1), and get_attn_mask(n, "strided", l) is A(2); FlexAttention mask_mod ' +
    '`(q_idx >= kv_idx) & ((q_idx - kv_idx <= l) | ((q_idx - kv_idx) % l == 0))`. To give the two sets to different ' +
    'heads (or layers, §5.1) instead, write `h % 2 == 0 ? local : strided` as a custom mask.',
});

/**
 * Sparse Transformer, fixed pattern (merged head): the query's own block of l positions up to
 * itself, plus the last c positions of every earlier block ("summary" keys).
 * Rule: k ≤ q and (floor(k / l) = floor(q / l) or k mod l ≥ l − c) (bottom-right q' = q + Lk − Lq).
 * c ≥ l makes every key a summary key (plain causal).
 * Example, l = 3, c = 1, L = 7: [[1,0,0,0,0,0,0],[1,1,0,0,0,0,0],[1,1,1,0,0,0,0],[0,0,1,1,0,0,0],
 * [0,0,1,1,1,0,0],[0,0,1,1,1,1,0],[0,0,1,0,0,1,1]].
 * Source: Child et al. 2019, §4.3 (fixed attention), §5.1 (merged head).
 */
export const sparseFixed = defineMask({
  id: 'sparse-fixed',
  name: 'Sparse Transformer (fixed)',
  params: [
    { name: 'l', default: 4, min: 1, max: 4096, integer: true, description: 'block length l' },
    { name: 'c', default: 1, min: 1, max: 4096, integer: true, description: 'summary keys: the last c positions of each block (the paper uses c ∈ {8, 16, 32} for l = 128)' },
  ],
  make: ({ l, c }, context) => {
    const { k } = vars;
    return {
      expr: label('Sparse Transformer (fixed)', and(
        label('causal', causalCondition(context)),
        or(
          label('same block', eq(floor(div(k, l)), floor(div(queryPosition(context), l)))),
          label('summary', ge(mod(k, l), sub(l, c))),
        ),
      )),
      tables: {},
    };
  },
  source: `${PAPER}: A(1)_i = {j : floor(j/l) = floor(i/l)} and A(2)_i = {j : j mod l ∈ {t, …, l}} with t = l − c; ` +
    'the union is the §5.1 "merged head". Since j mod l ≤ l − 1, A(2) holds the last c positions of each block.',
  equivalents: 'DeepSpeed FixedSparsityConfig(num_local_blocks, num_global_blocks, attention="unidirectional") is the ' +
    'same idea on blocks (l = num_local_blocks·block, c = num_global_blocks·block); FlexAttention mask_mod ' +
    '`(q_idx >= kv_idx) & ((q_idx // l == kv_idx // l) | (kv_idx % l >= l - c))`.',
});
