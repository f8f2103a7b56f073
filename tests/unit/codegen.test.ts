import { describe, expect, it } from 'vitest';
import {
  flexMaskModSnippet, jaxMaskSnippet, maskSnippets, pytorchMaskSnippet, tensorflowMaskSnippet, type CodegenMask,
} from '../../src/engine/codegen';
import { and, label, le, lookup, lt, param, sub, vars, type MaskExpr } from '../../src/engine/mask/expr';
import { parseMaskExpression } from '../../src/engine/mask/parse';
import type { MaskTables } from '../../src/engine/mask/tables';
import { buildMaskSpec } from '../../src/engine/masks';

const { q, k, b } = vars;
const grid = (batch: number, heads: number, queryLength: number, keyLength: number) =>
  ({ batch, heads, queryLength, keyLength });

/** A formula parsed as the app parses it, labelled 'custom'. */
function custom(source: string, parameters: Record<string, number> = {}, tables: MaskTables = {}): CodegenMask {
  const ranks = Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, t.shape.length]));
  const parsed = parseMaskExpression(source, { variables: ['q', 'k', 'b', 'h', 'Lq', 'Lk'], parameters, tables: ranks });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { expr: label('custom', parsed.expr), tables };
}

/** The lines of a snippet that are code (no comments, no blank lines). */
const codeLines = (snippet: string) => snippet.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));

// Causal (bottom-right) + key padding, B = 2, H = 1, Lq = 2, Lk = 3; batch item 0's key 2 is padding.
const SMALL = buildMaskSpec({ causal: 'bottom-right', keyIsReal: [[true, true, false], [true, true, true]] });
const SMALL_SHAPE = grid(2, 1, 2, 3);

describe('pytorchMaskSnippet: causal bottom-right + key padding, B=2 H=1 Lq=2 Lk=3', () => {
  it('pytorchMaskSnippet writes sizes, the table, the grids, one line per labelled term, and mask last', () => {
    expect(pytorchMaskSnippet(SMALL, SMALL_SHAPE)).toBe([
      '# Maskscope mask: k <= q + (Lk - Lq) && keyIsReal[b][k]',
      '# mask: bool [B, H, Lq, Lk], True = the query may attend the key. Use it as',
      '#   torch.nn.functional.scaled_dot_product_attention(query, key, value, attn_mask=mask)',
      '# with query [B, H, Lq, E] and key, value [B, H, Lk, E] (PyTorch >= 2.0). is_causal=True alone',
      '# would be top-left causal (k <= q); a fully masked row gives zeros in PyTorch >= 2.5, NaN before.',
      'import torch',
      '',
      'B, H, Lq, Lk = 2, 1, 2, 3  # batch, heads, query length, key length',
      '',
      'keyIsReal = torch.tensor([[True, True, False], [True, True, True]])  # keyIsReal: shape [2, 3], True/1 = on',
      '',
      '# Index grids, broadcastable to [B, H, Lq, Lk]',
      'b = torch.arange(B).view(B, 1, 1, 1)',
      'q = torch.arange(Lq).view(1, 1, Lq, 1)',
      'k = torch.arange(Lk).view(1, 1, 1, Lk)',
      '',
      'causal = k <= q + (Lk - Lq)  # causal',
      'key_padding = keyIsReal[b, k]  # key padding',
      'mask = (causal & key_padding).expand(B, H, Lq, Lk)',
      '',
    ].join('\n'));
  });

  it('flexMaskModSnippet writes mask_mod(b, h, q_idx, kv_idx), create_block_mask with H = None, and the dense mask', () => {
    const code = flexMaskModSnippet(SMALL, SMALL_SHAPE);
    expect(code).toContain('#   block_mask = create_block_mask(mask_mod, B, None, Lq, Lk, device="cuda")\n');
    expect(codeLines(code)).toEqual([
      'import torch',
      'B, H, Lq, Lk = 2, 1, 2, 3  # batch, heads, query length, key length',
      'keyIsReal = torch.tensor([[True, True, False], [True, True, True]])  # keyIsReal: shape [2, 3], True/1 = on',
      'def mask_mod(b, h, q_idx, kv_idx):',
      '    causal = kv_idx <= q_idx + (Lk - Lq)  # causal',
      '    key_padding = keyIsReal[b, kv_idx]  # key padding',
      '    return causal & key_padding',
      'mask = mask_mod(',
      '    torch.arange(B).view(B, 1, 1, 1),',
      '    torch.arange(H).view(1, H, 1, 1),',
      '    torch.arange(Lq).view(1, 1, Lq, 1),',
      '    torch.arange(Lk).view(1, 1, 1, Lk),',
      ').expand(B, H, Lq, Lk)',
    ]);
  });

  it('jaxMaskSnippet writes the same terms with jnp and broadcasts to [B, H, Lq, Lk]', () => {
    expect(codeLines(jaxMaskSnippet(SMALL, SMALL_SHAPE))).toEqual([
      'import jax.numpy as jnp',
      'B, H, Lq, Lk = 2, 1, 2, 3  # batch, heads, query length, key length',
      'keyIsReal = jnp.array([[True, True, False], [True, True, True]])  # keyIsReal: shape [2, 3], True/1 = on',
      'b = jnp.arange(B).reshape(B, 1, 1, 1)',
      'q = jnp.arange(Lq).reshape(1, 1, Lq, 1)',
      'k = jnp.arange(Lk).reshape(1, 1, 1, Lk)',
      'causal = k <= q + (Lk - Lq)  # causal',
      'key_padding = keyIsReal[b, k]  # key padding',
      'mask = jnp.broadcast_to(causal & key_padding, (B, H, Lq, Lk))',
    ]);
  });

  it('tensorflowMaskSnippet reads tables with lookup (gather_nd) and gives Keras attention_mask = mask[:, 0]', () => {
    const lines = codeLines(tensorflowMaskSnippet(SMALL, SMALL_SHAPE));
    expect(lines).toContain('key_padding = lookup(keyIsReal, b, k)  # key padding');
    expect(lines).toContain('mask = tf.broadcast_to(causal & key_padding, (B, H, Lq, Lk))');
    expect(lines.slice(-2)).toEqual([
      'tf.debugging.assert_equal(mask, tf.broadcast_to(mask[:, :1], tf.shape(mask)))',
      'attention_mask = mask[:, 0]  # [B, Lq, Lk]',
    ]);
  });

  it('maskSnippets gives the four targets in order, each ending with exactly one newline', () => {
    const snippets = maskSnippets(SMALL, SMALL_SHAPE);
    expect(snippets.map((s) => s.target)).toEqual(['pytorch', 'flex-attention', 'jax', 'tensorflow']);
    for (const s of snippets) expect(s.code).toMatch(/[^\n]\n$/);
  });
});

describe('translation rules (the core semantics kept in Python)', () => {
  const torchLines = (mask: CodegenMask, shape = grid(1, 1, 4, 4)) => codeLines(pytorchMaskSnippet(mask, shape));

  it('floor(q / W) with W = 4 is plain floor division; floor(q / (k - 1)) may divide by 0 and uses safe_floordiv', () => {
    expect(torchLines(custom('floor(q / W) == floor(k / W)', { W: 4 }))).toContain('custom = q // W == k // W  # custom');
    const lines = torchLines(custom('floor(q / (k - 1)) >= 2'));
    expect(lines).toContain('custom = safe_floordiv(q, k - 1) >= 2  # custom');
    expect(lines).toContain('def safe_floordiv(a, b):');
  });

  it('q % (k + 1) has a divisor ≥ 1 and stays plain; q % (k - 2) uses safe_mod; q / (k - 3) uses safe_div', () => {
    expect(torchLines(custom('q % (k + 1) == 0'))).toContain('custom = q % (k + 1) == 0  # custom');
    expect(torchLines(custom('q % (k - 2) == 0'))).toContain('custom = safe_mod(q, k - 2) == 0  # custom');
    expect(torchLines(custom('q / (k - 3) > 1'))).toContain('custom = safe_div(q, k - 3) > 1  # custom');
  });

  it('comparisons inside & and | are parenthesised (Python binds & tighter than <=)', () => {
    expect(torchLines(custom('(k <= q && q - k < 3) || k == 0'))).toContain(
      'custom = ((k <= q) & (q - k < 3)) | (k == 0)  # custom');
  });

  it('not is ~ on tensors and `not` on Python bools', () => {
    expect(torchLines(custom('!(k > q)'))).toContain('custom = ~(k > q)  # custom');
    expect(torchLines(custom('!(Lq == Lk) || k <= q'))).toContain('custom = (not (Lq == Lk)) | (k <= q)  # custom');
  });

  it('a float operation on Python numbers starts from a float32 tensor: Lk / 3', () => {
    expect(torchLines(custom('Lk / 3 > 1.3 && k <= q'))).toContain(
      'custom = (torch.tensor(Lk, dtype=torch.float32) / 3 > 1.3) & (k <= q)  # custom');
  });

  it('a mask that is a Python bool fills [B, H, Lq, Lk]', () => {
    expect(torchLines(custom('true')).slice(-2)).toEqual([
      'custom = True  # custom',
      'mask = torch.full((B, H, Lq, Lk), custom, dtype=torch.bool)',
    ]);
  });

  it('docId[b][q] with q inside the table is plain indexing; with q + Lk - Lq < 0 possible it uses lookup', () => {
    const docId = { shape: [1, 4], data: Int32Array.from([0, 0, 1, 1]) };
    expect(torchLines(custom('docId[b][q] == docId[b][k]', {}, { docId }))).toContain(
      'custom = docId[b, q] == docId[b, k]  # custom');
    const lines = torchLines(custom('docId[b][q + Lk - Lq] == docId[b][k]', {}, { docId }), grid(1, 1, 6, 4));
    expect(lines).toContain('custom = lookup(docId, b, q + Lk - Lq) == docId[b, k]  # custom');
    expect(lines).toContain('def lookup(table, *index):');
  });

  it('a 0/1 table is written as True/False and turned into numbers with .long() where a number is needed', () => {
    const flags = { shape: [1, 4], data: Uint8Array.from([1, 1, 0, 1]) };
    const lines = torchLines(custom('flags[b][k] + 1 == 2', {}, { flags }));
    expect(lines).toContain('flags = torch.tensor([[True, True, False, True]])  # flags: shape [1, 4], True/1 = on');
    expect(lines).toContain('custom = flags[b, k].long() + 1 == 2  # custom');
  });

  it('a parameter named like a Python keyword is renamed: global → global_', () => {
    const lines = torchLines(custom('k <= q || k < global', { global: 2 }));
    expect(lines).toContain('global_ = 2');
    expect(lines).toContain('custom = (k <= q) | (k < global_)  # custom');
  });

  it('two parameters with one name and different values get two names: W and W_2', () => {
    const expr = and(label('window', lt(sub(q, k), param('W', 2))), label('window', lt(sub(k, q), param('W', 3))));
    const lines = torchLines({ expr, tables: {} });
    expect(lines).toEqual(expect.arrayContaining(['W = 2', 'W_2 = 3', 'window = q - k < W  # window', 'window_2 = k - q < W_2  # window']));
    expect(lines.slice(-1)).toEqual(['mask = (window & window_2).expand(B, H, Lq, Lk)']);
  });

  it('a long top-level and is written one term per line', () => {
    const terms: MaskExpr[] = [0, 1, 2, 3, 4, 5].map((i) => le(sub(q, k), i + 10));
    const code = pytorchMaskSnippet({ expr: and(...terms), tables: {} }, grid(1, 1, 3, 3));
    expect(code).toContain([
      'mask = (',
      '    (q - k <= 10)',
      '    & (q - k <= 11)',
      '    & (q - k <= 12)',
      '    & (q - k <= 13)',
      '    & (q - k <= 14)',
      '    & (q - k <= 15)',
      ').expand(B, H, Lq, Lk)',
    ].join('\n'));
  });

  it('TF casts to float32 where the core computes in float, and uses divide_no_nan for a divisor that may be 0', () => {
    const lines = codeLines(tensorflowMaskSnippet(custom('q / 2 > min(k, 1.5) || q / (k - 1) > 1'), grid(1, 1, 4, 4)));
    expect(lines).toContain(
      'custom = (tf.cast(q, tf.float32) / 2 > tf.minimum(tf.cast(k, tf.float32), 1.5)) | (safe_div(q, k - 1) > 1)  # custom');
    expect(lines).toContain('    return tf.math.divide_no_nan(tf.cast(a, tf.float32), tf.cast(b, tf.float32))');
  });

  it('TF: a mask that differs per head is not given to Keras, and the snippet says why', () => {
    const code = tensorflowMaskSnippet(custom('h % 2 == 0 ? k <= q : true'), grid(1, 2, 3, 3));
    expect(code).toContain('# Keras MultiHeadAttention cannot take this mask: it differs per head');
    expect(code).not.toContain('attention_mask = ');
  });

  it('create_block_mask gets None for B and H when the mask reads neither b nor h', () => {
    const code = flexMaskModSnippet(buildMaskSpec({ causal: 'top-left', keyIsReal: null }), grid(2, 2, 3, 3));
    expect(code).toContain('create_block_mask(mask_mod, None, None, Lq, Lk, device="cuda")');
    expect(codeLines(code)).toContain('    causal = kv_idx <= q_idx  # causal');
  });

  it('pytorchMaskSnippet throws, naming the table, when a table the mask reads is missing', () => {
    expect(() => pytorchMaskSnippet({ expr: lookup('docId', b, q), tables: {} }, grid(1, 1, 2, 2))).toThrow(/table 'docId'/);
  });

  it('pytorchMaskSnippet throws when the expression is a number, not a mask', () => {
    expect(() => pytorchMaskSnippet({ expr: sub(q, k), tables: {} }, grid(1, 1, 2, 2))).toThrow(/a mask must be true or false/);
  });

  it('pytorchMaskSnippet throws when a size is not an integer ≥ 1', () => {
    expect(() => pytorchMaskSnippet(SMALL, grid(2, 0, 2, 3))).toThrow(/integers ≥ 1/);
  });
});
