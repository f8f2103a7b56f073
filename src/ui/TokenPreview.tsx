/**
 * The tokens of the shown batch item on both sides, padding marked, so a reader sees what the
 * rows and columns are. With a Global + local mask, the key tokens are buttons: click one to make
 * it a global token (or not).
 */
import { memo } from 'react';
import { useT } from './i18n/useT';
import type { SequenceBatch } from '../engine/sequences';
import type { Gpt2Piece } from '../engine/gpt2Pieces';
import { pieceCaption } from './pieceCaption';
import './tokenizer.css';

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
  /** GPT-2 pieces of the shown item's real tokens (query, key), for the captions under byte pieces. */
  pieces?: { query: Gpt2Piece[] | null; key: Gpt2Piece[] | null };
}

/** Memoised: skipped when the page re-renders for another reason (a setting, a hover elsewhere). */
export const TokenPreview = memo(function TokenPreview({ query, source, batch, cross, globals, onToggleGlobal, pieces }: Props) {
  const { t } = useT();
  const row = (side: SequenceBatch, label: string, clickable: boolean, sidePieces: Gpt2Piece[] | null = null) => {
    const tokens = side.tokens[batch] ?? [];
    const hidden = tokens.length - MAX_SHOWN;
    const real = side.isReal[batch] ?? [];
    // the i-th real token is the i-th piece (padding, on either side, has none)
    const firstReal = Math.max(0, real.indexOf(true));
    const content = (token: string, i: number) => {
      const caption = real[i] ? pieceCaption(t, sidePieces?.[i - firstReal]) : null;
      return caption ? <>{token}<small className="token-caption" title={caption.title}>{caption.text}</small></> : token;
    };
    return (
      <p className="tokens">
        <span className="tokens-label">{label}</span>
        {tokens.slice(0, MAX_SHOWN).map((token, i) => {
          const className = `${real[i] ? 'token' : 'token pad'}${real[i] && sidePieces?.[i - firstReal]?.partial.length ? ' has-caption' : ''}`;
          if (!clickable || !globals) return <span key={i} className={className}>{content(token, i)}</span>;
          const isGlobal = globals.includes(i);
          return (
            <button key={i} type="button" className={`${className} ${isGlobal ? 'global' : ''}`} aria-pressed={isGlobal} title={t('tokens.globalHint')} onClick={() => onToggleGlobal(i)}>
              {content(token, i)}
            </button>
          );
        })}
        {hidden > 0 && <span className="tokens-more">{t('input.moreTokens', { count: hidden })}</span>}
      </p>
    );
  };
  return (
    <div className="token-preview" data-testid="tokens">
      {row(query, cross ? t('stage.query') : t('input.tokens'), !cross, pieces?.query)}
      {cross && row(source, t('stage.key'), true, pieces?.key)}
      {globals && <p className="hint">{t('tokens.globalHint')}</p>}
    </div>
  );
});
