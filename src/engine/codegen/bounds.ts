/**
 * Interval bounds of whole-number mask expressions over a grid [B,H,Lq,Lk], so code export can
 * tell when a table index is certainly inside the table (plain indexing `docId[b, q]`) and when a
 * divisor is certainly non-zero (plain `a // b`, no guard).
 */
import type { MaskShape } from '../mask/cell';
import { isIntegerFloorDivision, valueKind } from '../mask/check';
import type { MaskExpr } from '../mask/expr';
import type { MaskTables } from '../mask/tables';

/** Inclusive [lowest, highest] of an integer expression over every cell. */
export type Interval = readonly [number, number];

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Bounds of an integer ('int' kind) expression over every cell of the grid, or null when unknown
 * (a float or boolean node, or an operator this analysis does not follow).
 *
 * Rule: interval arithmetic — variables b, h, q, k range over [0, size − 1], Lq and Lk and
 * whole literals and parameters are exact, `+ − ×` combine endpoints, `a % c` with a constant
 * c > 0 lies in [0, c − 1] (c < 0: [c + 1, 0]), `floor(a / c)` with a constant c ≠ 0 maps the
 * endpoints, abs/min/max and `? :` combine their operands, a table cell lies between 0 (outside the
 * table) and the table's extreme values. Bounds leaving int32 give null (the core wraps there).
 * Example: `q + Lk − Lq` with Lq = 4, Lk = 2 → [−2, 1].
 *
 * @param shape the grid sizes.
 * @param tables the tables lookups read (for their value range); a missing table gives null.
 */
export function intBounds(expr: MaskExpr, shape: MaskShape, tables: MaskTables): Interval | null {
  const result = rawBounds(expr, shape, tables);
  if (!result) return null;
  const [lo, hi] = result;
  return lo < INT32_MIN || hi > INT32_MAX ? null : result;
}

function rawBounds(expr: MaskExpr, shape: MaskShape, tables: MaskTables): Interval | null {
  if (valueKind(expr) !== 'int') return null;
  const of = (e: MaskExpr | undefined) => (e ? intBounds(e, shape, tables) : null);
  switch (expr.kind) {
    case 'number':
    case 'parameter':
      return [expr.value, expr.value];
    case 'variable':
      return variableBounds(expr.name, shape);
    case 'label':
      return of(expr.expr);
    case 'arithmetic': {
      const a = of(expr.left);
      const b = of(expr.right);
      if (!a || !b) return null;
      return arithmeticBounds(expr.op, a, b);
    }
    case 'call':
      return callBounds(expr, shape, tables);
    case 'conditional': {
      const a = of(expr.then);
      const b = of(expr.else);
      return a && b ? [Math.min(a[0], b[0]), Math.max(a[1], b[1])] : null;
    }
    case 'lookup': {
      const table = tables[expr.table];
      if (!table) return null;
      let lo = 0;
      let hi = 0;
      for (const v of table.data) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      return [lo, hi];
    }
    default:
      return null;
  }
}

function variableBounds(name: string, shape: MaskShape): Interval {
  switch (name) {
    case 'b': return [0, shape.batch - 1];
    case 'h': return [0, shape.heads - 1];
    case 'q': return [0, shape.queryLength - 1];
    case 'k': return [0, shape.keyLength - 1];
    case 'Lq': return [shape.queryLength, shape.queryLength];
    default: return [shape.keyLength, shape.keyLength];
  }
}

function arithmeticBounds(op: string, [a0, a1]: Interval, [b0, b1]: Interval): Interval | null {
  switch (op) {
    case '+': return [a0 + b0, a1 + b1];
    case '-': return [a0 - b1, a1 - b0];
    case '*': {
      const products = [a0 * b0, a0 * b1, a1 * b0, a1 * b1];
      return [Math.min(...products), Math.max(...products)];
    }
    case '%':
      if (b0 !== b1 || b0 === 0) return null;
      return b0 > 0 ? [0, b0 - 1] : [b0 + 1, 0];
    default:
      return null;
  }
}

function callBounds(expr: Extract<MaskExpr, { kind: 'call' }>, shape: MaskShape, tables: MaskTables): Interval | null {
  const [first] = expr.args;
  if (isIntegerFloorDivision(expr) && first?.kind === 'arithmetic') {
    const a = intBounds(first.left, shape, tables);
    const c = intBounds(first.right, shape, tables);
    if (!a || !c || c[0] !== c[1] || c[0] === 0) return null;
    const ends = [Math.floor(a[0] / c[0]), Math.floor(a[1] / c[0])];
    return [Math.min(...ends), Math.max(...ends)];
  }
  const args = expr.args.map((arg) => intBounds(arg, shape, tables));
  if (args.some((a) => a === null)) return null;
  const known = args as Interval[];
  switch (expr.fn) {
    case 'floor':
      return known[0] ?? null;
    case 'abs': {
      const [lo, hi] = known[0] ?? [0, 0];
      if (lo >= 0) return [lo, hi];
      if (hi <= 0) return [-hi, -lo];
      return [0, Math.max(-lo, hi)];
    }
    case 'min':
      return [Math.min(...known.map((a) => a[0])), Math.min(...known.map((a) => a[1]))];
    case 'max':
      return [Math.max(...known.map((a) => a[0])), Math.max(...known.map((a) => a[1]))];
  }
}

/** True when the interval is known and excludes 0. */
export function excludesZero(interval: Interval | null): boolean {
  return interval !== null && (interval[0] > 0 || interval[1] < 0);
}
