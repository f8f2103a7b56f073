/**
 * "Start from a preset": one click sets every setting of a well-known attention layout. The
 * picker shows a preset only while the settings are exactly that preset's (presets.ts presetOf:
 * a step, head or batch item looked at aside; editing anything, or going Back to other settings,
 * shows "Choose a preset…" again).
 */
import { useId, memo } from 'react';
import { useT } from './i18n/useT';
import { applyPreset, presetOf, PRESETS } from '../state/presets';
import type { Scenario } from '../state/scenario';

/** Memoised: the page re-renders on every result and hover, this panel only when its props change. */
export const PresetPicker = memo(function PresetPicker({ scenario, replace }: { scenario: Scenario; replace(next: Scenario): void }) {
  const { t } = useT();
  const id = useId();
  const current = presetOf(scenario);
  const onChange = (presetId: string) => {
    const preset = PRESETS.find((p) => p.id === presetId);
    if (preset) replace(applyPreset(preset, scenario));
  };
  return (
    <div className="panel preset-picker">
      <label htmlFor={id}>{t('presets.label')}</label>
      <select id={id} value={current?.id ?? ''} data-testid="preset" title={current ? t(`presets.${current.id}.name`) : undefined} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('presets.placeholder')}</option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {t(`presets.${p.id}.name`)}
          </option>
        ))}
      </select>
      {/* the name in full: the select cuts the longer ones at a sidebar's width (1280 and 1366 px screens) */}
      {current && (
        <p className="hint" data-testid="preset-hint">
          <strong>{t(`presets.${current.id}.name`)}</strong>
          {t('presets.separator')}
          {t(`presets.${current.id}.description`)}
        </p>
      )}
    </div>
  );
});
