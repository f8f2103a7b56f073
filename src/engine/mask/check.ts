/**
 * Types of mask expressions: which nodes are numbers and which are truth values, and — for the
 * numbers — whether they are whole (int32) or fractional (float32). Both evaluation paths
 * (per cell in JS and compiled to tfjs) take their number kinds from here, so they agree.
 */
import {
  FUNCTION_ARITY,
  MASK_FUNCTIONS,
  MASK_VARIABLES,
  children,
  lt,
  type MaskExpr,
} from './expr';
import { formatExpr } from './format';
import { formulaMessage, tableRankError, type FormulaErrorCode, type FormulaMessage, type FormulaValues } from './errors';

/**
 * How a value is held: 'bool' (true/false), 'int' (int32, exact) or 'float' (float32).
 * Table cells are 'int' and read as true/false (≠ 0) where a truth value is needed.
 */
export type ValueKind = 'bool' | 'int' | 'float';

/**
 * One type error: what is wrong (code, values and English message, see errors.ts), and where
 * (child indices from the root, see `children`).
 */
export interface MaskTypeError extends FormulaMessage {
  path: number[];
  node: MaskExpr;
}

export interface CheckOptions {
  /** What the root must be; default 'boolean' (a mask); 'any' accepts a number too. */
  expect?: 'boolean' | 'number' | 'any';
  /** Known tables and their ranks; when given, unknown tables and wrong index counts are errors. */
  tables?: Readonly<Record<string, number>>;
}

/** Static type: a table cell ('cell') is an integer that may also be read as true/false. */
type Ty = 'number' | 'boolean' | 'cell';

const INT32_MAX = 2 ** 31 - 1;

/**
 * Checks that an expression is well typed.
 *
 * Rules: arithmetic, `< <= > >=`, function arguments and table indices need numbers; `&& || !`
 * and the test of `? :` need truth values; `==`/`!=` compare two numbers or two truth values;
 * both branches of `? :` have the same type; a table index must be whole (wrap `/` in `floor`);
 * floor and abs take 1 argument, min and max at least 2; literals and parameters are finite.
 * A table cell fits both a number and a truth-value position.
 *
 * @param expr the tree (an unknown node kind, e.g. from edited JSON, is reported as an error).
 * @param options `expect` (default 'boolean': a mask; 'number'; 'any') and optional table ranks.
 * @returns the errors, left to right and inner before outer (so the first is the most specific one
 *   nearest the start of a formula); empty when well typed. Never throws.
 */
export function checkTypes(expr: MaskExpr, options: CheckOptions = {}): MaskTypeError[] {
  const errors: MaskTypeError[] = [];
  const ty = typeOf(expr, [], errors, options.tables);
  const expect = options.expect ?? 'boolean';
  if (ty !== null && ty !== 'cell' && expect !== 'any' && ty !== expect) {
    const text = formatExpr(expr);
    const message = expect === 'boolean'
      ? formulaMessage('rootNotBoolean', { text, example: formatExpr(lt(expr, 4)) })
      : formulaMessage('rootNotNumber', { text });
    errors.push({ ...message, path: [], node: expr });
  }
  return errors.sort((a, b) => comparePostOrder(a.path, b.path));
}

/** Left to right; a descendant before its ancestor. */
function comparePostOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return b.length - a.length;
}

/**
 * Throws the first type error of `expr`, prefixed with the caller's name.
 * @param expect what the root must be (default 'boolean': a mask).
 * @throws Error `${where}: ${message}` when the expression is not well typed.
 */
export function assertTyped(expr: MaskExpr, where: string, expect: CheckOptions['expect'] = 'boolean'): void {
  const [first] = checkTypes(expr, { expect });
  if (first) throw new Error(`${where}: ${first.message}`);
}

const kindCache = new WeakMap<MaskExpr, ValueKind>();

/**
 * The value kind of a well-typed node (see ValueKind). Cached per node object: trees are immutable.
 * Rules: literals and parameters are 'int' when whole and within int32, else 'float'; variables,
 * table cells and floor(…) are 'int'; `/` is 'float'; `+ - * %`, abs, min, max are 'float' when any
 * operand is; comparisons and logic are 'bool'; `? :` is 'bool' when a branch is, else 'float' when
 * a branch is, else 'int'.
 */
export function valueKind(expr: MaskExpr): ValueKind {
  const cached = kindCache.get(expr);
  if (cached) return cached;
  const kind = computeKind(expr);
  kindCache.set(expr, kind);
  return kind;
}

function computeKind(expr: MaskExpr): ValueKind {
  const widest = (nodes: readonly MaskExpr[]): ValueKind => {
    const kinds = nodes.map(valueKind);
    if (kinds.includes('bool')) return 'bool';
    return kinds.includes('float') ? 'float' : 'int';
  };
  switch (expr.kind) {
    case 'number':
    case 'parameter':
      return Number.isInteger(expr.value) && Math.abs(expr.value) <= INT32_MAX ? 'int' : 'float';
    case 'variable':
    case 'lookup':
      return 'int';
    case 'arithmetic':
      return expr.op === '/' ? 'float' : widest([expr.left, expr.right]);
    case 'call':
      return expr.fn === 'floor' ? 'int' : widest(expr.args);
    case 'conditional':
      return widest([expr.then, expr.else]);
    case 'label':
      return valueKind(expr.expr);
    default:
      return 'bool';
  }
}

/**
 * True for `floor(a / b)` with whole a and b: it is computed as exact integer floor division
 * (tf.floorDiv, int32) rather than through a float32 quotient, which GPUs may round
 * (e.g. 8 / 4 → 1.9999999 → floor 1). By 0 it gives 0, like `/`.
 */
export function isIntegerFloorDivision(expr: MaskExpr): boolean {
  if (expr.kind !== 'call' || expr.fn !== 'floor' || expr.args.length !== 1) return false;
  const [arg] = expr.args;
  return arg?.kind === 'arithmetic' && arg.op === '/' &&
    valueKind(arg.left) === 'int' && valueKind(arg.right) === 'int';
}

type TableRanks = Readonly<Record<string, number>> | undefined;

/** The static type of a node, recording errors; null when the node is too broken to type. */
function typeOf(expr: MaskExpr, path: number[], errors: MaskTypeError[], tables: TableRanks): Ty | null {
  const kids = children(expr).map((child, i) => typeOf(child, [...path, i], errors, tables));
  const fail: Fail = (code, values = {}) => {
    errors.push({ ...formulaMessage(code, values), path, node: expr });
    return null;
  };
  const need = (i: number, want: 'number' | 'boolean', where: string): void => {
    const got = kids[i];
    const child = children(expr)[i];
    if (got === null || got === undefined || got === 'cell' || got === want || !child) return;
    errors.push({ ...mismatch(child, want, where), path: [...path, i], node: child });
  };
  const failAt = (i: number, code: FormulaErrorCode, values: FormulaValues): void => {
    const child = children(expr)[i];
    if (child) errors.push({ ...formulaMessage(code, values), path: [...path, i], node: child });
  };
  switch (expr.kind) {
    case 'number':
    case 'parameter':
      return Number.isFinite(expr.value) ? 'number' : fail('notFinite', { text: formatExpr(expr) });
    case 'boolean':
      return 'boolean';
    case 'variable':
      return MASK_VARIABLES.includes(expr.name) ? 'number' : fail('unknownVariable', { name: String(expr.name) });
    case 'arithmetic':
      return checkArithmetic(expr.op, need);
    case 'compare':
      return checkCompare(expr, kids, need, fail);
    case 'call':
      return checkCall(expr, kids.length, need, fail);
    case 'logical':
      kids.forEach((_, i) => need(i, 'boolean', expr.op === 'and' ? '&&' : '||'));
      return 'boolean';
    case 'not':
      need(0, 'boolean', '!');
      return 'boolean';
    case 'conditional':
      return checkConditional(expr, kids, need, fail);
    case 'lookup':
      return checkLookup(expr, kids, { need, fail, failAt }, tables);
    case 'label':
      return kids[0] ?? null;
    default:
      return fail('unknownNodeKind', { kind: String((expr as { kind?: unknown }).kind) });
  }
}

type Need = (i: number, want: 'number' | 'boolean', where: string) => void;
type Fail = (code: FormulaErrorCode, values?: FormulaValues) => null;

function mismatch(child: MaskExpr, want: 'number' | 'boolean', where: string): FormulaMessage {
  const text = formatExpr(child);
  if (want === 'number') return formulaMessage('needsNumber', { text, where });
  return formulaMessage('needsBoolean', { text, where, example: formatExpr(lt(child, 4)) });
}

function checkArithmetic(op: string, need: Need): Ty {
  need(0, 'number', op);
  need(1, 'number', op);
  return 'number';
}

function checkCompare(expr: Extract<MaskExpr, { kind: 'compare' }>, kids: (Ty | null)[], need: Need, fail: Fail): Ty | null {
  if (expr.op !== '==' && expr.op !== '!=') {
    need(0, 'number', expr.op);
    need(1, 'number', expr.op);
    return 'boolean';
  }
  const [l, r] = kids;
  if (l && r && l !== 'cell' && r !== 'cell' && l !== r) {
    const code = l === 'number' ? 'compareNumberBoolean' : 'compareBooleanNumber';
    return fail(code, { left: formatExpr(expr.left), right: formatExpr(expr.right), op: expr.op });
  }
  return 'boolean';
}

function checkCall(expr: Extract<MaskExpr, { kind: 'call' }>, count: number, need: Need, fail: Fail): Ty | null {
  if (!MASK_FUNCTIONS.includes(expr.fn)) {
    return fail('unknownFunction', { name: String(expr.fn), functions: MASK_FUNCTIONS.join(', ') });
  }
  const [least, most] = FUNCTION_ARITY[expr.fn];
  if (count < least || count > most) {
    const code = least !== most ? 'arityAtLeast' : least === 1 ? 'arityOne' : 'arityExact';
    return fail(code, { fn: expr.fn, wanted: least, got: count });
  }
  for (let i = 0; i < count; i++) need(i, 'number', expr.fn);
  return 'number';
}

function checkConditional(expr: Extract<MaskExpr, { kind: 'conditional' }>, kids: (Ty | null)[], need: Need, fail: Fail): Ty | null {
  need(0, 'boolean', '? :');
  const [, a, b] = kids;
  if (!a || !b) return null;
  if (a === 'cell') return b;
  if (b === 'cell' || a === b) return a;
  const code = a === 'number' ? 'branchesNumberBoolean' : 'branchesBooleanNumber';
  return fail(code, { then: formatExpr(expr.then), else: formatExpr(expr.else) });
}

function checkLookup(
  expr: Extract<MaskExpr, { kind: 'lookup' }>,
  kids: (Ty | null)[],
  report: { need: Need; fail: Fail; failAt: (i: number, code: FormulaErrorCode, values: FormulaValues) => void },
  tables: TableRanks,
): Ty | null {
  expr.indices.forEach((index, i) => {
    report.need(i, 'number', `${expr.table}[…]`);
    if (kids[i] !== 'boolean' && valueKind(index) === 'float') {
      report.failAt(i, 'fractionIndex', { text: formatExpr(index) });
    }
  });
  if (tables) {
    const rank = tables[expr.table];
    if (rank === undefined) return report.fail('unknownTable', { name: expr.table });
    if (rank !== expr.indices.length) return report.fail(...tableRankError(expr.table, rank, expr.indices.length));
  }
  return 'cell';
}
