/** Model settings (seed, dK, heads) and which batch item and head the large heatmaps show. */
import { useTranslation } from 'react-i18next';
import { INTEGER_RANGES, type Scenario } from '../state/scenario';
import { NumberField } from './NumberField';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
  batchCount: number;
}

export function ModelPanel({ scenario: s, update, batchCount }: Props) {
  const { t } = useTranslation();
  const r = INTEGER_RANGES;
  return (
    <>
      <fieldset className="panel">
        <legend>{t('model.legend')}</legend>
        <div className="field-grid">
          <NumberField label={t('model.seed')} value={s.seed} {...r.seed} onCommit={(seed) => update({ seed })} />
          <NumberField label={t('model.dK')} value={s.dK} {...r.dK} onCommit={(dK) => update({ dK })} />
          <NumberField label={t('model.heads')} value={s.heads} {...r.heads} onCommit={(heads) => update({ heads })} />
        </div>
        <p className="hint">{t('model.hint')}</p>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('view.legend')}</legend>
        <div className="field-grid">
          <Picker label={t('view.batch')} value={Math.min(s.viewBatch, batchCount - 1)} count={batchCount} onChange={(viewBatch) => update({ viewBatch })} />
          <Picker label={t('view.head')} value={Math.min(s.viewHead, s.heads - 1)} count={s.heads} onChange={(viewHead) => update({ viewHead })} />
        </div>
      </fieldset>
    </>
  );
}

function Picker({ label, value, count, onChange }: { label: string; value: number; count: number; onChange(v: number): void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
    </label>
  );
}
