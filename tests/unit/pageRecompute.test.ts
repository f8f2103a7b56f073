/**
 * A mask-only change recomputed on the page (src/compute/pageRecompute.ts): which changes qualify,
 * and that every stage equals what the engine computes for the new settings from scratch.
 */
import { describe, expect, it } from 'vitest';
import { setKernelsEnabled } from '../../src/engine/wasm/attentionKernels';
import { joinStages, type HeadStages, type StageSet } from '../../src/engine/headStages';
import type { DeviceInfo } from '../../src/engine/pathChoice';
import { runAttention } from '../../src/engine/runner';
import { referenceAttention } from '../../src/engine/reference';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { deriveInputs } from '../../src/scenario/derive';
import { canRecomputeOnPage, completeOnPage, computeMacs, computeOnPage, FOCUS_FIRST_MACS, maskMacs, PAGE_CELLS, PAGE_MACS, pagePlan, recomputeOnPage, withProbedReason, type PageBasis, type PageJob } from '../../src/compute/pageRecompute';
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

const STAGES = ['scores', 'scaled', 'logits', 'mask', 'weights', 'output', 'rowStatus'] as const;

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

  it('keeps the basis’s arrays where the values did not change: the scores always, scaled unless the scale changed, mask and weights where the mask did not change', async () => {
    const basis = await basisOf(base);
    const old = (i: number) => basis.set.heads[i] as HeadStages;
    const causalOff = recomputeOnPage(basis, jobOf({ ...base, causal: false }), SOFTWARE);
    causalOff?.set.heads.forEach((h, i) => {
      expect(h?.scores).toBe(old(i).scores);
      expect(h?.scaled).toBe(old(i).scaled);
      expect(h?.mask).not.toBe(old(i).mask);
      expect(h?.weights).not.toBe(old(i).weights);
    });
    const hotter = recomputeOnPage(basis, jobOf({ ...base, temperature: 0.5 }), SOFTWARE);
    hotter?.set.heads.forEach((h, i) => {
      expect(h?.scores).toBe(old(i).scores);
      expect(h?.scaled).not.toBe(old(i).scaled);
      expect(h?.mask).toBe(old(i).mask);
    });
    // the same settings again: every head is the basis's own
    expect(recomputeOnPage(basis, jobOf(base), SOFTWARE)?.set.heads.every((h, i) => h === old(i))).toBe(true);
  });
});

describe('canRecomputeOnPage', () => {
  const base = scenario({ inputMode: 'lengths', queryLength: 16, batchSize: 2, heads: 2, dK: 8, causal: true });
  it('a mask change at a small size on the JS path: yes', async () => {
    expect(canRecomputeOnPage(await basisOf(base), jobOf({ ...base, causal: false }), SOFTWARE)).toBe(true);
  });
  it('new Q/K/V (seed, length, heads, dK) or no basis: no', async () => {
    const basis = await basisOf(base);
    for (const patch of [{ seed: base.seed + 1 }, { queryLength: 17 }, { heads: 3 }, { dK: 4 }]) {
      expect(canRecomputeOnPage(basis, jobOf({ ...base, ...patch, causal: false }), SOFTWARE), JSON.stringify(patch)).toBe(false);
    }
    expect(canRecomputeOnPage(null, jobOf(base), SOFTWARE)).toBe(false);
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
    // Lk·(dK + dV) = 64 · 128 ≥ KERNEL_MIN_ROW_WORK: the products ran in the WebAssembly kernels
    expect(got.run).toMatchObject({ path: 'js', onPage: 'whole', simd: true });
    setKernelsEnabled(false);
    try {
      expect(computeOnPage(basis, job, SOFTWARE)?.run.simd).toBe(false);
    } finally {
      setKernelsEnabled(true);
    }
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
    // before the device is probed: only where no device could make it a tfjs path
    expect(pagePlan(null, jobOf({ ...classroom, engine: 'webgl' }), null)).toBeNull();
    expect(pagePlan(null, jobOf({ ...classroom, engine: 'cpu' }), null)).toBeNull();
    expect(pagePlan(null, jobOf(classroom), SOFTWARE)).toBe('whole');
  });
});

describe('computeOnPage with the head on screen first, then completeOnPage', () => {
  const classroom = scenario({ inputMode: 'lengths', queryLength: 64, batchSize: 2, heads: 8, dK: 64, causal: true, keyPadding: true });
  const focus = { batch: 1, head: 5 };

  it('classroom size: only the head on screen (its Q/K/V, its stages), equal to the engine run on all heads', async () => {
    const job = jobOf(classroom);
    expect(computeMacs(job.inputs.shape)).toBeGreaterThanOrEqual(FOCUS_FIRST_MACS);
    const got = computeOnPage(null, job, SOFTWARE, focus);
    if (!got) throw new Error('not computed');
    expect(got.run).toMatchObject({ path: 'js', onPage: 'focus' });
    const index = focus.batch * 8 + focus.head;
    expect(got.set.heads.filter((h) => h !== null)).toHaveLength(1);
    expect(got.set.heads[index]).not.toBeNull();
    const fresh = await basisOf(classroom);
    for (const stage of STAGES) expect([...(got.set.heads[index]?.[stage] ?? [])], stage).toEqual([...(fresh.set.heads[index]?.[stage] ?? [])]);
    // the head's own Q/K/V block [B,H,L,dK] equals the full projection's
    const block = (a: Float32Array) => [...a.subarray(index * 64 * 64, (index + 1) * 64 * 64)];
    expect(block(got.inputs.q)).toEqual(block(fresh.inputs.q));
    expect(block(got.inputs.k)).toEqual(block(fresh.inputs.k));
  });

  it('completeOnPage: every head and Q/K/V equal a fresh engine run; the head computed first is kept as it is', async () => {
    const job = jobOf(classroom);
    const partial = computeOnPage(null, job, SOFTWARE, focus);
    if (!partial) throw new Error('not computed');
    const whole = completeOnPage(partial, job, SOFTWARE);
    if (!whole) throw new Error('not completed');
    expect(whole.run).toMatchObject({ path: 'js', onPage: 'whole' });
    expect(whole.set.heads[focus.batch * 8 + focus.head]).toBe(partial.set.heads[focus.batch * 8 + focus.head]);
    const fresh = await basisOf(classroom);
    expect([...whole.inputs.q]).toEqual([...fresh.inputs.q]);
    expect([...whole.inputs.v]).toEqual([...fresh.inputs.v]);
    expectSameStages(whole.set, fresh.set);
  });

  it(`below FOCUS_FIRST_MACS (${FOCUS_FIRST_MACS}), with one head in all, or without a focus: every head at once`, () => {
    const small = scenario({ inputMode: 'lengths', queryLength: 16, batchSize: 2, heads: 2, dK: 8 });
    expect(computeMacs(jobOf(small).inputs.shape)).toBeLessThan(FOCUS_FIRST_MACS);
    expect(computeOnPage(null, jobOf(small), SOFTWARE, { batch: 0, head: 1 })?.run.onPage).toBe('whole');
    const one = { ...classroom, batchSize: 1, heads: 1, queryLength: 128, dK: 128 };
    expect(computeMacs(jobOf(one).inputs.shape)).toBeGreaterThanOrEqual(FOCUS_FIRST_MACS);
    expect(computeOnPage(null, jobOf(one), SOFTWARE, { batch: 0, head: 0 })?.run.onPage).toBe('whole');
    expect(computeOnPage(null, jobOf(classroom), SOFTWARE)?.run.onPage).toBe('whole');
  });

  it(`a mask change from FOCUS_FIRST_MACS of W·V on: the head on screen first from the basis, then completeOnPage from the same basis ('mask'); equal to a fresh run`, async () => {
    const basis = await basisOf(classroom);
    const next = { ...classroom, causal: false };
    const job = jobOf(next);
    expect(maskMacs(job.inputs.shape)).toBeGreaterThanOrEqual(FOCUS_FIRST_MACS);
    const partial = computeOnPage(basis, job, SOFTWARE, focus);
    if (!partial) throw new Error('not computed');
    const index = focus.batch * 8 + focus.head;
    expect(partial.run.onPage).toBe('focus');
    expect(partial.set.heads.map((h, i) => (h === null ? null : i))).toEqual(partial.set.heads.map((_, i) => (i === index ? i : null)));
    expect(partial.set.heads[index]?.scores).toBe(basis.set.heads[index]?.scores);
    const whole = completeOnPage(partial, job, SOFTWARE);
    if (!whole) throw new Error('not completed');
    expect(whole.run.onPage).toBe('mask');
    expect(whole.set.heads[index]).toBe(partial.set.heads[index]);
    whole.set.heads.forEach((h, i) => expect(h?.scores).toBe(basis.set.heads[i]?.scores));
    expectSameStages(whole.set, (await basisOf(next)).set);
  });

  it(`a mask change below FOCUS_FIRST_MACS of W·V, or without a focus: every head at once ('mask')`, async () => {
    const small = { ...classroom, queryLength: 16 };
    const basis = await basisOf(small);
    expect(maskMacs(jobOf(small).inputs.shape)).toBeLessThan(FOCUS_FIRST_MACS);
    expect(computeOnPage(basis, jobOf({ ...small, causal: false }), SOFTWARE, focus)?.run.onPage).toBe('mask');
    expect(computeOnPage(await basisOf(classroom), jobOf({ ...classroom, causal: false }), SOFTWARE)?.run.onPage).toBe('mask');
  });
});

describe('before the worker has probed the device (a cold start)', () => {
  const small = scenario({ inputMode: 'lengths', queryLength: 16, batchSize: 2, heads: 2, dK: 8, causal: true });

  it('auto below SMALL_CELLS or a JS choice: computed on the page from scratch, the same numbers as the engine, reason "small" / "chosen"', async () => {
    expect(pagePlan(null, jobOf(small), null)).toBe('whole');
    const got = computeOnPage(null, jobOf(small), null);
    if (!got) throw new Error('not computed');
    expect(got.run).toMatchObject({ path: 'js', reason: 'small', onPage: 'whole' });
    expectSameStages(got.set, (await basisOf(small)).set);
    expect(computeOnPage(null, jobOf({ ...small, engine: 'js' }), null)?.run.reason).toBe('chosen');
  });

  it('a mask change from a result: recomputed on the page without the device', async () => {
    const basis = await basisOf(small);
    const job = jobOf({ ...small, causal: false });
    expect(canRecomputeOnPage(basis, job, null)).toBe(true);
    const got = computeOnPage(basis, job, null);
    expect(got?.run).toMatchObject({ path: 'js', reason: 'small', onPage: 'mask' });
    expectSameStages(got!.set, (await basisOf({ ...small, causal: false })).set);
  });

  it('once the device is known, the result says the reason that device gives (the same object when nothing changes)', () => {
    const job = jobOf(small);
    const got = computeOnPage(null, job, null)!;
    const result = { job, ...got };
    expect(withProbedReason(result, null)).toBe(result);
    expect(withProbedReason(result, SOFTWARE).run.reason).toBe('softwareWebgl');
    expect(withProbedReason(result, GPU)).toBe(result); // 'small' there too
    const fromWorker = { ...result, run: { ...result.run, onPage: undefined } };
    expect(withProbedReason(fromWorker, SOFTWARE)).toBe(fromWorker);
  });

  it('calibrated: computed on the page only where the calibration picks JS; a restated reason says it was measured', () => {
    const job = jobOf(small);
    const calibration = (webglFixedMs: number) => ({ renderer: GPU.renderer, measuredAt: '2026-12-05T20:00:00.000Z', js: { fixedMs: 0, perCellMs: 1e-4 }, webgl: { fixedMs: webglFixedMs, perCellMs: 0 } });
    const jsFaster: DeviceInfo = { ...GPU, calibration: calibration(1e6) };
    const webglFaster: DeviceInfo = { ...GPU, calibration: calibration(0) };
    expect(computeOnPage(null, job, jsFaster)?.run).toMatchObject({ path: 'js', reason: 'calibratedJs', onPage: 'whole' });
    expect(pagePlan(null, job, webglFaster)).toBeNull(); // the worker runs it on WebGL
    const result = { job, ...computeOnPage(null, job, null)! };
    expect(withProbedReason(result, jsFaster).run.reason).toBe('calibratedJs');
    expect(withProbedReason(result, webglFaster)).toBe(result); // computed before the probe, kept as it was
  });

  it('a worker result decided by the rules says "measured" once the calibration picks the path that ran; another path, a chosen one or a fault keeps its reason', () => {
    const job = jobOf(small);
    const calibration = (webglFixedMs: number) => ({ renderer: SOFTWARE.renderer, measuredAt: '2026-12-05T20:00:00.000Z', js: { fixedMs: 0, perCellMs: 1e-4 }, webgl: { fixedMs: webglFixedMs, perCellMs: 0 } });
    const worker = { job, ...computeOnPage(null, job, null)! };
    const ruled = { ...worker, run: { ...worker.run, onPage: undefined, reason: 'softwareWebgl' as const } };
    expect(withProbedReason(ruled, { ...SOFTWARE, calibration: calibration(1e6) }).run.reason).toBe('calibratedJs');
    expect(withProbedReason(ruled, { ...SOFTWARE, calibration: calibration(0) })).toBe(ruled); // WebGL would win: JS ran by the rule
    expect(withProbedReason(ruled, SOFTWARE)).toBe(ruled); // not calibrated: the same rule
    for (const reason of ['chosen', 'gpuFault', 'float16Long'] as const) {
      const kept = { ...ruled, run: { ...ruled.run, reason } };
      expect(withProbedReason(kept, { ...SOFTWARE, calibration: calibration(1e6) })).toBe(kept);
    }
  });

  it('a tfjs path chosen: left to the worker, which knows the device', () => {
    for (const engine of ['webgl', 'cpu'] as const) expect(computeOnPage(null, jobOf({ ...small, engine }), null)).toBeNull();
  });
});
