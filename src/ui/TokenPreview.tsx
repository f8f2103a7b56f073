/**
 * The tokens of the shown batch item on both sides, padding marked, so a reader sees what the
 * rows and columns are. With a Global + local mask, the key tokens are buttons: click one to make
 * it a global token (or not).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SequenceBatch } from '../engine/sequences';

/** Tokens listed before the rest are summarised as "… N more". */
const MAX_SHOWN = 48;

interface Props {
  query: SequenceBatch;
  source: SequenceBatch;
  batch: number;
  cross: boolean;
  /** Global token positions, when a global + local mask is on; null otherwise. */
  globals: number[] | null;
  onToggleGlobal(position: number): void;
}

/** Memoised: skipped when the page re-renders for another reason (a setting, a hover elsewhere). */
export const TokenPreview = memo(function TokenPreview({ query, source, batch, cross, globals, onToggleGlobal }: Props) {
  const { t } = useTranslation();
  const row = (side: SequenceBatch, label: string, clickable: boolean) => {
    const tokens = side.tokens[batch] ?? [];
    const hidden = tokens.length - MAX_SHOWN;
    return (
      <p className="tokens">
        <span className="tokens-label">{label}</span>
        {tokens.slice(0, MAX_SHOWN).map((token, i) => {
          const className = side.isReal[batch]?.[i] ? 'token' : 'token pad';
          if (!clickable || !globals) return <span key={i} className={className}>{token}</span>;
          const isGlobal = globals.includes(i);
          return (
            <button key={i} type="button" className={`${className} ${isGlobal ? 'global' : ''}`} aria-pressed={isGlobal} title={t('tokens.globalHint')} onClick={() => onToggleGlobal(i)}>
              {token}
            </button>
          );
        })}
        {hidden > 0 && <span className="tokens-more">{t('input.moreTokens', { count: hidden })}</span>}
      </p>
    );
  };
  return (
    <div className="token-preview" data-testid="tokens">
      {row(query, cross ? t('stage.query') : t('input.tokens'), !cross)}
      {cross && row(source, t('stage.key'), true)}
      {globals && <p className="hint">{t('tokens.globalHint')}</p>}
    </div>
  );
});
