/**
 * The engine on WebGL in real Chromium (WEBGL_CPU_FORWARD off) against the float64 reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { referenceAttention } from '../../src/engine/reference';
import { ENGINE_CASES, EVERY_MODIFIER_CASE, makeInputs } from '../helpers/cases';
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
function expectCaseMatches(got: PageResult | undefined, spec: (typeof ENGINE_CASES)[number]): void {
  if (!got) throw new Error(`no result for ${spec.name}`);
  const want = referenceAttention(makeInputs(spec));
  const tol = spec.magnitude ? 5e-3 : 1e-4;
  expect(got.anyNaN).toBe(false);
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

describe('engine page', () => {
  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
