/** A labelled group of radio buttons (keyboard: arrow keys move between options). */
import { useId } from 'react';

interface Props<T extends string> {
  label: string;
  value: T;
  options: [T, string][];
  onChange(value: T): void;
}

export function Choice<T extends string>({ label, value, options, onChange }: Props<T>) {
  const name = useId();
  return (
    <div className="choice" role="radiogroup" aria-label={label}>
      <span className="choice-label">{label}</span>
      {options.map(([option, text]) => (
        <label key={option} className={option === value ? 'selected' : undefined}>
          <input type="radio" name={name} value={option} checked={option === value} onChange={() => onChange(option)} />
          {text}
        </label>
      ))}
    </div>
  );
}
