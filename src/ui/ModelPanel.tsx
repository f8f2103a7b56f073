/** Model settings: seed, dK, heads. */
import { useTranslation } from 'react-i18next';
import { INTEGER_RANGES, type Scenario } from '../state/scenario';
import { NumberField } from './NumberField';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
}

export function ModelPanel({ scenario: s, update }: Props) {
  const { t } = useTranslation();
  const r = INTEGER_RANGES;
  return (
    <fieldset className="panel">
      <legend>{t('model.legend')}</legend>
      <div className="field-grid">
        <NumberField label={t('model.seed')} value={s.seed} {...r.seed} onCommit={(seed) => update({ seed })} />
        <NumberField label={t('model.dK')} value={s.dK} {...r.dK} onCommit={(dK) => update({ dK })} />
        <NumberField label={t('model.heads')} value={s.heads} {...r.heads} onCommit={(heads) => update({ heads })} />
      </div>
      <p className="hint">{t('model.hint')}</p>
    </fieldset>
  );
}
