/** Score modifiers, applied before the mask: temperature, ALiBi, soft-capping. */
import { memo } from 'react';
import { useT } from './i18n/useT';
import { FoldPanel } from './FoldPanel';
import { DECIMAL_RANGES, type Scenario } from '../state/scenario';
import { NumberField } from './NumberField';
import { Control } from './Control';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
}

/** Memoised: the page re-renders on every result and hover, this panel only when its props change. */
export const ScorePanel = memo(function ScorePanel({ scenario: s, update }: Props) {
  const { t } = useT();
  const r = DECIMAL_RANGES;
  return (
    <FoldPanel id="modifiers" title={t('score.legend')} scenario={s} update={update}>
      <p className="hint">{t('score.hint')}</p>
      <div className="field-grid">
        <Control id="temp"><NumberField label={t('score.temperature')} value={s.temperature} {...r.temperature} integer={false} onCommit={(temperature) => update({ temperature })} /></Control>
        <Control id="cap"><NumberField label={t('score.softcap')} value={s.softcap} {...r.softcap} integer={false} onCommit={(softcap) => update({ softcap })} /></Control>
      </div>
      <Control id="alibi">
        <label className="toggle">
          <input type="checkbox" checked={s.alibi} onChange={(e) => update({ alibi: e.target.checked })} />
          <span>
            {t('score.alibi')}
            <small>{t('score.alibiHint')}</small>
          </span>
        </label>
      </Control>
    </FoldPanel>
  );
});
