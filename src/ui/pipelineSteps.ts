/**
 * The step-through of the pipeline (issue #10 §3): which steps a scenario has, moving between
 * them, and which cells a step changed against the step before. Pure: unit-tested in Node.
 *
 * Steps, in order (DESIGN.md §1): tokens → Q, K, V → scores QKᵀ → scaled (÷ τ·√dK) → logits
 * (+ ALiBi, soft-cap: only when one is on) → mask → masked where(mask, logits, −∞) → weights
 * (row softmax) → output (weights · V).
 */
import { PIPELINE_STEPS, type PipelineStep } from '../state/scenario';
import type { StageSlice } from '../compute/slices';

/**
 * The steps of a scenario, in order: every PIPELINE_STEPS entry, less `logits` when no score
 * modifier is on (the logits then equal the scaled scores).
 * @param showLogits a modifier (ALiBi, soft-cap) changes the logits.
 */
export function stepsOf(showLogits: boolean): PipelineStep[] {
  return PIPELINE_STEPS.filter((s) => showLogits || s !== 'logits');
}

/**
 * The step shown for `step`: itself when the scenario has it, else the step before it
 * (`logits` without a modifier shows `scaled`).
 */
export function shownStep(step: PipelineStep, steps: readonly PipelineStep[]): PipelineStep {
  if (steps.includes(step)) return step;
  const all: readonly PipelineStep[] = PIPELINE_STEPS;
  for (let i = all.indexOf(step); i >= 0; i--) {
    const s = all[i] as PipelineStep;
    if (steps.includes(s)) return s;
  }
  return steps[0] ?? 'tokens';
}

/**
 * The step `delta` places after (or before, delta < 0) `step`, clamped to the first and last.
 * @example moveStep('scaled', 1, stepsOf(false)) // → 'mask' (no logits step)
 */
export function moveStep(step: PipelineStep, delta: number, steps: readonly PipelineStep[]): PipelineStep {
  const i = steps.indexOf(shownStep(step, steps));
  return steps[Math.min(steps.length - 1, Math.max(0, i + delta))] ?? step;
}

/**
 * Cells a step changed against the step before, [Lq × Lk] (1 = changed), and their count.
 * - `scaled` vs `scores`, `logits` vs `scaled`: a cell changed when the values differ by more than
 *   1e-6 relative (float32 rounding is not a change);
 * - `mask`: the blocked cells (before the mask, every key was allowed);
 * - `masked` vs `logits`: the blocked cells, now −∞;
 * - `weights` vs `masked`: every cell (the softmax rewrites each row);
 * - `tokens`, `qkv`, `scores`, `output`: null — a new quantity, nothing to compare with.
 * @returns null for a new quantity; else `flags` [Lq × Lk] and `count` (0 … Lq·Lk).
 */
export function changedCells(step: PipelineStep, slice: StageSlice): { flags: Uint8Array; count: number } | null {
  switch (step) {
    case 'scaled':
      return differing(slice.scores, slice.scaled);
    case 'logits':
      return differing(slice.scaled, slice.logits);
    case 'mask':
    case 'masked':
      return flagged(slice.blocked);
    case 'weights':
      return flagged(new Uint8Array(slice.rows * slice.cols).fill(1));
    default:
      return null;
  }
}

/** Cells where a and b differ by more than 1e-6 · max(1, |a|). */
function differing(a: Float32Array, b: Float32Array): { flags: Uint8Array; count: number } {
  const flags = new Uint8Array(a.length);
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (Math.abs(x - y) > 1e-6 * Math.max(1, Math.abs(x))) {
      flags[i] = 1;
      count++;
    }
  }
  return { flags, count };
}

function flagged(flags: Uint8Array): { flags: Uint8Array; count: number } {
  let count = 0;
  for (const f of flags) if (f) count++;
  return { flags, count };
}

/** Row sums of a weights matrix [rows × cols]: 1 for a normal row, 0 for a fully masked row (float32 sums, in float64). */
export function rowSums(weights: Float32Array, rows: number, cols: number): number[] {
  return Array.from({ length: rows }, (_, r) => {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += weights[r * cols + c] as number;
    return sum;
  });
}
