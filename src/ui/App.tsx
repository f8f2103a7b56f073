/**
 * Maskscope: controls on the left; the view bar, the read-out and the pipeline's stages on the
 * right — or, in presentation mode, one step of the pipeline filling the screen.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPaint } from '../state/paint';
import { maskLeaves, parseMaskList } from '../state/maskList';
import type { Scenario } from '../state/scenario';
import { AppHeader } from './AppHeader';
import { Control, ShapeContext } from './Control';
import { useShapedUpdate } from './useShapedUpdate';
import { globalPositions, toggleGlobal } from '../scenario/catalogueTerms';
import { CellReadout, type HoveredCell } from './CellReadout';
import { EncDecView } from './EncDecView';
import { InputPanel } from './InputPanel';
import { MaskPanel } from './MaskPanel';
import { PanelBoundary } from './PanelBoundary';
import { ModelPanel } from './ModelPanel';
import type { PaintMode } from './PaintBar';
import { paintCell } from '../scenario/paintTerm';
import { PresentView } from './PresentView';
import { PrintHandout } from './PrintHandout';
import { PresetPicker } from './PresetPicker';
import { useQuizViews } from './QuizPanel';
import { ResultView } from './ResultView';
import { ScorePanel } from './ScorePanel';
import { MAIN_ID, SkipLink } from './SkipLink';
import { StatusLine } from './StatusLine';
import { GpuNoticeBanner } from './GpuNoticeBanner';
import { TokenPreview } from './TokenPreview';
import { useComputation, type Computation } from './useComputation';
import { useLesson } from './useLesson';
import { useScenarioUrl } from './useScenarioUrl';
import { useTokenizedScenario } from './useGpt2';
import { itemPieces } from '../scenario/itemPieces';
import { usePresentFocus } from './usePresentFocus';
import { ViewPicker } from './ViewPicker';
import { InputNotes, WarningBanner } from './WarningBanner';

export function App({ initialState }: { initialState: string }) {
  const { t, i18n } = useTranslation();
  const url = useScenarioUrl(initialState);
  const { scenario: linked, warnings, dismissWarnings } = url;
  // a teacher's link (hide=, lock=): locked fields do not change, whichever way a change comes
  const { update, replace } = useShapedUpdate(linked, url.update, url.replace);
  const shape = useMemo(() => ({ hide: linked.hide, lock: linked.lock }), [linked.hide, linked.lock]);
  // the link's scenario, read with the automatic tokens while GPT-2's vocabulary loads
  const scenario = useTokenizedScenario(linked);
  const [hovered, setHovered] = useState<HoveredCell | null>(null);
  const [paintMode, setPaintMode] = useState<PaintMode>('off');
  useEffect(() => {
    void i18n.changeLanguage(scenario.language);
    document.documentElement.lang = scenario.language === 'zh' ? 'zh-CN' : 'en';
    document.title = i18n.getFixedT(scenario.language)('app.pageTitle');
  }, [i18n, scenario.language]);
  const c = useComputation(scenario);
  const lesson = useLesson(scenario, update, c, hovered, setHovered);
  // Stable props, so that the memoised result views skip renders that do not concern them.
  const paint = useMemo(() => ({
    mode: paintMode,
    text: scenario.paint,
    onMode: setPaintMode,
    onPaint: (row: number, col: number, allow: boolean) => update({ paint: formatPaint(paintCell(scenario.paint, row, col, allow)) }),
    onClear: () => update({ paint: '' }),
  }), [paintMode, scenario.paint, update]);
  const tokenPreview = useTokenPreview(scenario, update, c);
  const quiz = useQuizViews(scenario.quiz, c);
  usePresentFocus(scenario.present);

  if (scenario.present) {
    const error = !c.derived.ok ? <p className="banner error" role="alert">{t(`errors.${c.derived.error}`)}</p> : null;
    return (
      <ShapeContext.Provider value={shape}>
      <div className="app present">
        <SkipLink />
        <PanelBoundary panel="result">
        <PresentView
          steps={lesson.steps} onStep={lesson.onStep} onExit={() => update({ present: false })} stages={lesson.stageProps} explainer={lesson.explainer}
          tokens={tokenPreview}
          view={<ViewPicker batch={c.viewBatch} head={c.viewHead} batches={c.shape?.batch ?? 1} heads={c.shape?.heads ?? scenario.heads} update={update} />}
          quiz={quiz.present}
          aside={!quiz.hidden && <>
            {lesson.inspector(true)}
            {/* the values of the cell under the pointer (or tapped), when one is */}
            {c.slice && c.shown && hovered && <CellReadout cell={hovered} slice={c.slice} inputs={c.shown.inputs} queryTokens={c.queryTokens} keyTokens={c.keyTokens} />}
          </>}
          message={error ?? (!c.slice ? <p className="head-pending">{t('status.computing')}</p> : undefined)}
          notice={<>
            <WarningBanner warnings={warnings} onDismiss={dismissWarnings} />
            <GpuNoticeBanner gpu={c.run.gpu} onDismiss={c.run.dismissGpuNotice} />
          </>}
        >
          {/* an unrevealed quiz shows the steps instead (its Mask step is the quiz: the cross-attention's mask) */}
          {scenario.attention === 'encdec' && !quiz.hidden ? <PanelBoundary panel="encdec"><EncDecView scenario={scenario} batch={c.viewBatch} head={c.viewHead} present onStep={lesson.onStep} /></PanelBoundary> : undefined}
        </PresentView>
        </PanelBoundary>
        {!quiz.hidden && <PrintHandout scenario={scenario} stageProps={lesson.stageProps} explainer={lesson.explainer} />}
      </div>
      </ShapeContext.Provider>
    );
  }
  const { derived, run, shown } = c;
  return (
    <ShapeContext.Provider value={shape}>
    <div className="app">
      <SkipLink />
      <AppHeader scenario={scenario} update={update} c={c} noExport={quiz.hidden} />
      <aside className="controls" aria-label={t('app.settings')}>
        <Control id="preset"><PresetPicker scenario={scenario} replace={replace} /></Control>
        <PanelBoundary panel="input"><InputPanel scenario={linked} update={update} /></PanelBoundary>
        <PanelBoundary panel="masks">
          <MaskPanel scenario={scenario} update={update} customError={derived.ok ? derived.customError : null} maskNotes={derived.ok ? derived.maskNotes : []}
            maskExpr={derived.ok ? derived.inputs.mask.expr : null}
          />
        </PanelBoundary>
        <PanelBoundary panel="modifiers"><ScorePanel scenario={scenario} update={update} /></PanelBoundary>
        <PanelBoundary panel="model"><ModelPanel scenario={scenario} update={update} /></PanelBoundary>
      </aside>
      <main className="views" id={MAIN_ID}>
        <p className="formula">{scenario.temperature === 1 ? t('app.formula') : t('app.formulaTemperature', { tau: scenario.temperature })}</p>
        <StatusLine device={run.device} run={shown?.run ?? null} set={shown?.set ?? null} slice={quiz.hidden ? null : c.slice} computing={run.computing && c.slow} preparing={run.preparing} projecting={run.projecting} progress={run.progress} job={run.job} />
        <WarningBanner warnings={warnings} onDismiss={dismissWarnings} />
        <GpuNoticeBanner gpu={run.gpu} onDismiss={run.dismissGpuNotice} />
        {!derived.ok && <p className="banner error" role="alert">{t(`errors.${derived.error}`)}</p>}
        {run.error && <p className="banner error" role="alert">{t('errors.compute', { message: run.error })}</p>}
        {derived.ok && <InputNotes notes={derived.notes} />}
        <PanelBoundary panel="result">
          <ResultView scenario={scenario} update={update} c={c} lesson={lesson} hovered={hovered} paint={paint} tokens={tokenPreview} quiz={quiz.panel ? { hidden: quiz.hidden, panel: quiz.panel } : undefined} />
        </PanelBoundary>
      </main>
      {!quiz.hidden && <PrintHandout scenario={scenario} stageProps={lesson.stageProps} explainer={lesson.explainer} />}
    </div>
    </ShapeContext.Provider>
  );
}

/** The tokens of the shown batch item (with Global + local, its key tokens toggle global). */
function useTokenPreview(scenario: Scenario, update: (patch: Partial<Scenario>) => void, c: Computation) {
  const globals = useMemo(
    () => (maskLeaves(parseMaskList(scenario.masks).items).some((m) => m.id === 'global-local') ? globalPositions(scenario.globalTokens) : null),
    [scenario.masks, scenario.globalTokens],
  );
  const onToggleGlobal = useCallback((position: number) => update({ globalTokens: toggleGlobal(scenario.globalTokens, position) }), [scenario.globalTokens, update]);
  const { shown } = c;
  const job = shown?.job;
  const pieces = useMemo(() => job && { query: itemPieces(job.scenario, 'query', c.viewBatch), key: itemPieces(job.scenario, 'key', c.viewBatch) }, [job, c.viewBatch]);
  return shown && (
    <TokenPreview query={shown.job.query} source={shown.job.key} batch={c.viewBatch} cross={shown.job.query !== shown.job.key} globals={globals} onToggleGlobal={onToggleGlobal} pieces={pieces ?? undefined} />
  );
}
