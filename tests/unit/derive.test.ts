import { describe, expect, it } from 'vitest';
import { computeSettingsKey, deriveInputs, vectorSettingsKey } from '../../src/scenario/derive';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { formatExpr } from '../../src/engine/mask';
import type { MaskSpec } from '../../src/engine/types';

/** The keyIsReal table [B][Lk] of a mask spec, as rows of 0/1. */
function keyTable(spec: MaskSpec): number[][] {
  const table = spec.tables.keyIsReal;
  if (!table) throw new Error('no keyIsReal table');
  const [rows = 0, cols = 0] = table.shape;
  return Array.from({ length: rows }, (_, r) => [...table.data.slice(r * cols, (r + 1) * cols)]);
}

const scenario = (patch: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...patch });

describe('deriveInputs', () => {
  it('self-attention text: one batch item per line, right-padded, keys are the queries', () => {
    const d = deriveInputs(scenario({ queryText: 'a b c\nd', keyPadding: true, queryPadding: true }));
    if (!d.ok) throw new Error(d.error);
    expect(d.query.tokens).toEqual([['a', 'b', 'c'], ['d', '<pad>', '<pad>']]);
    expect(d.key).toBe(d.query);
    expect(keyTable(d.inputs.mask)).toEqual([[1, 1, 1], [1, 0, 0]]);
    expect(d.inputs.queryIsReal).toEqual([[true, true, true], [true, false, false]]);
  });

  it('lengths mode has no padding: the padding boxes, ticked or not, add no term to the mask', () => {
    const d = deriveInputs(scenario({ inputMode: 'lengths', queryLength: 4, keyPadding: true, queryPadding: true, causal: true }));
    if (!d.ok) throw new Error(d.error);
    expect(d.inputs.mask.tables.keyIsReal).toBeUndefined();
    expect(formatExpr(d.inputs.mask.expr)).not.toContain('keyIsReal');
    expect(d.inputs.queryIsReal).toEqual([[true, true, true, true]]);
  });

  it('key padding off: no key is blocked; query padding off: every query counts as real', () => {
    const d = deriveInputs(scenario({ queryText: 'a b\nc', keyPadding: false, queryPadding: false }));
    if (!d.ok) throw new Error(d.error);
    expect(d.inputs.mask.tables.keyIsReal).toBeUndefined();
    expect(d.inputs.queryIsReal).toEqual([[true, true], [true, true]]);
  });

  it('cross-attention text: Lq from the target, Lk from the source, source padding on the keys', () => {
    const d = deriveInputs(scenario({ attention: 'cross', queryText: 'x y\nz', keyText: 'a b c\nd', paddingSide: 'left' }));
    if (!d.ok) throw new Error(d.error);
    expect(d.inputs.shape).toMatchObject({ batch: 2, queryLength: 2, keyLength: 3 });
    expect(d.key.tokens[1]).toEqual(['<pad>', '<pad>', 'd']);
    expect(keyTable(d.inputs.mask)).toEqual([[1, 1, 1], [0, 0, 1]]);
  });

  it('cross-attention with 3 target lines and 2 source lines: uses 2 pairs and says so', () => {
    const d = deriveInputs(scenario({ attention: 'cross', queryText: 'a\nb\nc', keyText: 'x\ny' }));
    if (!d.ok) throw new Error(d.error);
    expect(d.inputs.shape.batch).toBe(2);
    expect(d.notes).toEqual([{ code: 'batchMismatch', side: 'query', count: 2 }]);
  });

  it('more than 4 lines: the first 4 are used, with a note', () => {
    const d = deriveInputs(scenario({ queryText: 'a\nb\nc\nd\ne' }));
    if (!d.ok) throw new Error(d.error);
    expect(d.inputs.shape.batch).toBe(4);
    expect(d.notes).toEqual([{ code: 'extraLines', side: 'query', count: 4 }]);
  });

  it('a line over 4096 tokens is cut to 4096, with a note (CJK: one token per character)', () => {
    const d = deriveInputs(scenario({ queryText: '猫'.repeat(4100), heads: 1, dK: 2 }), { vectors: false });
    if (!d.ok) throw new Error(d.error);
    expect(d.inputs.shape.queryLength).toBe(4096);
    expect(d.notes).toEqual([{ code: 'truncated', side: 'query', count: 4096 }]);
  });

  it('vectors: false leaves Q, K, V empty and everything else as with them', () => {
    const s = scenario({ causal: true, heads: 2 });
    const full = deriveInputs(s);
    const light = deriveInputs(s, { vectors: false });
    if (!full.ok || !light.ok) throw new Error('did not derive');
    expect([light.inputs.q.length, light.inputs.k.length, light.inputs.v.length]).toEqual([0, 0, 0]);
    expect(full.inputs.q.length).toBe(2 * 2 * full.inputs.shape.queryLength * s.dK);
    expect(light.inputs.shape).toEqual(full.inputs.shape);
    expect(light.inputs.mask).toEqual(full.inputs.mask);
    expect(light.inputs.queryIsReal).toEqual(full.inputs.queryIsReal);
  });

  it('blank query or source text: an error code, not an exception', () => {
    expect(deriveInputs(scenario({ queryText: ' \n ' }))).toEqual({ ok: false, error: 'emptyQuery' });
    expect(deriveInputs(scenario({ attention: 'cross', keyText: '' }))).toEqual({ ok: false, error: 'emptyKey' });
  });

  it('lengths mode, cross: placeholder tokens q0.. and k0.., B items, no padding', () => {
    const d = deriveInputs(scenario({ inputMode: 'lengths', attention: 'cross', queryLength: 2, keyLength: 3, batchSize: 2 }));
    if (!d.ok) throw new Error(d.error);
    expect(d.query.tokens).toEqual([['q0', 'q1'], ['q0', 'q1']]);
    expect(d.key.tokens[0]).toEqual(['k0', 'k1', 'k2']);
    expect(d.inputs.shape).toMatchObject({ batch: 2, queryLength: 2, keyLength: 3 });
  });

  it('lengths mode, self: Lk = Lq whatever keyLength says', () => {
    const d = deriveInputs(scenario({ inputMode: 'lengths', attention: 'self', queryLength: 5, keyLength: 9 }));
    if (!d.ok) throw new Error(d.error);
    expect(d.inputs.shape.keyLength).toBe(5);
  });

  it('causal alignment follows the scenario; causal off gives no causal mask', () => {
    const on = deriveInputs(scenario({ causal: true, causalAlignment: 'top-left' }));
    const off = deriveInputs(scenario({ causal: false }));
    expect(on.ok && formatExpr(on.inputs.mask.expr)).toBe('k <= q && keyIsReal[b][k]');
    expect(off.ok && formatExpr(off.inputs.mask.expr)).toBe('keyIsReal[b][k]');
  });
});

describe('computeSettingsKey', () => {
  it('changes with a setting that changes the numbers, not with the view or the language', () => {
    const base = computeSettingsKey(DEFAULT_SCENARIO);
    expect(computeSettingsKey(scenario({ viewHead: 2, viewBatch: 1, language: 'zh' }))).toBe(base);
    for (const patch of [{ seed: 1 }, { causal: true }, { queryText: 'x' }, { paddingSide: 'left' as const }, { heads: 1 }]) {
      expect(computeSettingsKey(scenario(patch))).not.toBe(base);
    }
  });
});

describe('deriveInputs with a custom mask formula', () => {
  it("customMask 'k <= q && q - k < 2': and-ed with the other masks as the term 'custom'", () => {
    const d = deriveInputs(scenario({ queryText: 'a b c', keyPadding: false, customMask: 'k <= q && q - k < 2' }));
    if (!d.ok) throw new Error(d.error);
    expect(d.customError).toBeNull();
    expect(formatExpr(d.inputs.mask.expr)).toBe('k <= q && q - k < 2');
  });

  it("customMask 'k <= q +': the error points at the operator, and the formula is left out", () => {
    const d = deriveInputs(scenario({ queryText: 'a b c', keyPadding: false, customMask: 'k <= q +' }));
    if (!d.ok) throw new Error(d.error);
    expect(d.customError).toMatchObject({ start: 7, end: 8 });
    expect(formatExpr(d.inputs.mask.expr)).toBe('true');
  });

  it("customMask 'q - k': a number is not a mask, and the error says so", () => {
    const d = deriveInputs(scenario({ customMask: 'q - k' }));
    if (!d.ok) throw new Error(d.error);
    expect(d.customError?.message).toMatch(/number/);
    expect(d.customError).toMatchObject({ start: 0, end: 5 });
  });
});

describe('vectorSettingsKey', () => {
  it('changes with what Q, K, V depend on, not with masks, modifiers or the engine', () => {
    const base = scenario({});
    const key = vectorSettingsKey(base);
    for (const patch of [{ seed: 7 }, { dK: 16 }, { heads: 2 }, { queryText: 'a b' }, { paddingSide: 'left' as const }]) {
      expect(vectorSettingsKey(scenario(patch))).not.toBe(key);
    }
    for (const patch of [{ causal: true }, { keyPadding: false }, { masks: 'window(W=2)' }, { alibi: true }, { engine: 'js' as const }, { paint: '0.1.0' }]) {
      expect(vectorSettingsKey(scenario(patch))).toBe(key);
      expect(computeSettingsKey(scenario(patch))).not.toBe(computeSettingsKey(base));
    }
  });

  it('Q, K, V are the same for settings with the same key', () => {
    const a = deriveInputs(scenario({ causal: false }));
    const b = deriveInputs(scenario({ causal: true, alibi: true }));
    if (!a.ok || !b.ok) throw new Error('did not derive');
    expect(b.inputs.q).toEqual(a.inputs.q);
    expect(b.inputs.v).toEqual(a.inputs.v);
  });
});

describe('deriveInputs with heads', () => {
  it('projects only the heads asked for: equal to the full projection there, 0 elsewhere', () => {
    const s = scenario({ heads: 3, dK: 4 });
    const full = deriveInputs(s);
    const some = deriveInputs(s, { heads: [2, 0] });
    if (!full.ok || !some.ok) throw new Error('did not derive');
    const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK } = full.inputs.shape;
    const block = (a: Float32Array, b: number, h: number, L: number) => [...a.subarray((b * H + h) * L * dK, (b * H + h + 1) * L * dK)];
    for (let b = 0; b < B; b++) {
      for (const h of [0, 2]) {
        expect(block(some.inputs.q, b, h, Lq)).toEqual(block(full.inputs.q, b, h, Lq));
        expect(block(some.inputs.v, b, h, Lk)).toEqual(block(full.inputs.v, b, h, Lk));
      }
      expect(block(some.inputs.k, b, 1, Lk).every((x) => x === 0)).toBe(true);
      expect(block(full.inputs.k, b, 1, Lk).some((x) => x !== 0)).toBe(true);
    }
  });
});
