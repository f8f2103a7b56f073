/**
 * Prints a mask expression as a readable infix formula with as few parentheses as the grammar of
 * `parse.ts` needs to read the same tree back (labels are not printed).
 */
import type { MaskExpr } from './expr';

/** Binding strength, loosest first; the numbers follow jsep's binary precedences. */
const PREC = {
  conditional: 0,
  or: 1,
  and: 2,
  compare: 6,
  additive: 9,
  multiplicative: 10,
  unary: 11,
  atom: 12,
} as const;

/**
 * The expression as an infix string, e.g. `k <= q && q - k < W`, `floor(q / 4) == floor(k / 4)`,
 * `docId[b][q] == docId[b][k]`, `q % 2 == 0 ? k <= q : true`.
 *
 * Rule: a child is parenthesised only where reading the string back would otherwise build a
 * different tree: operators of the same strength group to the left (`a - (b - c)`,
 * `(a && b) && c` for a nested `and`), a comparison inside a comparison is always parenthesised,
 * a conditional inside any operator is parenthesised. `&&`, `||`, `!` are printed for and/or/not.
 * A one-argument and/or prints its argument; an empty `and` prints `true`, an empty `or` `false`.
 *
 * Round trip: `parseMaskExpression(formatExpr(e))` gives `stripLabels(e)` back for every well-typed
 * `e` whose and/or nodes have ≥ 2 arguments and whose numbers are finite and not −0.
 *
 * @param expr any tree (well-typed or not: messages about ill-typed trees use it too).
 * @returns the formula; never throws.
 */
export function formatExpr(expr: MaskExpr): string {
  const node = unwrap(expr);
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'boolean':
      return String(node.value);
    case 'variable':
    case 'parameter':
      return node.name;
    case 'arithmetic':
      return formatBinary(node.left, node.op, node.right, precedence(node));
    case 'compare':
      return formatBinary(node.left, node.op, node.right, PREC.compare, true);
    case 'call':
      return `${node.fn}(${node.args.map(formatExpr).join(', ')})`;
    case 'lookup':
      return node.table + node.indices.map((i) => `[${formatExpr(i)}]`).join('');
    case 'not':
      return '!' + wrap(node.arg, precedence(node.arg) < PREC.unary);
    case 'logical':
      return formatLogical(node.op, node.args);
    case 'conditional':
      return formatConditional(node.test, node.then, node.else);
    case 'label':
      return formatExpr(node.expr);
  }
}

function formatBinary(left: MaskExpr, op: string, right: MaskExpr, prec: number, nonAssociative = false): string {
  const leftParens = nonAssociative ? precedence(left) <= prec : precedence(left) < prec;
  return `${wrap(left, leftParens)} ${op} ${wrap(right, precedence(right) <= prec)}`;
}

function formatLogical(op: 'and' | 'or', args: readonly MaskExpr[]): string {
  const prec = op === 'and' ? PREC.and : PREC.or;
  return args.map((a) => wrap(a, precedence(a) <= prec)).join(op === 'and' ? ' && ' : ' || ');
}

function formatConditional(test: MaskExpr, then: MaskExpr, otherwise: MaskExpr): string {
  const isConditional = (e: MaskExpr) => precedence(e) === PREC.conditional;
  return `${wrap(test, isConditional(test))} ? ${wrap(then, isConditional(then))} : ${formatExpr(otherwise)}`;
}

function wrap(expr: MaskExpr, parens: boolean): string {
  const text = formatExpr(expr);
  return parens ? `(${text})` : text;
}

/** Labels and one-argument and/or are transparent; an empty and/or is a boolean literal. */
function unwrap(expr: MaskExpr): MaskExpr {
  if (expr.kind === 'label') return unwrap(expr.expr);
  if (expr.kind === 'logical') {
    if (expr.args.length === 0) return { kind: 'boolean', value: expr.op === 'and' };
    if (expr.args.length === 1 && expr.args[0]) return unwrap(expr.args[0]);
  }
  return expr;
}

function precedence(expr: MaskExpr): number {
  const node = unwrap(expr);
  switch (node.kind) {
    case 'conditional':
      return PREC.conditional;
    case 'logical':
      return node.op === 'and' ? PREC.and : PREC.or;
    case 'compare':
      return PREC.compare;
    case 'arithmetic':
      return node.op === '+' || node.op === '-' ? PREC.additive : PREC.multiplicative;
    case 'not':
      return PREC.unary;
    case 'number':
      return node.value < 0 || Object.is(node.value, -0) ? PREC.unary : PREC.atom;
    default:
      return PREC.atom;
  }
}
