/**
 * A labelled whole-number input. An invalid entry stays visible with a message saying what to
 * enter; the last valid value remains in use (nothing the user set is lost).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit(value: number): void;
  testId?: string;
}

export function NumberField({ label, value, min, max, onCommit, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    // The value changed from outside (URL, back button): show it (React's "adjust state while
    // rendering" pattern, instead of an effect).
    setShownValue(value);
    setText(String(value));
    setError(null);
  }

  const onChange = (raw: string) => {
    setText(raw);
    const trimmed = raw.trim();
    const n = Number(trimmed);
    if (trimmed === '' || !Number.isInteger(n)) {
      setError(`${t('errors.notInteger')} ${t('errors.kept', { value })}`);
    } else if (n < min || n > max) {
      setError(`${t('errors.range', { min, max })} ${t('errors.kept', { value })}`);
    } else {
      setError(null);
      if (n !== value) {
        setShownValue(n);
        onCommit(n);
      }
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
