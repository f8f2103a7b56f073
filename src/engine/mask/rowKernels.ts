/**
 * Vectorised node kernels for `compileMaskRows` (rows.ts): the value of one node at every key of a
 * query row, from its operands' values. Each kernel applies the per-element definitions of
 * `semantics.ts` (arithmeticValue, floorDivide, functionValue, compareValues, truthy, asNumber,
 * readTable) in a loop over k. The hottest ones, comparisons of two ints and and/or, run plain
 * loops with the operator chosen once per row — what those definitions reduce to for such operands.
 * The property tests in tests/unit/mask-rows.test.ts check every kernel against evaluateMaskGrid.
 *
 * Numbers are held in Float64Arrays (int32 and float32 values are exact in a float64, and the
 * semantics functions apply the int32 / float32 rules), truth values in Uint8Arrays as 0/1.
 */
import { isIntegerFloorDivision, type ValueKind } from './check';
import type { CompareOp, MaskExpr } from './expr';
import { arithmeticValue, asNumber, compareValues, floorDivide, functionValue, truthy, type NodePlan } from './semantics';
import { readTable } from './tables';

/**
 * The values of one node in the current row: a scalar (data of length 1, `at` = 0) or one value
 * per key (data of length Lk, `at` = -1). The value at key i is `data[i & at]`.
 */
export interface RowValue {
  readonly data: NodeData;
  readonly at: 0 | -1;
}

/** Numbers (Float64Array) or truth values as 0/1 (Uint8Array, for 'bool' nodes). */
export type NodeData = Float64Array | Uint8Array;

/** Fills `out` [n] with the node's value at keys 0..n-1. */
export type Kernel = (out: NodeData, n: number) => void;

/**
 * The kernel of a node that depends on k.
 * @param plan the node's plan (semantics.planNode); its table, for a lookup, must be present.
 * @param operands the values of `operandsOf(plan.expr)`, in order; at least one is per key.
 * @throws Error for a variable other than k or a label (both are handled by the caller).
 */
export function vectorKernel(plan: NodePlan, operands: readonly RowValue[]): Kernel {
  const { expr, kind, operandKinds } = plan;
  switch (expr.kind) {
    case 'variable':
      if (expr.name !== 'k') break;
      return (out, n) => { for (let i = 0; i < n; i++) out[i] = i; };
    case 'arithmetic':
      return arithmeticKernel(expr.op, kind, operands);
    case 'call':
      return callKernel(expr, kind, operandKinds, operands);
    case 'compare':
      return compareKernel(expr.op, operandKinds, operands);
    case 'logical':
      return logicalKernel(expr.op, operands);
    case 'not':
      return notKernel(operands);
    case 'conditional':
      return conditionalKernel(kind, operands);
    case 'lookup':
      return lookupKernel(expr.table, plan, operands);
    default:
      break;
  }
  throw new Error(`compileMaskRows: no per-key kernel for a '${expr.kind}' node`);
}

const operand = (operands: readonly RowValue[], i: number): RowValue => operands[i] ?? SCALAR_ZERO;
const SCALAR_ZERO: RowValue = { data: new Float64Array(1), at: 0 };

function arithmeticKernel(op: Extract<MaskExpr, { kind: 'arithmetic' }>['op'], kind: ValueKind, operands: readonly RowValue[]): Kernel {
  const { data: x, at: xa } = operand(operands, 0);
  const { data: y, at: ya } = operand(operands, 1);
  return (out, n) => {
    for (let i = 0; i < n; i++) out[i] = arithmeticValue(op, x[i & xa] as number, y[i & ya] as number, kind);
  };
}

function callKernel(
  expr: Extract<MaskExpr, { kind: 'call' }>,
  kind: ValueKind,
  operandKinds: readonly ValueKind[],
  operands: readonly RowValue[],
): Kernel {
  if (isIntegerFloorDivision(expr)) {
    const { data: x, at: xa } = operand(operands, 0);
    const { data: y, at: ya } = operand(operands, 1);
    return (out, n) => {
      for (let i = 0; i < n; i++) out[i] = floorDivide(x[i & xa] as number, y[i & ya] as number);
    };
  }
  const argKind: ValueKind = operandKinds.includes('float') ? 'float' : 'int';
  const args = new Array<number>(operands.length).fill(0);
  return (out, n) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < operands.length; j++) {
        const { data, at } = operands[j] as RowValue;
        args[j] = asNumber(data[i & at] as number, argKind);
      }
      out[i] = functionValue(expr.fn, args, kind);
    }
  };
}

/**
 * `a op b`. compareValues decides how operands are read (truth values when either is a boolean,
 * float32 when either is a float); with two int operands it is the plain comparison, which the
 * loop does directly, with the operator chosen once.
 */
function compareKernel(op: CompareOp, kinds: readonly ValueKind[], operands: readonly RowValue[]): Kernel {
  const { data: x, at: xa } = operand(operands, 0);
  const { data: y, at: ya } = operand(operands, 1);
  if (kinds.some((kind) => kind !== 'int')) {
    return (out, n) => {
      for (let i = 0; i < n; i++) out[i] = compareValues(op, x[i & xa] as number, y[i & ya] as number, kinds) ? 1 : 0;
    };
  }
  return (out, n) => compareInts(op, x, xa, y, ya, out, n);
}

/** `a op b` ⇔ `b FLIPPED[op] a`. */
const FLIPPED: Readonly<Record<CompareOp, CompareOp>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/** Two int operands, at least one per key: the scalar (if any) is read once, on the right. */
function compareInts(op: CompareOp, x: NodeData, xa: number, y: NodeData, ya: number, out: NodeData, n: number): void {
  if (xa === 0 && ya !== 0) compareToScalar(FLIPPED[op], y, x[0] as number, out, n);
  else if (ya === 0) compareToScalar(op, x, y[0] as number, out, n);
  else compareVectors(op, x, y, out, n);
}

function compareToScalar(op: CompareOp, x: NodeData, s: number, out: NodeData, n: number): void {
  switch (op) {
    case '<': for (let i = 0; i < n; i++) out[i] = (x[i] as number) < s ? 1 : 0; break;
    case '<=': for (let i = 0; i < n; i++) out[i] = (x[i] as number) <= s ? 1 : 0; break;
    case '>': for (let i = 0; i < n; i++) out[i] = (x[i] as number) > s ? 1 : 0; break;
    case '>=': for (let i = 0; i < n; i++) out[i] = (x[i] as number) >= s ? 1 : 0; break;
    case '==': for (let i = 0; i < n; i++) out[i] = (x[i] as number) === s ? 1 : 0; break;
    case '!=': for (let i = 0; i < n; i++) out[i] = (x[i] as number) !== s ? 1 : 0; break;
  }
}

function compareVectors(op: CompareOp, x: NodeData, y: NodeData, out: NodeData, n: number): void {
  switch (op) {
    case '<': for (let i = 0; i < n; i++) out[i] = (x[i] as number) < (y[i] as number) ? 1 : 0; break;
    case '<=': for (let i = 0; i < n; i++) out[i] = (x[i] as number) <= (y[i] as number) ? 1 : 0; break;
    case '>': for (let i = 0; i < n; i++) out[i] = (x[i] as number) > (y[i] as number) ? 1 : 0; break;
    case '>=': for (let i = 0; i < n; i++) out[i] = (x[i] as number) >= (y[i] as number) ? 1 : 0; break;
    case '==': for (let i = 0; i < n; i++) out[i] = (x[i] as number) === (y[i] as number) ? 1 : 0; break;
    case '!=': for (let i = 0; i < n; i++) out[i] = (x[i] as number) !== (y[i] as number) ? 1 : 0; break;
  }
}

/**
 * n-ary and / or: the scalar operands are combined once; when they decide the row (a false for
 * `and`, a true for `or`) it is filled without reading the per-key operands. The per-key operands
 * are combined two at a time (semantics: every / some of the truth values).
 */
function logicalKernel(op: 'and' | 'or', operands: readonly RowValue[]): Kernel {
  const isAnd = op === 'and';
  const scalars = operands.filter((o) => o.at === 0).map((o) => o.data);
  const vectors = operands.filter((o) => o.at === -1).map((o) => o.data);
  return (out, n) => {
    for (const s of scalars) {
      if (truthy(s[0] as number) !== isAnd) {
        out.fill(isAnd ? 0 : 1, 0, n);
        return;
      }
    }
    let acc = vectors[0] ?? out;
    for (let j = 1; j < vectors.length; j++) {
      combine(isAnd, acc, vectors[j] as NodeData, out, n);
      acc = out;
    }
    if (vectors.length === 1) for (let i = 0; i < n; i++) out[i] = truthy(acc[i] as number) ? 1 : 0;
  };
}

/** out[i] = x[i] && y[i] (isAnd) or x[i] || y[i], as 0/1. */
function combine(isAnd: boolean, x: NodeData, y: NodeData, out: NodeData, n: number): void {
  if (isAnd) for (let i = 0; i < n; i++) out[i] = truthy(x[i] as number) && truthy(y[i] as number) ? 1 : 0;
  else for (let i = 0; i < n; i++) out[i] = truthy(x[i] as number) || truthy(y[i] as number) ? 1 : 0;
}

function notKernel(operands: readonly RowValue[]): Kernel {
  const { data: x, at: xa } = operand(operands, 0);
  return (out, n) => {
    for (let i = 0; i < n; i++) out[i] = truthy(x[i & xa] as number) ? 0 : 1;
  };
}

/** `test ? then : else`, the chosen branch held as the node's kind (semantics' branchValue). */
function conditionalKernel(kind: ValueKind, operands: readonly RowValue[]): Kernel {
  const { data: t, at: ta } = operand(operands, 0);
  const { data: a, at: aa } = operand(operands, 1);
  const { data: b, at: ba } = operand(operands, 2);
  return (out, n) => {
    for (let i = 0; i < n; i++) {
      const v = truthy(t[i & ta] as number) ? (a[i & aa] as number) : (b[i & ba] as number);
      out[i] = kind === 'bool' ? Number(truthy(v)) : asNumber(v, kind);
    }
  };
}

/** `table[i0][i1]…` at every key, through readTable (an index outside the table reads 0). */
function lookupKernel(name: string, plan: NodePlan, operands: readonly RowValue[]): Kernel {
  const { table, operandKinds } = plan;
  if (!table) throw new Error(`compileMaskRows: table '${name}' was not supplied`);
  const indices = new Array<number>(operands.length).fill(0);
  return (out, n) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < operands.length; j++) {
        const { data, at } = operands[j] as RowValue;
        indices[j] = asNumber(data[i & at] as number, operandKinds[j] ?? 'int');
      }
      out[i] = readTable(table, indices);
    }
  };
}
