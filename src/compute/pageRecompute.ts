/**
 * Classroom-size computations on the page, in the task of the click or key press.
 *
 * At these sizes the work takes less than a round trip to the engine worker (which on a 2-core
 * machine also competes with the compositor), and the new numbers then reach the screen in the
 * same frame as the change:
 * - a mask or score-modifier change keeps Q, K, V and the raw scores Q·Kᵀ of the last result, so
 *   only mask, logits, softmax and output are computed (B·H·Lq·Lk ≤ PAGE_CELLS: a few ms); the
 *   arrays whose values did not change are the last result's own (keepUnchanged.ts), so their
 *   heatmaps are not redrawn. From FOCUS_FIRST_MACS multiply-adds of W·V on, the head on screen
 *   is recomputed first and the others after that frame, as below;
 * - anything else of at most PAGE_CELLS cells and PAGE_MACS multiply-adds (e.g. B = 2, H = 8,
 *   L = 64, dK = 64: a new seed, text, dK or head count) is computed from scratch with the same
 *   plain-JS kernels. From FOCUS_FIRST_MACS on, the head on screen is computed first (1/(B·H) of
 *   the work) and the other heads right after that frame (completeOnPage), with the same numbers.
 * Only when "auto" (or a JS choice) picks the plain-JS path; tfjs paths, larger sizes and heads on
 * demand go to the worker. Before the worker has probed the device (a cold start), the page
 * computes only where no device could change the path (choosePathUnprobed: a JS choice, or auto
 * below SMALL_CELLS), so the first result does not wait for the worker to start.
 */
import { allHeads, allocateHead, cellCount, headIndex, type HeadStages, type StageSet } from '../engine/headStages';
import { computeRowsJs, planJs } from '../engine/jsAttention';
import { kernelHeadCount } from '../engine/wasm/attentionKernels';
import { choosePath, choosePathUnprobed, type DeviceInfo, type PathReason } from '../engine/pathChoice';
import type { AttentionInputs, AttentionShape, EnginePath, HeadRef } from '../engine/types';
import type { Scenario } from '../state/scenario';
import type { OnPageKind, RunInfo } from '../worker/protocol';
import { modelWidth } from '../engine/projections';
import { FOCUS_FIRST_MACS, PAGE_CELLS, PAGE_MACS } from '../engine/thresholds';
import { deriveInputs, vectorSettingsKey } from '../scenario/derive';
import { keepUnchanged, shareAcrossHeads } from './keepUnchanged';

// PAGE_CELLS (a mask-only change at 2^17: ≈ 3 ms), PAGE_MACS (≈ 15 ms at 2^25), FOCUS_FIRST_MACS: engine/thresholds.ts
export { FOCUS_FIRST_MACS, PAGE_CELLS, PAGE_MACS };

/** What the page recomputes from: a result (its job's scenario, inputs with Q/K/V, every head). */
export interface PageBasis {
  job: { scenario: Scenario };
  inputs: AttentionInputs;
  set: StageSet;
}

/** What to recompute: the new scenario and its inputs (mask and modifiers; Q/K/V may be empty). */
export interface PageJob {
  scenario: Scenario;
  heads: unknown[] | null;
  inputs: AttentionInputs;
}

/** Multiply-adds of a whole computation: Q, K, V projections from the model width, then Q·Kᵀ and W·V. */
export function computeMacs(s: AttentionShape): number {
  const width = modelWidth(s.dK);
  const projections = s.batch * s.heads * width * (s.dK * s.queryLength + (s.dK + s.dV) * s.keyLength);
  return projections + cellCount(s) * (s.dK + s.dV);
}

/** Multiply-adds of a mask change: W·V for every cell (Q·Kᵀ is kept; mask, logits and softmax are a few operations a cell). */
export function maskMacs(s: AttentionShape): number {
  return cellCount(s) * s.dV;
}

/** `focus`, when the work (`macs`) is worth splitting: FOCUS_FIRST_MACS or more, more than one head in all. */
function focusFirst(shape: AttentionShape, macs: number, focus: HeadRef | null): HeadRef | null {
  return focus && shape.batch * shape.heads > 1 && macs >= FOCUS_FIRST_MACS ? focus : null;
}

/** How the page can compute `job`: from `basis` (a mask-only change), from scratch (small), or not at all. */
export function pagePlan(basis: PageBasis | null, job: PageJob, device: DeviceInfo | null): 'mask' | 'whole' | null {
  if (job.heads !== null) return null;
  const cells = cellCount(job.inputs.shape);
  if (cells > PAGE_CELLS || pageChoice(job, device, cells)?.path !== 'js') return null;
  if (basis !== null && sameVectors(basis, job)) return 'mask';
  return computeMacs(job.inputs.shape) <= PAGE_MACS ? 'whole' : null;
}

/**
 * The path (and its reason) for `job` on this device, or — before the worker has probed it
 * (`device` null) — where no device could change it (choosePathUnprobed); null: unknown yet.
 */
function pageChoice(job: PageJob, device: DeviceInfo | null, cells: number): { path: EnginePath; reason: PathReason } | null {
  return device ? choosePath(job.scenario.engine, device, cells) : choosePathUnprobed(job.scenario.engine, cells);
}

/** True when `basis` holds every head with its Q/K/V, for the Q/K/V settings of `job` (equal settings give equal shapes). */
function sameVectors(basis: PageBasis, job: PageJob): boolean {
  if (vectorSettingsKey(basis.job.scenario) !== vectorSettingsKey(job.scenario)) return false;
  return basis.inputs.q.length > 0 && basis.set.heads.every((h) => h !== null);
}

/** True when `job` can be recomputed on the page from `basis` (pagePlan 'mask'). */
export function canRecomputeOnPage(basis: PageBasis | null, job: PageJob, device: DeviceInfo | null): basis is PageBasis {
  return pagePlan(basis, job, device) === 'mask';
}

/** What the page computes: inputs (with Q/K/V), every head's stages, and how (path 'js', `onPage`). */
export interface PageResult {
  inputs: AttentionInputs;
  set: StageSet;
  run: RunInfo;
}

/**
 * `job` computed on the page, as pagePlan says (null when it says null): from the Q/K/V and raw
 * scores of `basis` (recomputeOnPage), or from scratch (deriveInputs with vectors). With `focus`
 * given and more than one head in all, from FOCUS_FIRST_MACS multiply-adds on (computeMacs from
 * scratch, maskMacs from `basis`), only the head `focus` is computed (run.onPage 'focus'; from
 * scratch with its Q/K/V only; the other heads are null): finish with completeOnPage.
 * @returns null also when the inputs are rejected (the worker then reports the error).
 */
export function computeOnPage(basis: PageBasis | null, job: PageJob, device: DeviceInfo | null, focus: HeadRef | null = null): PageResult | null {
  const plan = pagePlan(basis, job, device);
  if (plan === null) return null;
  const { shape } = job.inputs;
  if (plan === 'mask' && basis) return recomputeOnPage(basis, job, device, focusFirst(shape, maskMacs(shape), focus));
  const started = performance.now();
  const first = focusFirst(shape, computeMacs(shape), focus);
  const derived = deriveInputs(job.scenario, first ? { heads: [first.head] } : {});
  if (!derived.ok) return null;
  if (!first) return timedRun('whole', started, derived.inputs, NO_SCORES, job, device);
  return timedRun('focus', started, derived.inputs, NO_SCORES, job, device, onlyHead(shape, first));
}

/**
 * Every head of `job`, after computeOnPage gave only the head on screen (`partial`, run.onPage
 * 'focus'): the heads `partial` holds are kept as they are (the same numbers, and their heatmaps
 * need no redraw), the others computed — from the same basis as the head on screen when it was a
 * mask change (run.onPage 'mask'), else from scratch ('whole'). run.ms is the time of both.
 * @returns null when `job` cannot be computed on the page (the worker then takes it).
 */
export function completeOnPage(partial: PageResult, job: PageJob, device: DeviceInfo | null): PageResult | null {
  const has = (i: number) => partial.set.heads[i] != null;
  const basis = maskBases.get(partial.set);
  const rest = basis ? restFromBasis(basis, partial, job, device, has) : restFromScratch(job, device, has);
  if (!rest) return null;
  const heads = rest.set.heads.map((h, i) => h ?? partial.set.heads[i] ?? null);
  const simd = partial.run.simd === true || rest.run.simd === true;
  const set = shareAcrossHeads({ shape: rest.set.shape, heads }, partial.set.heads.findIndex((h) => h !== null));
  return { ...rest, set, run: { ...rest.run, ms: partial.run.ms + rest.run.ms, simd } };
}

/** The heads of `job` but those `skip` names, from scratch (null when `job` is no longer for the page). */
function restFromScratch(job: PageJob, device: DeviceInfo | null, skip: (index: number) => boolean): PageResult | null {
  if (pagePlan(null, job, device) !== 'whole') return null;
  const started = performance.now();
  const derived = deriveInputs(job.scenario);
  if (!derived.ok) return null;
  return timedRun('whole', started, derived.inputs, NO_SCORES, job, device, skip);
}

/** The heads of `job` but those `skip` names, from `basis` as `partial`'s head was (its inputs hold every Q/K/V). */
function restFromBasis(basis: PageBasis, partial: PageResult, job: PageJob, device: DeviceInfo | null, skip: (index: number) => boolean): PageResult | null {
  if (!canRecomputeOnPage(basis, job, device)) return null;
  const rest = timedRun('mask', performance.now(), partial.inputs, scoresOf(basis), job, device, skip);
  return rest && { ...rest, set: keepUnchanged(basis.set, rest.set) };
}

const NO_SCORES = () => undefined;

/** The raw scores of `basis`'s head at each index (a complete basis: canRecomputeOnPage). */
const scoresOf = (basis: PageBasis) => (i: number) => (basis.set.heads[i] as HeadStages).scores;

/** A skip function that leaves only the head `focus` of `shape`. */
function onlyHead(shape: AttentionShape, focus: HeadRef): (index: number) => boolean {
  const index = headIndex(shape, focus.batch, focus.head);
  return (i) => i !== index;
}

/**
 * The basis of each partial mask recomputation (its StageSet, run.onPage 'focus'), so that
 * completeOnPage computes the other heads from the same Q/K/V and scores. Dropped with the partial.
 */
const maskBases = new WeakMap<StageSet, PageBasis>();

/**
 * Every stage of `job` from the Q/K/V and raw scores of `basis` (check canRecomputeOnPage first);
 * the arrays whose values did not change are `basis`'s own (keepUnchanged). With `focus`, only
 * that head (run.onPage 'focus', the others null: finish with completeOnPage).
 * @returns null when the plain-JS planner rejects the inputs (the worker then reports the error).
 */
export function recomputeOnPage(basis: PageBasis, job: PageJob, device: DeviceInfo | null, focus: HeadRef | null = null): PageResult | null {
  const started = performance.now();
  const inputs: AttentionInputs = { ...job.inputs, q: basis.inputs.q, k: basis.inputs.k, v: basis.inputs.v };
  const skip = focus ? onlyHead(inputs.shape, focus) : undefined;
  const computed = timedRun(focus ? 'focus' : 'mask', started, inputs, scoresOf(basis), job, device, skip);
  if (!computed) return null;
  const set = keepUnchanged(basis.set, computed.set);
  if (focus) maskBases.set(set, basis);
  return { ...computed, set };
}

/** runHeads, with the run's description and its time since `started`. */
function timedRun(kind: OnPageKind, started: number, inputs: AttentionInputs, knownScores: (index: number) => Float32Array | undefined, job: PageJob, device: DeviceInfo | null, skip: (index: number) => boolean = () => false): PageResult | null {
  const kernelsBefore = kernelHeadCount();
  const set = runHeads(inputs, knownScores, skip);
  if (!set) return null;
  const reason = pageChoice(job, device, cellCount(inputs.shape))?.reason ?? 'small';
  const simd = kernelHeadCount() > kernelsBefore;
  return { inputs, set, run: { path: 'js', reason, backend: null, precision: 'float32', ms: performance.now() - started, onPage: kind, simd } };
}

/**
 * Every head b·H + h of `inputs` but those `skip` names (left null) on the plain-JS kernels, its
 * scores from `knownScores` when given, equal masks shared (shareAcrossHeads); null when planJs
 * rejects the inputs.
 */
function runHeads(inputs: AttentionInputs, knownScores: (index: number) => Float32Array | undefined, skip: (index: number) => boolean): StageSet | null {
  let plan;
  try {
    plan = planJs(inputs);
  } catch {
    return null;
  }
  const { shape } = inputs;
  const heads = allHeads(shape).map(({ batch, head }, index) => {
    if (skip(index)) return null;
    const out = allocateHead(shape, batch, head, plan.logitsAreScaled);
    computeRowsJs(plan, out, 0, shape.queryLength, knownScores(index));
    return out;
  });
  return shareAcrossHeads({ shape, heads });
}

/** Reasons of "auto" decided by the fixed rules, before the device was calibrated. */
const RULE_REASONS: ReadonlySet<PathReason> = new Set(['small', 'large', 'softwareWebgl']);

/**
 * The result with the reason the device now gives for its path, so that the status line says the
 * same for it as for the next one — for a result computed on the page before the device was probed
 * (e.g. 'softwareWebgl' rather than 'small'), and for one the fixed rules decided before the device
 * was calibrated (then 'calibratedJs' / 'calibratedWebgl' beside the measured figures). Only where
 * the device picks the path that ran; the same object when nothing changes (no device yet, another
 * path, the same reason, a path chosen in the settings or set aside by a fault).
 */
export function withProbedReason<R extends { job: { scenario: Scenario }; set: StageSet; run: RunInfo }>(result: R, device: DeviceInfo | null): R {
  if (!device) return result;
  const choice = choosePath(result.job.scenario.engine, device, cellCount(result.set.shape));
  const calibrated = choice.reason === 'calibratedJs' || choice.reason === 'calibratedWebgl';
  const restate = result.run.onPage !== undefined || (calibrated && RULE_REASONS.has(result.run.reason));
  if (!restate || choice.path !== result.run.path || choice.reason === result.run.reason) return result;
  return { ...result, run: { ...result.run, reason: choice.reason } };
}
