/**
 * The encoder–decoder view's inputs (src/scenario/encdecInputs.ts), its numbers (encdecCompute.ts)
 * against the float64 reference, and its linking (encdecLink.ts, useEncDecLink.ts).
 */
import { describe, expect, it } from 'vitest';
import { headIndex } from '../../src/engine/headStages';
import { referenceAttention } from '../../src/engine/reference';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { deriveInputs } from '../../src/scenario/derive';
import { computeEncDecPart, ENCDEC_MAX_TOKENS, planEncDec, type EncDecPanelData } from '../../src/compute/encdecCompute';
import { ENCDEC_PARTS, encdecScenarios, ignoredMaskFields, maskTerms, pairedLines } from '../../src/scenario/encdecInputs';
import { highlightAttr, linkHighlights, sameLink } from '../../src/ui/encdecLink';
import { linkReducer } from '../../src/ui/useEncDecLink';
import { expectArraysClose, flat } from '../helpers/arrays';

const TARGET = 'The dog barked\nThe cat sat on the mat';
const SOURCE = 'Le chien a aboyé\nLe chat était assis sur le tapis';
const encdec = (patch: Partial<Scenario> = {}): Scenario => ({
  ...DEFAULT_SCENARIO, attention: 'encdec', queryText: TARGET, keyText: SOURCE, causal: true, keyPadding: true, queryPadding: true, ...patch,
});

/** A part computed, or a failed test. */
function part(s: Scenario, which: (typeof ENCDEC_PARTS)[number], batch: number, head: number): EncDecPanelData {
  const data = computeEncDecPart(encdecScenarios(s)[which], batch, head);
  if (!data) throw new Error(`${which} did not compute`);
  return data;
}

describe('encdecScenarios', () => {
  it('text: encoder = self over the source, decoder = self over the target, cross = target × source', () => {
    const { encoder, decoder, cross } = encdecScenarios(encdec());
    expect([encoder.attention, encoder.queryText, encoder.causal]).toEqual(['self', SOURCE, false]);
    expect([decoder.attention, decoder.queryText, decoder.causal]).toEqual(['self', TARGET, true]);
    expect([cross.attention, cross.queryText, cross.keyText, cross.causal]).toEqual(['cross', TARGET, SOURCE, false]);
    for (const s of [encoder, decoder, cross]) expect([s.keyPadding, s.queryPadding, s.seed, s.dK, s.heads, s.paddingSide]).toEqual([true, true, 42, 8, 4, 'right']);
  });

  it('causal off: the decoder is not causal either; no part is ever causal but the decoder', () => {
    const parts = encdecScenarios(encdec({ causal: false }));
    expect(ENCDEC_PARTS.map((p) => parts[p].causal)).toEqual([false, false, false]);
  });

  it('extra masks (masks, customMask, paint, globalTokens) are cleared in every part, and listed as ignored', () => {
    const s = encdec({ masks: 'window(W=2)', customMask: 'k <= q', paint: '0.0.1', globalTokens: '0' });
    for (const p of ENCDEC_PARTS) expect(encdecScenarios(s)[p]).toMatchObject({ masks: '', customMask: '', paint: '', globalTokens: '' });
    expect(ignoredMaskFields(s)).toEqual(['masks', 'customMask', 'paint', 'globalTokens']);
    expect(ignoredMaskFields(encdec())).toEqual([]);
  });

  it('pairedLines: 3 target lines and 2 source lines (a blank one between) → the first 2 of each', () => {
    expect(pairedLines('a b\n\nc\nd e f', 'x\n  \ny z')).toEqual({ target: 'a b\nc', source: 'x\ny z' });
    expect(pairedLines('a', '   ')).toEqual({ target: 'a', source: '   ' });
  });

  it('lengths mode: batchSize lines of k0… (source, keyLength) and q0… (target, queryLength), no padding terms', () => {
    const s = encdec({ inputMode: 'lengths', queryLength: 3, keyLength: 4, batchSize: 2 });
    const { encoder, decoder, cross } = encdecScenarios(s);
    expect(encoder.queryText).toBe('k0 k1 k2 k3\nk0 k1 k2 k3');
    expect(decoder.queryText).toBe('q0 q1 q2\nq0 q1 q2');
    expect([cross.inputMode, cross.keyPadding, cross.queryPadding, decoder.causal]).toEqual(['text', false, false, true]);
  });

  it('lengths mode: the cross part has the Q, K, V of the lengths-mode cross-attention', () => {
    const s = encdec({ inputMode: 'lengths', queryLength: 3, keyLength: 5, batchSize: 2 });
    const ours = deriveInputs(encdecScenarios(s).cross);
    const app = deriveInputs({ ...s, attention: 'cross', causal: false });
    if (!ours.ok || !app.ok) throw new Error('did not derive');
    expect(ours.inputs.shape).toEqual(app.inputs.shape);
    expectArraysClose(ours.inputs.q, app.inputs.q, 0);
    expectArraysClose(ours.inputs.k, app.inputs.k, 0);
    expectArraysClose(ours.inputs.v, app.inputs.v, 0);
  });

  it('maskTerms: encoder [source padding], decoder [causal, target padding], cross [source padding]; none in lengths mode', () => {
    const text = encdecScenarios(encdec());
    expect(ENCDEC_PARTS.map((p) => maskTerms(p, text[p]))).toEqual([['sourcePadding'], ['causal', 'targetPadding'], ['sourcePadding']]);
    const lengths = encdecScenarios(encdec({ inputMode: 'lengths' }));
    expect(ENCDEC_PARTS.map((p) => maskTerms(p, lengths[p]))).toEqual([[], ['causal'], []]);
  });
});

describe('planEncDec', () => {
  it('the default text: target 2 × 6 tokens, source 2 × 7 tokens, item 0 padded on both sides', () => {
    const plan = planEncDec(encdec());
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.target.tokens[0]).toEqual(['The', 'dog', 'barked', '<pad>', '<pad>', '<pad>']);
    expect(plan.source.tokens[0]).toEqual(['Le', 'chien', 'a', 'aboyé', '<pad>', '<pad>', '<pad>']);
  });

  it(`lengths mode above ${ENCDEC_MAX_TOKENS} tokens on a side: tooLarge, with both lengths`, () => {
    expect(planEncDec(encdec({ inputMode: 'lengths', queryLength: 8, keyLength: 4096 }))).toEqual({ ok: false, error: 'tooLarge', target: 8, source: 4096, max: ENCDEC_MAX_TOKENS });
  });

  it(`one line of ${ENCDEC_MAX_TOKENS + 1} target tokens (paired with the first source line, 4 tokens): tooLarge`, () => {
    const long = Array.from({ length: ENCDEC_MAX_TOKENS + 1 }, (_, i) => `w${i}`).join(' ');
    expect(planEncDec(encdec({ queryText: long }))).toMatchObject({ ok: false, error: 'tooLarge', target: ENCDEC_MAX_TOKENS + 1, source: 4 });
  });

  it('no source token: emptyKey; no target token: emptyQuery', () => {
    expect(planEncDec(encdec({ keyText: ' ' }))).toEqual({ ok: false, error: 'emptyKey' });
    expect(planEncDec(encdec({ queryText: '' }))).toEqual({ ok: false, error: 'emptyQuery' });
  });
});

describe('computeEncDecPart against the float64 reference', () => {
  const STAGES = ['scores', 'scaled', 'logits', 'weights', 'output'] as const;
  for (const patch of [{}, { paddingSide: 'left' as const, seed: 7, dK: 16, heads: 3 }, { temperature: 2, alibi: true, softcap: 5 }, { inputMode: 'lengths' as const, queryLength: 5, keyLength: 9, batchSize: 2 }]) {
    for (const which of ENCDEC_PARTS) {
      it(`${which}, ${JSON.stringify(patch)}: batch item 1, head 2 equal the reference's`, () => {
        const s = encdec(patch);
        const head = Math.min(2, s.heads - 1);
        const ours = part(s, which, 1, head);
        const derived = deriveInputs(encdecScenarios(s)[which]);
        if (!derived.ok) throw new Error(derived.error);
        const ref = referenceAttention(derived.inputs);
        const { queryLength: Lq, keyLength: Lk, dV } = ref.shape;
        const at = headIndex(ref.shape, 1, head);
        for (const stage of STAGES) {
          const size = stage === 'output' ? Lq * dV : Lq * Lk;
          expectArraysClose(ours.slice[stage], ref[stage].subarray(at * size, (at + 1) * size), 1e-5);
        }
        expect([...ours.slice.mask]).toEqual([...ref.mask.subarray(at * Lq * Lk, (at + 1) * Lq * Lk)]);
      });
    }
  }

  it('the cross part is the stage pipeline’s cross-attention in encdec mode (no extra masks)', () => {
    const s = encdec();
    const ours = part(s, 'cross', 0, 1);
    const app = deriveInputs(s);
    if (!app.ok) throw new Error(app.error);
    const ref = referenceAttention(app.inputs);
    const { queryLength: Lq, keyLength: Lk } = ref.shape;
    const at = headIndex(ref.shape, 0, 1);
    expectArraysClose(ours.slice.weights, ref.weights.subarray(at * Lq * Lk, (at + 1) * Lq * Lk), 1e-5);
  });
});

describe('the masks of the three attentions, padded batch', () => {
  it('decoder, target "The dog barked" padded to 6 (right): causal ∧ key not padding; pad rows grey', () => {
    const { slice, queryTokens } = part(encdec(), 'decoder', 0, 0);
    expect(queryTokens).toEqual(['The', 'dog', 'barked', '<pad>', '<pad>', '<pad>']);
    expect([...slice.mask]).toEqual(flat([
      [1, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
    ]));
    expect([...slice.paddedRows]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...slice.fullyMaskedRows]).toEqual([0, 0, 0, 0, 0, 0]);
    for (let q = 0; q < 6; q++) expect(slice.weights.subarray(q * 6, q * 6 + 6).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('decoder, padded on the left: the three pad rows have no allowed key: weights 0, flagged fully masked', () => {
    const { slice } = part(encdec({ paddingSide: 'left' }), 'decoder', 0, 0);
    expect([...slice.mask]).toEqual(flat([
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0, 0],
      [0, 0, 0, 1, 1, 0],
      [0, 0, 0, 1, 1, 1],
    ]));
    expect([...slice.fullyMaskedRows]).toEqual([1, 1, 1, 0, 0, 0]);
    expect([...slice.weights.subarray(0, 18)]).toEqual(new Array(18).fill(0));
  });

  it('encoder, source "Le chien a aboyé" padded to 7: every row attends the 4 real keys, both directions', () => {
    const { slice } = part(encdec(), 'encoder', 0, 0);
    expect([...slice.mask]).toEqual(flat(Array.from({ length: 7 }, () => [1, 1, 1, 1, 0, 0, 0])));
    expect([...slice.paddedRows]).toEqual([0, 0, 0, 0, 1, 1, 1]);
  });

  it('cross, causal on: still every target row attends the 4 real source keys (never causal)', () => {
    const { slice, queryTokens, keyTokens } = part(encdec(), 'cross', 0, 0);
    expect([queryTokens.length, keyTokens.length]).toEqual([6, 7]);
    expect([...slice.mask]).toEqual(flat(Array.from({ length: 6 }, () => [1, 1, 1, 1, 0, 0, 0])));
    expect([...slice.paddedRows]).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('key padding off: no column blocked in the encoder; the decoder is causal only', () => {
    const s = encdec({ keyPadding: false });
    expect([...part(s, 'encoder', 0, 0).slice.mask].every((m) => m === 1)).toBe(true);
    expect([...part(s, 'decoder', 0, 0).slice.mask].slice(18)).toEqual(flat([[1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 0], [1, 1, 1, 1, 1, 1]]));
  });

  it('batch item and head out of range are clamped (item 9 → 1, head 9 → 3)', () => {
    const { slice } = part(encdec(), 'encoder', 9, 9);
    expect([slice.batch, slice.head]).toEqual([1, 3]);
  });
});

describe('linkHighlights', () => {
  it('source token 2: encoder row and column 2, cross column 2, decoder nothing', () => {
    const h = linkHighlights({ kind: 'source', index: 2 });
    expect(h.panels).toEqual({ encoder: { row: 2, col: 2 }, decoder: null, cross: { row: -1, col: 2 } });
    expect([h.source, h.target]).toEqual([[2], []]);
  });

  it('target token 1: decoder row and column 1, cross row 1, encoder nothing', () => {
    const h = linkHighlights({ kind: 'target', index: 1 });
    expect(h.panels).toEqual({ encoder: null, decoder: { row: 1, col: 1 }, cross: { row: 1, col: -1 } });
    expect([h.source, h.target]).toEqual([[], [1]]);
  });

  it('cross cell (target 3, source 5): both tokens, in all three panels', () => {
    const h = linkHighlights({ kind: 'cell', part: 'cross', row: 3, col: 5 });
    expect(h.panels).toEqual({ encoder: { row: 5, col: 5 }, decoder: { row: 3, col: 3 }, cross: { row: 3, col: 5 } });
    expect([h.source, h.target]).toEqual([[5], [3]]);
  });

  it('encoder cell (1, 4): that cell, cross column 4 (the key), source chips 1 and 4; decoder cell (2, 0): cross row 2', () => {
    const e = linkHighlights({ kind: 'cell', part: 'encoder', row: 1, col: 4 });
    expect([e.panels, e.source, e.target]).toEqual([{ encoder: { row: 1, col: 4 }, decoder: null, cross: { row: -1, col: 4 } }, [1, 4], []]);
    const d = linkHighlights({ kind: 'cell', part: 'decoder', row: 2, col: 0 });
    expect([d.panels, d.source, d.target]).toEqual([{ encoder: null, decoder: { row: 2, col: 0 }, cross: { row: 2, col: -1 } }, [], [2, 0]]);
  });

  it('null: nothing; highlightAttr writes "row,col" or ""', () => {
    expect(linkHighlights(null).panels).toEqual({ encoder: null, decoder: null, cross: null });
    expect([highlightAttr({ row: -1, col: 3 }), highlightAttr(null)]).toEqual(['-1,3', '']);
  });
});

describe('linkReducer (mouse, keyboard, touch)', () => {
  const s0 = { kind: 'source', index: 0 } as const;
  const t1 = { kind: 'target', index: 1 } as const;
  const cell = { kind: 'cell', part: 'cross', row: 1, col: 0 } as const;
  const start = { shown: null, selected: null };

  it('a mouse enters and leaves a chip: shown, then nothing', () => {
    const over = linkReducer(start, { type: 'enter', link: s0 });
    expect(over.shown).toEqual(s0);
    expect(linkReducer(over, { type: 'leave', link: s0 }).shown).toBeNull();
  });

  it('a focused (or tapped) chip stays shown after a mouse passes over another token and leaves', () => {
    let state = linkReducer(start, { type: 'select', link: t1 });
    state = linkReducer(state, { type: 'enter', link: s0 });
    expect(state.shown).toEqual(s0);
    state = linkReducer(state, { type: 'leave', link: s0 });
    expect(state.shown).toEqual(t1);
    state = linkReducer(state, { type: 'enter', link: cell });
    expect(linkReducer(state, { type: 'leave', link: null }).shown).toEqual(t1);
  });

  it('the focused chip loses focus: nothing selected, nothing shown', () => {
    const state = linkReducer(linkReducer(start, { type: 'select', link: t1 }), { type: 'unselect', link: t1 });
    expect(state).toEqual({ shown: null, selected: null });
  });

  it('a chip focused after a heatmap cell was navigated shows at once (the latest event wins)', () => {
    const state = linkReducer(linkReducer(start, { type: 'enter', link: cell }), { type: 'select', link: s0 });
    expect(state.shown).toEqual(s0);
    expect(sameLink(state.shown, { kind: 'source', index: 0 })).toBe(true);
  });
});
