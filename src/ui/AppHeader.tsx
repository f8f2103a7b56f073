/** The page header: the title, the Present button, the language, the theme, Copy link and Export JSON. */
import { useT } from './i18n/useT';
import { joinStages } from '../engine/headStages';
import type { Scenario } from '../state/scenario';
import { CopyLinkButton, ExportButton } from './ExportButton';
import { Control } from './Control';
import { LanguageSelect } from './LanguageSelect';
import { ShareButton } from './ShareButton';
import { buildExport, exportEngine } from './exportJson';
import { ThemeToggle } from './ThemeToggle';
import type { Computation } from './useComputation';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
  c: Computation;
  /** Leave out Export JSON (an unrevealed quiz: the export holds the answer). */
  noExport?: boolean;
}

export function AppHeader({ scenario, update, c, noExport }: Props) {
  const { t } = useT();
  const { derived, run, shown } = c;
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <p className="tagline">{t('app.tagline')}</p>
      <div className="header-actions">
        <Control id="share"><ShareButton scenario={scenario} /></Control>
        <Control id="present">
          <button type="button" className="present-button" onClick={() => update({ present: true })} title={t('lesson.present.enterHint')} data-testid="present-enter">
            {t('lesson.present.enter')}
          </button>
        </Control>
        <LanguageSelect language={scenario.language} update={update} />
        <ThemeToggle />
        <Control id="copy-link"><CopyLinkButton scenario={scenario} /></Control>
        {!noExport && <Control id="export">
        <ExportButton
          shape={derived.ok && run.error === null && shown ? derived.inputs.shape : null}
          busy={c.behind || run.completing}
          problem={shown && !c.complete ? t('engine.exportNeedsAllHeads') : undefined}
          build={() => {
            const stages = shown && joinStages(shown.set);
            return shown && stages && buildExport(scenario, shown.inputs, stages, shown.job, exportEngine(shown.run));
          }}
        />
        </Control>}
      </div>
    </header>
  );
}
