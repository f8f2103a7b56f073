/**
 * Mask expressions evaluated cell by cell in plain JS: the reference for the compiled tfjs mask,
 * the tests, and "why is this cell blocked?" (`explainCell`, re-exported here).
 */
import { assertShape, type MaskCell, type MaskContext, type MaskShape } from './cell';
import { assertTyped } from './check';
import type { MaskExpr } from './expr';
import { nodeValue, operandsOf, planNode, truthy, type CellEnv, type CellValue } from './semantics';
import { assertTables, type MaskTables } from './tables';

export { explainCell } from './explain';
export type { CellValue } from './semantics';
export type { MaskCell, MaskContext, MaskShape } from './cell';

/**
 * The value of a mask expression at one cell.
 * Rule: the operators of `semantics.ts` (floored %, x/0 = 0, int32/float32 arithmetic, an index
 * outside a table reads 0). Like FlexAttention's `mask_mod(b, h, q_idx, kv_idx)`.
 * Example: `k <= q + Lk - Lq` at {q: 0, k: 2} with Lq = 2, Lk = 4 → true.
 * @param expr a well-typed expression: a mask (boolean root) or a number (e.g. to show `q - k`);
 *   the cell need not lie inside the lengths.
 * @returns the root's value: a boolean, or a number (a table cell reads true when ≠ 0).
 * @throws Error when the expression is not well typed or a table it reads is missing or malformed.
 */
export function evaluateCell(expr: MaskExpr, cell: MaskCell, context: MaskContext): CellValue {
  const tables = context.tables ?? {};
  assertTyped(expr, 'evaluateCell', 'any');
  assertTables(expr, tables, 'evaluateCell');
  return prepare(expr, tables)({ ...cell, Lq: context.Lq, Lk: context.Lk });
}

/**
 * The mask evaluated at every cell of a [B,H,Lq,Lk] grid.
 * Example: `k <= q` (causal, top-left) with Lq = 2, Lk = 3 → rows [1,0,0] and [1,1,0] in every (b, h).
 * @param shape batch B, heads H, queryLength Lq, keyLength Lk: integers ≥ 1.
 * @param tables tables read by lookup nodes, e.g. `keyIsReal` [B, Lk].
 * @returns Uint8Array [B,H,Lq,Lk], row-major, 1 = the query may attend the key.
 * @throws Error when a size is not an integer ≥ 1, the expression is not a well-typed mask, or a
 * table is missing or malformed.
 */
export function evaluateMaskGrid(expr: MaskExpr, shape: MaskShape, tables: MaskTables = {}): Uint8Array {
  assertShape(shape, 'evaluateMaskGrid');
  assertTyped(expr, 'evaluateMaskGrid');
  assertTables(expr, tables, 'evaluateMaskGrid');
  const { batch, heads, queryLength: Lq, keyLength: Lk } = shape;
  const run = prepare(expr, tables);
  const out = new Uint8Array(batch * heads * Lq * Lk);
  const env = { b: 0, h: 0, q: 0, k: 0, Lq, Lk };
  let i = 0;
  for (env.b = 0; env.b < batch; env.b++) {
    for (env.h = 0; env.h < heads; env.h++) {
      for (env.q = 0; env.q < Lq; env.q++) {
        for (env.k = 0; env.k < Lk; env.k++) out[i++] = truthy(run(env)) ? 1 : 0;
      }
    }
  }
  return out;
}

type Thunk = (env: CellEnv) => CellValue;

/** The tree turned into nested closures once, so a grid does not re-read the tree per cell. */
function prepare(expr: MaskExpr, tables: MaskTables): Thunk {
  const plan = planNode(expr, tables);
  const operands = operandsOf(expr).map((child) => prepare(child, tables));
  const values: CellValue[] = new Array<CellValue>(operands.length).fill(0);
  return (env) => {
    for (let i = 0; i < operands.length; i++) values[i] = (operands[i] as Thunk)(env);
    return nodeValue(plan, values, env);
  };
}
