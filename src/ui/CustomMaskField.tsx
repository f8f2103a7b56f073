/**
 * The custom mask formula: a text field, and when the formula does not parse, the error with the
 * mistake marked in the formula itself, once typing pauses (ERROR_PAUSE_MS) or the field is left:
 * a formula half typed is not an error to announce at every key.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskParseError } from '../engine/mask';
import { LIMITS } from '../state/scenario';

interface Props {
  value: string;
  error: MaskParseError | null;
  onChange(value: string): void;
}

/** How long typing must pause before a parse error is shown (ms). */
export const ERROR_PAUSE_MS = 700;

export function CustomMaskField({ value, error: parseError, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => setTyping(false), ERROR_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typing, value]);
  const error = typing ? null : parseError;
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
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        data-testid="custom-mask"
        onChange={(e) => {
          setTyping(true);
          onChange(e.target.value);
        }}
        onBlur={() => setTyping(false)}
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
          <p>{t('mask.customError', { message: error.message, position: error.start + 1 })}</p>
        </div>
      )}
    </div>
  );
}
