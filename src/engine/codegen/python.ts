/**
 * A mask expression translated to Python array code (PyTorch, JAX or TensorFlow) that computes the
 * same values as the core (`src/engine/mask/semantics.ts`) on broadcast index grids.
 *
 * How each rule of the core is kept:
 * - `/` is true division in float32 (torch and jnp divide integer tensors into float32; TF casts
 *   first); a float operation whose operands are all Python numbers starts from a float32 0-d
 *   array, so Python's float64 never rounds differently.
 * - `%` is Python's floored `%` (torch.remainder, jnp.remainder, tf.math.floormod — all floored);
 *   `floor(a / b)` on whole numbers is `a // b` (floor division).
 * - `x / 0` and `x % 0` give 0: a divisor that may be 0 goes through `safe_div` / `safe_mod` /
 *   `safe_floordiv`; one that bounds analysis proves non-zero (e.g. a parameter W = 4) is plain.
 * - A table index outside the table reads 0 (false): such a lookup goes through `lookup(table, …)`,
 *   which clamps and selects; an index proven inside the table is plain indexing `docId[b, q]`.
 * - Truth values: a number or a table cell is true when ≠ 0; `==`/`!=` against a truth value
 *   compare truth values; `? :` is `where`.
 * Integers are int64 in PyTorch and int32 in JAX and TF; the core's int32 arithmetic agrees with
 * all of them while values stay within ±2^24 (see semantics.ts), as every mask here does.
 */
import { assertShape, type MaskShape } from '../mask/cell';
import { assertTyped, isIntegerFloorDivision, valueKind, type ValueKind } from '../mask/check';
import { walk, type CompareOp, type MaskExpr } from '../mask/expr';
import { assertTables, tableRanks, type MaskTables } from '../mask/tables';
import { excludesZero, intBounds } from './bounds';
import { PythonNames } from './names';
import { DIALECTS, type Dialect, type GridVariable, type Helper, type PythonTarget } from './pythonDialects';
import { numberLiteral } from './pythonLiterals';
import type { PythonMask, PythonParameter, PythonTable } from './pythonTypes';

export type { PythonTarget } from './pythonDialects';
export { numberLiteral, pythonListLiteral } from './pythonLiterals';
export type { PythonMask, PythonParameter, PythonTable } from './pythonTypes';

type Rep = 'bool' | 'int' | 'float';


/** Python operator precedence, loosest first (docs.python.org/3/reference/expressions.html#operator-precedence). */
const P = {
  ternary: 0,
  not: 3,
  compare: 4,
  bitOr: 5,
  bitAnd: 7,
  additive: 9,
  multiplicative: 10,
  unary: 11,
  atom: 13,
} as const;

/** A translated node: Python source, its precedence, how it is held, and whether it is a plain Python number/bool. */
interface Py {
  code: string;
  prec: number;
  rep: Rep;
  /** True for a Python scalar (no grid variable and no table read): `Lk - Lq`, `W // 2`. */
  scalar: boolean;
}


interface Context {
  dialect: Dialect;
  shape: MaskShape;
  tables: MaskTables;
  names: PythonNames;
  parameters: Map<string, PythonParameter>;
  tableNames: Map<string, PythonTable>;
  helpers: Set<Helper>;
  grids: Set<GridVariable>;
  statements: string[];
  labels: Map<MaskExpr, Py>;
}

/**
 * Translates a mask to Python array code for one framework.
 * @param target 'torch' (tensor ops), 'flex' (inside a FlexAttention mask_mod: q_idx, kv_idx),
 *   'jax' (jax.numpy) or 'tf' (TensorFlow).
 * @throws Error when the sizes are not integers ≥ 1, the expression is not a well-typed mask, or a
 *   table it reads is missing or malformed (the same checks as evaluateMaskGrid).
 */
export function translateMask(expr: MaskExpr, tables: MaskTables, shape: MaskShape, target: PythonTarget): PythonMask {
  assertShape(shape, 'code export');
  assertTyped(expr, 'code export');
  assertTables(expr, tables, 'code export');
  const context: Context = {
    dialect: DIALECTS[target],
    shape,
    tables,
    names: new PythonNames(),
    parameters: new Map(),
    tableNames: new Map(),
    helpers: new Set(),
    grids: new Set(),
    statements: [],
    labels: new Map(),
  };
  declareNames(expr, context);
  const { terms, operator } = topLevelTerms(expr);
  const translated = terms.map((term) => asBool(translate(term, context)));
  const joined = joinLogical(translated, operator === 'and' ? '&' : '|');
  const helperOrder: Helper[] = ['safe_div', 'safe_floordiv', 'safe_mod', 'lookup'];
  const gridOrder: GridVariable[] = ['b', 'h', 'q', 'k'];
  return {
    parameters: [...context.parameters.values()],
    tables: [...context.tableNames.values()],
    grids: gridOrder.filter((g) => context.grids.has(g)),
    helpers: helperOrder.filter((name) => context.helpers.has(name)).map((name) => context.dialect.helpers[name]),
    statements: context.statements,
    root: joined.code,
    rootTerms: translated.length > 1
      ? translated.map((t) => wrap(t, t.prec < (operator === 'and' ? P.bitAnd : P.bitOr) || (operator === 'or' && t.prec === P.bitAnd)))
      : [joined.code],
    rootOperator: operator === 'and' ? '&' : '|',
    scalar: joined.scalar,
  };
}

/** Parameters (first appearance order) and tables get their Python names before any label. */
function declareNames(expr: MaskExpr, context: Context): void {
  walk(expr, (node) => {
    if (node.kind !== 'parameter') return;
    const key = parameterKey(node.name, node.value);
    if (context.parameters.has(key)) return;
    context.parameters.set(key, {
      name: context.names.allocate(node.name),
      value: node.value,
      literal: numberLiteral(node.value, valueKind(node)),
    });
  });
  for (const name of tableRanks(expr).keys()) {
    const table = context.tables[name];
    if (!table) continue;
    const bool = table.data instanceof Uint8Array && table.data.every((v) => v === 0 || v === 1);
    context.tableNames.set(name, { name, pyName: context.names.allocate(name), table, bool });
  }
}

const parameterKey = (name: string, value: number) => `${name}\u0000${value}`;

/** A top-level and/or with ≥ 2 arguments (through labels-free wrappers) is split into its terms. */
function topLevelTerms(expr: MaskExpr): { terms: readonly MaskExpr[]; operator: 'and' | 'or' } {
  if (expr.kind === 'logical' && expr.args.length >= 2) return { terms: expr.args, operator: expr.op };
  return { terms: [expr], operator: 'and' };
}

function translate(expr: MaskExpr, context: Context): Py {
  const kind = valueKind(expr);
  switch (expr.kind) {
    case 'number': {
      const code = numberLiteral(expr.value, kind);
      return { code, prec: code.startsWith('-') ? P.unary : P.atom, rep: kind === 'float' ? 'float' : 'int', scalar: true };
    }
    case 'boolean':
      return { code: expr.value ? 'True' : 'False', prec: P.atom, rep: 'bool', scalar: true };
    case 'parameter': {
      const parameter = context.parameters.get(parameterKey(expr.name, expr.value));
      return { code: parameter?.name ?? expr.name, prec: P.atom, rep: kind === 'float' ? 'float' : 'int', scalar: true };
    }
    case 'variable': {
      if (expr.name === 'Lq' || expr.name === 'Lk') return { code: expr.name, prec: P.atom, rep: 'int', scalar: true };
      context.grids.add(expr.name);
      return { code: context.dialect.grid[expr.name], prec: P.atom, rep: 'int', scalar: false };
    }
    case 'arithmetic':
      return arithmetic(expr, kind, context);
    case 'call':
      return call(expr, kind, context);
    case 'compare':
      return compare(expr.op, translate(expr.left, context), translate(expr.right, context),
        [valueKind(expr.left), valueKind(expr.right)], context);
    case 'logical': {
      const args = expr.args.map((a) => asBool(translate(a, context)));
      return joinLogical(args, expr.op === 'and' ? '&' : '|');
    }
    case 'not': {
      const arg = asBool(translate(expr.arg, context));
      if (arg.scalar) return { code: `not ${wrap(arg, arg.prec <= P.compare)}`, prec: P.not, rep: 'bool', scalar: true };
      return { code: `~${wrap(arg, arg.prec < P.unary)}`, prec: P.unary, rep: 'bool', scalar: false };
    }
    case 'conditional':
      return conditional(expr, kind, context);
    case 'lookup':
      return lookup(expr, context);
    case 'label':
      return label(expr, context);
  }
}

/** A labelled term becomes its own statement, `key_padding = keyIsReal[b, k]  # key padding`. */
function label(expr: Extract<MaskExpr, { kind: 'label' }>, context: Context): Py {
  const seen = context.labels.get(expr);
  if (seen) return seen;
  const value = translate(expr.expr, context);
  const name = context.names.allocate(expr.label, true);
  context.statements.push(`${name} = ${value.code}  # ${expr.label.replace(/\s+/g, ' ')}`);
  const py: Py = { code: name, prec: P.atom, rep: value.rep, scalar: value.scalar };
  context.labels.set(expr, py);
  return py;
}

function wrap(py: Py, parens: boolean): string {
  return parens ? `(${py.code})` : py.code;
}

/** A value as a truth value: numbers and table cells are true when ≠ 0. */
function asBool(py: Py): Py {
  if (py.rep === 'bool') return py;
  return { code: `${wrap(py, py.prec <= P.compare)} != 0`, prec: P.compare, rep: 'bool', scalar: py.scalar };
}

/**
 * A value held as a number of the given kind. Booleans become 0/1; an int tensor becomes float32
 * where the framework does not promote by itself (TF); with `strict`, an int Python number becomes
 * a Python float where TF would otherwise make it int32 (helper arguments, where, min/max).
 */
function asNumber(py: Py, kind: 'int' | 'float', context: Context, strict = false): Py {
  const { dialect } = context;
  let out = py;
  if (out.rep === 'bool') {
    out = out.scalar
      ? { code: `int(${out.code})`, prec: P.atom, rep: 'int', scalar: true }
      : { code: dialect.boolToInt(wrap(out, out.prec < P.atom)), prec: P.atom, rep: 'int', scalar: false };
  }
  if (kind === 'float' && out.rep === 'int') {
    if (!out.scalar && dialect.intToFloat) {
      out = { code: dialect.intToFloat(out.code), prec: P.atom, rep: 'float', scalar: false };
    } else if (out.scalar && strict && dialect.strictFloatScalars) {
      out = /^-?\d+$/.test(out.code)
        ? { code: `${out.code}.0`, prec: out.prec, rep: 'float', scalar: true }
        : { code: `float(${out.code})`, prec: P.atom, rep: 'float', scalar: true };
    }
  }
  return out;
}

/** A float operation on two Python numbers starts from a float32 0-d array (not Python's float64). */
function liftIfScalar(a: Py, b: Py, context: Context): Py {
  if (!a.scalar || !b.scalar) return a;
  return { code: context.dialect.liftFloat(a.code), prec: P.atom, rep: 'float', scalar: false };
}

function binary(a: Py, op: string, b: Py, prec: number, rep: Rep): Py {
  return {
    code: `${wrap(a, a.prec < prec)} ${op} ${wrap(b, b.prec <= prec)}`,
    prec,
    rep,
    scalar: a.scalar && b.scalar,
  };
}

function helperCall(name: Helper, args: readonly Py[], rep: Rep, context: Context): Py {
  context.helpers.add(name);
  return { code: `${name}(${args.map((a) => a.code).join(', ')})`, prec: P.atom, rep, scalar: false };
}

/** True when the divisor is certainly not 0 over the grid (so plain `/`, `//`, `%` are safe). */
function divisorIsSafe(divisor: MaskExpr, context: Context): boolean {
  if (divisor.kind === 'number' || divisor.kind === 'parameter') return Math.fround(divisor.value) !== 0;
  return excludesZero(intBounds(divisor, context.shape, context.tables));
}

function arithmetic(expr: Extract<MaskExpr, { kind: 'arithmetic' }>, kind: ValueKind, context: Context): Py {
  const numeric = kind === 'float' ? 'float' : 'int';
  const safe = (expr.op === '/' || expr.op === '%') ? divisorIsSafe(expr.right, context) : true;
  if (!safe && expr.op === '/') {
    // safe_div computes in float32 itself: its operands keep their own kinds.
    const own = (e: MaskExpr) => asNumber(translate(e, context), valueKind(e) === 'float' ? 'float' : 'int', context, true);
    return helperCall('safe_div', [own(expr.left), own(expr.right)], 'float', context);
  }
  let a = asNumber(translate(expr.left, context), numeric, context, !safe);
  const b = asNumber(translate(expr.right, context), numeric, context, !safe);
  if (!safe) return helperCall('safe_mod', [a, b], numeric, context);
  if (kind === 'float') a = asNumber(liftIfScalar(a, b, context), 'float', context);
  const prec = expr.op === '+' || expr.op === '-' ? P.additive : P.multiplicative;
  return binary(a, expr.op, b, prec, numeric);
}

function call(expr: Extract<MaskExpr, { kind: 'call' }>, kind: ValueKind, context: Context): Py {
  const [first] = expr.args;
  if (isIntegerFloorDivision(expr) && first?.kind === 'arithmetic') {
    const a = asNumber(translate(first.left, context), 'int', context);
    const b = asNumber(translate(first.right, context), 'int', context);
    if (!divisorIsSafe(first.right, context)) return helperCall('safe_floordiv', [a, b], 'int', context);
    return binary(a, '//', b, P.multiplicative, 'int');
  }
  const argKind = expr.args.some((a) => valueKind(a) === 'float') ? 'float' : 'int';
  const strict = expr.fn === 'min' || expr.fn === 'max';
  const args = expr.args.map((a) => asNumber(translate(a, context), argKind, context, strict));
  const [x] = args;
  if (!x) throw new Error(`code export: '${expr.fn}' has no argument`);
  const { dialect } = context;
  switch (expr.fn) {
    case 'floor':
      if (argKind === 'int') return x;
      return { code: dialect.floorToInt(x.code), prec: P.atom, rep: 'int', scalar: false };
    case 'abs':
      return { code: `abs(${x.code})`, prec: P.atom, rep: x.rep === 'float' ? 'float' : 'int', scalar: x.scalar };
    case 'min':
    case 'max': {
      const rep: Rep = kind === 'float' ? 'float' : 'int';
      if (args.every((a) => a.scalar)) {
        return { code: `${expr.fn}(${args.map((a) => a.code).join(', ')})`, prec: P.atom, rep, scalar: true };
      }
      const fn = expr.fn === 'min' ? dialect.minimum : dialect.maximum;
      const toTensor = (a: Py) => (a.scalar && dialect.scalarToTensor ? dialect.scalarToTensor(a.code) : a.code);
      const code = args.slice(1).reduce((acc, a) => `${fn}(${acc}, ${toTensor(a)})`, toTensor(x));
      return { code, prec: P.atom, rep, scalar: false };
    }
  }
}

const PY_COMPARE: Readonly<Record<CompareOp, string>> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '==', '!=': '!=' };

function compare(op: CompareOp, left: Py, right: Py, kinds: readonly ValueKind[], context: Context): Py {
  let a: Py;
  let b: Py;
  if (kinds.includes('bool')) {
    a = asBool(left);
    b = asBool(right);
  } else {
    const common = kinds.includes('float') ? 'float' : 'int';
    a = asNumber(left, common, context);
    b = asNumber(right, common, context);
    // Two Python numbers compared as floats: compare them in float32, as the core does.
    if (common === 'float') a = liftIfScalar(a, b, context);
  }
  return {
    code: `${wrap(a, a.prec <= P.compare)} ${PY_COMPARE[op]} ${wrap(b, b.prec <= P.compare)}`,
    prec: P.compare,
    rep: 'bool',
    scalar: a.scalar && b.scalar,
  };
}

function joinLogical(args: readonly Py[], op: '&' | '|'): Py {
  if (args.length === 0) return { code: op === '&' ? 'True' : 'False', prec: P.atom, rep: 'bool', scalar: true };
  const [only] = args;
  if (args.length === 1 && only) return only;
  const prec = op === '&' ? P.bitAnd : P.bitOr;
  // An `&` inside `|` needs no parentheses in Python, but reads better with them.
  const parens = (a: Py) => a.prec < prec || (op === '|' && a.prec === P.bitAnd);
  return {
    code: args.map((a) => wrap(a, parens(a))).join(` ${op} `),
    prec,
    rep: 'bool',
    scalar: args.every((a) => a.scalar),
  };
}

function conditional(expr: Extract<MaskExpr, { kind: 'conditional' }>, kind: ValueKind, context: Context): Py {
  const test = asBool(translate(expr.test, context));
  const branch = (e: MaskExpr): Py => {
    const py = translate(e, context);
    return kind === 'bool' ? asBool(py) : asNumber(py, kind === 'float' ? 'float' : 'int', context, true);
  };
  const then = branch(expr.then);
  const otherwise = branch(expr.else);
  const rep: Rep = kind === 'bool' ? 'bool' : kind === 'float' ? 'float' : 'int';
  if (test.scalar) {
    const code = `${wrap(then, then.prec <= P.ternary)} if ${wrap(test, test.prec <= P.ternary)} else ${wrap(otherwise, otherwise.prec < P.ternary)}`;
    return { code, prec: P.ternary, rep, scalar: then.scalar && otherwise.scalar };
  }
  return { code: `${context.dialect.where}(${test.code}, ${then.code}, ${otherwise.code})`, prec: P.atom, rep, scalar: false };
}

function lookup(expr: Extract<MaskExpr, { kind: 'lookup' }>, context: Context): Py {
  const table = context.tableNames.get(expr.table);
  if (!table) throw new Error(`code export: table '${expr.table}' was not supplied`);
  const rep: Rep = table.bool ? 'bool' : 'int';
  const indices = expr.indices.map((i) => asNumber(translate(i, context), 'int', context));
  if (indices.length === 0) return { code: table.pyName, prec: P.atom, rep, scalar: false };
  const inside = expr.indices.every((index, i) => {
    const bounds = intBounds(index, context.shape, context.tables);
    const size = table.table.shape[i] ?? 0;
    return bounds !== null && bounds[0] >= 0 && bounds[1] < size;
  });
  if (inside && context.dialect.plainLookup) {
    return { code: `${table.pyName}[${indices.map((i) => i.code).join(', ')}]`, prec: P.atom, rep, scalar: false };
  }
  context.helpers.add('lookup');
  return { code: `lookup(${[table.pyName, ...indices.map((i) => i.code)].join(', ')})`, prec: P.atom, rep, scalar: false };
}
