/**
 * PyTorch snippets: the mask as a bool tensor from tensor ops, and as a FlexAttention `mask_mod`.
 */
import { usesVariable } from '../mask/expr';
import { translateMask } from './python';
import {
  definitions, formulaComment, gridLines, isIdentifier, joinLines, rootAssignment, sizesLine, type ArrayDialect,
} from './snippet';
import type { CodegenMask, CodegenShape } from './types';

const TORCH_ARRAYS: ArrayDialect = {
  array: (list) => `torch.tensor(${list})`,
  empty: (shape, bool) => `torch.zeros(${shape}, dtype=${bool ? 'torch.bool' : 'torch.int64'})`,
  grid: (g) => {
    const view = { b: 'B, 1, 1, 1', h: '1, H, 1, 1', q: '1, 1, Lq, 1', k: '1, 1, 1, Lk' }[g];
    const size = { b: 'B', h: 'H', q: 'Lq', k: 'Lk' }[g];
    return `torch.arange(${size}).view(${view})`;
  },
};

/**
 * PyTorch code that builds the mask with tensor ops: `mask`, bool [B, H, Lq, Lk], True = the
 * query may attend the key — the convention of `torch.nn.functional.scaled_dot_product_attention`'s
 * boolean `attn_mask`.
 *
 * Rule: index grids `torch.arange(…).view(…)` broadcast against each other; each labelled term is
 * one line (`causal = k <= q + (Lk - Lq)  # causal`); tables are literal tensors; parameters keep
 * their names. `/` is true division (float32), `%` floored (torch.remainder), `x / 0` = `x % 0` = 0
 * and a table index outside the table reads 0 — exactly the core's rules (see python.ts).
 * Example, causal top-left with B = H = 1, Lq = Lk = 3: the snippet ends
 *   `causal = k <= q  # causal` / `mask = causal.expand(B, H, Lq, Lk)`.
 *
 * @param mask `{ expr, tables }` (a MaskSpec or a catalogue MaskBuild).
 * @param shape batch B, heads H, queryLength Lq, keyLength Lk (integers ≥ 1).
 * @returns a self-contained snippet (imports, sizes, parameters, tables) ending with `mask` defined.
 * @throws Error when the sizes are not integers ≥ 1, the expression is not a well-typed mask, or a
 *   table is missing or malformed.
 * Source: PyTorch `torch.nn.functional.scaled_dot_product_attention` (attn_mask: bool, True = take
 * part in attention; or float, added to the scores); `torch.remainder`, `torch.where` docs.
 */
export function pytorchMaskSnippet(mask: CodegenMask, shape: CodegenShape): string {
  const py = translateMask(mask.expr, mask.tables, shape, 'torch');
  const lines = [
    formulaComment(mask.expr),
    '# mask: bool [B, H, Lq, Lk], True = the query may attend the key. Use it as',
    '#   torch.nn.functional.scaled_dot_product_attention(query, key, value, attn_mask=mask)',
    '# with query [B, H, Lq, E] and key, value [B, H, Lk, E] (PyTorch >= 2.0). is_causal=True alone',
    '# would be top-left causal (k <= q); a fully masked row gives zeros in PyTorch >= 2.5, NaN before.',
    'import torch',
    '',
    sizesLine(shape),
    '',
    ...definitions(py, TORCH_ARRAYS),
    ...gridLines(py, TORCH_ARRAYS),
    ...py.statements,
    ...(py.scalar
      ? [`mask = torch.full((B, H, Lq, Lk), ${py.root}, dtype=torch.bool)`]
      : rootAssignment(py, 'mask = ', {
        open: isIdentifier(py.root) ? '' : '(',
        close: `${isIdentifier(py.root) ? '' : ')'}.expand(B, H, Lq, Lk)`,
        splitClose: '.expand(B, H, Lq, Lk)',
      })),
  ];
  return joinLines(lines);
}

/**
 * A FlexAttention `mask_mod(b, h, q_idx, kv_idx)` for the mask (True = may attend), with its
 * `create_block_mask` call as a usage comment, and — so the snippet runs anywhere, PyTorch 1.13
 * included — `mask`, the dense bool [B, H, Lq, Lk] obtained by calling `mask_mod` on broadcast index
 * grids (what `create_mask(mask_mod, B, H, Lq, Lk)` returns).
 *
 * Rule: the same translation as `pytorchMaskSnippet`, with q → `q_idx` and k → `kv_idx`; tables
 * are module-level tensors the function captures (move them to the attention's device); every
 * operation is a tensor op (`torch.where`, no Python `if` on values), as FlexAttention's vmap
 * needs. `create_block_mask` gets `None` for B or H when the mask does not depend on b or h.
 * Example, causal top-left: `def mask_mod(b, h, q_idx, kv_idx): causal = kv_idx <= q_idx …`.
 *
 * @param mask `{ expr, tables }`; @param shape B, H, Lq, Lk (integers ≥ 1).
 * @returns a self-contained snippet ending with `mask` defined.
 * @throws Error as pytorchMaskSnippet.
 * Source: PyTorch `torch.nn.attention.flex_attention` (≥ 2.5): `mask_mod(b, h, q_idx, kv_idx) -> bool`,
 * `create_block_mask(mask_mod, B, H, Q_LEN, KV_LEN, device=…)`, `create_mask`; attention-gym examples.
 */
export function flexMaskModSnippet(mask: CodegenMask, shape: CodegenShape): string {
  const py = translateMask(mask.expr, mask.tables, shape, 'flex');
  const batchArg = usesVariable(mask.expr, 'b') ? 'B' : 'None';
  const headArg = usesVariable(mask.expr, 'h') ? 'H' : 'None';
  const body = py.statements.map((s) => `    ${s}`);
  const ret = py.scalar
    ? [`    return torch.full_like(q_idx, ${py.root}, dtype=torch.bool)`]
    : rootAssignment(py, 'return ', {
      open: '',
      close: '',
      splitClose: '',
      indent: '    ',
    });
  const lines = [
    formulaComment(mask.expr),
    '# FlexAttention mask_mod: True = the query may attend the key. Use it (PyTorch >= 2.5) as',
    '#   from torch.nn.attention.flex_attention import create_block_mask, flex_attention',
    `#   block_mask = create_block_mask(mask_mod, ${batchArg}, ${headArg}, Lq, Lk, device="cuda")`,
    '#   out = flex_attention(query, key, value, block_mask=block_mask)  # query [B, H, Lq, E]',
    ...(py.tables[0]
      ? [`# Move the tables below to the same device first, e.g. ${py.tables[0].pyName} = ${py.tables[0].pyName}.cuda().`]
      : []),
    'import torch',
    '',
    sizesLine(shape),
    '',
    ...definitions(py, TORCH_ARRAYS),
    '',
    '',
    'def mask_mod(b, h, q_idx, kv_idx):',
    ...body,
    ...ret,
    '',
    '',
    '# The dense mask, bool [B, H, Lq, Lk]: mask_mod on broadcast index grids',
    '# (what create_mask(mask_mod, B, H, Lq, Lk) returns).',
    'mask = mask_mod(',
    '    torch.arange(B).view(B, 1, 1, 1),',
    '    torch.arange(H).view(1, H, 1, 1),',
    '    torch.arange(Lq).view(1, 1, Lq, 1),',
    '    torch.arange(Lk).view(1, 1, 1, Lk),',
    ').expand(B, H, Lq, Lk)',
  ];
  return joinLines(lines);
}
