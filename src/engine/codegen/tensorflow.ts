/**
 * TensorFlow / Keras snippet: the mask as a tf bool tensor, and Keras MultiHeadAttention's
 * attention_mask when the mask is the same for every head.
 */
import { evaluateMaskGrid } from '../mask/evaluate';
import { usesVariable } from '../mask/expr';
import { translateMask } from './python';
import { definitions, formulaComment, gridLines, joinLines, rootAssignment, sizesLine, type ArrayDialect } from './snippet';
import type { CodegenMask, CodegenShape } from './types';

const TF_ARRAYS: ArrayDialect = {
  array: (list) => `tf.constant(${list})`,
  empty: (shape, bool) => `tf.zeros(${shape}, dtype=${bool ? 'tf.bool' : 'tf.int32'})`,
  grid: (g) => {
    const reshape = { b: 'B, 1, 1, 1', h: '1, H, 1, 1', q: '1, 1, Lq, 1', k: '1, 1, 1, Lk' }[g];
    const size = { b: 'B', h: 'H', q: 'Lq', k: 'Lk' }[g];
    return `tf.reshape(tf.range(${size}), (${reshape}))`;
  },
};

/**
 * True when the evaluated mask [B,H,Lq,Lk] differs between two heads of the same batch item.
 * @param grid Uint8Array [B,H,Lq,Lk] (1 = may attend), as evaluateMaskGrid returns.
 */
export function dependsOnHead(grid: Uint8Array, shape: CodegenShape): boolean {
  const { batch, heads, queryLength, keyLength } = shape;
  const cells = queryLength * keyLength;
  for (let b = 0; b < batch; b++) {
    const first = b * heads * cells;
    for (let h = 1; h < heads; h++) {
      const base = (b * heads + h) * cells;
      for (let i = 0; i < cells; i++) if (grid[base + i] !== grid[first + i]) return true;
    }
  }
  return false;
}

/**
 * TensorFlow code that builds the mask: `mask`, bool [B, H, Lq, Lk], True = the query may attend
 * the key; then, for Keras `MultiHeadAttention` — whose `attention_mask` is [B, Lq, Lk] with 1/True =
 * attend, shared by every head — `attention_mask = mask[:, 0]` after asserting that every head is
 * the same. When the mask differs per head (at this shape), the snippet says that Keras cannot take
 * it and shows how to apply `mask` to the scores instead.
 *
 * Rule: as pytorchMaskSnippet, with TF ops: `tf.range` grids (int32), literal `tf.constant` tables,
 * explicit `tf.cast` to float32 where the core computes in float (TF does not promote), `//` and `%`
 * (tf.math.floordiv / floormod, floored), `tf.math.divide_no_nan` for a divisor that may be 0,
 * `tf.where`, and `lookup` (tf.gather_nd, 0 outside the table) for every table read.
 * Example, causal top-left: `causal = k <= q  # causal` / `mask = tf.broadcast_to(causal, (B, H, Lq, Lk))`.
 *
 * @param mask `{ expr, tables }`; @param shape B, H, Lq, Lk (integers ≥ 1).
 * @returns a self-contained snippet with `mask` defined.
 * @throws Error when the sizes are not integers ≥ 1, the expression is not a well-typed mask, or a
 *   table is missing or malformed.
 * Source: Keras `MultiHeadAttention.call(attention_mask=…)`: "a boolean mask of shape (B, T, S), that
 * prevents attention to certain positions … 1 indicates attention and 0 indicates no attention";
 * TensorFlow `tf.math.floormod`, `tf.math.divide_no_nan`, `tf.gather_nd` docs.
 */
export function tensorflowMaskSnippet(mask: CodegenMask, shape: CodegenShape): string {
  const py = translateMask(mask.expr, mask.tables, shape, 'tf');
  // Only a mask that reads h can differ per head; evaluate the grid only then.
  const perHead = usesVariable(mask.expr, 'h') && dependsOnHead(evaluateMaskGrid(mask.expr, shape, mask.tables), shape);
  const keras = perHead
    ? [
      '',
      '# Keras MultiHeadAttention cannot take this mask: it differs per head (it reads h), and its',
      '# attention_mask is [B, Lq, Lk], shared by every head. Apply it to the scores of your own attention:',
      '#   scores = tf.where(mask, scores, float("-inf"))  # scores [B, H, Lq, Lk], before the softmax',
    ]
    : [
      '',
      '# Keras MultiHeadAttention: attention_mask [B, Lq, Lk], 1/True = attend, shared by every head.',
      '# This mask is the same for every head, so head 0 is all of it:',
      'tf.debugging.assert_equal(mask, tf.broadcast_to(mask[:, :1], tf.shape(mask)))',
      'attention_mask = mask[:, 0]  # [B, Lq, Lk]',
      '#   layer = tf.keras.layers.MultiHeadAttention(num_heads=H, key_dim=...)',
      '#   output = layer(query, value, attention_mask=attention_mask)  # query [B, Lq, dim], value [B, Lk, dim]',
    ];
  const lines = [
    formulaComment(mask.expr),
    '# mask: bool [B, H, Lq, Lk], True = the query may attend the key.',
    'import tensorflow as tf',
    '',
    sizesLine(shape),
    '',
    ...definitions(py, TF_ARRAYS),
    ...gridLines(py, TF_ARRAYS),
    ...py.statements,
    ...(py.scalar
      ? [`mask = tf.fill((B, H, Lq, Lk), ${py.root})`]
      : rootAssignment(py, 'mask = ', {
        open: 'tf.broadcast_to(',
        close: ', (B, H, Lq, Lk))',
        splitClose: '',
        afterSplit: ['mask = tf.broadcast_to(mask, (B, H, Lq, Lk))'],
      })),
    ...keras,
  ];
  return joinLines(lines);
}
