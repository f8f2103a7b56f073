/** Input controls: sentences or lengths, self-, cross- or encoder–decoder attention, padding side. */
import { useT } from './i18n/useT';
import { FoldPanel } from './FoldPanel';
import { useState, memo } from 'react';
import { EXAMPLE_TEXT, INTEGER_RANGES, LIMITS, type Scenario } from '../state/scenario';
import { NumberField } from './NumberField';
import { Choice } from './Choice';
import { TokenizerChoice } from './TokenizerChoice';
import { Control } from './Control';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
}

/** Memoised: the page re-renders on every result and hover, this panel only when its props change. */
export const InputPanel = memo(function InputPanel({ scenario: s, update }: Props) {
  const { t } = useT();
  const hint = s.attention === 'cross' ? t('input.crossHint') : s.attention === 'encdec' ? t('encdec.inputHint') : t('input.selfHint');
  return (
    <FoldPanel id="input" title={t('input.legend')} scenario={s} update={update}>
      <Control id="attn">
      <Choice
        label={t('input.attention')}
        value={s.attention}
        options={[
          ['self', t('input.self')],
          ['cross', t('input.cross')],
          ['encdec', t('encdec.option')],
        ]}
        onChange={(attention) => update({ attention })}
      />
      </Control>
      <p className="hint">{hint}</p>
      <Control id="mode">
      <Choice
        label={t('input.mode')}
        value={s.inputMode}
        options={[
          ['text', t('input.modeText')],
          ['lengths', t('input.modeLengths')],
        ]}
        onChange={(inputMode) => update({ inputMode })}
      />
      </Control>
      {s.inputMode === 'text' ? <TextInputs s={s} update={update} /> : <LengthInputs s={s} update={update} />}
    </FoldPanel>
  );
});

function TextInputs({ s, update }: { s: Scenario; update: Props['update'] }) {
  const { t } = useT();
  const [cut, setCut] = useState(false);
  // cross-attention and the encoder–decoder view both have a source (key) side
  const cross = s.attention !== 'self';
  /** Text longer than LIMITS.maxTextChars is cut, and the user is told (instead of a silent maxLength). */
  const setText = (field: 'queryText' | 'keyText', value: string) => {
    const tooLong = value.length > LIMITS.maxTextChars;
    setCut(tooLong);
    update({ [field]: tooLong ? value.slice(0, LIMITS.maxTextChars) : value });
  };
  return (
    <>
      <Control id="q">
        <label className="field">
          <span>{cross ? t('input.queryText') : t('input.queryTextSelf')}</span>
          <textarea rows={3} value={s.queryText} data-testid="query-text" onChange={(e) => setText('queryText', e.target.value)} />
        </label>
      </Control>
      {cross && (
        <Control id="k">
          <label className="field">
            <span>{t('input.keyText')}</span>
            <textarea rows={3} value={s.keyText} data-testid="key-text" onChange={(e) => setText('keyText', e.target.value)} />
          </label>
        </Control>
      )}
      {cut && (
        <p className="field-error" role="alert">
          {t('input.textCut', { count: LIMITS.maxTextChars })}
        </p>
      )}
      <p className="hint">{t('input.textHint')}</p>
      <Control id="tok"><TokenizerChoice value={s.tokenizer} update={update} /></Control>
      <Control id="examples">
      <div className="button-row">
        <button type="button" onClick={() => update({ queryText: EXAMPLE_TEXT.en.query, keyText: EXAMPLE_TEXT.en.key })}>
          {t('input.exampleEn')}
        </button>
        <button type="button" onClick={() => update({ queryText: EXAMPLE_TEXT.zh.query, keyText: EXAMPLE_TEXT.zh.key })}>
          {t('input.exampleZh')}
        </button>
      </div>
      </Control>
      <Control id="pad">
      <Choice
        label={t('input.paddingSide')}
        value={s.paddingSide}
        options={[
          ['right', t('input.padRight')],
          ['left', t('input.padLeft')],
        ]}
        onChange={(paddingSide) => update({ paddingSide })}
      />
      </Control>
    </>
  );
}

function LengthInputs({ s, update }: { s: Scenario; update: Props['update'] }) {
  const { t } = useT();
  const r = INTEGER_RANGES;
  return (
    <div className="field-grid">
      <Control id="lq"><NumberField label={t('input.queryLength')} value={s.queryLength} {...r.queryLength} onCommit={(queryLength) => update({ queryLength })} /></Control>
      {s.attention !== 'self' && (
        <Control id="lk"><NumberField label={t('input.keyLength')} value={s.keyLength} {...r.keyLength} onCommit={(keyLength) => update({ keyLength })} /></Control>
      )}
      <Control id="b"><NumberField label={t('input.batchSize')} value={s.batchSize} {...r.batchSize} onCommit={(batchSize) => update({ batchSize })} /></Control>
    </div>
  );
}
