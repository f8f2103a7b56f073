/**
 * The computation behind the page: the Scenario's inputs (tokens, shape, mask), the engine run
 * for them, and the slice of the batch item and head on screen, with whether what is shown is
 * behind the settings (stale), dimmed, and complete (every head computed).
 */
import { useMemo } from 'react';
import { cellCount, headIndex } from '../engine/headStages';
import type { Scenario } from '../state/scenario';
import { computeSettingsKey, deriveInputs } from '../scenario/derive';
import { sliceHead } from '../compute/slices';
import { ALL_HEADS_CELLS } from '../compute/stageSets';
import { useDelayedFlag } from './useDelayedFlag';
import { useEngine } from './useEngine';
import { useSameTexts } from './useSameTexts';

const NO_TOKENS: string[] = [];

/** How long a compute may run before the previous result is dimmed and the status says "computing…" (ms). */
const STALE_DELAY_MS = 150;

export function useComputation(scenario: Scenario) {
  // Only the settings that change the numbers trigger a recompute (not the view or the language).
  const computeKey = computeSettingsKey(scenario);
  // The page needs tokens, shape and mask only; the engine worker computes Q/K/V.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const derived = useMemo(() => deriveInputs(scenario, { vectors: false }), [computeKey]);
  const wanted = derived.ok ? derived.inputs.shape : null;
  const viewBatch = Math.max(0, Math.min(scenario.viewBatch, (wanted?.batch ?? 1) - 1));
  // the head count is known even while the text is invalid (the last result stays on screen)
  const viewHead = Math.min(scenario.viewHead, scenario.heads - 1);
  // Above ALL_HEADS_CELLS only the head being looked at is computed.
  const onDemand = wanted !== null && cellCount(wanted) > ALL_HEADS_CELLS;
  const headsKey = onDemand ? `${viewBatch}.${viewHead}` : 'all';
  const job = useMemo(
    () => (derived.ok ? { ...derived, settingsKey: computeKey, scenario, heads: onDemand ? [{ batch: viewBatch, head: viewHead }] : null } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [derived, headsKey],
  );
  const focus = useMemo(() => ({ batch: viewBatch, head: viewHead }), [viewBatch, viewHead]);
  const run = useEngine(job, focus);
  const shown = run.result;
  const shape = shown?.set.shape ?? null;
  const headStages = shape && viewBatch < shape.batch && viewHead < shape.heads ? (shown?.set.heads[headIndex(shape, viewBatch, viewHead)] ?? null) : null;
  const { queryLength = 0, keyLength = 0, dV = 0 } = shape ?? {};
  // Keyed by the head's arrays: a result that keeps them (the other heads completed) redraws nothing.
  const slice = useMemo(() => headStages && sliceHead(headStages, { queryLength, keyLength, dV }), [headStages, queryLength, keyLength, dV]);
  // The heatmaps show an older result while the inputs are invalid or a compute is running.
  const behind = run.computing || (shown !== null && shown.job.settingsKey !== computeKey);
  // Dimmed, noted and "computing…" only when the wait is long enough to see: a quick compute repaints once.
  const slow = useDelayedFlag(behind, STALE_DELAY_MS);
  const queryTokens = useSameTexts(shown?.job.query.tokens[viewBatch] ?? NO_TOKENS);
  const keyTokens = useSameTexts(shown?.job.key.tokens[viewBatch] ?? NO_TOKENS);
  return {
    derived, run, shown, shape, slice, viewBatch, viewHead, behind, slow, queryTokens, keyTokens,
    stale: !derived.ok || run.error !== null || behind,
    dimmed: !derived.ok || run.error !== null || slow,
    complete: shown ? shown.set.heads.every((h) => h !== null) : false,
  };
}

export type Computation = ReturnType<typeof useComputation>;
