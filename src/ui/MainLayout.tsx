/**
 * The normal layout: the header, the controls on the left, and on the right the status line,
 * warnings and the pipeline's stages (ResultView); the print handout beside it.
 */
import { useT } from './i18n/useT';
import { AppHeader } from './AppHeader';
import type { AppParts } from './appParts';
import { Control } from './Control';
import { GpuNoticeBanner } from './GpuNoticeBanner';
import { InputPanel } from './InputPanel';
import { MaskPanel } from './MaskPanel';
import { ModelPanel } from './ModelPanel';
import { PanelBoundary } from './PanelBoundary';
import { PresetPicker } from './PresetPicker';
import { PrintHandout } from './PrintHandout';
import { ResultView } from './ResultView';
import { ScorePanel } from './ScorePanel';
import { MAIN_ID, SkipLink } from './SkipLink';
import { StatusLine } from './StatusLine';
import { InputNotes, WarningBanner } from './WarningBanner';
import { useViewless } from './useViewless';

export function MainLayout({ scenario, linked, update, replace, warnings, dismissWarnings, c, lesson, hovered, paint, tokenPreview, quiz }: AppParts) {
  const { t } = useT();
  const { derived, run, shown } = c;
  // a head switch or a step change does not re-render the settings panels
  const settings = useViewless(scenario);
  const linkedSettings = useViewless(linked);
  return (
    <div className="app">
      <SkipLink />
      <AppHeader scenario={scenario} update={update} c={c} noExport={quiz.hidden} />
      <aside className="controls" aria-label={t('app.settings')}>
        <Control id="preset"><PresetPicker scenario={settings} replace={replace} /></Control>
        <PanelBoundary panel="input"><InputPanel scenario={linkedSettings} update={update} /></PanelBoundary>
        <PanelBoundary panel="masks">
          <MaskPanel scenario={settings} update={update} customError={derived.ok ? derived.customError : null} maskNotes={derived.ok ? derived.maskNotes : []}
            maskExpr={derived.ok ? derived.inputs.mask.expr : null}
          />
        </PanelBoundary>
        <PanelBoundary panel="modifiers"><ScorePanel scenario={settings} update={update} /></PanelBoundary>
        <PanelBoundary panel="model"><ModelPanel scenario={settings} update={update} /></PanelBoundary>
      </aside>
      <main className="views" id={MAIN_ID}>
        <p className="formula">{scenario.temperature === 1 ? t('app.formula') : t('app.formulaTemperature', { tau: scenario.temperature })}</p>
        <StatusLine device={run.device} run={shown?.run ?? null} set={shown?.set ?? null} slice={quiz.hidden ? null : c.slice} computing={run.computing && c.slow} preparing={run.preparing} projecting={run.projecting} progress={run.progress} job={run.job} calibrationSource={run.calibrationSource} />
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
  );
}
