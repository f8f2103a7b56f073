/**
 * The messages of the mask-formula parser and type checker, as codes with values: the UI shows
 * them in the reader's language by code (src/ui/i18n/formula.*.ts); the engine keeps only the
 * English text, built from the templates below, for `message`, thrown errors and tests. A value
 * is a piece of the formula (an operator, a name, a sub-expression as printed) or a count, never a
 * word of English, so every template translates whole.
 */

/** English templates, `{{name}}` = a value (the same placeholders as i18next's). */
export const FORMULA_ERRORS_EN = {
  // whole formula
  empty: "empty formula: write a condition, e.g. 'k <= q'",
  nonAscii: "'{{char}}' is not a formula symbol: type plain keyboard characters, e.g. <= for ≤, >= for ≥, != for ≠, && for and, || for or",
  // syntax (jsep)
  unclosed: "'{{opener}}' is never closed: add '{{closer}}'",
  needsValue: "'{{op}}' needs a value after it",
  numberBeforeName: "'{{digits}}{{name}}' is not a number or a name: for a product write '{{digits}} * {{name}}'",
  needsColon: "'?' needs ':' and a second value, as in 'c ? a : b'",
  singleEquals: "'=' is not a comparison: use '==' (or '<=', '>=')",
  unexpected: "unexpected '{{char}}'",
  unexpectedEnd: 'the formula ends too soon: finish the expression',
  stray: "unexpected '{{char}}': a mask is one expression",
  unclosedQuote: 'text in quotes is not allowed in a mask',
  unexpectedPeriod: "unexpected '.': write a number such as 0.5, a name or a function call",
  badExponent: "'{{text}}' is not a number: an exponent needs digits, e.g. 1e3",
  expectedComma: "expected ',' between the arguments of a call",
  expected: "expected '{{char}}'",
  syntax: 'syntax error: {{detail}}',
  // structure
  twoExpressions: "two expressions in a row: join them with '&&' or '||'",
  comma: "',' is not allowed here: a mask is one expression",
  list: 'lists [...] are not supported',
  unsupportedSyntax: "unsupported syntax '{{text}}'",
  quotes: 'text in quotes is not allowed in a mask',
  literal: "'{{raw}}' is not allowed: use true or false",
  // names
  isTable: "'{{name}}' is a table: index it, e.g. {{form}}",
  isFunction: "'{{name}}' is a function: call it, e.g. {{name}}(…)",
  notAvailable: "'{{name}}' is not available here: {{hint}}",
  unknownName: "unknown name '{{name}}': {{hint}}",
  unknownNameSuggest: "unknown name '{{name}}' (did you mean '{{suggestion}}'?): {{hint}}",
  namesVariables: 'use {{variables}}',
  namesParameters: 'use {{variables}} or a parameter ({{parameters}})',
  namesTables: 'use {{variables}} or a table ({{tables}})',
  namesParametersTables: 'use {{variables}} or a parameter ({{parameters}}) or a table ({{tables}})',
  // operators
  opAmpersand: "'&' is not an operator here: use '&&' (or 'and')",
  opPipe: "'|' is not an operator here: use '||' (or 'or')",
  opPower: 'powers are not supported',
  opCaret: "'^' is not supported (powers are not supported; for 'either but not both' use '!=')",
  opTilde: "'~' is not supported: use '!' (or 'not')",
  unsupportedOperator: "'{{op}}' is not supported",
  // calls and tables
  notCallable: "'{{text}}' cannot be called: use {{functions}}",
  notFunction: "'{{name}}' is not a function: use {{functions}}",
  unknownFunction: "unknown function '{{name}}': use {{functions}}",
  arityOne: "'{{fn}}' takes 1 argument, got {{got}}",
  arityExact: "'{{fn}}' takes {{wanted}} arguments, got {{got}}",
  arityAtLeast: "'{{fn}}' takes at least {{wanted}} arguments, got {{got}}",
  dot: "'.' is not supported: write a name, a function call or table[index]",
  indexNotTable: 'only a table can be indexed: table[index]',
  notTable: "'{{name}}' is not a table: only tables can be indexed",
  unknownTable: "unknown table '{{name}}'",
  tableRankOne: "'{{name}}' takes 1 index ({{form}}), got {{got}}",
  tableRank: "'{{name}}' takes {{rank}} indices ({{form}}), got {{got}}",
  fractionIndex: "'{{text}}' may be a fraction; a table index must be a whole number — wrap it in floor(…)",
  // types
  rootNotBoolean: "'{{text}}' is a number; a mask must be true or false — compare it, e.g. '{{example}}'",
  rootNotNumber: "'{{text}}' is true or false; a number is needed here",
  notFinite: "'{{text}}' is not a finite number",
  unknownVariable: "unknown variable '{{name}}'",
  needsNumber: "'{{text}}' is true or false; '{{where}}' needs a number",
  needsBoolean: "'{{text}}' is a number; '{{where}}' needs true or false — compare it, e.g. '{{example}}'",
  notWordNumber: "'not' applies to '{{text}}' only, which is a number: put the comparison in parentheses, e.g. 'not (k > q)'",
  compareNumberBoolean: "'{{left}}' is a number but '{{right}}' is true or false; '{{op}}' compares two numbers or two truth values",
  compareBooleanNumber: "'{{left}}' is true or false but '{{right}}' is a number; '{{op}}' compares two numbers or two truth values",
  branchesNumberBoolean: "the two branches of '? :' differ: '{{then}}' is a number, '{{else}}' is true or false",
  branchesBooleanNumber: "the two branches of '? :' differ: '{{then}}' is true or false, '{{else}}' is a number",
  unknownNodeKind: "unknown node kind '{{kind}}'",
} as const;

export type FormulaErrorCode = keyof typeof FORMULA_ERRORS_EN;

/** The values a template reads: pieces of the formula and counts. */
export type FormulaValues = Readonly<Record<string, string | number>>;

/**
 * A message by code. `hint`, when present, is a second message that fills the `{{hint}}`
 * placeholder (the names a formula may use); `message` is the English text, hint included.
 */
export interface FormulaMessage {
  code: FormulaErrorCode;
  values: FormulaValues;
  hint?: FormulaMessage;
  message: string;
}

/**
 * Fills a `{{name}}` template; a placeholder without a value is left as written (a programming
 * error that the unit tests catch: every code's placeholders are checked against its values).
 */
export function fillTemplate(template: string, values: FormulaValues): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The message of `code` with `values` (and an optional hint for `{{hint}}`), English text built.
 * Example: formulaMessage('needsValue', { op: '<=' }).message → "'<=' needs a value after it".
 */
export function formulaMessage(code: FormulaErrorCode, values: FormulaValues = {}, hint?: FormulaMessage): FormulaMessage {
  const filled = hint ? { ...values, hint: hint.message } : values;
  return { code, values, ...(hint ? { hint } : {}), message: fillTemplate(FORMULA_ERRORS_EN[code], filled) };
}

/** "'docId' takes 2 indices (docId[…][…]), got 1" as a code and values. */
export function tableRankError(name: string, rank: number, got: number): [FormulaErrorCode, FormulaValues] {
  const form = `${name}${'[…]'.repeat(rank)}`;
  return rank === 1 ? ['tableRankOne', { name, form, got }] : ['tableRank', { name, rank, form, got }];
}
