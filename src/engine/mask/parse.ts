/**
 * A user's mask formula (`k <= q && q - k < W`) parsed into a mask expression tree with jsep — a
 * real expression parser; nothing is ever evaluated as JavaScript — with errors that point at the
 * mistake (character offsets into the source).
 */
import { checkTypes } from './check';
import { formatExpr } from './format';
import { MASK_FUNCTIONS, MASK_VARIABLES, children, type MaskExpr } from './expr';
import { convert, ParseFailure, type ConvertContext, type ParseAllowed } from './convert';
import { parseWithSpans, type Span } from './spans';
import { strayText, syntaxError } from './syntax';
import { formulaMessage, type FormulaMessage } from './errors';
import { firstNonAscii, normalizeFormula, spanInSource } from './normalize';

/**
 * A formula error: its code and values (the UI translates by code, see errors.ts), the English
 * `message`, and where it is.
 */
export interface MaskParseError extends FormulaMessage {
  /**
   * Offsets into the source as typed, [start, end); start = end = source.length at the end of the
   * input.
   */
  start: number;
  end: number;
}

export type MaskParseResult = { ok: true; expr: MaskExpr } | { ok: false; error: MaskParseError };

export type { ParseAllowed } from './convert';

const RESERVED = ['true', 'false', 'null', 'this', 'and', 'or', 'not'];

/**
 * Parses a mask formula.
 *
 * Typed symbols are read first as ASCII (normalize.ts: ≤ → <=, ≠ → !=, full-width ＜ ＝ ｋ → < == k);
 * a non-ASCII character left over is an error that says what to type.
 * Grammar (JavaScript-like): numbers, the allowed variables and parameters, `table[i][j]`,
 * `+ - * / %` (`/` true division, `%` floored modulo), floor/abs/min/max(…),
 * `< <= > >= == !=` (`===`/`!==` read as ==/!=), `&&`/`and`, `||`/`or`, `!`/`not`, `c ? a : b`,
 * `true`/`false`, parentheses. `not` binds like `!` (tightly): write `not (k > q)`.
 * Errors: jsep syntax errors at jsep's index (an unclosed bracket at the bracket, a missing operand
 * at its operator); unknown names, functions and operators at the name; wrong arity and wrong
 * table ranks at the call or lookup; type errors ("'q - k' is a number; a mask must be true or
 * false …") at the offending sub-expression.
 * Example: `parseMaskExpression('k <= q && q - k < W', { variables: ['q', 'k'], parameters: { W: 4 } })`
 * → and(le(k, q), lt(sub(q, k), param('W', 4))).
 *
 * @param source the formula as typed.
 * @param allowed the names it may use.
 * @returns the tree, or the first error (code, values, English message) with its span in `source`.
 * @throws Error when `allowed` is inconsistent (a name used twice, or a reserved or invalid name,
 *   or a non-finite parameter value) — a programming error, not a user error.
 */
export function parseMaskExpression(source: string, allowed: ParseAllowed): MaskParseResult {
  assertAllowed(allowed);
  const formula = normalizeFormula(source);
  const result = parseAscii(formula.text, allowed);
  if (result.ok) return result;
  const { start, end, ...message } = result.error;
  return { ok: false, error: { ...message, ...spanInSource({ start, end }, formula, source) } };
}

/** parseMaskExpression on the normalised text; spans are offsets into `source` here. */
function parseAscii(source: string, allowed: ParseAllowed): MaskParseResult {
  if (/^[\s;,]*$/.test(source)) {
    return { ok: false, error: { ...formulaMessage('empty'), start: 0, end: source.length } };
  }
  const foreign = firstNonAscii(source);
  if (foreign) return { ok: false, error: { ...formulaMessage('nonAscii', { char: foreign.char }), ...foreign.span } };
  const parsed = parseWithSpans(source);
  if (!parsed.ok) return { ok: false, error: syntaxError(source, parsed) };
  const stray = strayText(source);
  if (stray) return { ok: false, error: stray };
  const context: ConvertContext = {
    source, allowed, spans: parsed.spans, grouped: parsed.grouped, exprSpans: new Map(),
  };
  let expr: MaskExpr;
  try {
    expr = convert(parsed.node, context);
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
    return { ok: false, error: { ...error.formula, ...error.span } };
  }
  const [typeError] = checkTypes(expr, { tables: allowed.tables ?? {} });
  if (!typeError) return { ok: true, expr };
  const span = spanAtPath(expr, typeError.path, context.exprSpans) ?? { start: 0, end: source.length };
  const { code, values, message } = typeError;
  return { ok: false, error: { ...(wordNotHint(expr, typeError.path, context) ?? { code, values, message }), ...span } };
}

/** `not k > q` reads as `(not k) > q`, as `!k > q` does: say so when that is the mistake. */
function wordNotHint(root: MaskExpr, path: readonly number[], context: ConvertContext): FormulaMessage | null {
  let parent: MaskExpr | undefined;
  let node: MaskExpr | undefined = root;
  for (const i of path) {
    parent = node;
    node = node ? children(node)[i] : undefined;
  }
  const span = parent ? context.exprSpans.get(parent) : undefined;
  if (parent?.kind !== 'not' || !span || !node || checkTypes(node, { expect: 'number' }).length > 0) return null;
  if (!/^not\s+[^\s(]/.test(context.source.slice(span.start))) return null;
  return formulaMessage('notWordNumber', { text: formatExpr(node) });
}

/** The span of the deepest node on the path that has one. */
function spanAtPath(root: MaskExpr, path: readonly number[], spans: Map<MaskExpr, Span>): Span | undefined {
  let node: MaskExpr | undefined = root;
  let best = spans.get(root);
  for (const i of path) {
    node = node ? children(node)[i] : undefined;
    const span = node ? spans.get(node) : undefined;
    if (span) best = span;
  }
  return best;
}

function assertAllowed(allowed: ParseAllowed): void {
  const names = [
    ...allowed.variables,
    ...Object.keys(allowed.parameters),
    ...Object.keys(allowed.tables ?? {}),
    ...MASK_FUNCTIONS,
    ...RESERVED,
  ];
  const problem = (message: string) => new Error(`parseMaskExpression: ${message}`);
  for (const v of allowed.variables) if (!MASK_VARIABLES.includes(v)) throw problem(`unknown variable '${v}'`);
  const seen = new Set<string>();
  for (const name of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw problem(`'${name}' is not a valid name`);
    if (seen.has(name)) throw problem(`the name '${name}' is used twice (variable, parameter, table, function or word)`);
    seen.add(name);
  }
  for (const [name, value] of Object.entries(allowed.parameters)) {
    if (!Number.isFinite(value)) throw problem(`parameter '${name}' must be a finite number, got ${value}`);
  }
}
