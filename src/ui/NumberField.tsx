/**
 * A labelled whole-number input. Typing is applied after a short pause, or at once on Enter or
 * when the field loses focus, so "512" does not compute for 5 and 51 first. An invalid entry
 * stays visible with a message saying what to enter; the last valid value remains in use.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from './i18n/useT';

/** Pause after the last keystroke before a typed value is applied, in ms. */
export const COMMIT_DELAY_MS = 400;

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit(value: number): void;
  disabled?: boolean;
  /** Whole numbers only (default); false accepts decimals. */
  integer?: boolean;
  /** One more accepted value outside [min, max] that means "off" (soft-cap 0; DECIMAL_RANGES). */
  off?: number;
}

/**
 * Why typed text is refused: not plain decimal notation ('notInteger', 'notNumber': "1e3", "0x10"),
 * nothing typed ('empty'; a number input also reads letters as nothing), a fraction in a
 * whole-number field ('fraction'), or outside the range ('range'). The last three say the range.
 */
type Problem = null | 'notInteger' | 'notNumber' | 'empty' | 'fraction' | 'range';

/** Plain decimal notation: digits, at most one point, an optional sign (not "1e1", "0x10" or "Infinity"). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Why `text` is not a (whole, when `integer`) number in [min, max] (or `off`) in plain decimal
 * notation, or null when it is. Every value the state accepts (INTEGER_RANGES, DECIMAL_RANGES)
 * prints in plain decimal notation, so the field accepts every value it shows.
 */
export function numberProblem(text: string, min: number, max: number, integer = true, off?: number): Problem {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (trimmed === '') return 'empty';
  if (!DECIMAL.test(trimmed) || !Number.isFinite(n)) return integer ? 'notInteger' : 'notNumber';
  if (integer && !Number.isInteger(n)) return 'fraction';
  if (n === off) return null;
  return n < min || n > max ? 'range' : null;
}

/** The message of a range problem: whole numbers, decimals, or decimals with an off value. */
function rangeKey(integer: boolean, off: number | undefined): string {
  if (integer) return 'errors.range';
  return off === undefined ? 'errors.rangeDecimal' : 'errors.rangeDecimalOff';
}

/** Two sentences as one message: a space between them, none after a full-width stop (Chinese: "…整数。仍使用 4。"). */
export function joinSentences(first: string, second: string): string {
  return /[。！？]$/.test(first) ? `${first}${second}` : `${first} ${second}`;
}

export function NumberField({ label, value, min, max, onCommit, disabled, integer = true, off }: Props) {
  const { t } = useT();
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestValue = useRef(value);
  useEffect(() => {
    latestValue.current = value;
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    // Back/Forward drops a typed value not yet applied: it belongs to the page the user left.
    const onPop = () => {
      clearTimeout(timer.current);
      setText(String(latestValue.current));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  if (shownValue !== value) {
    // The value changed from outside (URL, back button): show it ("adjust state while rendering").
    setShownValue(value);
    setText(String(value));
  }
  const problem = numberProblem(text, min, max, integer, off);

  const commit = (raw: string) => {
    clearTimeout(timer.current);
    if (numberProblem(raw, min, max, integer, off)) return;
    const n = Number(raw.trim());
    if (n === value) return;
    setShownValue(n);
    onCommit(n);
  };
  const onChange = (raw: string) => {
    setText(raw);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(raw), COMMIT_DELAY_MS);
  };

  const saysRange = problem === 'range' || problem === 'empty' || problem === 'fraction';
  const what = saysRange ? t(rangeKey(integer, off), { min, max, off }) : t(`errors.${problem ?? 'notInteger'}`);
  const message = problem && joinSentences(what, t('errors.kept', { value }));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={off === undefined ? min : Math.min(min, off)}
        max={max}
        step={integer ? 1 : 'any'}
        value={text}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => commit(text)}
        onKeyDown={(e) => e.key === 'Enter' && commit(text)}
        // A wheel over a focused number field would step its value while the user scrolls the
        // page: leave the field instead (its value is committed, the page scrolls).
        onWheel={(e) => e.currentTarget === document.activeElement && e.currentTarget.blur()}
      />
      {message && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
