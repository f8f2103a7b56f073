/**
 * A mask-only change at classroom size, recomputed on the page in the task of the click.
 *
 * Toggling a mask (or a score modifier) leaves Q, K, V and the raw scores Q·Kᵀ unchanged, and the
 * page already holds them from the last result. Recomputing the rest (mask, logits, softmax,
 * output) with the plain-JS kernels takes a few ms at B·H·Lq·Lk ≤ PAGE_CELLS, less than a round
 * trip to the worker; the new numbers then reach the screen in the same frame as the click.
 * Anything else (new vectors, a tfjs path, larger sizes, heads on demand) goes to the worker.
 */
import { allocateHead, type HeadStages, type StageSet } from '../engine/headStages';
import { computeRowsJs, planJs } from '../engine/jsAttention';
import { choosePath, type DeviceInfo } from '../engine/pathChoice';
import type { AttentionInputs, AttentionShape } from '../engine/types';
import type { Scenario } from '../state/scenario';
import type { RunInfo } from '../worker/protocol';
import { vectorSettingsKey } from './derive';

/** Up to this many cells (B·H·Lq·Lk) a mask-only change is recomputed on the page (≈ 3 ms here at 2^17). */
export const PAGE_CELLS = 1 << 17;

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

/**
 * True when `job` can be recomputed on the page from `basis`: same Q/K/V settings, every head
 * wanted and held with its vectors, the plain-JS path chosen, at most PAGE_CELLS cells.
 */
export function canRecomputeOnPage(basis: PageBasis | null, job: PageJob, device: DeviceInfo | null): basis is PageBasis {
  if (basis === null || device === null || job.heads !== null) return false;
  const cells = cellCount(job.inputs.shape);
  if (cells > PAGE_CELLS || choosePath(job.scenario.engine, device, cells).path !== 'js') return false;
  if (vectorSettingsKey(basis.job.scenario) !== vectorSettingsKey(job.scenario) || !sameShape(basis.set.shape, job.inputs.shape)) return false;
  return basis.inputs.q.length > 0 && basis.set.heads.every((h) => h !== null);
}

/**
 * Every stage of `job` from the Q/K/V and raw scores of `basis` (check canRecomputeOnPage first).
 * @returns the inputs (with the basis' Q/K/V), the stages and the run (path 'js', `onPage`);
 *   null when the plain-JS planner rejects the inputs (the worker then reports the error).
 */
export function recomputeOnPage(basis: PageBasis, job: PageJob, device: DeviceInfo): { inputs: AttentionInputs; set: StageSet; run: RunInfo } | null {
  const started = performance.now();
  const inputs: AttentionInputs = { ...job.inputs, q: basis.inputs.q, k: basis.inputs.k, v: basis.inputs.v };
  let plan;
  try {
    plan = planJs(inputs);
  } catch {
    return null;
  }
  const { shape } = inputs;
  const heads = basis.set.heads.map((held) => {
    const { batch, head, scores } = held as HeadStages;
    const out = allocateHead(shape, batch, head);
    computeRowsJs(plan, out, 0, shape.queryLength, scores);
    return out;
  });
  const { reason } = choosePath(job.scenario.engine, device, cellCount(shape));
  return { inputs, set: { shape, heads }, run: { path: 'js', reason, backend: null, ms: performance.now() - started, onPage: true } };
}

function cellCount(s: AttentionShape): number {
  return s.batch * s.heads * s.queryLength * s.keyLength;
}

function sameShape(a: AttentionShape, b: AttentionShape): boolean {
  return a.batch === b.batch && a.heads === b.heads && a.queryLength === b.queryLength && a.keyLength === b.keyLength && a.dK === b.dK && a.dV === b.dV;
}
