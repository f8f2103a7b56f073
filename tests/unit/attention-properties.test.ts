/**
 * Issue #11 §5: 10,000 random Scenarios (scenarioArbitraries.ts) through deriveInputs and the
 * plain-JS engine path (planJs + computeRowsJs, as pageRecompute and the engine worker run it),
 * every head checked against the float64 reference (attentionInvariants.ts): no NaN or infinity
 * in weights or output, rows summing to 1 within 1e-5 or fully masked with weights 0 and output 0.
 * Seeded: MASKSCOPE_PROPERTY_SEED overrides the seed, and fast-check prints the failing case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateHead } from '../../src/engine/headStages';
import { computeRowsJs, planJs } from '../../src/engine/jsAttention';
import { referenceAttention } from '../../src/engine/reference';
import { RowStatus } from '../../src/engine/types';
import { deriveInputs } from '../../src/scenario/derive';
import { headProblem, type Tolerances } from '../helpers/attentionInvariants';
import { scenarioArb } from '../helpers/scenarioArbitraries';

/**
 * Float32 arrays computed in float64 arithmetic (jsAttention.ts): the differences are float32
 * rounding of the stored stages, 1e-6 on weights and output, plus the logits' rounding (4 ulps).
 */
const JS_TOLERANCES: Tolerances = { weights: 1e-6, output: 1e-6, logitUlps: 4 };
const SEED = Number(process.env.MASKSCOPE_PROPERTY_SEED ?? 20261205);
const RUNS = 10_000;

describe('the JS path on 10,000 random scenarios', () => {
  it(`every head of every scenario keeps the invariants and matches the float64 reference (seed ${SEED})`, () => {
    const seen = { scenarios: 0, heads: 0, rows: 0, fullyMasked: 0, paddedQuery: 0, alibi: 0, softcap: 0, cross: 0 };
    fc.assert(
      fc.property(scenarioArb(8), (scenario) => {
        const derived = deriveInputs(scenario);
        if (!derived.ok) throw new Error(`deriveInputs failed: ${derived.error}`);
        const { inputs } = derived;
        const ref = referenceAttention(inputs);
        const plan = planJs(inputs);
        const { batch: B, heads: H, queryLength: Lq } = inputs.shape;
        for (let b = 0; b < B; b++) {
          for (let h = 0; h < H; h++) {
            const out = allocateHead(inputs.shape, b, h);
            // two row blocks, as the runner splits rows between checkpoints
            const middle = Math.floor(Lq / 2);
            computeRowsJs(plan, out, 0, middle);
            computeRowsJs(plan, out, middle, Lq);
            const problem = headProblem(out, ref, JS_TOLERANCES);
            if (problem) throw new Error(problem);
            seen.heads++;
            seen.rows += Lq;
            for (const flags of out.rowStatus) {
              if (flags & RowStatus.fullyMasked) seen.fullyMasked++;
              if (flags & RowStatus.paddedQuery) seen.paddedQuery++;
            }
          }
        }
        seen.scenarios++;
        if (scenario.alibi) seen.alibi++;
        if (scenario.softcap > 0) seen.softcap++;
        if (scenario.attention === 'cross') seen.cross++;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.info(`attention properties (seed ${SEED}):`, JSON.stringify(seen));
    expect(seen.scenarios).toBe(RUNS);
    // the sample reaches the cases that matter: fully masked rows, padded queries, every modifier
    expect(seen.fullyMasked).toBeGreaterThan(100);
    expect(seen.paddedQuery).toBeGreaterThan(100);
    expect(Math.min(seen.alibi, seen.softcap, seen.cross)).toBeGreaterThan(1000);
  }, 300_000); // ~6 s alone; minutes on a 2-core machine kept busy by other processes
});
