/**
 * Presentation mode's layout: one step of the pipeline filling the screen, the explanation, the
 * row inspector and the cell read-out beside it (App.tsx chooses it when `present=1`).
 */
import { useT } from './i18n/useT';
import type { AppParts } from './appParts';
import { CellReadout } from './CellReadout';
import { EncDecView } from './EncDecView';
import { GpuNoticeBanner } from './GpuNoticeBanner';
import { LanguageSelect } from './LanguageSelect';
import { PanelBoundary } from './PanelBoundary';
import { PresentView } from './PresentView';
import { PrintHandout } from './PrintHandout';
import { SkipLink } from './SkipLink';
import { ViewPicker } from './ViewPicker';
import { InputNotes, WarningBanner } from './WarningBanner';

export function PresentLayout({ scenario, update, warnings, dismissWarnings, c, lesson, hovered, tokenPreview, quiz }: AppParts) {
  const { t } = useT();
  const error = !c.derived.ok ? <p className="banner error" role="alert">{t(`errors.${c.derived.error}`)}</p> : null;
  return (
    <div className="app present">
      <SkipLink />
      <PanelBoundary panel="result">
      <PresentView
        steps={lesson.steps} onStep={lesson.onStep} onExit={() => update({ present: false })} stages={lesson.stageProps} explainer={lesson.explainer}
        tokens={tokenPreview}
        view={<>
          <ViewPicker batch={c.viewBatch} head={c.viewHead} batches={c.shape?.batch ?? 1} heads={c.shape?.heads ?? scenario.heads} update={update} />
          <LanguageSelect language={scenario.language} update={update} compact />
        </>}
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
          {/* lines left out (unequal cross-attention sides, over the batch limit) or cut: said here too, not only in the normal view */}
          {c.derived.ok && <InputNotes notes={c.derived.notes} />}
        </>}
      >
        {/* a quiz shows the steps instead, revealed or not: its Mask step is the quiz of the cross-attention's mask, with its score */}
        {scenario.attention === 'encdec' && !scenario.quiz ? <PanelBoundary panel="encdec"><EncDecView scenario={scenario} batch={c.viewBatch} head={c.viewHead} present onStep={lesson.onStep} /></PanelBoundary> : undefined}
      </PresentView>
      </PanelBoundary>
      {!quiz.hidden && <PrintHandout scenario={scenario} stageProps={lesson.stageProps} explainer={lesson.explainer} />}
    </div>
  );
}
