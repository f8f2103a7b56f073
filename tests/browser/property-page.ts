/**
 * Random Scenarios (tests/helpers/scenarioArbitraries.ts) computed by the tfjs engine on WebGL
 * (WEBGL_CPU_FORWARD off: every tensor goes through the shaders) and checked in the page against
 * the float64 reference with the same invariants as the Node property test, for
 * tests/browser/properties.test.ts.
 */
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import { computeAttention } from '../../src/engine/attention';
import { initBackend } from '../../src/engine/backend';
import { referenceAttention } from '../../src/engine/reference';
import { cellCount } from '../../src/engine/headStages';
import { RowStatus } from '../../src/engine/types';
import { deriveInputs } from '../../src/scenario/derive';
import { headProblem, type Tolerances } from '../helpers/attentionInvariants';
import { scenarioArb } from '../helpers/scenarioArbitraries';

/**
 * `runs` scenarios of seed `seed` with at least `minCells` cells B·H·Lq·Lk (tfjs runs smaller
 * tensors on the CPU when CPU forwarding is on), each head checked; returns the problems found
 * (with the scenario) and what was covered.
 */
async function run(seed: number, runs: number, minCells: number, tol: Tolerances) {
  tf.env().set('WEBGL_CPU_FORWARD', false);
  const backend = await initBackend('webgl');
  const tensorsBefore = tf.memory().numTensors;
  const scenarios = fc.sample(scenarioArb(16).filter((s) => {
    const d = deriveInputs(s, { vectors: false });
    return d.ok && cellCount(d.inputs.shape) >= minCells;
  }), { numRuns: runs, seed });
  const problems: string[] = [];
  let heads = 0;
  let fullyMasked = 0;
  for (const scenario of scenarios) {
    const derived = deriveInputs(scenario);
    if (!derived.ok) throw new Error(derived.error);
    const stages = await computeAttention(derived.inputs);
    const ref = referenceAttention(derived.inputs);
    const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dV } = stages.shape;
    for (let b = 0; b < B; b++) {
      for (let h = 0; h < H; h++) {
        const bh = b * H + h;
        const cells = <T extends Float32Array | Uint8Array>(a: T) => a.subarray(bh * Lq * Lk, (bh + 1) * Lq * Lk);
        const rowStatus = stages.rowStatus.subarray(bh * Lq, (bh + 1) * Lq);
        const problem = headProblem({ batch: b, head: h, mask: cells(stages.mask), weights: cells(stages.weights), output: stages.output.subarray(bh * Lq * dV, (bh + 1) * Lq * dV), rowStatus }, ref, tol, derived.inputs.scoreMods?.softcap ?? 0);
        if (problem) problems.push(`${problem} in ${JSON.stringify(scenario)}`);
        heads++;
        fullyMasked += rowStatus.filter((f) => f & RowStatus.fullyMasked).length;
      }
    }
  }
  return { backend, scenarios: scenarios.length, heads, fullyMasked, problems, tensorsLeft: tf.memory().numTensors - tensorsBefore };
}

Object.assign(window, { maskscopePropertyTest: { run } });
document.body.dataset.ready = 'true';
