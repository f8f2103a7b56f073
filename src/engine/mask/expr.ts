/**
 * The mask expression tree: one definition per mask, as plain JSON-serialisable data.
 *
 * A mask is a predicate on (b, h, q, k) plus named parameters — the model of PyTorch
 * FlexAttention's `mask_mod(b, h, q_idx, kv_idx)`. The same tree is evaluated per cell in JS
 * (`evaluate.ts`, `explain.ts`), compiled to tfjs ops over index grids (`compile.ts`), parsed from
 * a user's formula (`parse.ts`) and printed back (`format.ts`). Nodes hold no functions, so a tree
 * can be stored in a URL or a saved file as JSON and restored as is.
 *
 * Convention: a boolean mask value `true` means the query MAY attend the key (DESIGN.md §1).
 */

/** Index variables of one cell, and the two lengths. */
export type MaskVariable = 'q' | 'k' | 'b' | 'h' | 'Lq' | 'Lk';
/** `/` is true division; `%` is floored modulo (Python / PyTorch: the result has the sign of the divisor). */
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type MaskFunction = 'floor' | 'abs' | 'min' | 'max';

export const MASK_VARIABLES: readonly MaskVariable[] = ['q', 'k', 'b', 'h', 'Lq', 'Lk'];
export const MASK_FUNCTIONS: readonly MaskFunction[] = ['floor', 'abs', 'min', 'max'];
/** Arity of each function: [minimum, maximum] number of arguments. */
export const FUNCTION_ARITY: Readonly<Record<MaskFunction, readonly [number, number]>> = {
  floor: [1, 1],
  abs: [1, 1],
  min: [2, Infinity],
  max: [2, Infinity],
};

export interface NumberNode { readonly kind: 'number'; readonly value: number }
export interface BooleanNode { readonly kind: 'boolean'; readonly value: boolean }
export interface VariableNode { readonly kind: 'variable'; readonly name: MaskVariable }
/** A named parameter (e.g. W = 4): kept by name for display and code export, with its value. */
export interface ParameterNode { readonly kind: 'parameter'; readonly name: string; readonly value: number }
export interface ArithmeticNode {
  readonly kind: 'arithmetic';
  readonly op: ArithmeticOp;
  readonly left: MaskExpr;
  readonly right: MaskExpr;
}
export interface CallNode { readonly kind: 'call'; readonly fn: MaskFunction; readonly args: readonly MaskExpr[] }
export interface CompareNode {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly left: MaskExpr;
  readonly right: MaskExpr;
}
/** n-ary and / or. An empty `and` is true, an empty `or` is false. */
export interface LogicalNode { readonly kind: 'logical'; readonly op: 'and' | 'or'; readonly args: readonly MaskExpr[] }
export interface NotNode { readonly kind: 'not'; readonly arg: MaskExpr }
/** `test ? then : else`. */
export interface ConditionalNode {
  readonly kind: 'conditional';
  readonly test: MaskExpr;
  readonly then: MaskExpr;
  readonly else: MaskExpr;
}
/**
 * `table[i0][i1]…`: one cell of an integer or boolean table supplied at evaluation time
 * (e.g. `docId[b][q]`, `keyIsReal[b][k]`, `randomBlocks[h][qBlock][kBlock]`). An index outside the
 * table reads 0 (false). A table cell is an integer that reads as true/false (≠ 0) where a truth
 * value is needed.
 */
export interface LookupNode { readonly kind: 'lookup'; readonly table: string; readonly indices: readonly MaskExpr[] }
/** A named sub-mask ('causal', 'key padding', 'window'): "why is this cell blocked?" names it. */
export interface LabelNode { readonly kind: 'label'; readonly label: string; readonly expr: MaskExpr }

export type MaskExpr =
  | NumberNode
  | BooleanNode
  | VariableNode
  | ParameterNode
  | ArithmeticNode
  | CallNode
  | CompareNode
  | LogicalNode
  | NotNode
  | ConditionalNode
  | LookupNode
  | LabelNode;

/** A tree, or a plain number or boolean (wrapped into a literal by the builders). */
export type Operand = MaskExpr | number | boolean;

/** Wraps a plain number or boolean into a literal. */
export function lift(x: Operand): MaskExpr {
  if (typeof x === 'number') return { kind: 'number', value: x };
  if (typeof x === 'boolean') return { kind: 'boolean', value: x };
  return x;
}

/*
 * Builders. Example, a causal sliding window of W = 4 keys (Hugging Face / Mistral):
 *   and(label('causal', le(k, q)), label('window', lt(sub(q, k), param('W', 4))))
 * Plain numbers and booleans are accepted wherever an operand is: `lt(q, 4)`, `cond(t, a, true)`.
 */
export const num = (value: number): NumberNode => ({ kind: 'number', value });
export const bool = (value: boolean): BooleanNode => ({ kind: 'boolean', value });
export const variable = (name: MaskVariable): VariableNode => ({ kind: 'variable', name });
export const param = (name: string, value: number): ParameterNode => ({ kind: 'parameter', name, value });

/** The six variables as ready-made nodes: `const { q, k } = vars`. */
export const vars: Readonly<Record<MaskVariable, VariableNode>> = {
  q: variable('q'),
  k: variable('k'),
  b: variable('b'),
  h: variable('h'),
  Lq: variable('Lq'),
  Lk: variable('Lk'),
};

const arithmetic = (op: ArithmeticOp) => (left: Operand, right: Operand): ArithmeticNode => ({
  kind: 'arithmetic', op, left: lift(left), right: lift(right),
});
export const add = arithmetic('+');
export const sub = arithmetic('-');
export const mul = arithmetic('*');
export const div = arithmetic('/');
export const mod = arithmetic('%');

const call = (fn: MaskFunction) => (...args: Operand[]): CallNode => ({ kind: 'call', fn, args: args.map(lift) });
export const floor = call('floor');
export const abs = call('abs');
export const min = call('min');
export const max = call('max');

const comparison = (op: CompareOp) => (left: Operand, right: Operand): CompareNode => ({
  kind: 'compare', op, left: lift(left), right: lift(right),
});
export const lt = comparison('<');
export const le = comparison('<=');
export const gt = comparison('>');
export const ge = comparison('>=');
export const eq = comparison('==');
export const ne = comparison('!=');

export const and = (...args: MaskExpr[]): LogicalNode => ({ kind: 'logical', op: 'and', args });
export const or = (...args: MaskExpr[]): LogicalNode => ({ kind: 'logical', op: 'or', args });
export const not = (arg: MaskExpr): NotNode => ({ kind: 'not', arg });
export const cond = (test: MaskExpr, then: Operand, otherwise: Operand): ConditionalNode => ({
  kind: 'conditional', test, then: lift(then), else: lift(otherwise),
});
export const lookup = (table: string, ...indices: Operand[]): LookupNode => ({
  kind: 'lookup', table, indices: indices.map(lift),
});
export const label = (name: string, expr: MaskExpr): LabelNode => ({ kind: 'label', label: name, expr });

/**
 * The children of a node, in a fixed order shared by every module (paths index into this list):
 * arithmetic/compare [left, right]; call args; logical args; not [arg];
 * conditional [test, then, else]; lookup indices; label [expr]; leaves [].
 */
export function children(expr: MaskExpr): readonly MaskExpr[] {
  switch (expr.kind) {
    case 'arithmetic':
    case 'compare':
      return [expr.left, expr.right];
    case 'call':
    case 'logical':
      return expr.args;
    case 'not':
      return [expr.arg];
    case 'conditional':
      return [expr.test, expr.then, expr.else];
    case 'lookup':
      return expr.indices;
    case 'label':
      return [expr.expr];
    default:
      return [];
  }
}

/** The same tree with every label node replaced by its expression. */
export function stripLabels(expr: MaskExpr): MaskExpr {
  switch (expr.kind) {
    case 'label':
      return stripLabels(expr.expr);
    case 'arithmetic':
    case 'compare':
      return { ...expr, left: stripLabels(expr.left), right: stripLabels(expr.right) };
    case 'call':
    case 'logical':
      return { ...expr, args: expr.args.map(stripLabels) };
    case 'not':
      return { ...expr, arg: stripLabels(expr.arg) };
    case 'conditional':
      return { ...expr, test: stripLabels(expr.test), then: stripLabels(expr.then), else: stripLabels(expr.else) };
    case 'lookup':
      return { ...expr, indices: expr.indices.map(stripLabels) };
    default:
      return expr;
  }
}

/** Every node of the tree, depth first (parents before children), with its path. */
export function walk(expr: MaskExpr, visit: (node: MaskExpr, path: readonly number[]) => void, path: number[] = []): void {
  visit(expr, path);
  children(expr).forEach((child, i) => walk(child, visit, [...path, i]));
}

/** True when the tree mentions the variable (e.g. to know whether a mask depends on h). */
export function usesVariable(expr: MaskExpr, name: MaskVariable): boolean {
  let found = false;
  walk(expr, (node) => {
    if (node.kind === 'variable' && node.name === name) found = true;
  });
  return found;
}
