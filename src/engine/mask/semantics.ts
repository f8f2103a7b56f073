/**
 * The value of one node at one cell, given the values of its operands — the single definition of
 * what every operator means, used by `evaluate.ts` and `explain.ts` and mirrored op for op by
 * `compile.ts` (which the property test checks cell by cell).
 *
 * Numerical rules (the compiled tfjs path has the same ones):
 * - 'int' values are int32: `+ - *` wrap like an Int32Array store (`x | 0`).
 * - 'float' values are float32: every operand and result is rounded with Math.fround.
 * - `/` is true division (float32); `x / 0` is 0.
 * - `%` is floored modulo (Python / PyTorch `torch.remainder`: the sign of the divisor, so
 *   -1 % 4 = 3 and 1 % -4 = -3); `x % 0` is 0. Integers: a − b·floorDiv(a, b).
 * - `floor(a / b)` with whole a, b is exact integer floor division.
 * - floor returns an int32 (ToInt32 of the floored float, as tfjs's cast does).
 * - A table cell or a number reads as true when ≠ 0; in `==`/`!=` against a truth value both sides
 *   are read as truth values; `<`-style comparisons of an int and a float compare as float32.
 * The two paths agree exactly while every intermediate value stays within ±2^24 (where int32 and
 * float32 both hold whole numbers exactly).
 */
import { children, type ArithmeticOp, type CompareOp, type MaskExpr, type MaskFunction, type MaskVariable } from './expr';
import { isIntegerFloorDivision, valueKind, type ValueKind } from './check';
import { readTable, type MaskTable, type MaskTables } from './tables';

export type CellValue = number | boolean;

/** Where a cell is: its indices and the two lengths. */
export type CellEnv = Readonly<Record<MaskVariable, number>>;

/** What `nodeValue` needs besides operand values, computed once per node. */
export interface NodePlan {
  expr: MaskExpr;
  kind: ValueKind;
  operandKinds: ValueKind[];
  /** The table of a lookup node, else null. */
  table: MaskTable | null;
}

/** True when ≠ 0 (numbers) or true (booleans). */
export function truthy(v: CellValue): boolean {
  return typeof v === 'boolean' ? v : v !== 0;
}

/** A value held as `kind`: booleans as 0/1, floats rounded to float32. */
export function asNumber(v: CellValue, kind: ValueKind): number {
  const n = typeof v === 'boolean' ? Number(v) : v;
  return kind === 'float' ? Math.fround(n) : n;
}

/** Integer floor division, 0 when b = 0 (tf.floorDiv: Math.floor(a / b), stored as int32). */
export function floorDivide(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b) | 0;
}

/** tfjs's float `mod` kernel (floored): the remainder, moved to the divisor's sign. */
function flooredFloatMod(a: number, b: number): number {
  const rem = a % b;
  return (a < 0 && b < 0) || (a >= 0 && b >= 0) ? rem : (rem + b) % b;
}

/** `a op b` in the node's kind. */
export function arithmeticValue(op: ArithmeticOp, a: number, b: number, kind: ValueKind): number {
  if (kind === 'float') return floatArithmetic(op, Math.fround(a), Math.fround(b));
  switch (op) {
    case '+':
      return (a + b) | 0;
    case '-':
      return (a - b) | 0;
    case '*':
      return (a * b) | 0;
    case '%':
      return b === 0 ? 0 : (a - ((b * floorDivide(a, b)) | 0)) | 0;
    case '/':
      return floatArithmetic(op, Math.fround(a), Math.fround(b));
  }
}

function floatArithmetic(op: ArithmeticOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return Math.fround(a + b);
    case '-':
      return Math.fround(a - b);
    case '*':
      return Math.fround(a * b);
    case '/':
      return b === 0 ? 0 : Math.fround(a / b);
    case '%':
      return b === 0 ? 0 : Math.fround(flooredFloatMod(a, b));
  }
}

/** floor / abs / min / max of operands already held in the node's kind. */
export function functionValue(fn: MaskFunction, args: readonly number[], kind: ValueKind): number {
  const [first = 0] = args;
  switch (fn) {
    case 'floor':
      return Math.floor(first) | 0;
    case 'abs':
      return kind === 'int' ? Math.abs(first) | 0 : Math.abs(first);
    case 'min':
      return args.reduce((a, b) => Math.min(a, b));
    case 'max':
      return args.reduce((a, b) => Math.max(a, b));
  }
}

/** `a op b`; kinds say how to read them (see the module rules). */
export function compareValues(op: CompareOp, a: CellValue, b: CellValue, kinds: readonly ValueKind[]): boolean {
  let x: number;
  let y: number;
  if (kinds.includes('bool')) {
    x = Number(truthy(a));
    y = Number(truthy(b));
  } else {
    const common = kinds.includes('float') ? 'float' : 'int';
    x = asNumber(a, common);
    y = asNumber(b, common);
  }
  switch (op) {
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
    case '==': return x === y;
    case '!=': return x !== y;
  }
}

/**
 * The operands a node's value is computed from: its children, except for integer floor
 * division `floor(a / b)`, whose operands are a and b.
 */
export function operandsOf(expr: MaskExpr): readonly MaskExpr[] {
  if (isIntegerFloorDivision(expr) && expr.kind === 'call' && expr.args[0]?.kind === 'arithmetic') {
    return [expr.args[0].left, expr.args[0].right];
  }
  return children(expr);
}

/** The plan of one (well-typed) node; `tables` must hold its table (see assertTables). */
export function planNode(expr: MaskExpr, tables: MaskTables): NodePlan {
  return {
    expr,
    kind: valueKind(expr),
    operandKinds: operandsOf(expr).map(valueKind),
    table: expr.kind === 'lookup' ? (tables[expr.table] ?? null) : null,
  };
}

/**
 * The value of a node at a cell.
 * @param values the values of `operandsOf(plan.expr)`, in order.
 */
export function nodeValue(plan: NodePlan, values: readonly CellValue[], env: CellEnv): CellValue {
  const { expr, kind, operandKinds } = plan;
  const operand = (i: number, as: ValueKind = operandKinds[i] ?? 'int') => asNumber(values[i] ?? 0, as);
  switch (expr.kind) {
    case 'number':
    case 'parameter':
      return asNumber(expr.value, kind);
    case 'boolean':
      return expr.value;
    case 'variable':
      return env[expr.name];
    case 'arithmetic':
      return arithmeticValue(expr.op, operand(0, kind), operand(1, kind), kind);
    case 'call':
      return callValue(plan, values);
    case 'compare':
      return compareValues(expr.op, values[0] ?? 0, values[1] ?? 0, operandKinds);
    case 'logical':
      return expr.op === 'and' ? values.every(truthy) : values.some(truthy);
    case 'not':
      return !truthy(values[0] ?? false);
    case 'conditional':
      return branchValue(truthy(values[0] ?? false) ? values[1] : values[2], kind);
    case 'lookup':
      return plan.table ? readTable(plan.table, values.map((_, i) => operand(i))) : 0;
    case 'label':
      return values[0] ?? false;
  }
}

function callValue(plan: NodePlan, values: readonly CellValue[]): number {
  const { expr, kind, operandKinds } = plan;
  if (expr.kind !== 'call') return 0;
  if (isIntegerFloorDivision(expr)) return floorDivide(asNumber(values[0] ?? 0, 'int'), asNumber(values[1] ?? 0, 'int'));
  const argKind = operandKinds.includes('float') ? 'float' : 'int';
  return functionValue(expr.fn, values.map((v) => asNumber(v, argKind)), kind);
}

function branchValue(v: CellValue | undefined, kind: ValueKind): CellValue {
  if (kind === 'bool') return truthy(v ?? false);
  return asNumber(v ?? 0, kind);
}
