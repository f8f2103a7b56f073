/**
 * The lesson around the stages (issue #10): the pipeline's steps and the current one explained,
 * the props of every stage's heatmap, the row inspector, presentation mode's keys, and where a
 * link lands (`focus=`).
 */
import { useCallback, useMemo, type Dispatch, type SetStateAction } from 'react';
import { changesLogits } from '../engine/scoreMods';
import type { PipelineStep, Scenario } from '../state/scenario';
import type { HoveredCell } from './CellReadout';
import { headVectors } from './headVectors';
import { explainContext, formulaContext, paddingTokens } from './lessonContext';
import { causalReadingDiff } from '../scenario/causalReadings';
import { readingsAgree } from '../engine/causalLengths';
import { readingCalls } from './readingCalls';
import { moveStep, shownStep, stepsOf } from './pipelineSteps';
import { PanelBoundary } from './PanelBoundary';
import { RowBeyond, RowInspector } from './RowInspector';
import type { StageCardsProps } from './stageCards';
import { StepExplainer } from './StepExplainer';
import { explainStep } from './stepExplanation';
import type { Computation } from './useComputation';
import { useLandOn } from './useLandOn';
import { usePresentKeys } from './usePresentKeys';

const ENCDEC_STEPS: readonly PipelineStep[] = ['mask', 'weights'];

export function useLesson(
  scenario: Scenario,
  update: (patch: Partial<Scenario>) => void,
  c: Computation,
  hovered: HoveredCell | null,
  setHovered: Dispatch<SetStateAction<HoveredCell | null>>,
) {
  const { shown, slice } = c;
  const showLogits = shown ? changesLogits(shown.inputs.scoreMods ?? {}) : false;
  // presenting the encoder–decoder view, the steps are its two pictures: the masks, the weights
  const encdecSlides = scenario.present && scenario.attention === 'encdec';
  const steps = useMemo(() => (encdecSlides ? ENCDEC_STEPS : stepsOf(showLogits)), [encdecSlides, showLogits]);
  const step = shownStep(scenario.step, steps);
  const onStep = useCallback((next: PipelineStep) => update({ step: next }), [update]);
  const onSelectRow = useCallback((row: number) => update({ row: row === scenario.row ? -1 : row }), [scenario.row, update]);
  const onRow = useCallback((row: number) => update({ row }), [update]);
  const closeInspector = useCallback(() => update({ row: -1 }), [update]);
  // the cells where the two readings of a causal mask in a padded batch differ (dashed on the Mask heatmap)
  // O(Lq·Lk) where they differ; recomputed per scenario and head on screen, not per merged head
  const computedScenario = shown?.job.scenario;
  const sides = shown && { query: shown.job.query.isReal, key: shown.job.key.isReal };
  const agree = !computedScenario || !sides || readingsAgree(computedScenario.causalAlignment, sides.query, sides.key);
  const [viewBatch, viewHead] = [slice?.batch ?? -1, slice?.head ?? -1];
  const readings = useMemo(() => (computedScenario && !agree ? causalReadingDiff(computedScenario, viewBatch, viewHead) : null), [computedScenario, agree, viewBatch, viewHead]);
  const qkv = useMemo(() => (shown && slice ? headVectors(shown.job.scenario, shown.inputs, slice.batch, slice.head) : null), [shown, slice]);
  usePresentKeys(scenario.present, {
    onMove: useCallback((delta: 1 | -1) => update({ step: moveStep(step, delta, steps) }), [step, steps, update]),
    onExit: useCallback(() => update({ present: false }), [update]),
    rowOpen: slice !== null && scenario.row >= 0 && scenario.row < slice.rows,
    onCloseRow: closeInspector,
    onRowMove: useCallback((delta: 1 | -1) => {
      const next = scenario.row + delta;
      if (slice !== null && next >= 0 && next < slice.rows) update({ row: next });
    }, [scenario.row, slice, update]),
  });
  useLandOn(scenario.present ? '' : scenario.focus, slice !== null);
  // O(cells): computed once per step and result, not on every hover
  const sentences = useMemo(
    () => {
      if (!shown || !slice) return [];
      const context = explainContext(shown.job.scenario, shown.job.query, shown.job.key, c.viewBatch);
      const reading = readings && { count: readings.count, reading: shown.job.scenario.causalLengths, ...readingCalls(readings.alignment) };
      return explainStep(step, slice, { ...context, readings: reading });
    },
    [step, slice, shown, c.viewBatch, readings],
  );
  if (!shown || !slice) return { steps, step, onStep, stageProps: null, explainer: null, inspector: () => null };
  const computed = shown.job.scenario;
  const padded = paddingTokens(shown.job.query, c.viewBatch) + paddingTokens(shown.job.key, c.viewBatch) > 0;
  const stageProps: StageCardsProps = {
    slice, qkv, queryTokens: c.queryTokens, keyTokens: c.keyTokens, hovered, onHover: setHovered, weightScale: scenario.weightScale, showLogits,
    temperature: computed.temperature, alibi: computed.alibi, softcap: computed.softcap, step, selectedRow: scenario.row, onSelectRow,
    readings,
  };
  const explainer = (
    <StepExplainer
      step={step} n={steps.indexOf(step) + 1} total={steps.length} formula={formulaContext(computed, slice.dV, padded)}
      sentences={sentences}
    />
  );
  const inspector = (large: boolean) => scenario.row >= slice.rows ? <RowBeyond row={scenario.row} rows={slice.rows} onClose={closeInspector} /> : scenario.row >= 0 && (
    <PanelBoundary panel="inspector">
      <RowInspector slice={slice} row={scenario.row} queryTokens={c.queryTokens} keyTokens={c.keyTokens} onClose={closeInspector} onRow={onRow} large={large} />
    </PanelBoundary>
  );
  return { steps, step, onStep, stageProps, explainer, inspector };
}
