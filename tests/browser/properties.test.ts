/**
 * Issue #11 §5, the WebGL sample of the property test (the Node one, tests/unit/attention-properties,
 * runs 10,000 on the JS path): 50 random Scenarios of ≥ 128 cells through computeAttention on the
 * WebGL backend, every head checked against the float64 reference in the page (no NaN or
 * infinity, rows summing to 1 or fully masked with weights 0 and output 0, mask equal, values close).
 * Seeded: MASKSCOPE_PROPERTY_SEED overrides the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Tolerances } from '../helpers/attentionInvariants';
import { openPage, startHarness, type Harness } from './harness';

/**
 * WebGL computes in float32 throughout (Q·Kᵀ accumulated in float32, exp and the row sum in the
 * shader, soft-capping as c·tanh(x/c), rounded relative to c): 1e-5 on weights and output plus
 * 8 float32 roundings of the row's largest logit, or of the soft-cap c when it is larger.
 */
const WEBGL_TOLERANCES: Tolerances = { weights: 1e-5, output: 1e-5, logitUlps: 8 };
const SEED = Number(process.env.MASKSCOPE_PROPERTY_SEED ?? 20261205);

let harness: Harness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  harness = await startHarness();
  ({ page, errors } = await openPage(harness, 'tests/browser/property-page.html'));
  await page.waitForSelector('body[data-ready="true"]');
});
afterAll(async () => harness?.close());

interface Outcome { backend: { name: string }; scenarios: number; heads: number; fullyMasked: number; problems: string[]; tensorsLeft: number }

describe('computeAttention on WebGL, 50 random scenarios', () => {
  it(`every head keeps the invariants and matches the float64 reference (seed ${SEED})`, async () => {
    const outcome = await page.evaluate(
      ([seed, tol]) => (window as unknown as { maskscopePropertyTest: { run(s: number, r: number, m: number, t: Tolerances): Promise<Outcome> } }).maskscopePropertyTest.run(seed, 50, 128, tol),
      [SEED, WEBGL_TOLERANCES] as const,
    );
    console.info(`WebGL properties (seed ${SEED}): ${outcome.scenarios} scenarios, ${outcome.heads} heads, ${outcome.fullyMasked} fully masked rows`);
    expect(outcome.backend.name).toBe('webgl');
    expect(outcome.scenarios).toBe(50);
    expect(outcome.problems.slice(0, 3)).toEqual([]);
    expect(outcome.fullyMasked).toBeGreaterThan(0);
    expect(outcome.tensorsLeft).toBe(0);
    expect(errors).toEqual([]);
  });
});
