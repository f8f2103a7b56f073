import { describe, expect, it } from 'vitest';
import { explainStep, rowList, type ExplainContext } from '../../src/ui/stepExplanation';
import { en } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';
import { DEFAULT_SCENARIO, PIPELINE_STEPS } from '../../src/state/scenario';
import { explainContext } from '../../src/ui/lessonContext';
import type { StageSlice } from '../../src/compute/slices';

/** A hand-made 3 × 3 slice: row 1 fully masked, row 2 a padded query, key 2 blocked everywhere. */
function slice(): StageSlice {
  const mask = Uint8Array.from([1, 1, 0, 0, 0, 0, 1, 1, 0]);
  const blocked = mask.map((m) => 1 - m);
  const f = (xs: number[]) => Float32Array.from(xs);
  return {
    batch: 0, head: 1, rows: 3, cols: 3, dV: 4,
    scores: f([1, 2, 3, 4, 5, 6, 7, 8, 9]), scaled: f([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]), logits: f([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]),
    weights: f([0.4, 0.6, 0, 0, 0, 0, 0.4, 0.6, 0]),
    mask, blocked, output: new Float32Array(12), paddedRows: Uint8Array.from([0, 0, 1]), fullyMaskedRows: Uint8Array.from([0, 1, 0]),
  };
}
const context: ExplainContext = { dK: 4, temperature: 1, alibi: false, softcap: 0, heads: 2, tokens: 'self', paddingTokens: 1 };
const keysOf = (step: (typeof PIPELINE_STEPS)[number], c = context) => explainStep(step, slice(), c).map((s) => s.key);

describe('explainStep', () => {
  it('the fully masked row is explained where it first matters: masked (all −∞), weights (0, never NaN), output (0)', () => {
    expect(keysOf('scaled')).not.toContain('fullyMaskedFirst');
    expect(keysOf('mask')).not.toContain('fullyMaskedFirst');
    expect(explainStep('masked', slice(), context)).toContainEqual({ key: 'fullyMaskedFirst', values: { count: 1, rows: '1' } });
    expect(keysOf('weights')).toEqual(['weights', 'fullyMaskedWeights']); // every cell changed: no outline, no "outlined"
    expect(keysOf('scaled')).toEqual(['scaled']);
    expect(keysOf('output')).toEqual(['output', 'outputPadded', 'outputFullyMasked']);
  });

  it('the padded query row is explained at the mask step; padding tokens at the tokens step', () => {
    expect(explainStep('mask', slice(), context)).toEqual([
      { key: 'mask', values: { blocked: 5, total: 9 } },
      { key: 'paddedRows', values: { count: 1 } },
      { key: 'outlined' }, // 5 of 9 cells changed: they are outlined
    ]);
    expect(explainStep('tokens', slice(), context)).toEqual([
      { key: 'tokensSelf', values: { lq: 3, lk: 3, count: 3 } },
      { key: 'padding', values: { count: 1 } },
    ]);
  });

  it('a padded batch item where the two causal readings differ: the mask step says which reading is on and how many cells differ', () => {
    expect(explainStep('mask', slice(), { ...context, readings: { count: 2, reading: 'real', realCalls: 'A()', paddedCalls: 'B()' } })).toContainEqual({ key: 'readingsReal', values: { count: 2, realCalls: 'A()', paddedCalls: 'B()' } });
    expect(explainStep('mask', slice(), { ...context, readings: { count: 1, reading: 'padded', realCalls: 'A()', paddedCalls: 'B()' } })).toContainEqual({ key: 'readingsPadded', values: { count: 1, realCalls: 'A()', paddedCalls: 'B()' } });
    expect(keysOf('masked', { ...context, readings: { count: 1, reading: 'real', realCalls: 'A()', paddedCalls: 'B()' } })).not.toContain('readingsReal');
    expect(keysOf('mask')).not.toContain('readingsReal');
  });

  it('key padding off: the mask step counts the real queries allowed a padding key (queries of padding tokens not counted)', () => {
    // slice(): row 0 allows keys 0 and 1, row 1 nothing, row 2 keys 0 and 1
    const open = (queriesReal: boolean[], keysReal: boolean[]) => ({ ...context, withoutKeyPadding: { queriesReal, keysReal } });
    expect(explainStep('mask', slice(), open([true, true, false], [true, false, true]))).toContainEqual({ key: 'padKeysOpen', values: { count: 1 } });
    expect(explainStep('mask', slice(), open([true, true, true], [false, true, true]))).toContainEqual({ key: 'padKeysOpen', values: { count: 2 } });
    expect(keysOf('mask', open([true, true, true], [true, true, false]))).not.toContain('padKeysOpen'); // the pad column is blocked
    expect(keysOf('mask', open([false, true, false], [false, false, false]))).not.toContain('padKeysOpen'); // row 0 a pad too, row 1 allows none
    expect(keysOf('mask')).not.toContain('padKeysOpen'); // key padding on
    expect(keysOf('weights', open([true, true, true], [true, false, true]))).not.toContain('padKeysOpen');
  });

  it('explainContext: the real tokens of both sides only with key padding off, in text mode', () => {
    const sides = { query: { tokens: [['a', '<pad>']], isReal: [[true, false]], length: 2 }, key: { tokens: [['a', '<pad>']], isReal: [[true, false]], length: 2 } };
    const text = { ...DEFAULT_SCENARIO, keyPadding: false };
    expect(explainContext(text, sides.query, sides.key, 0).withoutKeyPadding).toEqual({ queriesReal: [true, false], keysReal: [true, false] });
    expect(explainContext({ ...text, keyPadding: true }, sides.query, sides.key, 0).withoutKeyPadding).toBeUndefined();
    expect(explainContext({ ...text, inputMode: 'lengths' }, sides.query, sides.key, 0).withoutKeyPadding).toBeUndefined();
  });

  it('scaled, dK = 4: divides by √4 = 2 and counts the 9 changed cells; τ = 0.5 says τ·√dK = 1', () => {
    expect(explainStep('scaled', slice(), context)).toEqual([{ key: 'scaled', values: { root: 2, tau: 1, changed: 9, total: 9 } }]);
    expect(explainStep('scaled', slice(), { ...context, temperature: 0.5 })[0]).toMatchObject({ key: 'scaledTemperature', values: { root: 1 } });
  });

  it('logits with ALiBi: the slope of head 1 of 2 is 2^(−8) ≈ 0.00391', () => {
    expect(explainStep('logits', slice(), { ...context, alibi: true })[0]).toEqual({ key: 'logitsAlibi', values: { slope: 0.00391, head: 1 } });
  });

  it('every key it can return exists in English and Chinese', () => {
    const contexts: ExplainContext[] = [context, { ...context, readings: { count: 1, reading: 'real', realCalls: 'A()', paddedCalls: 'B()' } }, { ...context, readings: { count: 3, reading: 'padded', realCalls: 'A()', paddedCalls: 'B()' } }, { ...context, temperature: 2, alibi: true, softcap: 5, tokens: 'cross' }, { ...context, tokens: 'lengths', paddingTokens: 0 }, { ...context, withoutKeyPadding: { queriesReal: [true, true, true], keysReal: [true, false, true] } }];
    for (const c of contexts) {
      for (const step of PIPELINE_STEPS) {
        for (const { key } of explainStep(step, slice(), c)) {
          expect(en.lesson.explain[key as keyof typeof en.lesson.explain], key).toBeTruthy();
          expect(zh.lesson.explain[key as keyof typeof zh.lesson.explain], key).toBeTruthy();
        }
      }
    }
  });

  it('rowList: indices of the flagged rows, at most 8 then "…"', () => {
    expect(rowList(Uint8Array.from([1, 0, 1]))).toBe('0, 2');
    expect(rowList(new Uint8Array(10).fill(1))).toBe('0, 1, 2, 3, 4, 5, 6, 7, …');
  });
});
