/**
 * JAX snippet: the mask as a jax.numpy bool array.
 */
import { translateMask } from './python';
import { definitions, formulaComment, gridLines, joinLines, rootAssignment, sizesLine, type ArrayDialect } from './snippet';
import type { CodegenMask, CodegenShape } from './types';

const JAX_ARRAYS: ArrayDialect = {
  array: (list) => `jnp.array(${list})`,
  empty: (shape, bool) => `jnp.zeros(${shape}, dtype=${bool ? 'bool' : 'jnp.int32'})`,
  grid: (g) => {
    const reshape = { b: 'B, 1, 1, 1', h: '1, H, 1, 1', q: '1, 1, Lq, 1', k: '1, 1, 1, Lk' }[g];
    const size = { b: 'B', h: 'H', q: 'Lq', k: 'Lk' }[g];
    return `jnp.arange(${size}).reshape(${reshape})`;
  },
};

/**
 * JAX code that builds the mask: `mask`, bool [B, H, Lq, Lk], True = the query may attend the key
 * — what `jax.nn.dot_product_attention(…, mask=mask)` and `flax.linen.dot_product_attention(…,
 * mask=mask)` expect (False = masked out).
 *
 * Rule: as pytorchMaskSnippet, with jax.numpy: `jnp.arange(…).reshape(…)` grids, literal `jnp.array`
 * tables, `jnp.where`, floored `%` (jnp.remainder), `//`; integers are int32 and `/` float32 (JAX's
 * defaults without x64).
 * Example, causal top-left: `causal = k <= q  # causal` / `mask = jnp.broadcast_to(causal, (B, H, Lq, Lk))`.
 *
 * @param mask `{ expr, tables }`; @param shape B, H, Lq, Lk (integers ≥ 1).
 * @returns a self-contained snippet ending with `mask` defined.
 * @throws Error when the sizes are not integers ≥ 1, the expression is not a well-typed mask, or a
 *   table is missing or malformed.
 * Source: `jax.nn.dot_product_attention` (mask: bool, "True indicates the element should take part
 * in attention", broadcastable to (B, N, T, S); query is (B, T, N, H)); `flax.linen.dot_product_attention`
 * ("masked out if their corresponding mask value is False").
 */
export function jaxMaskSnippet(mask: CodegenMask, shape: CodegenShape): string {
  const py = translateMask(mask.expr, mask.tables, shape, 'jax');
  const lines = [
    formulaComment(mask.expr),
    '# mask: bool [B, H, Lq, Lk], True = the query may attend the key (False = masked out). Use it as',
    '#   jax.nn.dot_product_attention(query, key, value, mask=mask)  # query [B, Lq, H, D], key/value [B, Lk, H, D]',
    '#   flax.linen.dot_product_attention(query, key, value, mask=mask)',
    'import jax.numpy as jnp',
    '',
    sizesLine(shape),
    '',
    ...definitions(py, JAX_ARRAYS),
    ...gridLines(py, JAX_ARRAYS),
    ...py.statements,
    ...(py.scalar
      ? [`mask = jnp.full((B, H, Lq, Lk), ${py.root}, dtype=bool)`]
      : rootAssignment(py, 'mask = ', {
        open: 'jnp.broadcast_to(',
        close: ', (B, H, Lq, Lk))',
        splitClose: '',
        afterSplit: ['mask = jnp.broadcast_to(mask, (B, H, Lq, Lk))'],
      })),
  ];
  return joinLines(lines);
}
