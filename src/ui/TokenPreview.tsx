/** The tokens of the shown batch item on both sides, padding marked, so a reader sees what the rows and columns are. */
import { useTranslation } from 'react-i18next';
import type { SequenceBatch } from '../engine/sequences';

export function TokenPreview({ query, source: keyBatch, batch, cross }: { query: SequenceBatch; source: SequenceBatch; batch: number; cross: boolean }) {
  const { t } = useTranslation();
  const row = (side: SequenceBatch, label: string) => (
    <p className="tokens">
      <span className="tokens-label">{label}</span>
      {(side.tokens[batch] ?? []).map((token, i) => (
        <span key={i} className={side.isReal[batch]?.[i] ? 'token' : 'token pad'}>
          {token}
        </span>
      ))}
    </p>
  );
  return (
    <div className="token-preview" data-testid="tokens">
      {row(query, cross ? t('stage.query') : t('input.tokens'))}
      {cross && row(keyBatch, t('stage.key'))}
    </div>
  );
}
