/** The tokens of the shown batch item on both sides, padding marked, so a reader sees what the rows and columns are. */
import { useTranslation } from 'react-i18next';
import type { SequenceBatch } from '../engine/sequences';

/** Tokens listed before the rest are summarised as "… N more". */
const MAX_SHOWN = 48;

export function TokenPreview({ query, source: keyBatch, batch, cross }: { query: SequenceBatch; source: SequenceBatch; batch: number; cross: boolean }) {
  const { t } = useTranslation();
  const row = (side: SequenceBatch, label: string) => {
    const tokens = side.tokens[batch] ?? [];
    const hidden = tokens.length - MAX_SHOWN;
    return (
      <p className="tokens">
        <span className="tokens-label">{label}</span>
        {tokens.slice(0, MAX_SHOWN).map((token, i) => (
          <span key={i} className={side.isReal[batch]?.[i] ? 'token' : 'token pad'}>
            {token}
          </span>
        ))}
        {hidden > 0 && <span className="tokens-more">{t('input.moreTokens', { count: hidden })}</span>}
      </p>
    );
  };
  return (
    <div className="token-preview" data-testid="tokens">
      {row(query, cross ? t('stage.query') : t('input.tokens'))}
      {cross && row(keyBatch, t('stage.key'))}
    </div>
  );
}
