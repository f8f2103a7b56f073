/** A formula error (code and values, src/engine/mask/errors.ts) in the reader's language. */
import type { TFunction } from 'i18next';
import type { FormulaMessage } from '../engine/mask';

/**
 * The message of `error` in the current language, its hint (the names a formula may use)
 * translated too and put in its `{{hint}}` placeholder.
 */
export function formulaErrorText(t: TFunction, error: FormulaMessage): string {
  const hint = error.hint ? { hint: formulaErrorText(t, error.hint) } : {};
  return t(`formula.errors.${error.code}`, { ...error.values, ...hint });
}
