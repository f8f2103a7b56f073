/**
 * The engine on WebGL in real Chromium (WEBGL_CPU_FORWARD off) against the float64 reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { referenceAttention } from '../../src/engine/reference';
import { ENGINE_CASES, EVERY_MODIFIER_CASE, makeInputs, type CaseSpec } from '../helpers/cases';
import { planTf } from '../../src/engine/tfPlan';
import { expectArraysClose } from '../helpers/arrays';
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

type F16Result = { backend: { name: string; float32: boolean; precision: string }; precision: string; renderFloat32: boolean; whole: PageResult[]; blocks: PageResult[]; refusals: string[] };

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
