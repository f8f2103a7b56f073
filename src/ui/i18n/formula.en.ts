/**
 * English messages of the custom-mask formula parser, by error code. The English text lives with
 * the parser (src/engine/mask/errors.ts) so that its `message` and this stay one text.
 */
import { FORMULA_ERRORS_EN, type FormulaErrorCode } from '../../engine/mask/errors';

export const formulaEn: { errors: Record<FormulaErrorCode, string> } = {
  errors: { ...FORMULA_ERRORS_EN },
};
