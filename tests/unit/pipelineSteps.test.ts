import { describe, expect, it } from 'vitest';
import { changedCells, moveStep, rowSums, shownStep, stepsOf } from '../../src/ui/pipelineSteps';
import { referenceAttention } from '../../src/engine/reference';
import { sliceHead } from '../../src/compute/slices';
import { splitStages } from '../../src/engine/headStages';
import { deriveInputs } from '../../src/scenario/derive';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';

/** The (batch 0, head 0) slice of the float64 reference for a scenario (stages as float32). */
function referenceSlice(patch: Partial<Scenario>) {
  const derived = deriveInputs({ ...DEFAULT_SCENARIO, ...patch });
  if (!derived.ok) throw new Error(derived.error);
  const ref = referenceAttention(derived.inputs);
  const f32 = (a: ArrayLike<number>) => Float32Array.from(a);
  const stages = {
    shape: ref.shape,
    scores: f32(ref.scores), scaled: f32(ref.scaled), logits: f32(ref.logits), masked: f32(ref.masked),
    weights: f32(ref.weights), output: f32(ref.output), mask: Uint8Array.from(ref.mask), rowStatus: Uint8Array.from(ref.rowStatus),
  };
  return sliceHead(splitStages(stages).heads[0]!, ref.shape);
}

describe('pipeline steps', () => {
  it('stepsOf(false): the nine steps less logits, in pipeline order', () => {
    expect(stepsOf(false)).toEqual(['tokens', 'qkv', 'scores', 'scaled', 'mask', 'masked', 'weights', 'output']);
    expect(stepsOf(true)).toEqual(['tokens', 'qkv', 'scores', 'scaled', 'logits', 'mask', 'masked', 'weights', 'output']);
  });

  it('shownStep("logits") without a modifier shows the step before it, "scaled"', () => {
    expect(shownStep('logits', stepsOf(false))).toBe('scaled');
    expect(shownStep('logits', stepsOf(true))).toBe('logits');
  });

  it('moveStep: next of scaled is mask without logits, logits with; clamped at both ends', () => {
    expect(moveStep('scaled', 1, stepsOf(false))).toBe('mask');
    expect(moveStep('scaled', 1, stepsOf(true))).toBe('logits');
    expect(moveStep('tokens', -1, stepsOf(false))).toBe('tokens');
    expect(moveStep('output', 1, stepsOf(false))).toBe('output');
    expect(moveStep('logits', -1, stepsOf(false))).toBe('scores');
  });
});

describe('changedCells', () => {
  it('causal, Lq = Lk = 3: mask and masked change exactly the 3 cells above the diagonal', () => {
    const slice = referenceSlice({ inputMode: 'lengths', queryLength: 3, heads: 1, causal: true });
    const expected = [
      0, 1, 1,
      0, 0, 1,
      0, 0, 0,
    ];
    for (const step of ['mask', 'masked'] as const) {
      const changed = changedCells(step, slice)!;
      expect(Array.from(changed.flags)).toEqual(expected);
      expect(changed.count).toBe(3);
    }
  });

  it('scaled vs scores: every non-zero score changes (÷ √dK); logits vs scaled: none without a modifier', () => {
    const slice = referenceSlice({ inputMode: 'lengths', queryLength: 4, heads: 1 });
    const nonZero = Array.from(slice.scores).filter((s) => s !== 0).length;
    expect(changedCells('scaled', slice)!.count).toBe(nonZero);
    expect(changedCells('logits', slice)!.count).toBe(0);
  });

  it('logits vs scaled with ALiBi: every cell off the bottom-right diagonal changes, the diagonal (distance 0) does not', () => {
    const slice = referenceSlice({ inputMode: 'lengths', queryLength: 4, heads: 1, alibi: true });
    const flags = changedCells('logits', slice)!.flags;
    for (let q = 0; q < 4; q++) for (let k = 0; k < 4; k++) expect([q, k, flags[q * 4 + k]]).toEqual([q, k, q === k ? 0 : 1]);
  });

  it('tokens, qkv, scores and output are new quantities: null', () => {
    const slice = referenceSlice({ inputMode: 'lengths', queryLength: 2, heads: 1 });
    for (const step of ['tokens', 'qkv', 'scores', 'output'] as const) expect(changedCells(step, slice)).toBeNull();
    expect(changedCells('weights', slice)!.count).toBe(4);
  });
});

describe('rowSums', () => {
  it('rowSums: 1 for each normal row, 0 for a row with no allowed key', () => {
    const slice = referenceSlice({ inputMode: 'lengths', queryLength: 3, heads: 1, customMask: 'q != 1' });
    const sums = rowSums(slice.weights, 3, 3);
    expect(sums[0]).toBeCloseTo(1, 6);
    expect(sums[1]).toBe(0);
    expect(sums[2]).toBeCloseTo(1, 6);
  });
});
