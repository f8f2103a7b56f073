/** Model settings: seed, dK, heads, and the engine path. */
import { memo } from 'react';
import { useT } from './i18n/useT';
import { FoldPanel } from './FoldPanel';
import { ENUM_VALUES } from '../state/validate';
import { INTEGER_RANGES, type EnginePreference, type Scenario } from '../state/scenario';
import { NumberField } from './NumberField';
import { Control } from './Control';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
}

/** Memoised: the page re-renders on every result and hover, this panel only when its props change. */
export const ModelPanel = memo(function ModelPanel({ scenario: s, update }: Props) {
  const { t } = useT();
  const r = INTEGER_RANGES;
  return (
    <FoldPanel id="model" title={t('model.legend')} scenario={s} update={update}>
      <div className="field-grid">
        <Control id="seed"><NumberField label={t('model.seed')} value={s.seed} {...r.seed} onCommit={(seed) => update({ seed })} /></Control>
        <Control id="dk"><NumberField label={t('model.dK')} value={s.dK} {...r.dK} onCommit={(dK) => update({ dK })} /></Control>
        <Control id="heads"><NumberField label={t('model.heads')} value={s.heads} {...r.heads} onCommit={(heads) => update({ heads })} /></Control>
      </div>
      <p className="hint">{t('model.hint')}</p>
      <Control id="engine">
      <label className="engine-field">
        {t('engine.label')}{' '}
        <select value={s.engine} onChange={(e) => update({ engine: e.target.value as EnginePreference })} data-testid="engine-select">
          {ENUM_VALUES.engine.map((option) => (
            <option key={option} value={option}>
              {t(`engine.choice.${option}`)}
            </option>
          ))}
        </select>
      </label>
      </Control>
      <p className="hint">{t('engine.hint')}</p>
    </FoldPanel>
  );
});
