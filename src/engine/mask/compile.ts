/**
 * Mask expressions compiled to tfjs ops over index grids, so the backend (WebGL on the GPU)
 * builds the whole mask: q → range [1,1,Lq,1], k → [1,1,1,Lk], b → [B,1,1,1], h → [1,H,1,1],
 * and every operator broadcasts. Mirrors `semantics.ts` op for op; a property test checks that the
 * result equals `evaluateMaskGrid` cell for cell.
 */
import * as tf from '@tensorflow/tfjs-core';
import { assertShape, type MaskShape } from './cell';
import { assertTyped, isIntegerFloorDivision, valueKind, type ValueKind } from './check';
import type { ArithmeticOp, CompareOp, MaskExpr, MaskVariable } from './expr';
import { assertTables, strides, type MaskTables } from './tables';

/** A compiled node: a rank-4 tensor (bool, int32 or float32) and the kind it holds. */
interface Compiled {
  t: tf.Tensor;
  kind: ValueKind;
}

interface CompileContext {
  shape: MaskShape;
  tables: MaskTables;
  tableTensors: Map<string, tf.Tensor1D>;
}

/**
 * The mask as a bool tensor, true = the query may attend the key.
 *
 * Rule: the operators of `semantics.ts`, built with tfjs ops — int32 where exact, float32 for `/`;
 * `%` on whole numbers is a − b·floorDiv(a, b) and `floor(a / b)` is tf.floorDiv (exact on every
 * backend; GLSL's float `mod` may return b for mod(b, b)); `%` on floats is tf.mod (floored, like
 * Python); `x / 0` and `x % 0` are 0; a lookup gathers from the flattened table at
 * Σ index·stride (int32), reading 0 outside the table.
 * Example: `k <= q` with Lq = 2, Lk = 3 → [1,1,2,3] [[1,0,0],[1,1,0]].
 *
 * @param expr a mask (boolean root), e.g. from a preset or `parseMaskExpression`.
 * @param shape batch B, heads H, queryLength Lq, keyLength Lk (integers ≥ 1).
 * @param tables tables read by lookup nodes, e.g. `keyIsReal` [B, Lk] as a Uint8Array.
 * @returns bool [B|1, H|1, Lq, Lk]: the batch and head dimensions are 1 when the mask does not
 *   depend on them, so it broadcasts to [B,H,Lq,Lk]. Built inside tf.tidy; the caller owns (and
 *   disposes) the returned tensor.
 * @throws Error, before creating any tensor, when a size is not an integer ≥ 1, the expression is
 *   not a well-typed mask, or a table is missing or malformed.
 * Source: PyTorch FlexAttention `create_mask(mask_mod, B, H, Q_LEN, KV_LEN)` (vmap over index grids).
 */
export function compileMask(expr: MaskExpr, shape: MaskShape, tables: MaskTables = {}): tf.Tensor4D {
  assertShape(shape, 'compileMask');
  assertTyped(expr, 'compileMask');
  assertTables(expr, tables, 'compileMask');
  return tf.tidy(() => {
    const context: CompileContext = { shape, tables, tableTensors: new Map() };
    const root = toBool(build(expr, context));
    const [batch = 1, heads = 1] = root.shape;
    return tf.broadcastTo(root, [batch, heads, shape.queryLength, shape.keyLength]) as tf.Tensor4D;
  });
}

function build(expr: MaskExpr, context: CompileContext): Compiled {
  const kind = valueKind(expr);
  switch (expr.kind) {
    case 'number':
    case 'parameter':
      return { t: constant(expr.value, kind), kind };
    case 'boolean':
      return { t: constant(expr.value ? 1 : 0, 'bool'), kind };
    case 'variable':
      return { t: variableGrid(expr.name, context.shape), kind };
    case 'arithmetic':
      return { t: arithmetic(expr.op, build(expr.left, context), build(expr.right, context), kind), kind };
    case 'call':
      return { t: callTensor(expr, context), kind };
    case 'compare':
      return { t: compare(expr.op, build(expr.left, context), build(expr.right, context)), kind };
    case 'logical':
      return { t: logical(expr.op, expr.args.map((a) => toBool(build(a, context)))), kind };
    case 'not':
      return { t: tf.logicalNot(toBool(build(expr.arg, context))), kind };
    case 'conditional':
      return { t: conditional(expr, context, kind), kind };
    case 'lookup':
      return { t: lookupTensor(expr, context), kind };
    case 'label':
      return build(expr.expr, context);
  }
}

const dtypeOf = (kind: ValueKind): 'bool' | 'int32' | 'float32' =>
  kind === 'bool' ? 'bool' : kind === 'int' ? 'int32' : 'float32';

/** A [1,1,1,1] constant (float32 constants are rounded to float32 by the tensor's storage). */
function constant(value: number, kind: ValueKind): tf.Tensor {
  return tf.tensor4d([value], [1, 1, 1, 1], dtypeOf(kind));
}

function variableGrid(name: MaskVariable, shape: MaskShape): tf.Tensor {
  const range = (n: number, dims: [number, number, number, number]) =>
    tf.reshape(tf.range(0, n, 1, 'int32'), dims);
  switch (name) {
    case 'q': return range(shape.queryLength, [1, 1, shape.queryLength, 1]);
    case 'k': return range(shape.keyLength, [1, 1, 1, shape.keyLength]);
    case 'b': return range(shape.batch, [shape.batch, 1, 1, 1]);
    case 'h': return range(shape.heads, [1, shape.heads, 1, 1]);
    case 'Lq': return constant(shape.queryLength, 'int');
    case 'Lk': return constant(shape.keyLength, 'int');
  }
}

/** A value as bool: table cells and numbers are true when ≠ 0. */
function toBool(c: Compiled): tf.Tensor {
  return c.kind === 'bool' ? c.t : tf.notEqual(c.t, tf.zerosLike(c.t));
}

/** A value held as an int32 or float32 tensor (booleans as 0/1). */
function toNumber(c: Compiled, kind: 'int' | 'float'): tf.Tensor {
  const dtype = dtypeOf(kind);
  return c.t.dtype === dtype ? c.t : tf.cast(c.t, dtype);
}

/** `op(a, b)` where b = 0 gives 0 (division and modulo by zero). */
function guardZero(b: tf.Tensor, op: (safeB: tf.Tensor) => tf.Tensor): tf.Tensor {
  const isZero = tf.equal(b, tf.zerosLike(b));
  const result = op(tf.where(isZero, tf.onesLike(b), b));
  return tf.where(isZero, tf.zerosLike(result), result);
}

function floorDivide(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return guardZero(b, (safe) => tf.floorDiv(a, safe));
}

function arithmetic(op: ArithmeticOp, left: Compiled, right: Compiled, kind: ValueKind): tf.Tensor {
  const numeric = kind === 'float' ? 'float' : 'int';
  const a = toNumber(left, numeric);
  const b = toNumber(right, numeric);
  switch (op) {
    case '+': return tf.add(a, b);
    case '-': return tf.sub(a, b);
    case '*': return tf.mul(a, b);
    case '/': return guardZero(b, (safe) => tf.div(a, safe));
    case '%':
      if (numeric === 'float') return guardZero(b, (safe) => tf.mod(a, safe));
      return guardZero(b, (safe) => tf.sub(a, tf.mul(safe, tf.floorDiv(a, safe))));
  }
}

function callTensor(expr: Extract<MaskExpr, { kind: 'call' }>, context: CompileContext): tf.Tensor {
  const [first] = expr.args;
  if (isIntegerFloorDivision(expr) && first?.kind === 'arithmetic') {
    return floorDivide(toNumber(build(first.left, context), 'int'), toNumber(build(first.right, context), 'int'));
  }
  const args = expr.args.map((a) => build(a, context));
  const argKind = args.some((a) => a.kind === 'float') ? 'float' : 'int';
  const values = args.map((a) => toNumber(a, argKind));
  const [x] = values;
  if (!x) throw new Error(`compileMask: '${expr.fn}' has no argument`);
  switch (expr.fn) {
    case 'floor': return argKind === 'int' ? x : tf.cast(tf.floor(x), 'int32');
    case 'abs': return tf.abs(x);
    case 'min': return values.reduce((m, v) => tf.minimum(m, v));
    case 'max': return values.reduce((m, v) => tf.maximum(m, v));
  }
}

function compare(op: CompareOp, left: Compiled, right: Compiled): tf.Tensor {
  let a: tf.Tensor;
  let b: tf.Tensor;
  if (left.kind === 'bool' || right.kind === 'bool') {
    a = tf.cast(toBool(left), 'int32');
    b = tf.cast(toBool(right), 'int32');
  } else {
    const common = left.kind === 'float' || right.kind === 'float' ? 'float' : 'int';
    a = toNumber(left, common);
    b = toNumber(right, common);
  }
  switch (op) {
    case '<': return tf.less(a, b);
    case '<=': return tf.lessEqual(a, b);
    case '>': return tf.greater(a, b);
    case '>=': return tf.greaterEqual(a, b);
    case '==': return tf.equal(a, b);
    case '!=': return tf.notEqual(a, b);
  }
}

function logical(op: 'and' | 'or', args: tf.Tensor[]): tf.Tensor {
  if (args.length === 0) return constant(op === 'and' ? 1 : 0, 'bool');
  return args.reduce((acc, t) => (op === 'and' ? tf.logicalAnd(acc, t) : tf.logicalOr(acc, t)));
}

function conditional(expr: Extract<MaskExpr, { kind: 'conditional' }>, context: CompileContext, kind: ValueKind): tf.Tensor {
  const test = toBool(build(expr.test, context));
  const then = build(expr.then, context);
  const otherwise = build(expr.else, context);
  if (kind === 'bool') return tf.where(test, toBool(then), toBool(otherwise));
  const numeric = kind === 'float' ? 'float' : 'int';
  return tf.where(test, toNumber(then, numeric), toNumber(otherwise, numeric));
}

/** table[i0][i1]… as a gather at Σ i·stride from the flattened table; 0 outside it. */
function lookupTensor(expr: Extract<MaskExpr, { kind: 'lookup' }>, context: CompileContext): tf.Tensor {
  const table = context.tables[expr.table];
  if (!table) throw new Error(`compileMask: table '${expr.table}' was not supplied`);
  const tableStrides = strides(table.shape);
  let flat = constant(0, 'int');
  let valid = constant(1, 'bool');
  expr.indices.forEach((indexExpr, i) => {
    const index = toNumber(build(indexExpr, context), 'int');
    const size = table.shape[i] ?? 0;
    flat = tf.add(flat, tf.mul(index, constant(tableStrides[i] ?? 0, 'int')));
    const inside = tf.logicalAnd(tf.greaterEqual(index, constant(0, 'int')), tf.less(index, constant(size, 'int')));
    valid = tf.logicalAnd(valid, inside);
  });
  if (table.data.length === 0) return tf.zerosLike(flat);
  const cells = tf.gather(tableTensor(expr.table, context), tf.where(valid, flat, tf.zerosLike(flat)));
  return tf.where(valid, cells, tf.zerosLike(cells));
}

function tableTensor(name: string, context: CompileContext): tf.Tensor1D {
  const cached = context.tableTensors.get(name);
  if (cached) return cached;
  const data = context.tables[name]?.data ?? new Int32Array(0);
  const tensor = tf.tensor1d(data instanceof Int32Array ? data : Int32Array.from(data), 'int32');
  context.tableTensors.set(name, tensor);
  return tensor;
}
