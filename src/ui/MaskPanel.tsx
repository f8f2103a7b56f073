/** Mask controls: causal (with its alignment and its reading of a padded batch), key padding, query padding. */
import { readingCalls } from './readingCalls';
import { memo } from 'react';
import { useT } from './i18n/useT';
import { FoldPanel } from './FoldPanel';
import type { Scenario } from '../state/scenario';
import { Choice } from './Choice';
import { Control } from './Control';
import { CustomMaskField } from './CustomMaskField';
import { MaskListEditor } from './MaskListEditor';
import type { MaskNote } from '../scenario/catalogueTerms';
import type { MaskExpr, MaskParseError } from '../engine/mask';
import { CompositionTree } from './CompositionTree';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
  customError: MaskParseError | null;
  maskNotes: MaskNote[];
  /** The whole mask as built for the current inputs, or null while they are invalid. */
  maskExpr: MaskExpr | null;
}

/** Memoised: the page re-renders on every result and hover, this panel only when its props change. */
export const MaskPanel = memo(function MaskPanel({ scenario: s, update, customError, maskNotes, maskExpr }: Props) {
  const { t } = useT();
  const noPadding = s.inputMode === 'lengths';
  return (
    <FoldPanel id="masks" title={t('mask.legend')} scenario={s} update={update}>
      <Control id="causal"><Toggle label={t('mask.causal')} hint={t('mask.causalHint')} checked={s.causal} onChange={(causal) => update({ causal })} /></Control>
      {/* Always shown (greyed when it cannot matter), so that toggling causal moves nothing below. */}
      <Control id="align">
      <Choice
        label={t('mask.alignment')}
        value={s.causalAlignment}
        options={[
          ['bottom-right', t('mask.bottomRight')],
          ['top-left', t('mask.topLeft')],
        ]}
        disabled={!s.causal || s.attention !== 'cross'}
        onChange={(causalAlignment) => update({ causalAlignment })}
      />
      </Control>
      {s.attention === 'self' && <p className="hint">{t('mask.alignmentSelf')}</p>}
      {s.attention === 'encdec' && <p className="hint">{t('mask.alignmentEncdec')}</p>}
      <Control id="causallen">
      <Choice
        label={t('readings.label')}
        value={s.causalLengths}
        options={[
          ['real', t('readings.real', readingCalls(s.causalAlignment))],
          ['padded', t('readings.padded', readingCalls(s.causalAlignment))],
        ]}
        disabled={!s.causal || noPadding || s.attention !== 'cross'}
        onChange={(causalLengths) => update({ causalLengths })}
      />
      </Control>
      {s.causal && s.attention === 'cross' && <p className="hint">{t(noPadding ? 'readings.hintLengths' : 'readings.hintWhere')}</p>}
      <Control id="kpad"><Toggle label={t('mask.keyPadding')} hint={t('mask.keyPaddingHint')} checked={s.keyPadding} disabled={noPadding} onChange={(keyPadding) => update({ keyPadding })} /></Control>
      <Control id="qpad"><Toggle label={t('mask.queryPadding')} hint={t('mask.queryPaddingHint')} checked={s.queryPadding} disabled={noPadding} onChange={(queryPadding) => update({ queryPadding })} /></Control>
      {noPadding && <p className="hint">{t('mask.noPaddingInLengths')}</p>}
      <p className="panel-subtitle">{t('mask.more')}</p>
      <Control id="m"><MaskListEditor scenario={s} update={update} notes={maskNotes} /></Control>
      <Control id="cm"><CustomMaskField value={s.customMask} error={customError} onChange={(customMask) => update({ customMask })} /></Control>
      {maskExpr && <CompositionTree expr={maskExpr} />}
    </FoldPanel>
  );
});

interface ToggleProps {
  label: string;
  hint: string;
  checked: boolean;
  disabled?: boolean;
  onChange(v: boolean): void;
}

function Toggle({ label, hint, checked, disabled, onChange }: ToggleProps) {
  return (
    <label className={disabled ? 'toggle disabled' : 'toggle'}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        <small>{hint}</small>
      </span>
    </label>
  );
}
