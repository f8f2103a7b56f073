import { describe, expect, it } from 'vitest';
import { headVectors, PAGE_VECTOR_FLOATS } from '../../src/ui/headVectors';
import { deriveInputs } from '../../src/scenario/derive';
import { sliceQkv } from '../../src/compute/slices';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';

const scenario: Scenario = { ...DEFAULT_SCENARIO, inputMode: 'lengths', queryLength: 5, batchSize: 2, heads: 3, dK: 4 };

describe('headVectors', () => {
  it('headVectors(inputs with vectors, b = 1, h = 2): the views of that head, [5 × 4] each', () => {
    const derived = deriveInputs(scenario);
    if (!derived.ok) throw new Error(derived.error);
    const qkv = headVectors(scenario, derived.inputs, 1, 2)!;
    const bh = 1 * 3 + 2;
    expect(Array.from(qkv.q)).toEqual(Array.from(derived.inputs.q.subarray(bh * 20, bh * 20 + 20)));
    expect(Array.from(qkv.v)).toEqual(Array.from(derived.inputs.v.subarray(bh * 20, bh * 20 + 20)));
    expect(qkv.q.buffer).toBe(derived.inputs.q.buffer); // a view, not a copy
  });

  it('headVectors(inputs without vectors): projects that head on the page, equal to a full projection', () => {
    const full = deriveInputs(scenario);
    const bare = deriveInputs(scenario, { vectors: false });
    if (!full.ok || !bare.ok) throw new Error('derive failed');
    expect(bare.inputs.q.length).toBe(0);
    const projected = headVectors(scenario, bare.inputs, 0, 1)!;
    const expected = sliceQkv(full.inputs, 0, 1)!;
    for (const side of ['q', 'k', 'v'] as const) expect(Array.from(projected[side])).toEqual(Array.from(expected[side]));
  });

  it('headVectors: null above PAGE_VECTOR_FLOATS when the inputs hold no vectors', () => {
    const big: Scenario = { ...scenario, queryLength: 4096, batchSize: 4, heads: 16, dK: 128 };
    const bare = deriveInputs(big, { vectors: false });
    if (!bare.ok) throw new Error(bare.error);
    expect(4 * 16 * 4096 * 128).toBeGreaterThan(PAGE_VECTOR_FLOATS);
    expect(headVectors(big, bare.inputs, 0, 0)).toBeNull();
  });
});
