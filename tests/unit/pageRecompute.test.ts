/**
 * A mask-only change recomputed on the page (src/ui/pageRecompute.ts): which changes qualify,
 * and that every stage equals what the engine computes for the new settings from scratch.
 */
import { describe, expect, it } from 'vitest';
import { joinStages, type StageSet } from '../../src/engine/headStages';
import type { DeviceInfo } from '../../src/engine/pathChoice';
import { runAttention } from '../../src/engine/runner';
import { referenceAttention } from '../../src/engine/reference';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { deriveInputs } from '../../src/ui/derive';
import { canRecomputeOnPage, computeMacs, computeOnPage, PAGE_CELLS, PAGE_MACS, pagePlan, recomputeOnPage, type PageBasis, type PageJob } from '../../src/ui/pageRecompute';
import { expectArraysClose } from '../helpers/arrays';

const SOFTWARE: DeviceInfo = { webglVersion: 2, renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))', maxTextureSize: 8192 };
const GPU: DeviceInfo = { webglVersion: 2, renderer: 'ANGLE (NVIDIA GeForce RTX 3060)', maxTextureSize: 16384 };

const scenario = (patch: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...patch });

/** The page's job for `s`: inputs without Q/K/V, every head. */
function jobOf(s: Scenario): PageJob {
  const d = deriveInputs(s, { vectors: false });
  if (!d.ok) throw new Error(d.error);
  return { scenario: s, heads: null, inputs: d.inputs };
}

/** A worker-like result for `s`: every head computed on the JS path, with its Q/K/V. */
async function basisOf(s: Scenario): Promise<PageBasis> {
  const d = deriveInputs(s);
  if (!d.ok) throw new Error(d.error);
  return { job: { scenario: s }, inputs: d.inputs, set: await runAttention(d.inputs, { path: 'js' }) };
}

const STAGES = ['scores', 'scaled', 'logits', 'mask', 'masked', 'weights', 'output', 'rowStatus'] as const;

function expectSameStages(a: StageSet, b: StageSet): void {
  const x = joinStages(a);
  const y = joinStages(b);
  if (!x || !y) throw new Error('a head is missing');
  for (const stage of STAGES) expect([...x[stage]], stage).toEqual([...y[stage]]);
}

describe('recomputeOnPage', () => {
  const base = scenario({ queryText: 'the cat sat on\nthe mat', keyPadding: true, queryPadding: true, heads: 3, dK: 8, causal: true });
  const changes: [string, Partial<Scenario>][] = [
    ['causal off', { causal: false }],
    ['key padding off', { keyPadding: false }],
    ['a sliding window', { masks: 'window(W=1)' }],
    ['a custom formula', { customMask: 'k != q' }],
    ['temperature, ALiBi and soft-capping', { temperature: 0.5, alibi: true, softcap: 2 }],
    ['a painted cell', { paint: '1.0.0' }],
  ];
  for (const [name, patch] of changes) {
    it(`${name}: every stage equals a fresh engine run, and the float64 reference`, async () => {
      const next = scenario({ ...base, ...patch });
      const basis = await basisOf(base);
      const job = jobOf(next);
      expect(canRecomputeOnPage(basis, job, SOFTWARE)).toBe(true);
      const got = recomputeOnPage(basis, job, SOFTWARE);
      if (!got) throw new Error('not recomputed');
      expect(got.run).toMatchObject({ path: 'js', reason: 'softwareWebgl', backend: null, onPage: 'mask' });
      const fresh = await basisOf(next);
      expectSameStages(got.set, fresh.set);
      const want = referenceAttention(got.inputs);
      const joined = joinStages(got.set);
      expect([...(joined?.mask ?? [])]).toEqual([...want.mask]);
      expectArraysClose(joined?.weights ?? new Float32Array(), want.weights, 2e-5);
      expectArraysClose(joined?.output ?? new Float32Array(), want.output, 2e-5);
    });
  }
});

describe('canRecomputeOnPage', () => {
  const base = scenario({ inputMode: 'lengths', queryLength: 16, batchSize: 2, heads: 2, dK: 8, causal: true });
  it('a mask change at a small size on the JS path: yes', async () => {
    expect(canRecomputeOnPage(await basisOf(base), jobOf({ ...base, causal: false }), SOFTWARE)).toBe(true);
  });
  it('new Q/K/V (seed, length, heads, dK) or no basis or no device: no', async () => {
    const basis = await basisOf(base);
    for (const patch of [{ seed: base.seed + 1 }, { queryLength: 17 }, { heads: 3 }, { dK: 4 }]) {
      expect(canRecomputeOnPage(basis, jobOf({ ...base, ...patch, causal: false }), SOFTWARE), JSON.stringify(patch)).toBe(false);
    }
    expect(canRecomputeOnPage(null, jobOf(base), SOFTWARE)).toBe(false);
    expect(canRecomputeOnPage(basis, jobOf(base), null)).toBe(false);
  });
  it('a tfjs path (chosen, or auto on a hardware GPU above SMALL_CELLS), heads on demand, a basis without vectors or heads: no', async () => {
    const basis = await basisOf(base);
    const job = jobOf({ ...base, causal: false });
    expect(canRecomputeOnPage(basis, { ...job, scenario: { ...job.scenario, engine: 'webgl' } }, SOFTWARE)).toBe(false);
    expect(canRecomputeOnPage(basis, { ...job, heads: [{ batch: 0, head: 0 }] }, SOFTWARE)).toBe(false);
    expect(canRecomputeOnPage({ ...basis, inputs: { ...basis.inputs, q: new Float32Array(0) } }, job, SOFTWARE)).toBe(false);
    expect(canRecomputeOnPage({ ...basis, set: { ...basis.set, heads: [null, ...basis.set.heads.slice(1)] } }, job, SOFTWARE)).toBe(false);
    // auto on a GPU stays on JS at this size, so the page may recompute
    expect(canRecomputeOnPage(basis, job, GPU)).toBe(true);
  });
  it(`above PAGE_CELLS (${PAGE_CELLS} cells): no; at PAGE_CELLS: yes`, async () => {
    const at = scenario({ inputMode: 'lengths', queryLength: 128, batchSize: 1, heads: 8, dK: 4, causal: true });
    const over = { ...at, batchSize: 2 };
    expect(128 * 128 * 8).toBe(PAGE_CELLS);
    expect(canRecomputeOnPage(await basisOf(at), jobOf({ ...at, causal: false }), SOFTWARE)).toBe(true);
    expect(canRecomputeOnPage(await basisOf(over), jobOf({ ...over, causal: false }), SOFTWARE)).toBe(false);
    // nor from scratch, however few multiply-adds (per-cell work and memory grow with the cells)
    expect(pagePlan(null, jobOf({ ...over, causal: false }), SOFTWARE)).toBeNull();
    expect(computeMacs(jobOf(over).inputs.shape)).toBeLessThan(PAGE_MACS);
  });
});

describe('computeOnPage from scratch (a new seed, text, dK or heads at classroom size)', () => {
  const classroom = scenario({ inputMode: 'lengths', queryLength: 64, batchSize: 2, heads: 8, dK: 64, causal: true });

  it('multiply-adds: projections of Q (Lq rows) and K, V (Lk rows) from the model width, then Q·Kᵀ and W·V', () => {
    const shape = { batch: 2, heads: 8, queryLength: 64, keyLength: 64, dK: 64, dV: 64 };
    // width = max(32, dK) = 64; projections 2·8·64·(64·64 + 128·64); attention 2·8·64·64·(64 + 64)
    expect(computeMacs(shape)).toBe(2 * 8 * 64 * (64 * 64 + 128 * 64) + 2 * 8 * 64 * 64 * 128);
    expect(computeMacs({ ...shape, dK: 8, dV: 8 })).toBe(2 * 8 * 32 * (8 * 64 + 16 * 64) + 2 * 8 * 64 * 64 * 16);
  });

  it('classroom size with a new seed: planned "whole"; every stage and Q/K/V equal the engine run on fully derived inputs', async () => {
    const next = { ...classroom, seed: classroom.seed + 1 };
    const basis = await basisOf(classroom);
    const job = jobOf(next);
    expect(pagePlan(basis, job, SOFTWARE)).toBe('whole');
    expect(pagePlan(basis, jobOf({ ...classroom, causal: false }), SOFTWARE)).toBe('mask');
    const got = computeOnPage(basis, job, SOFTWARE);
    if (!got) throw new Error('not computed');
    expect(got.run).toMatchObject({ path: 'js', onPage: 'whole' });
    const fresh = await basisOf(next);
    expect([...got.inputs.q]).toEqual([...fresh.inputs.q]);
    expect([...got.inputs.v]).toEqual([...fresh.inputs.v]);
    expectSameStages(got.set, fresh.set);
  });

  it(`above PAGE_MACS (${PAGE_MACS}), a tfjs path or heads on demand: left to the worker (null)`, () => {
    const big = scenario({ inputMode: 'lengths', queryLength: 256, batchSize: 1, heads: 8, dK: 64 });
    expect(computeMacs(jobOf(big).inputs.shape)).toBeGreaterThan(PAGE_MACS);
    expect(pagePlan(null, jobOf(big), SOFTWARE)).toBeNull();
    expect(computeOnPage(null, jobOf(big), SOFTWARE)).toBeNull();
    expect(pagePlan(null, jobOf({ ...classroom, engine: 'webgl' }), SOFTWARE)).toBeNull();
    expect(pagePlan(null, { ...jobOf(classroom), heads: [{ batch: 0, head: 0 }] }, SOFTWARE)).toBeNull();
    expect(pagePlan(null, jobOf(classroom), null)).toBeNull();
    expect(pagePlan(null, jobOf(classroom), SOFTWARE)).toBe('whole');
  });
});
