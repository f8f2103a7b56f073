/**
 * The rules of the "no English in 中文" check (tests/browser/visibleText.ts), on plain strings:
 * prose is found; code-shaped words, formulas written as calls and cited authors are not.
 */
import { describe, expect, it } from 'vitest';
import { englishWords } from '../browser/visibleText';

describe('englishWords', () => {
  it('englishWords finds English prose inside Chinese text', () => {
    expect(englishWords('前缀语言模型（Prefix-LM）')).toEqual(['Prefix-LM']);
    expect(englishWords('计算 Q·Kᵀ 分数和 weights·V 的乘加')).toEqual(['weights']);
    expect(englishWords('Causal mask')).toEqual(['Causal', 'mask']);
  });

  it('englishWords skips code-shaped words (digits, _, ., camelCase, capitals, single letters); a literal like True outside <code> is still found', () => {
    expect(englishWords('PyTorch SDPA is_causal=True、jax.nn、float32、WebGL、NaN、q、k、W')).toEqual(['True']);
  });

  it('englishWords skips formulas written as calls, and authors cited before 等 or et al.', () => {
    expect(englishWords('即 where(mask, logits, −∞)，而不是')).toEqual([]);
    expect(englishWords('Attention(Q, K, V) = softmax(mask(QKᵀ / √dK)) · V')).toEqual([]);
    expect(englishWords('（Press 等，2022）；Vaswani et al. 2017')).toEqual([]);
  });
});
