/** "Start from a preset": one click sets every setting of a well-known attention layout. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyPreset, PRESETS } from '../state/presets';
import type { Scenario } from '../state/scenario';

export function PresetPicker({ scenario, replace }: { scenario: Scenario; replace(next: Scenario): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState('');
  const onChange = (presetId: string) => {
    const preset = PRESETS.find((p) => p.id === presetId);
    setChosen(presetId);
    if (preset) replace(applyPreset(preset, scenario));
  };
  return (
    <div className="panel preset-picker">
      <label htmlFor={id}>{t('presets.label')}</label>
      <select id={id} value={chosen} data-testid="preset" onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('presets.placeholder')}</option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {t(`presets.${p.id}.name`)}
          </option>
        ))}
      </select>
      {chosen && <p className="hint">{t(`presets.${chosen}.description`)}</p>}
    </div>
  );
}
