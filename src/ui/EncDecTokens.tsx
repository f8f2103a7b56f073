/**
 * One side's tokens in the encoder–decoder view (source or target, the shown batch item), as
 * focusable chips: hovering, focusing or tapping one highlights it in every panel
 * (useEncDecLink.ts). Padding is marked (hatched, italic). A highlighted chip has the class
 * `highlighted` and `data-highlighted="true"`.
 */
import { memo } from 'react';
import { useT } from './i18n/useT';
import type { LinkHandlers } from './useEncDecLink';

/** Chips shown before the rest are summarised as "… and N more" (the heatmaps still link every token). */
export const MAX_CHIPS = 64;

interface Props {
  side: 'source' | 'target';
  /** Tokens of the batch item, [L]; PAD_TOKEN where padded. */
  tokens: readonly string[];
  /** [L], false where the token is padding. */
  isReal: readonly boolean[];
  /** Highlighted positions. */
  highlighted: readonly number[];
  handlers: LinkHandlers;
}

/** Memoised: re-rendered when the highlight or the tokens change, not on every render of the view. */
export const EncDecTokens = memo(function EncDecTokens({ side, tokens, isReal, highlighted, handlers }: Props) {
  const { t } = useT();
  const sideName = t(side === 'source' ? 'encdec.source' : 'encdec.target');
  const hidden = tokens.length - MAX_CHIPS;
  return (
    <p className="tokens encdec-tokens" data-testid={`encdec-tokens-${side}`} data-side={side}>
      <span className="tokens-label">{sideName}</span>
      {tokens.slice(0, MAX_CHIPS).map((token, index) => {
        const link = { kind: side, index } as const;
        const on = highlighted.includes(index);
        const className = ['token', 'encdec-chip', isReal[index] === false ? 'pad' : '', on ? 'highlighted' : ''].filter(Boolean).join(' ');
        return (
          <button
            key={index}
            type="button"
            className={className}
            data-index={index}
            data-highlighted={on}
            aria-label={t('encdec.tokenLabel', { side: sideName, index, token })}
            onPointerEnter={(e) => handlers.chipPointer(link, true, e.pointerType)}
            onPointerLeave={(e) => handlers.chipPointer(link, false, e.pointerType)}
            onFocus={() => handlers.chipSelect(link)}
            onClick={() => handlers.chipSelect(link)}
            onBlur={() => handlers.chipBlur(link)}
          >
            {token}
          </button>
        );
      })}
      {hidden > 0 && <span className="tokens-more">{t('input.moreTokens', { count: hidden })}</span>}
    </p>
  );
});
