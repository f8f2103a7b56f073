/**
 * The engine on WebGL in real Chromium (WEBGL_CPU_FORWARD off) against the float64 reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { referenceAttention } from '../../src/engine/reference';
import { ENGINE_CASES, EVERY_MODIFIER_CASE, makeInputs, type CaseSpec } from '../helpers/cases';
import { planTf } from '../../src/engine/tfPlan';
import { expectArraysClose } from '../helpers/arrays';
import { SOFTMAX_CASES, maskedSoftmaxReference } from '../helpers/softmaxCases';
import { MASKED_SOFTMAX_KERNEL } from '../../src/engine/tfMaskedSoftmax';
import { openPage, startHarness, type Harness } from './harness';

let harness: Harness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  harness = await startHarness();
  ({ page, errors } = await openPage(harness, 'tests/browser/engine-page.html'));
  await page.waitForSelector('body[data-ready="true"]');
});
afterAll(async () => harness?.close());

interface PageResult {
  name: string;
  scores: number[];
  scaled: number[];
  logits: number[];
  mask: number[];
  maskedIsMinusInf: boolean[];
  weights: number[];
  output: number[];
  rowStatus: number[];
  anyNaN: boolean;
  anyNonFinite: boolean;
}

describe('computeAttention on WebGL against the float64 reference', () => {
  let results: PageResult[] = [];
  let backend: { name: string; webglVersion: number; float32: boolean };

  beforeAll(async () => {
    const names = ENGINE_CASES.map((c) => c.name);
    ({ backend, results } = await page.evaluate(
      (n) => (window as unknown as { maskscopeEngineTest: { run(n: string[]): Promise<{ backend: typeof backend; results: PageResult[] }> } }).maskscopeEngineTest.run(n),
      names,
    ));
  });

  it('runs on the WebGL2 backend with float32 textures', () => {
    expect(backend).toMatchObject({ name: 'webgl', webglVersion: 2, float32: true });
  });

  for (const spec of ENGINE_CASES) {
    it(`${spec.name}: every stage matches the reference, no NaN`, () => {
      expectCaseMatches(results.find((r) => r.name === spec.name), spec);
    });
  }

  for (const name of [ENGINE_CASES[7]!.name, EVERY_MODIFIER_CASE]) {
    it(`does not leak tensors or GPU memory over 30 recomputes (${name})`, async () => {
      const r = await page.evaluate(
        (n) => (window as unknown as { maskscopeEngineTest: { leakCheck(repeats: number, name: string): Promise<{ before: number; after: number; bytesBefore: number; bytesAfter: number }> } }).maskscopeEngineTest.leakCheck(30, n),
        name,
      );
      expect(r.after).toBe(r.before);
      expect(r.bytesAfter).toBe(r.bytesBefore);
    });
  }

});

type SoftmaxResult = { name: string; weights: number[]; kernels: string[]; before: number; after: number };
type FusedResult = { softmax: SoftmaxResult[]; attentionKernels: string[]; before: number; after: number };

/**
 * The weights of a SOFTMAX_CASES input against the float64 reference: within `tol`; blocked
 * cells and rows without an allowed key exactly 0; a row with one allowed key exactly 1 there;
 * every other row sums to 1 within `tol`.
 */
function expectSoftmaxMatches(got: SoftmaxResult | undefined, tol: number): void {
  const spec = SOFTMAX_CASES.find((c) => c.name === got?.name);
  if (!got || !spec) throw new Error(`no softmax result for ${got?.name}`);
  expect(got.weights.some(Number.isNaN)).toBe(false);
  expectArraysClose(got.weights, maskedSoftmaxReference(spec), tol);
  const Lk = spec.shape[spec.shape.length - 1] as number;
  for (let start = 0; start < got.weights.length; start += Lk) {
    const row = got.weights.slice(start, start + Lk);
    const allowed = spec.mask.slice(start, start + Lk);
    row.forEach((w, k) => allowed[k] === 0 && expect(w).toBe(0));
    const count = allowed.filter((m) => m === 1).length;
    if (count === 1) expect(row[allowed.indexOf(1)]).toBe(1);
    if (count > 1) expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(tol);
  }
}

describe('maskedSoftmax on WebGL: the fused MaskedSoftmax kernel', () => {
  let r: FusedResult;

  beforeAll(async () => {
    r = await page.evaluate(
      (n) => (window as unknown as { maskscopeEngineTest: { runFused(n: string): Promise<FusedResult> } }).maskscopeEngineTest.runFused(n),
      ENGINE_CASES[7]!.name,
    );
  });

  for (const spec of SOFTMAX_CASES) {
    it(`${spec.name}: matches the float64 reference within 1e-5; fully masked rows exactly 0, one allowed key exactly 1, logits at ±80 without overflow, rows summing to 1`, () => {
      expectSoftmaxMatches(r.softmax.find((x) => x.name === spec.name), 1e-5);
    });

    it(`${spec.name}: runs as the one ${MASKED_SOFTMAX_KERNEL} kernel, and leaves the tensor count unchanged`, () => {
      const got = r.softmax.find((x) => x.name === spec.name)!;
      expect(got.kernels).toEqual([MASKED_SOFTMAX_KERNEL]);
      expect(got.after).toBe(got.before);
    });
  }

  it(`computeAttention (${ENGINE_CASES[7]!.name}): after the mask's kernels, scores, scale, then softmax as one ${MASKED_SOFTMAX_KERNEL} kernel (no Exp, Sum, RealDiv: not the chain), output; tensor count unchanged`, () => {
    expect(r.attentionKernels.slice(-4)).toEqual(['BatchMatMul', 'Multiply', MASKED_SOFTMAX_KERNEL, 'BatchMatMul']);
    for (const chainKernel of ['Exp', 'Sum', 'RealDiv']) expect(r.attentionKernels).not.toContain(chainKernel);
    expect(r.after).toBe(r.before);
  });
});

describe('maskedSoftmax on a WebGL 1 context (tfjs flag WEBGL_VERSION = 1, a fresh page): loops with a constant bound', () => {
  let r: { webglVersion: number; backend: string; softmax: SoftmaxResult[] };

  beforeAll(async () => {
    const fresh = await openPage(harness, 'tests/browser/engine-page.html');
    await fresh.page.waitForSelector('body[data-ready="true"]');
    r = await fresh.page.evaluate(() => (window as unknown as { maskscopeEngineTest: { runFusedWebgl1(): Promise<typeof r> } }).maskscopeEngineTest.runFusedWebgl1());
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();
  });

  for (const spec of SOFTMAX_CASES) {
    it(`${spec.name}: one ${MASKED_SOFTMAX_KERNEL} kernel on WebGL 1, matching the float64 reference within 1e-5`, () => {
      expect(r).toMatchObject({ webglVersion: 1, backend: 'webgl' });
      const got = r.softmax.find((x) => x.name === spec.name);
      expect(got?.kernels).toEqual([MASKED_SOFTMAX_KERNEL]);
      expectSoftmaxMatches(got, 1e-5);
    });
  }
});

type RunPath = (names: string[], path: string, maxTextureSize: number, warm: boolean) => Promise<{ backend: { name: string }; results: PageResult[]; compileOnlyAfter: boolean }>;

/** The page's results against the reference, stage by stage. */
function expectCaseMatches(got: PageResult | undefined, spec: CaseSpec, tol = spec.magnitude ? 5e-3 : 1e-4): void {
  if (!got) throw new Error(`no result for ${spec.name}`);
  const want = referenceAttention(makeInputs(spec));
  expect(got.anyNaN).toBe(false);
  expect(got.anyNonFinite).toBe(false);
  expect(got.mask).toEqual([...want.mask]);
  expect(got.rowStatus).toEqual([...want.rowStatus]);
  expect(got.maskedIsMinusInf).toEqual([...want.mask].map((m) => m === 0));
  for (const stage of ['scaled', 'logits', 'weights', 'output'] as const) expectArraysClose(got[stage], want[stage], tol);
}

describe('runAttention in Chromium: every path, chunked, after a compile-only warm-up', () => {
  const names = ENGINE_CASES.map((c) => c.name);
  const runPath = (path: string, maxTextureSize: number, warm: boolean) =>
    page.evaluate(([n, p, m, w]) => (window as unknown as { maskscopeEngineTest: { runPath: RunPath } }).maskscopeEngineTest.runPath(n, p, m, w), [names, path, maxTextureSize, warm] as const);

  it('WebGL after the warm-up, in chunks of a 4×4-texel limit: every case matches; compile-only mode is off again', async () => {
    const { backend, results, compileOnlyAfter } = await runPath('webgl', 4, true);
    expect(backend.name).toBe('webgl');
    expect(compileOnlyAfter).toBe(false);
    for (const spec of ENGINE_CASES) expectCaseMatches(results.find((r) => r.name === spec.name), spec);
  });

  it('the plain-JS path in the browser: every case matches', async () => {
    const { results } = await runPath('js', 0, false);
    for (const spec of ENGINE_CASES) expectCaseMatches(results.find((r) => r.name === spec.name), spec);
  });
});

/** Needs row blocks under a 32 limit (1,024 texels): one head is 40 × 40 = 1,600 scores → blocks of 25 and 15 rows. */
const ROW_BLOCK_CASE: CaseSpec = { name: 'L = 40, 2 heads, causal + key padding', shape: { batch: 1, heads: 2, queryLength: 40, keyLength: 40, dK: 8, dV: 8 }, causal: 'bottom-right', keyLengths: [33], queryLengths: null, seed: 41 };

type LimitResult = { backend: { name: string; maxTextureSize: number }; whole: PageResult[]; worker: (PageResult & { blocks: number })[] };

describe('a WebGL texture limit below 2048 (tfjs flag WEBGL_MAX_TEXTURE_SIZE = 32)', () => {
  const specs = [...ENGINE_CASES, ROW_BLOCK_CASE];
  let r: LimitResult;

  beforeAll(async () => {
    // a fresh page: the limit is set before tfjs computes anything, as on a device
    const fresh = await openPage(harness, 'tests/browser/engine-page.html');
    await fresh.page.waitForSelector('body[data-ready="true"]');
    r = await fresh.page.evaluate(
      (s) => (window as unknown as { maskscopeEngineTest: { runTextureLimit(s: CaseSpec[], limit: number): Promise<LimitResult> } }).maskscopeEngineTest.runTextureLimit(s, 32),
      specs,
    );
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();
  });

  it('describeBackend reports the limit the engine plans with', () => {
    expect(r.backend).toMatchObject({ name: 'webgl', maxTextureSize: 32 });
  });

  it('L = 40, 2 heads: head by head in blocks of 25 and 15 rows (4 blocks), numbers match the reference', () => {
    const worker = r.worker.find((x) => x.name === ROW_BLOCK_CASE.name)!;
    expect(worker.blocks).toBe(4);
    expectCaseMatches(worker, ROW_BLOCK_CASE);
    expectCaseMatches(r.whole.find((x) => x.name === ROW_BLOCK_CASE.name), ROW_BLOCK_CASE);
  });

  for (const spec of specs) {
    it(`${spec.name}: computeAttention and runAttention (every head) stay within the limit and match the reference`, () => {
      const plan = planTf(spec.shape, 32);
      const worker = r.worker.find((x) => x.name === spec.name)!;
      // whole batch: no row blocks (no progress); else every head in ⌈Lq / rows⌉ blocks
      expect(worker.blocks).toBe(plan.wholeBatch ? 0 : spec.shape.batch * spec.shape.heads * Math.ceil(spec.shape.queryLength / plan.rows));
      expectCaseMatches(worker, spec);
      expectCaseMatches(r.whole.find((x) => x.name === spec.name), spec);
    });
  }
});

type F16Result = { backend: { name: string; float32: boolean; precision: string }; precision: string; renderFloat32: boolean; whole: PageResult[]; blocks: PageResult[]; refusals: string[]; fused: SoftmaxResult[] };

describe('float16 textures (tfjs flag WEBGL_FORCE_F16_TEXTURES, a fresh page)', () => {
  /** float16 keeps 11 significant bits: about 5e-4 relative per rounding, a few roundings per stage. */
  const F16_TOLERANCE = 1e-2;
  let r: F16Result;

  beforeAll(async () => {
    const fresh = await openPage(harness, 'tests/browser/engine-page.html');
    await fresh.page.waitForSelector('body[data-ready="true"]');
    r = await fresh.page.evaluate(
      (n) => (window as unknown as { maskscopeEngineTest: { runF16(n: string[]): Promise<F16Result> } }).maskscopeEngineTest.runF16(n),
      ENGINE_CASES.map((c) => c.name),
    );
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();
  });

  it('the backend reports float16: precision, float32 false, tfjs renders to half floats', () => {
    expect(r.backend).toMatchObject({ name: 'webgl', float32: false, precision: 'float16' });
    expect(r.precision).toBe('float16');
    expect(r.renderFloat32).toBe(false);
  });

  for (const spec of SOFTMAX_CASES) {
    it(`fused maskedSoftmax, ${spec.name}: one ${MASKED_SOFTMAX_KERNEL} kernel; within 1e-2 of the reference, fully masked rows exactly 0, one allowed key exactly 1, ±80 without overflow`, () => {
      const got = r.fused.find((x) => x.name === spec.name);
      expect(got?.kernels).toEqual([MASKED_SOFTMAX_KERNEL]);
      expectSoftmaxMatches(got, F16_TOLERANCE);
    });
  }

  it('Lq + Lk = 8 + 2100 (positions a half float rounds): computeAttention and runAttention refuse, saying to choose the plain-JS engine', () => {
    expect(r.refusals).toHaveLength(2);
    for (const message of r.refusals) expect(message).toContain('Lq + Lk = 8 + 2100 would round the mask. Choose the plain-JS engine');
  });

  it('the numbers really went through float16 (scaled scores differ from float32 by more than float32 rounding)', () => {
    const spec = ENGINE_CASES.find((c) => c.name === 'larger, 8 heads dK 16')!;
    const want = referenceAttention(makeInputs(spec)).scaled;
    const got = r.whole.find((x) => x.name === spec.name)!.scaled;
    const worst = Math.max(...got.map((x, i) => Math.abs(x - (want[i] as number))));
    expect(worst).toBeGreaterThan(1e-4);
  });

  for (const spec of ENGINE_CASES) {
    it(`${spec.name}: whole batch and row blocks give the right mask and row flags, no NaN, ±∞ or overflow, ${spec.magnitude ? 'rows summing to 1 or 0' : 'every stage within 1e-2'}`, () => {
      for (const got of [r.whole, r.blocks].map((list) => list.find((x) => x.name === spec.name)!)) {
        if (!spec.magnitude) {
          expectCaseMatches(got, spec, F16_TOLERANCE);
          continue;
        }
        // scores near ±1000 keep only ~0.5 of absolute precision in float16: the weights may move, but stay a distribution
        const want = referenceAttention(makeInputs(spec));
        expect(got.anyNonFinite).toBe(false);
        expect(got.mask).toEqual([...want.mask]);
        expect(got.rowStatus).toEqual([...want.rowStatus]);
        expect(got.maskedIsMinusInf).toEqual([...want.mask].map((m) => m === 0));
        const Lk = spec.shape.keyLength;
        for (let row = 0; row < got.weights.length / Lk; row++) {
          const weights = got.weights.slice(row * Lk, (row + 1) * Lk);
          const sum = weights.reduce((a, b) => a + b, 0);
          const allowed = want.mask.slice(row * Lk, (row + 1) * Lk).some((m) => m === 1);
          expect(Math.abs(sum - (allowed ? 1 : 0))).toBeLessThan(F16_TOLERANCE);
          weights.forEach((w, k) => expect(want.mask[row * Lk + k] === 1 || w === 0).toBe(true));
        }
      }
    });
  }
});

describe('engine page', () => {
  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
