/** Mask controls: causal (with its alignment), key padding, query padding. */
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../state/scenario';
import { Choice } from './Choice';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
}

export function MaskPanel({ scenario: s, update }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="panel">
      <legend>{t('mask.legend')}</legend>
      <Toggle label={t('mask.causal')} hint={t('mask.causalHint')} checked={s.causal} onChange={(causal) => update({ causal })} />
      {s.causal && (
        <Choice
          label={t('mask.alignment')}
          value={s.causalAlignment}
          options={[
            ['bottom-right', t('mask.bottomRight')],
            ['top-left', t('mask.topLeft')],
          ]}
          onChange={(causalAlignment) => update({ causalAlignment })}
        />
      )}
      <Toggle label={t('mask.keyPadding')} hint={t('mask.keyPaddingHint')} checked={s.keyPadding} onChange={(keyPadding) => update({ keyPadding })} />
      <Toggle label={t('mask.queryPadding')} hint={t('mask.queryPaddingHint')} checked={s.queryPadding} onChange={(queryPadding) => update({ queryPadding })} />
    </fieldset>
  );
}

function Toggle({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="toggle" title={hint}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        <small>{hint}</small>
      </span>
    </label>
  );
}
