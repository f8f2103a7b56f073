/**
 * The custom mask formula: a text field, and when the formula does not parse, the error with the
 * mistake marked in the formula itself. Text that does not parse is held here while it is being
 * typed (until typing pauses for ERROR_PAUSE_MS or the field is left): the heatmaps keep the last
 * formula that parses instead of jumping at every key, and a formula half typed is not an error
 * to announce. Text that parses is applied at once.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from './i18n/useT';
import type { MaskParseError } from '../engine/mask';
import { LIMITS } from '../state/scenario';
import { customTerm } from '../scenario/derive';
import { formulaErrorText } from './formulaErrorText';

interface Props {
  value: string;
  error: MaskParseError | null;
  onChange(value: string): void;
}

/** How long typing must pause before a formula that does not parse is applied, and its error shown (ms). */
export const ERROR_PAUSE_MS = 700;

export function CustomMaskField({ value, error: parseError, onChange }: Props) {
  const { t } = useT();
  const id = useId();
  // Typed text that does not parse yet, over the value it was typed on (dropped if that changes: Back, a preset).
  const [draft, setDraft] = useState<{ text: string; over: string } | null>(null);
  const pending = draft !== null && draft.over === value ? draft.text : null;
  const apply = useRef(onChange);
  useEffect(() => {
    apply.current = onChange;
  });
  useEffect(() => {
    if (pending === null) return;
    const timer = setTimeout(() => {
      setDraft(null);
      apply.current(pending);
    }, ERROR_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  const error = pending === null ? parseError : null;
  const text = pending ?? value;
  return (
    <div className="field">
      <label htmlFor={id}>{t('mask.custom')}</label>
      <input
        id={id}
        type="text"
        className="formula-input"
        spellCheck={false}
        autoComplete="off"
        maxLength={LIMITS.maxFormulaChars}
        placeholder="k <= q && q - k < 4"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        data-testid="custom-mask"
        onChange={(e) => {
          const next = e.target.value;
          if (customTerm(next).error === null) {
            setDraft(null);
            onChange(next);
          } else setDraft({ text: next, over: value });
        }}
        onBlur={() => {
          if (pending === null) return;
          setDraft(null);
          onChange(pending);
        }}
      />
      <p id={`${id}-help`} className="hint">
        {t('mask.customHint')}
      </p>
      {error && (
        <div id={`${id}-error`} className="field-error" role="alert" data-testid="custom-mask-error">
          <code className="formula-error">
            {value.slice(0, error.start)}
            <mark>{value.slice(error.start, Math.max(error.end, error.start + 1)) || ' '}</mark>
            {value.slice(Math.max(error.end, error.start + 1))}
          </code>
          <p>{t('mask.customError', { message: formulaErrorText(t, error), position: error.start + 1 })}</p>
        </div>
      )}
    </div>
  );
}
