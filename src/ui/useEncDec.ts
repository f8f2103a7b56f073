/**
 * The encoder–decoder view's numbers for the shown batch item and head, memoised: the plan on the
 * settings it reads (not the extra masks, the view or the language), and each attention on its
 * own settings, so that the causal box recomputes only the decoder and a new source text only
 * the encoder and the cross-attention.
 */
import { useMemo } from 'react';
import type { Scenario } from '../state/scenario';
import { computeSettingsKey } from '../scenario/derive';
import { fieldsWhere } from '../state/settings';
import { computeEncDecPart, planEncDec, type EncDecPanelData, type EncDecPlan } from '../compute/encdecCompute';
import type { EncDecPart } from '../scenario/encdecInputs';

/** The Scenario fields the view's numbers depend on (settings.ts: not `view`, not `encdec: false`). */
const ENCDEC_FIELDS = fieldsWhere((row) => row.effect !== 'view' && row.encdec !== false);

/** The plan, and each attention's data (null when it could not be computed, or when the plan is not ok). */
export interface EncDecData {
  plan: EncDecPlan;
  panels: Record<EncDecPart, EncDecPanelData | null>;
}

/** The view's data for `s` at batch item `batch`, head `head` (both clamped into the shapes). */
export function useEncDec(s: Scenario, batch: number, head: number): EncDecData {
  const planKey = JSON.stringify(ENCDEC_FIELDS.map((field) => s[field]));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const plan = useMemo(() => planEncDec(s), [planKey]);
  const encoder = usePart(plan, 'encoder', batch, head);
  const decoder = usePart(plan, 'decoder', batch, head);
  const cross = usePart(plan, 'cross', batch, head);
  return useMemo(() => ({ plan, panels: { encoder, decoder, cross } }), [plan, encoder, decoder, cross]);
}

/** One attention of the plan, recomputed only when its own settings, the batch item or the head change. */
function usePart(plan: EncDecPlan, part: EncDecPart, batch: number, head: number): EncDecPanelData | null {
  const scenario = plan.ok ? plan.scenarios[part] : null;
  const key = scenario ? `${computeSettingsKey(scenario)}|${batch}|${head}` : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (scenario ? computeEncDecPart(scenario, batch, head) : null), [key]);
}
