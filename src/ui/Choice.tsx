/** A labelled group of radio buttons (keyboard: arrow keys move between options). */
import { useId } from 'react';

interface Props<T extends string> {
  label: string;
  value: T;
  options: [T, string][];
  onChange(value: T): void;
  /** Greyed out and not selectable (the choice stays in place, so nothing below it moves). */
  disabled?: boolean;
}

export function Choice<T extends string>({ label, value, options, onChange, disabled = false }: Props<T>) {
  const name = useId();
  return (
    <div className={disabled ? 'choice disabled' : 'choice'} role="radiogroup" aria-label={label} aria-disabled={disabled || undefined}>
      <span className="choice-label">{label}</span>
      {options.map(([option, text]) => (
        <label key={option} className={option === value ? 'selected' : undefined}>
          <input type="radio" name={name} value={option} checked={option === value} disabled={disabled} onChange={() => onChange(option)} />
          {text}
        </label>
      ))}
    </div>
  );
}
