/**
 * The Input panel's tokenizer choice (`tok=`): automatic, per character, per word (split on
 * spaces, also for Chinese), or GPT-2's BPE, with a hint for the one chosen and, for GPT-2, the
 * state of its vocabulary (loading, or failed with the automatic tokens used and a retry).
 */
import { useT } from './i18n/useT';
import type { Scenario, TokenizerChoice as TokenizerId } from '../state/scenario';
import { Choice } from './Choice';
import { gpt2Failures, requestGpt2, useGpt2Status } from './useGpt2';
import './tokenizer.css';

interface Props {
  value: TokenizerId;
  update(patch: Partial<Scenario>): void;
}

const HINTS = { auto: 'hintAuto', char: 'hintChar', word: 'hintWord', gpt2: 'hintGpt2' } as const;

export function TokenizerChoice({ value, update }: Props) {
  const { t } = useT();
  const status = useGpt2Status();
  const gpt2 = value === 'gpt2';
  const failedAgain = status === 'failed' && gpt2Failures() > 1;
  return (
    <div className="tokenizer-choice" data-testid="tokenizer" data-gpt2={gpt2 ? status : undefined} data-gpt2-failures={gpt2 ? gpt2Failures() : undefined}>
      <Choice
        label={t('tokenizer.label')}
        value={value}
        options={[
          ['auto', t('tokenizer.auto')],
          ['char', t('tokenizer.char')],
          ['word', t('tokenizer.word')],
          ['gpt2', t('tokenizer.gpt2')],
        ]}
        onChange={(tokenizer) => update({ tokenizer })}
      />
      <p className="hint">{t(`tokenizer.${HINTS[value]}`)}</p>
      {gpt2 && <p className="hint">{t('tokenizer.hintBytes')}</p>}
      {gpt2 && status === 'loading' && <p className="tokenizer-status" role="status">{t('tokenizer.loading')}</p>}
      {gpt2 && status === 'failed' && (
        <p className="field-error tokenizer-status" role="alert">
          {t(failedAgain ? 'tokenizer.failedAgain' : 'tokenizer.failed')}{' '}
          <button type="button" onClick={requestGpt2}>{t('tokenizer.retry')}</button>
          {failedAgain && <> <button type="button" onClick={() => window.location.reload()}>{t('tokenizer.reload')}</button></>}
        </p>
      )}
    </div>
  );
}
