/**
 * The numbers of the encoder–decoder view: one batch item and one head of each of its three
 * attentions (encdecInputs.ts), computed on the page with the engine's plain-JS kernels
 * (jsAttention.ts: the same definitions as every other path and as the float64 reference).
 * At classroom sizes this is well under a millisecond; above ENCDEC_MAX_TOKENS tokens on a side
 * the view asks for shorter inputs instead of computing. Pure: no React, no DOM.
 */
import { allocateHead } from '../engine/headStages';
import { computeRowsJs, planJs } from '../engine/jsAttention';
import type { SequenceBatch } from '../engine/sequences';
import type { AttentionInputs } from '../engine/types';
import type { Scenario } from '../state/scenario';
import { deriveInputs } from '../scenario/derive';
import { encdecScenarios, type EncDecScenarios } from '../scenario/encdecInputs';
import { sliceHead, type StageSlice } from './slices';

/**
 * Most tokens per side (source, target) the view computes: three heads of at most 512 × 512
 * (≈ 0.8 Mi cells, a few ms), drawn in panels about 300 px wide, already below 1 px per cell.
 */
export const ENCDEC_MAX_TOKENS = 512;

/** Why the view shows no numbers: a side without tokens, or a side longer than ENCDEC_MAX_TOKENS. */
export type EncDecProblem =
  | { error: 'emptyQuery' | 'emptyKey' }
  | { error: 'tooLarge'; target: number; source: number; max: number };

/** What the view can show: the three Scenarios and both sides' tokens (all batch items), or a problem. */
export type EncDecPlan =
  | { ok: true; scenarios: EncDecScenarios; target: SequenceBatch; source: SequenceBatch }
  | ({ ok: false } & EncDecProblem);

/**
 * The three attentions of `s` and its tokens, or why they cannot be shown.
 * Lengths mode is checked against ENCDEC_MAX_TOKENS before any token is made (it allows 4096).
 * @returns never throws: a problem is a value.
 */
export function planEncDec(s: Scenario): EncDecPlan {
  if (s.inputMode === 'lengths') {
    const tooLarge = sizeProblem(s.queryLength, s.keyLength);
    if (tooLarge) return { ok: false, ...tooLarge };
  }
  const scenarios = encdecScenarios(s);
  const derived = deriveInputs(scenarios.cross, { vectors: false });
  if (!derived.ok) return { ok: false, error: derived.error };
  const tooLarge = sizeProblem(derived.query.length, derived.key.length);
  if (tooLarge) return { ok: false, ...tooLarge };
  return { ok: true, scenarios, target: derived.query, source: derived.key };
}

function sizeProblem(target: number, source: number): EncDecProblem | null {
  return target > ENCDEC_MAX_TOKENS || source > ENCDEC_MAX_TOKENS ? { error: 'tooLarge', target, source, max: ENCDEC_MAX_TOKENS } : null;
}

/** One attention of the view: its stages for one (batch item, head), and its row and column tokens. */
export interface EncDecPanelData {
  /** Every stage of the shown batch item and head: [Lq × Lk] cells, [Lq] row flags. */
  slice: StageSlice;
  /** Row (query) tokens of the batch item, [Lq]; PAD_TOKEN where padded. */
  queryTokens: string[];
  /** Column (key) tokens of the batch item, [Lk]; PAD_TOKEN where padded. */
  keyTokens: string[];
  /** The inputs it was computed from (its mask explains a cell: the read-out, CellReadout.tsx). */
  inputs: AttentionInputs;
}

/**
 * Batch item `batch`, head `head` of one attention (a Scenario of encdecScenarios), from scratch:
 * deriveInputs projects that head only, then the plain-JS kernels compute every row.
 * `batch` and `head` are clamped into the shape.
 * @returns null when the scenario does not derive (a side without tokens) or the kernel planner
 *   rejects it (a score modifier out of range: validation keeps those out of a Scenario).
 */
export function computeEncDecPart(part: Scenario, batch: number, head: number): EncDecPanelData | null {
  const h = clampIndex(head, part.heads);
  const derived = deriveInputs(part, { heads: [h] });
  if (!derived.ok) return null;
  const { inputs } = derived;
  const b = clampIndex(batch, inputs.shape.batch);
  let plan;
  try {
    plan = planJs(inputs);
  } catch {
    return null;
  }
  const out = allocateHead(inputs.shape, b, h, plan.logitsAreScaled);
  computeRowsJs(plan, out, 0, inputs.shape.queryLength);
  return {
    slice: sliceHead(out, inputs.shape),
    queryTokens: derived.query.tokens[b] ?? [],
    keyTokens: derived.key.tokens[b] ?? [],
    inputs,
  };
}

function clampIndex(i: number, n: number): number {
  return Math.max(0, Math.min(Math.floor(i), n - 1));
}
