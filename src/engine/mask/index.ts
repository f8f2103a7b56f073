/**
 * Mask expressions: one definition per mask (a predicate on b, h, q, k and parameters, as in
 * FlexAttention's `mask_mod`), evaluated per cell, explained per cell, compiled to tfjs ops
 * (compile.ts, imported directly so that importing this index never loads tfjs),
 * parsed from a formula and printed back.
 */
export * from './expr';
export { checkTypes, valueKind, type CheckOptions, type MaskTypeError, type ValueKind } from './check';
export type { MaskCell, MaskContext, MaskShape } from './cell';
export type { MaskTable, MaskTables } from './tables';
export type { CellValue } from './semantics';
export { evaluateCell, evaluateMaskGrid } from './evaluate';
export { explainCell, type CellExplanation, type DecidingTerm, type ExplainedNode } from './explain';
export { FORMULA_ERRORS_EN, formulaMessage, type FormulaErrorCode, type FormulaMessage, type FormulaValues } from './errors';
export { normalizeFormula, type NormalizedFormula } from './normalize';
export { parseMaskExpression, type MaskParseError, type MaskParseResult, type ParseAllowed } from './parse';
export { formatExpr } from './format';
export { compileMaskRows, type MaskRowFn } from './rows';
export { specializeMask, type MaskSpecialization } from './specialize';
