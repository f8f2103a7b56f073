/**
 * Runs the engine on the WebGL backend in a real browser for tests/browser/engine.test.ts.
 * WEBGL_CPU_FORWARD is off, so even tiny tensors go through the shaders.
 */
import * as tf from '@tensorflow/tfjs-core';
import { backendPrecision, describeBackend, initBackend } from '../../src/engine/backend';
import { computeAttention } from '../../src/engine/attention';
import { joinStages } from '../../src/engine/headStages';
import { allHeads, runAttention, type EnginePath } from '../../src/engine/runner';
import { warmUpTf } from '../../src/engine/tfChunks';
import { maskedSoftmax } from '../../src/engine/tfStages';
import type { AttentionStages } from '../../src/engine/types';
import { ENGINE_CASES, EVERY_MODIFIER_CASE, makeInputs, type CaseSpec } from '../helpers/cases';
import { SOFTMAX_CASES } from '../helpers/softmaxCases';

async function run(names: string[]) {
  tf.env().set('WEBGL_CPU_FORWARD', false);
  const backend = await initBackend('webgl');
  const results = [];
  for (const name of names) {
    const spec = ENGINE_CASES.find((c) => c.name === name);
    if (!spec) throw new Error(`no case ${name}`);
    const stages = await computeAttention(makeInputs(spec));
    results.push(summarise(name, stages));
  }
  return { backend, results };
}

/** The stages as JSON-safe arrays. */
function summarise(name: string, stages: AttentionStages) {
  return {
      name,
      scores: [...stages.scores],
      scaled: [...stages.scaled],
      logits: [...stages.logits],
      mask: [...stages.mask],
      // −Infinity survives JSON as null: send a flag array instead
      maskedIsMinusInf: [...stages.masked].map((x) => x === -Infinity),
      weights: [...stages.weights],
      output: [...stages.output],
      rowStatus: [...stages.rowStatus],
      anyNaN: [stages.weights, stages.output, stages.scaled, stages.logits].some((a) => a.some(Number.isNaN)),
      // ±∞ or NaN anywhere but `masked` (where −∞ marks blocked cells)
      anyNonFinite: [stages.scores, stages.scaled, stages.logits, stages.weights, stages.output].some((a) => !a.every(Number.isFinite)),
  };
}

/**
 * runAttention on `path`, head by head in row blocks: maxTextureSize stands in for the device's
 * MAX_TEXTURE_SIZE (a tiny one forces many chunks). With `warm`, the shaders are first compiled in
 * compile-only mode (warmUpTf) on the cases' own inputs.
 */
async function runPath(names: string[], path: EnginePath, maxTextureSize: number, warm = false) {
  tf.env().set('WEBGL_CPU_FORWARD', false);
  const backend = await initBackend('webgl');
  const results = [];
  if (warm) await warmUpTf(names.map((n) => makeInputs(ENGINE_CASES.find((c) => c.name === n)!)));
  const compileOnlyAfter = tf.env().getBool('ENGINE_COMPILE_ONLY');
  for (const name of names) {
    const inputs = makeInputs(ENGINE_CASES.find((c) => c.name === name)!);
    const set = await runAttention(inputs, { path, heads: allHeads(inputs.shape), maxTextureSize });
    results.push(summarise(name, joinStages(set)!));
  }
  return { backend, results, compileOnlyAfter };
}

/**
 * Every case under the tfjs flag WEBGL_MAX_TEXTURE_SIZE = `limit` (a device with small textures;
 * tfjs then refuses any texture beyond it): computeAttention, and runAttention for every head as
 * the worker calls it (maxTextureSize from describeBackend). Call first, on a fresh page: a
 * device's limit is fixed, and tfjs's compiled programs assume the texture layouts they were
 * compiled for, so the flag is set before the WebGL backend computes anything.
 */
async function runTextureLimit(specs: CaseSpec[], limit: number) {
  tf.env().set('WEBGL_MAX_TEXTURE_SIZE', limit);
  tf.env().set('WEBGL_CPU_FORWARD', false);
  await initBackend('webgl');
  const backend = describeBackend('');
  const whole = [];
  const worker = [];
  for (const spec of specs) {
    const inputs = makeInputs(spec);
    whole.push(summarise(spec.name, await computeAttention(inputs)));
    let blocks = 0;
    const set = await runAttention(inputs, { path: 'webgl', maxTextureSize: backend.maxTextureSize, onProgress: () => blocks++ });
    worker.push({ ...summarise(spec.name, joinStages(set)!), blocks });
  }
  return { backend, whole, worker };
}

/**
 * Every case on float16 textures: WEBGL_FORCE_F16_TEXTURES is set before the WebGL backend starts
 * (call first, on a fresh page), so tfjs derives every other flag as on a device without float32
 * render targets. computeAttention (whole batch) and runAttention head by head in row blocks.
 */
async function runF16(names: string[]) {
  tf.env().set('WEBGL_FORCE_F16_TEXTURES', true);
  tf.env().set('WEBGL_CPU_FORWARD', false);
  const backend = await initBackend('webgl');
  const whole = [];
  const blocks = [];
  for (const name of names) {
    const inputs = makeInputs(ENGINE_CASES.find((c) => c.name === name)!);
    whole.push(summarise(name, await computeAttention(inputs)));
    blocks.push(summarise(name, joinStages(await runAttention(inputs, { path: 'webgl', heads: allHeads(inputs.shape), maxTextureSize: 4 }))!));
  }
  // Lq + Lk = 2108 > 2048: float16 would round the mask's positions (7 cells wrong before the check)
  const long = makeInputs({ name: 'long', shape: { batch: 1, heads: 1, queryLength: 8, keyLength: 2100, dK: 2, dV: 2 }, causal: 'bottom-right', keyLengths: [2097], queryLengths: null, seed: 5 });
  const refusals = await Promise.all([computeAttention(long), runAttention(long, { path: 'webgl' })].map((p) => p.then(() => '', (e: Error) => e.message)));
  const fused = await fusedSoftmax();
  return { backend, precision: backendPrecision(), renderFloat32: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'), whole, blocks, refusals, fused };
}

/**
 * maskedSoftmax on the active backend for every SOFTMAX_CASES input: the weights, the kernels
 * tf.profile saw, and the tensor count before and after (inside tf.tidy).
 */
async function fusedSoftmax() {
  const results = [];
  for (const c of SOFTMAX_CASES) {
    const before = tf.memory().numTensors;
    let weights: number[] = [];
    const info = await tf.profile(async () => {
      const w = tf.tidy(() => maskedSoftmax(tf.tensor(c.logits, c.shape, 'float32'), tf.tensor(c.mask, c.shape, 'bool')));
      weights = [...(await w.data())];
      w.dispose();
    });
    results.push({ name: c.name, weights, kernels: info.kernels.map((k) => k.name), before, after: tf.memory().numTensors });
  }
  return results;
}

/** The fused softmax on WebGL, and the kernels and tensor count of one computeAttention of a case. */
async function runFused(name: string) {
  tf.env().set('WEBGL_CPU_FORWARD', false);
  await initBackend('webgl');
  const softmax = await fusedSoftmax();
  const inputs = makeInputs(ENGINE_CASES.find((c) => c.name === name)!);
  await computeAttention(inputs); // shaders compiled, first-use allocations done
  const before = tf.memory().numTensors;
  const info = await tf.profile(async () => void (await computeAttention(inputs)));
  return { softmax, attentionKernels: info.kernels.map((k) => k.name), before, after: tf.memory().numTensors };
}

/**
 * The fused softmax on a WebGL 1 context (tfjs flag WEBGL_VERSION = 1, set before the backend
 * starts: call first, on a fresh page), where its loops need a constant bound.
 */
async function runFusedWebgl1() {
  tf.env().set('WEBGL_VERSION', 1);
  tf.env().set('WEBGL_CPU_FORWARD', false);
  await initBackend('webgl');
  return { webglVersion: tf.env().getNumber('WEBGL_VERSION'), backend: tf.getBackend(), softmax: await fusedSoftmax() };
}

/** Tensor and GPU byte counts around `repeats` computes of a case (default: ENGINE_CASES[7]). */
async function leakCheck(repeats: number, name: string = ENGINE_CASES[7]!.name) {
  tf.env().set('WEBGL_CPU_FORWARD', false);
  await initBackend('webgl');
  const spec = ENGINE_CASES.find((c) => c.name === name);
  if (!spec) throw new Error(`no case ${name}`);
  const inputs = makeInputs(spec);
  await computeAttention(inputs);
  const before = tf.memory();
  for (let i = 0; i < repeats; i++) await computeAttention(inputs);
  const after = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
  return { before: before.numTensors, after: after.numTensors, bytesBefore: (before as typeof after).numBytesInGPU ?? 0, bytesAfter: after.numBytesInGPU ?? 0 };
}

Object.assign(window, { maskscopeEngineTest: { run, runFused, runFusedWebgl1, runPath, runTextureLimit, runF16, leakCheck, caseNames: ENGINE_CASES.map((c) => c.name), everyModifierCase: EVERY_MODIFIER_CASE } });
document.body.dataset.ready = 'true';
