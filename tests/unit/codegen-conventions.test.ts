import { describe, expect, it } from 'vitest';
import { frameworkMasks, maskVaries, type ConventionId, type FrameworkMask } from '../../src/engine/codegen';
import { flat } from '../helpers/arrays';

const T = true;
const F = false;
const byId = (list: FrameworkMask[]) => new Map(list.map((c) => [c.id, c]));
const get = (map: Map<ConventionId, FrameworkMask>, id: ConventionId): FrameworkMask => {
  const c = map.get(id);
  if (!c) throw new Error(`no convention '${id}'`);
  return c;
};

// B = 1, H = 1, Lq = 2, Lk = 3. Causal bottom-right (k ≤ q + 1) and left padding (key 0 is padding):
//   without padding [[1,1,0],[1,1,1]]; with it [[0,1,0],[0,1,1]].
const shape = { batch: 1, heads: 1, queryLength: 2, keyLength: 3 };
const mask = Uint8Array.from(flat([[0, 1, 0], [0, 1, 1]]));
const maskWithoutKeyPadding = Uint8Array.from(flat([[1, 1, 0], [1, 1, 1]]));
const keyIsReal = [[false, true, true]];
const conventions = byId(frameworkMasks({ mask, shape, keyIsReal, maskWithoutKeyPadding }));

describe('frameworkMasks: causal bottom-right + left padding, Lq=2 Lk=3, written out by hand', () => {
  it('frameworkMasks returns the eight conventions in the panel order', () => {
    expect([...conventions.keys()]).toEqual([
      'pytorch-sdpa', 'pytorch-mha-attn-mask', 'pytorch-mha-key-padding-mask', 'huggingface-attention-mask',
      'keras-mha', 'jax-flax', 'additive', 'tf-tutorial',
    ]);
  });

  it('PyTorch SDPA attn_mask: bool [Lq, Lk], True = attend', () => {
    const c = get(conventions, 'pytorch-sdpa');
    expect([c.shape, c.shapeLabel, c.dtype]).toEqual([[2, 3], '[Lq, Lk]', 'torch.bool']);
    expect(c.values).toEqual([[F, T, F], [F, T, T]]);
    expect(c.noteId).toBe('sdpaTopLeft');
  });

  it('nn.MultiheadAttention attn_mask: bool [Lq, Lk], True = BLOCKED, without the padding', () => {
    const c = get(conventions, 'pytorch-mha-attn-mask');
    expect([c.shape, c.shapeLabel, c.dtype]).toEqual([[2, 3], '[Lq, Lk]', 'torch.bool']);
    expect(c.values).toEqual([[F, F, T], [F, F, F]]);
  });

  it('nn.MultiheadAttention key_padding_mask: bool [B, Lk], True = padding', () => {
    const c = get(conventions, 'pytorch-mha-key-padding-mask');
    expect([c.shape, c.dtype]).toEqual([[1, 3], 'torch.bool']);
    expect(c.values).toEqual([[T, F, F]]);
  });

  it('Hugging Face attention_mask: int64 [B, Lk], 1 = real token; it cannot hold the causal part', () => {
    const c = get(conventions, 'huggingface-attention-mask');
    expect([c.shape, c.dtype]).toEqual([[1, 3], 'torch.int64']);
    expect(c.values).toEqual([[0, 1, 1]]);
    expect(c.representable).toBe(false);
    expect(c.noteId).toBe('hfPaddingOnly');
  });

  it('Keras MultiHeadAttention attention_mask: bool [B, Lq, Lk], True = attend', () => {
    const c = get(conventions, 'keras-mha');
    expect([c.shape, c.dtype, c.representable]).toEqual([[1, 2, 3], 'bool', true]);
    expect(c.values).toEqual([[F, T, F], [F, T, T]]);
  });

  it('JAX / Flax mask: bool, 4-D, False = masked out', () => {
    const c = get(conventions, 'jax-flax');
    expect([c.shape, c.dtype]).toEqual([[1, 1, 2, 3], 'bool']);
    expect(c.values).toEqual([[F, T, F], [F, T, T]]);
  });

  it('additive float mask: 0 = attend, −∞ = blocked', () => {
    const c = get(conventions, 'additive');
    expect(c.dtype).toBe('float32');
    expect(c.values).toEqual([[-Infinity, 0, -Infinity], [-Infinity, 0, 0]]);
  });

  it('old TensorFlow tutorial: float 1 = masked, 0 = attend', () => {
    const c = get(conventions, 'tf-tutorial');
    expect(c.values).toEqual([[1, 0, 1], [1, 0, 0]]);
    expect(c.argument).toBe('scaled_attention_logits += (mask * -1e9)');
  });
});

describe('frameworkMasks: shapes that depend on the batch and the heads', () => {
  // B = 1, H = 2, Lq = Lk = 2: head 0 causal [[1,0],[1,1]], head 1 full [[1,1],[1,1]].
  const perHead = { batch: 1, heads: 2, queryLength: 2, keyLength: 2 };
  const perHeadMask = Uint8Array.from([1, 0, 1, 1, 1, 1, 1, 1]);

  it('maskVaries finds the head dependence and no batch dependence', () => {
    expect(maskVaries(perHeadMask, perHead)).toEqual({ batch: false, heads: true });
  });

  it('a per-head mask: SDPA [1, H, Lq, Lk]; nn.MHA [B·H, Lq, Lk] at row b·H + h; Keras cannot hold it', () => {
    const c = byId(frameworkMasks({ mask: perHeadMask, shape: perHead, h: 1 }));
    expect(get(c, 'pytorch-sdpa').shape).toEqual([1, 2, 2, 2]);
    expect(get(c, 'pytorch-sdpa').values).toEqual([[T, T], [T, T]]);
    const mha = get(c, 'pytorch-mha-attn-mask');
    expect([mha.shape, mha.shapeLabel, mha.slice]).toEqual([[2, 2, 2], '[B·H, Lq, Lk]', 'row b·H + h = 1 (b = 0, h = 1)']);
    expect(mha.values).toEqual([[F, F], [F, F]]);
    const keras = get(c, 'keras-mha');
    expect(keras.representable).toBe(false);
    expect(keras.noteId).toBe('kerasPerHead');
  });

  it('a key-padding-only mask is all Hugging Face needs: representable, no note', () => {
    const padShape = { batch: 2, heads: 1, queryLength: 2, keyLength: 2 };
    const padding = Uint8Array.from([1, 0, 1, 0, 1, 1, 1, 1]);
    const c = byId(frameworkMasks({ mask: padding, shape: padShape, keyIsReal: [[true, false], [true, true]], b: 0 }));
    const hf = get(c, 'huggingface-attention-mask');
    expect([hf.values, hf.representable, hf.noteId]).toEqual([[[1, 0]], true, null]);
    expect(get(c, 'pytorch-sdpa').shape).toEqual([2, 1, 2, 2]);
  });

  it('frameworkMasks throws when the mask does not hold B·H·Lq·Lk values', () => {
    expect(() => frameworkMasks({ mask: new Uint8Array(5), shape })).toThrow(/B·H·Lq·Lk = 6/);
  });

  it('frameworkMasks throws when keyIsReal is not [B][Lk]', () => {
    expect(() => frameworkMasks({ mask, shape, keyIsReal: [[true, true]] })).toThrow(/keyIsReal must be \[B=1\]\[Lk=3\]/);
  });

  it('frameworkMasks throws when (b, h) is outside the grid', () => {
    expect(() => frameworkMasks({ mask, shape, h: 1 })).toThrow(/outside/);
  });
});
