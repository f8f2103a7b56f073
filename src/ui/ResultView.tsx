/**
 * The result of the settings, outside presentation mode: the view bar and the read-out (sticky),
 * the encoder–decoder view, the tokens, the pipeline (steps, the current one explained, the
 * stages left to right), the row inspector, the frameworks panel and the heads.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { useT } from './i18n/useT';
import type { Scenario } from '../state/scenario';
import { CellReadout, CellReadoutLine, type CellReadoutProps, type HoveredCell } from './CellReadout';
import { EncDecView } from './EncDecView';
import { isPanelOpen, panelPatch } from './FoldPanel';
import { FrameworksPanel } from './FrameworksPanel';
import { Control } from './Control';
import { HeadStrip } from './HeadStrip';
import { PanelBoundary } from './PanelBoundary';
import { QUIZ_HIDDEN_STEPS, QuizCover } from './QuizCover';
import type { PaintMode } from './PaintBar';
import { StageStrip } from './StageStrip';
import { scenarioSummary } from './stageFigures';
import { StepNav } from './StepNav';
import type { Computation } from './useComputation';
import type { useLesson } from './useLesson';
import { useScrolledPast } from './useScrolledPast';
import { ViewBar } from './ViewBar';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
  c: Computation;
  lesson: ReturnType<typeof useLesson>;
  hovered: HoveredCell | null;
  paint: { mode: PaintMode; text: string; onMode(m: PaintMode): void; onPaint(row: number, col: number, allow: boolean): void; onClear(): void };
  tokens: ReactNode;
  /** A quiz (`quiz=1`): its panel above the pipeline; while `hidden`, nothing that tells the answer is in the page. */
  quiz?: { hidden: boolean; panel: ReactNode };
}

export function ResultView({ scenario, update, c, lesson, hovered, paint, tokens, quiz }: Props) {
  const { t } = useT();
  // On short screens the view bar and read-out scroll away: a one-line read-out then sticks to the top.
  const { ref: readoutTop, past: readoutScrolledAway } = useScrolledPast();
  const onTileSize = useCallback((tileSize: number) => update({ tileSize }), [update]);
  const onSelectHead = useCallback((viewHead: number) => update({ viewHead }), [update]);
  const onFrameworksOpen = useCallback((open: boolean) => update(panelPatch(scenario, 'frameworks', open)), [scenario, update]);
  // the cell pointed at in a panel of the encoder–decoder view: the read-out shows it instead
  const [encdecReadout, setEncdecReadout] = useState<CellReadoutProps | null>(null);
  const { shown, shape, slice, viewBatch: batch, viewHead: head, queryTokens, keyTokens } = c;
  if (!shown || !shape) return null;
  const hidden = quiz?.hidden === true;
  // an unrevealed quiz: the read-out keeps its place but reads no cell (it would tell the mask)
  const stageReadout = { slice, inputs: shown.inputs, queryTokens, keyTokens, cell: hidden ? null : hovered };
  const readout = scenario.attention === 'encdec' && !hidden && encdecReadout ? encdecReadout : stageReadout;
  return (
    <div className={c.dimmed ? 'result stale' : 'result'} data-testid="result" data-stale={c.stale} data-complete={!c.stale && c.complete} data-readout-away={readoutScrolledAway}>
      {/* first in the results, so that once stuck it is at the top of the screen, never mid-page */}
      {slice && readoutScrolledAway && <CellReadoutLine {...readout} slice={readout.slice ?? slice} />}
      <div className="sticky-bar">
        <ViewBar scenario={scenario} update={update} query={shown.job.query} keys={shown.job.key} batch={batch} head={head} heads={shape.heads} />
        <div className="readout-box" ref={readoutTop}>
          {slice && <CellReadout {...readout} slice={readout.slice ?? slice} />}
          {c.dimmed && slice && <p className="stale-note">{t('status.stale')}</p>}
        </div>
      </div>
      {scenario.attention === 'encdec' && hidden && <QuizCover step="encdec" />}
      {scenario.attention === 'encdec' && !hidden && <PanelBoundary panel="encdec"><EncDecView scenario={scenario} batch={batch} head={head} present={false} onReadout={setEncdecReadout} /></PanelBoundary>}
      {/* the encoder–decoder view lists the tokens of both sides itself */}
      {scenario.attention !== 'encdec' && tokens}
      <h2 className="visually-hidden">{t('stage.heading')}</h2>
      {quiz?.panel}
      {!slice && <p className="head-pending" data-testid="head-pending">{t('engine.headPending', { batch, head })}</p>}
      {lesson.stageProps && (
        <section className="pipeline" aria-label={t('lesson.pipeline.heading')}>
          <StepNav steps={lesson.steps} step={lesson.step} onStep={lesson.onStep} />
          {!(hidden && QUIZ_HIDDEN_STEPS.has(lesson.step)) && lesson.explainer}
          <StageStrip
            {...lesson.stageProps} tileSize={scenario.tileSize} onTileSize={onTileSize} paint={paint} covered={hidden ? QUIZ_HIDDEN_STEPS : undefined}
            figureSummary={scenarioSummary(scenario, lesson.stageProps.slice, t)}
          />
        </section>
      )}
      {!hidden && lesson.inspector(false)}
      {!hidden && <PanelBoundary panel="frameworks">
        <Control id="frameworks"><FrameworksPanel open={isPanelOpen(scenario, 'frameworks')} onOpenChange={onFrameworksOpen} inputs={shown.inputs} set={shown.set} keys={shown.job.key} keyPadding={scenario.keyPadding} batch={batch} head={head} /></Control>
      </PanelBoundary>}
      {!hidden && <HeadStrip set={shown.set} pending={shown.run.onPage === 'focus'} batch={batch} head={head} weightScale={scenario.weightScale} onSelect={onSelectHead} />}
    </div>
  );
}
