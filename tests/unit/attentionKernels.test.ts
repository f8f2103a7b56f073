/**
 * The WebAssembly SIMD kernels of the plain-JS path (src/engine/wasm/): scores = Q·Kᵀ against a
 * float64 reference, output = weights·V against the JS loop's key-order float64 sums, on random
 * shapes (odd dK, dV and Lk included); and computeRowsJs with the kernels on and off.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateHead, type HeadStages } from '../../src/engine/headStages';
import { computeRowsJs, planJs } from '../../src/engine/jsAttention';
import { gaussians, mulberry32 } from '../../src/engine/random';
import { referenceAttention } from '../../src/engine/reference';
import type { AttentionShape } from '../../src/engine/types';
import { headKernel, kernelHeadCount, KERNEL_MIN_ROW_WORK, kernelsAvailable, setKernelsEnabled, type HeadVectors } from '../../src/engine/wasm/attentionKernels';
import { deriveInputs } from '../../src/scenario/derive';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { headProblem, type Tolerances } from '../helpers/attentionInvariants';
import { scenarioArb } from '../helpers/scenarioArbitraries';

/** The JS path's tolerances against the float64 reference (attention-properties.test.ts). */
const JS_TOLERANCES: Tolerances = { weights: 1e-6, output: 1e-6, logitUlps: 4 };

// every shape gets a kernel here, however small (KERNEL_MIN_ROW_WORK would leave most to the JS loops)
beforeEach(() => setKernelsEnabled(true, 0));
afterEach(() => setKernelsEnabled(true));

/** Random [B,H,L,d] vectors of `shape`, seeded, with values of about `scale`. */
function randomVectors(shape: AttentionShape, seed: number, scale: number): HeadVectors {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = shape;
  const uniform = mulberry32(seed);
  const make = (n: number) => Float32Array.from(gaussians(n, uniform), (x) => x * scale);
  return { shape, q: make(B * H * Lq * dK), k: make(B * H * Lk * dK), v: make(B * H * Lk * dV) };
}

/** Weights [Lq × Lk]: a random share of zeros, some rows all zero, the rest uniform in (0, 1). */
function randomWeights(Lq: number, Lk: number, seed: number, zeroShare: number): Float32Array {
  const uniform = mulberry32(seed);
  const w = new Float32Array(Lq * Lk);
  for (let i = 0; i < Lq; i++) {
    if (uniform() < 0.2) continue; // a fully masked (or padded) row: all zero
    for (let j = 0; j < Lk; j++) w[i * Lk + j] = uniform() < zeroShare ? 0 : uniform();
  }
  return w;
}

/** The distance between consecutive float32 values at x. */
function ulp32(x: number): number {
  const a = Math.abs(Math.fround(x));
  return a < 2 ** -126 ? 2 ** -149 : 2 ** (Math.floor(Math.log2(a)) - 23);
}

const shapeArb = fc.record({
  batch: fc.integer({ min: 1, max: 2 }),
  heads: fc.integer({ min: 1, max: 2 }),
  queryLength: fc.integer({ min: 1, max: 40 }),
  keyLength: fc.integer({ min: 1, max: 40 }),
  dK: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.constantFrom(1, 3, 5, 64)),
  dV: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.constantFrom(1, 3, 5, 64)),
});
const caseArb = fc.record({
  shape: shapeArb,
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  scale: fc.constantFrom(1e-3, 1, 1e3),
  zeroShare: fc.constantFrom(0, 0.5, 1),
  split: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('WebAssembly SIMD kernels', () => {
  it('run in Node (WebAssembly with SIMD): the tests below exercise them, not the fallback', () => {
    expect(kernelsAvailable()).toBe(true);
  });

  it('scoreRows, random shapes in two row blocks: each score is the float64 dot product rounded to float32 (± 1 ulp)', () => {
    fc.assert(
      fc.property(caseArb, ({ shape, seed, scale, split }) => {
        const vectors = randomVectors(shape, seed, scale);
        const { heads: H, queryLength: Lq, keyLength: Lk, dK } = shape;
        const [b, h] = [shape.batch - 1, H - 1];
        const kernel = headKernel({}, vectors, b, h);
        if (!kernel) throw new Error('no kernel');
        const scores = new Float32Array(Lq * Lk).fill(NaN);
        const middle = Math.floor(split * Lq);
        kernel.scoreRows(0, middle, scores);
        kernel.scoreRows(middle, Lq, scores);
        const qBase = (b * H + h) * Lq * dK;
        const kBase = (b * H + h) * Lk * dK;
        for (let i = 0; i < Lq; i++) {
          for (let j = 0; j < Lk; j++) {
            let exact = 0;
            let magnitude = 0;
            for (let d = 0; d < dK; d++) {
              const p = (vectors.q[qBase + i * dK + d] as number) * (vectors.k[kBase + j * dK + d] as number);
              exact += p;
              magnitude += Math.abs(p);
            }
            const got = scores[i * Lk + j] as number;
            const slack = ulp32(exact) + 1e-13 * magnitude;
            if (!(Math.abs(got - Math.fround(exact)) <= slack)) {
              throw new Error(`score [${i}, ${j}] = ${got}, expected ${Math.fround(exact)} (± ${slack})`);
            }
          }
        }
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('outputRow, random shapes, zero weights and all-zero rows: exactly the JS loop (key-order float64 sums, rounded to float32)', () => {
    fc.assert(
      fc.property(caseArb, ({ shape, seed, scale, zeroShare }) => {
        const vectors = randomVectors(shape, seed, scale);
        const { heads: H, queryLength: Lq, keyLength: Lk, dV } = shape;
        const [b, h] = [0, H - 1];
        const kernel = headKernel({}, vectors, b, h);
        if (!kernel) throw new Error('no kernel');
        const weights = randomWeights(Lq, Lk, seed + 1, zeroShare);
        const output = new Float32Array(Lq * dV).fill(NaN);
        for (let i = 0; i < Lq; i++) kernel.outputRow(weights, i, output);
        const vBase = (b * H + h) * Lk * dV;
        const expected = new Float32Array(Lq * dV);
        for (let i = 0; i < Lq; i++) {
          for (let c = 0; c < dV; c++) {
            let sum = 0;
            for (let j = 0; j < Lk; j++) sum += (weights[i * Lk + j] as number) * (vectors.v[vBase + j * dV + c] as number);
            expected[i * dV + c] = sum;
          }
        }
        expect([...output]).toEqual([...expected]);
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('scoreRows with Lk = 20,000 (several scratch chunks) and an odd number of rows matches the float64 reference', () => {
    const shape = { batch: 1, heads: 1, queryLength: 13, keyLength: 20_000, dK: 3, dV: 1 };
    const vectors = randomVectors(shape, 7, 1);
    const scores = new Float32Array(13 * 20_000);
    headKernel({}, vectors, 0, 0)?.scoreRows(1, 13, scores);
    expect(scores[0]).toBe(0); // row 0 not asked for
    for (const [i, j] of [[1, 0], [6, 19_999], [12, 12_345], [12, 19_999]] as const) {
      let exact = 0;
      for (let d = 0; d < 3; d++) exact += (vectors.q[i * 3 + d] as number) * (vectors.k[j * 3 + d] as number);
      expect(Math.abs((scores[i * 20_000 + j] as number) - Math.fround(exact))).toBeLessThanOrEqual(ulp32(exact));
    }
  });

  it('headKernel converts Q, K, V once per (owner, batch, head): a new owner sees changed vectors', () => {
    const shape = { batch: 1, heads: 2, queryLength: 2, keyLength: 3, dK: 2, dV: 2 };
    const vectors = randomVectors(shape, 3, 1);
    const owner = {};
    const first = new Float32Array(6);
    headKernel(owner, vectors, 0, 1)?.scoreRows(0, 2, first);
    vectors.q.fill(0);
    const again = new Float32Array(6);
    headKernel(owner, vectors, 0, 1)?.scoreRows(0, 2, again);
    expect([...again]).toEqual([...first]);
    const fresh = new Float32Array(6).fill(NaN);
    headKernel({}, vectors, 0, 1)?.scoreRows(0, 2, fresh);
    expect([...fresh]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('headKernel is null when disabled (setKernelsEnabled(false)) or when q, k or v is shorter than [B,H,L,d]', () => {
    const shape = { batch: 1, heads: 1, queryLength: 2, keyLength: 2, dK: 2, dV: 2 };
    const vectors = randomVectors(shape, 1, 1);
    expect(headKernel({}, { ...vectors, v: new Float32Array(0) }, 0, 0)).toBeNull();
    setKernelsEnabled(false);
    expect(kernelsAvailable()).toBe(false);
    expect(headKernel({}, vectors, 0, 0)).toBeNull();
    setKernelsEnabled(true, 0);
    expect(headKernel({}, vectors, 0, 0)).not.toBeNull();
  });

  it('headKernel leaves small heads to the JS loops: Lk·(dK + dV) < KERNEL_MIN_ROW_WORK by default', () => {
    setKernelsEnabled(true);
    const small = { batch: 1, heads: 1, queryLength: 2, keyLength: 16, dK: 16, dV: 16 };
    expect(16 * 32).toBeLessThan(KERNEL_MIN_ROW_WORK);
    expect(headKernel({}, randomVectors(small, 1, 1), 0, 0)).toBeNull();
    const large = { ...small, keyLength: 64, dK: 64, dV: 64 };
    expect(headKernel({}, randomVectors(large, 1, 1), 0, 0)).not.toBeNull();
  });

  it('kernelHeadCount counts each kernel handed out (a resident one again too), never a null', () => {
    setKernelsEnabled(true);
    const small = randomVectors({ batch: 1, heads: 1, queryLength: 2, keyLength: 16, dK: 16, dV: 16 }, 1, 1);
    const large = randomVectors({ batch: 1, heads: 1, queryLength: 2, keyLength: 64, dK: 64, dV: 64 }, 1, 1);
    const before = kernelHeadCount();
    headKernel({}, small, 0, 0);
    expect(kernelHeadCount()).toBe(before);
    const owner = {};
    headKernel(owner, large, 0, 0);
    headKernel(owner, large, 0, 0);
    expect(kernelHeadCount()).toBe(before + 2);
  });
});

/** Every head of `inputs` by computeRowsJs in two row blocks, kernels on or off. */
function allHeadsJs(scenario: Scenario, kernels: boolean, known?: HeadStages[]): HeadStages[] {
  const derived = deriveInputs(scenario);
  if (!derived.ok) throw new Error(`deriveInputs failed: ${derived.error}`);
  const { inputs } = derived;
  setKernelsEnabled(kernels, 0);
  const plan = planJs(inputs);
  const { batch: B, heads: H, queryLength: Lq } = inputs.shape;
  const heads: HeadStages[] = [];
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < H; h++) {
      const out = allocateHead(inputs.shape, b, h);
      const middle = Math.floor(Lq / 2);
      const scores = known?.[heads.length]?.scores;
      computeRowsJs(plan, out, 0, middle, scores);
      computeRowsJs(plan, out, middle, Lq, scores);
      heads.push(out);
    }
  }
  setKernelsEnabled(true, 0);
  return heads;
}

/** The first stage and index where two heads differ by more than `tolerance` (relative to 1 + |x|). */
function difference(x: HeadStages, y: HeadStages, tolerance: number): string | null {
  for (const stage of ['scores', 'scaled', 'logits', 'mask', 'weights', 'output', 'rowStatus'] as const) {
    const [a, b] = [x[stage], y[stage]];
    for (let i = 0; i < a.length; i++) {
      const [p, q] = [a[i] as number, b[i] as number];
      if (p === q) continue;
      if (!(Math.abs(p - q) <= tolerance * (1 + Math.abs(q)))) return `${stage}[${i}]: ${p} vs ${q}`;
    }
  }
  return null;
}

describe('computeRowsJs with the kernels on and off', () => {
  it('random scenarios: every stage agrees within 1e-6 (scores may differ by a float32 rounding of a float64 sum); with the kernels the float64 reference is met as in attention-properties', () => {
    fc.assert(
      fc.property(scenarioArb(8), (scenario) => {
        const on = allHeadsJs(scenario, true);
        const off = allHeadsJs(scenario, false);
        const derived = deriveInputs(scenario);
        if (!derived.ok) throw new Error(derived.error);
        const ref = referenceAttention(derived.inputs);
        on.forEach((head, i) => {
          const problem = difference(head, off[i] as HeadStages, 1e-6) ?? headProblem(head, ref, JS_TOLERANCES);
          if (problem) throw new Error(`head ${i}: ${problem}`);
        });
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('Lq = 37, Lk = 45 (cross), dK = 5, causal: on and off agree within 1e-6; with known scores they are identical', () => {
    const scenario: Scenario = { ...DEFAULT_SCENARIO, inputMode: 'lengths', attention: 'cross', queryLength: 37, keyLength: 45, heads: 2, dK: 5, causal: true };
    const off = allHeadsJs(scenario, false);
    const on = allHeadsJs(scenario, true);
    on.forEach((head, i) => expect(difference(head, off[i] as HeadStages, 1e-6)).toBeNull());
    const known = allHeadsJs(scenario, true, off);
    known.forEach((head, i) => expect(difference(head, off[i] as HeadStages, 0)).toBeNull());
  });
});
