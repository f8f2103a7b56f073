/**
 * "Why is this cell blocked?": a mask expression evaluated at one cell with every node's value,
 * and the terms that decide the outcome.
 */
import type { MaskCell, MaskContext } from './cell';
import { assertTyped, isIntegerFloorDivision } from './check';
import { children, type MaskExpr } from './expr';
import { formatExpr } from './format';
import { nodeValue, planNode, truthy, type CellEnv, type CellValue } from './semantics';
import { assertTables, type MaskTables } from './tables';

/** One node of the evaluated tree. `children` follow the order of `children()` in expr.ts. */
export interface ExplainedNode {
  expr: MaskExpr;
  /** The node as a formula (formatExpr). */
  text: string;
  value: CellValue;
  /** On a path that decides the cell's outcome (highlight it). */
  decisive: boolean;
  children: ExplainedNode[];
}

/** A term that decides the outcome: a labelled sub-mask, or a leaf condition outside any label. */
export interface DecidingTerm {
  /** Child indices from the root to the term. */
  path: number[];
  /** The label ('causal', 'key padding', …), or null for an unlabelled leaf. */
  label: string | null;
  text: string;
  /** The term's value: false, or true when it blocks from under a `not`. */
  value: boolean;
}

export interface CellExplanation {
  allowed: boolean;
  tree: ExplainedNode;
  /** The terms that decide the outcome, in tree order (why allowed, or why blocked). */
  decidedBy: DecidingTerm[];
  /** `decidedBy` when the cell is blocked; empty when it is allowed. */
  blockedBy: DecidingTerm[];
}

/**
 * Evaluates a mask at one cell and says which terms decide the result.
 *
 * Rule (a term "decides" when changing it alone, or together with the other deciding terms of the
 * same node, would change the outcome): a false `and` is decided by all its false arguments, a
 * true `and` by all; a true `or` by its true arguments, a false `or` by all; `not` by its argument
 * (so under a `not`, a *true* term is what blocks); `c ? a : b` by the chosen branch, and by c
 * only when the other branch would give a different result. The walk stops at the first label on a
 * path and reports it (inner labels are only highlighted); elsewhere it stops at leaf conditions
 * (comparisons, table cells, true/false) and reports them.
 * Example: `and(label('causal', k <= q), label('key padding', keyIsReal[b][k]))` at a cell above
 * the diagonal whose key is padding → blockedBy names 'causal' and 'key padding'.
 *
 * @param expr a mask (boolean root).
 * @param cell (b, h, q, k); context: Lq, Lk and the tables.
 * @throws Error when the expression is not a well-typed mask or a table is missing or malformed.
 * Source: FlexAttention `mask_mod` composition (and_masks / or_masks), explained per cell.
 */
export function explainCell(expr: MaskExpr, cell: MaskCell, context: MaskContext): CellExplanation {
  const tables = context.tables ?? {};
  assertTyped(expr, 'explainCell');
  assertTables(expr, tables, 'explainCell');
  const tree = annotate(expr, { ...cell, Lq: context.Lq, Lk: context.Lk }, tables);
  const decidedBy: DecidingTerm[] = [];
  markDecisive(tree, [], false, decidedBy);
  const allowed = truthy(tree.value);
  return { allowed, tree, decidedBy, blockedBy: allowed ? [] : decidedBy };
}

function annotate(expr: MaskExpr, env: CellEnv, tables: MaskTables): ExplainedNode {
  const kids = children(expr).map((child) => annotate(child, env, tables));
  const operands = isIntegerFloorDivision(expr) ? (kids[0]?.children ?? []) : kids;
  const value = nodeValue(planNode(expr, tables), operands.map((n) => n.value), env);
  return { expr, text: formatExpr(expr), value, decisive: false, children: kids };
}

function markDecisive(node: ExplainedNode, path: number[], insideLabel: boolean, terms: DecidingTerm[]): void {
  node.decisive = true;
  const { expr } = node;
  const value = truthy(node.value);
  const visit = (i: number, inside = insideLabel) => {
    const child = node.children[i];
    if (child) markDecisive(child, [...path, i], inside, terms);
  };
  switch (expr.kind) {
    case 'label':
      if (!insideLabel) terms.push({ path, label: expr.label, text: node.text, value });
      visit(0, true);
      return;
    case 'logical':
      deciders(expr.op, value, node.children).forEach((i) => visit(i));
      return;
    case 'not':
      visit(0);
      return;
    case 'conditional':
      conditionalDeciders(node.children).forEach((i) => visit(i));
      return;
    default:
      if (!insideLabel) terms.push({ path, label: null, text: node.text, value });
  }
}

/** Indices of the arguments of a logical node that decide its value. */
function deciders(op: 'and' | 'or', value: boolean, args: readonly ExplainedNode[]): number[] {
  const all = args.map((_, i) => i);
  // and: true → all; false → the false ones. or: false → all; true → the true ones.
  if (op === 'and' ? value : !value) return all;
  return all.filter((i) => truthy(args[i]?.value ?? false) === value);
}

function conditionalDeciders([test, a, b]: readonly ExplainedNode[]): number[] {
  if (!test || !a || !b) return [];
  const chosen = truthy(test.value) ? 1 : 2;
  const other = chosen === 1 ? b : a;
  const branch = chosen === 1 ? a : b;
  return truthy(other.value) === truthy(branch.value) ? [chosen] : [0, chosen];
}
