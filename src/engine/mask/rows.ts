/**
 * Mask expressions compiled for plain-JS evaluation one query row at a time, vectorised over the
 * keys: for the JS attention path at sizes (Lq = Lk = 4096, 16.7 M cells) where calling a closure
 * tree per cell (`evaluateMaskGrid`) is too slow. Same values as `evaluateMaskGrid`, cell for cell.
 */
import { assertTyped, valueKind } from './check';
import { ne, type MaskExpr, type MaskVariable } from './expr';
import { vectorKernel, type Kernel, type NodeData, type RowValue } from './rowKernels';
import { nodeValue, operandsOf, planNode, type CellValue } from './semantics';
import { assertTables, type MaskTables } from './tables';

/**
 * Writes one query row of a mask: out[offset + k] = 1 when query q of (batch b, head h) may
 * attend key k, else 0, for k = 0..Lk-1.
 * @param out Uint8Array with room for [offset, offset + Lk); offset defaults to 0.
 * @throws RangeError when offset is not an integer or [offset, offset + Lk) does not fit in out.
 */
export type MaskRowFn = (b: number, h: number, q: number, out: Uint8Array, offset?: number) => void;

/** Bits of what a node's value depends on. */
const B = 1;
const H = 2;
const Q = 4;
const K = 8;
const ROW = B | H | Q;
const VARIABLE_DEPS: Readonly<Record<MaskVariable, number>> = { b: B, h: H, q: Q, k: K, Lq: 0, Lk: 0 };

/** A compiled node: its values, what they depend on, and how to recompute them. */
interface RowNode extends RowValue {
  deps: number;
}

/** A node recomputed when b, h or q change (per its `deps` bits). */
interface Step {
  deps: number;
  run: () => void;
}

interface Build {
  Lk: number;
  tables: MaskTables;
  env: { b: number; h: number; q: number; k: number; Lq: number; Lk: number };
  steps: Step[];
  /** Nodes already built: a subtree shared by several parents is computed once. */
  built: Map<MaskExpr, RowNode>;
}

/**
 * Compiles a mask into a function that writes one query row at a time.
 *
 * Rule: the operators of `semantics.ts` (floored %, x / 0 = 0, int32 / float32 arithmetic, an index
 * outside a table reads 0, …), so row q of (b, h) equals `evaluateMaskGrid(expr, shape, tables)`
 * at [b, h, q, 0..Lk-1]. Each node is either a scalar, when it does not depend on k, or an array
 * [Lk]; every buffer is allocated here, once. Nodes that depend on none of b, h, q are computed
 * here too; the others are recomputed only when b, h or q (those they depend on) change, so a
 * scalar such as `q + Lk - Lq` costs once per row and `keyIsReal[b][k]` once per batch item.
 * Example: `k <= q + Lk - Lq` with Lq = 2, Lk = 4 → row 0 [1,1,1,0], row 1 [1,1,1,1].
 *
 * @param expr a well-typed mask (boolean root, or a table cell read as ≠ 0).
 * @param context Lq, Lk: integers ≥ 1 (the values of the variables Lq and Lk and the row length);
 *   tables read by lookup nodes, e.g. `keyIsReal` [B, Lk]. Tables are read when rows are computed
 *   (and some results are kept between calls): do not change them after compiling.
 * @returns fn(b, h, q, out, offset = 0) writing out[offset + k], k < Lk (see MaskRowFn). b, h and q
 *   are not range-checked: like `evaluateCell`, a cell outside the lengths is evaluated as written.
 * @throws Error before returning when Lq or Lk is not an integer ≥ 1, the expression is not a
 *   well-typed mask, or a table is missing or malformed (the checks of evaluateMaskGrid).
 * Source: semantics.ts; FlexAttention's `mask_mod(b, h, q_idx, kv_idx)` evaluated one row at a time.
 */
export function compileMaskRows(expr: MaskExpr, context: { Lq: number; Lk: number; tables?: MaskTables }): MaskRowFn {
  const { Lq, Lk, tables = {} } = context;
  if (![Lq, Lk].every((d) => Number.isInteger(d) && d >= 1)) {
    throw new Error(`compileMaskRows: Lq and Lk must be integers ≥ 1, got Lq = ${Lq}, Lk = ${Lk}`);
  }
  assertTyped(expr, 'compileMaskRows');
  assertTables(expr, tables, 'compileMaskRows');
  const build: Build = { Lk, tables, env: { b: NaN, h: NaN, q: NaN, k: 0, Lq, Lk }, steps: [], built: new Map() };
  // A table cell as the root reads true when ≠ 0: made a node, so its 0/1 row is cached like any other.
  const root = buildNode(valueKind(expr) === 'bool' ? expr : ne(expr, 0), build);
  return rowFunction(root, build);
}

/** The row function: updates what changed since the previous call, then copies the root's 0/1. */
function rowFunction(root: RowNode, { Lk, env, steps }: Build): MaskRowFn {
  return (b, h, q, out, offset = 0) => {
    if (!Number.isInteger(offset) || offset < 0 || offset + Lk > out.length) {
      throw new RangeError(`compileMaskRows: row [${offset}, ${offset + Lk}) does not fit in an output of length ${out.length}`);
    }
    const changed = (b !== env.b ? B : 0) | (h !== env.h ? H : 0) | (q !== env.q ? Q : 0);
    env.b = b;
    env.h = h;
    env.q = q;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as Step;
      if ((step.deps & changed) !== 0) step.run();
    }
    if (root.at === -1) out.set(root.data, offset);
    else out.fill(root.data[0] ?? 0, offset, offset + Lk);
  };
}

/** Compiles a node and its operands (labels are transparent); returns its values' holder. */
function buildNode(expr: MaskExpr, build: Build): RowNode {
  if (expr.kind === 'label') return buildNode(expr.expr, build);
  const seen = build.built.get(expr);
  if (seen) return seen;
  const operands = operandsOf(expr).map((child) => buildNode(child, build));
  const deps = expr.kind === 'variable' ? VARIABLE_DEPS[expr.name] : operands.reduce((d, o) => d | o.deps, 0);
  const plan = planNode(expr, build.tables);
  const perKey = (deps & K) !== 0;
  const length = perKey ? build.Lk : 1;
  const data = plan.kind === 'bool' ? new Uint8Array(length) : new Float64Array(length);
  const node: RowNode = { data, at: perKey ? -1 : 0, deps };
  const run = perKey ? vectorStep(vectorKernel(plan, operands), node.data, build.Lk) : scalarStep(plan, operands, node.data, build);
  if ((deps & ROW) !== 0) build.steps.push({ deps, run });
  else run();
  build.built.set(expr, node);
  return node;
}

function vectorStep(kernel: Kernel, out: NodeData, Lk: number): () => void {
  return () => kernel(out, Lk);
}

/** A scalar node: semantics' nodeValue on its operands' scalars (booleans held as 0/1). */
function scalarStep(plan: ReturnType<typeof planNode>, operands: readonly RowNode[], out: NodeData, build: Build): () => void {
  const values = new Array<CellValue>(operands.length).fill(0);
  return () => {
    for (let i = 0; i < operands.length; i++) values[i] = (operands[i] as RowNode).data[0] as number;
    out[0] = Number(nodeValue(plan, values, build.env));
  };
}
