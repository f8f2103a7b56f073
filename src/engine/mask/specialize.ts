/**
 * Mask expressions specialised to one (batch item, head) and one block of query rows: a pure tree
 * transform, so a block can be evaluated or compiled on its own while `Lq` keeps meaning the full
 * query length.
 */
import { add, children, num, vars, type MaskExpr, type MaskVariable } from './expr';

/** What to fix; an absent field leaves its variable as it is. */
export interface MaskSpecialization {
  /** Batch item: b becomes this number (an integer ≥ 0). */
  b?: number;
  /** Head: h becomes this number (an integer ≥ 0). */
  h?: number;
  /** First query row of the block: q becomes `q + queryOffset` (an integer ≥ 0; 0 changes nothing). */
  queryOffset?: number;
  /** Full query length: Lq becomes this number (an integer ≥ 1). */
  Lq?: number;
  /** Full key length: Lk becomes this number (an integer ≥ 1). */
  Lk?: number;
}

/**
 * The mask with b, h, Lq, Lk replaced by number constants and q by `q + queryOffset`.
 *
 * Rule: evaluating the result on [1, 1, r1 − r0, Lk] gives rows [r0, r1) of the (b, h) slice of
 * the original on [B, H, Lq, Lk] when called with { b, h, queryOffset: r0, Lq, Lk }. The new
 * constants are whole numbers, so they are int like the variables they replace (valueKind and
 * every int32 / float32 rule are unchanged); labels are kept, so explanations still name them.
 * Subtrees without a replaced variable are returned as they are (same objects).
 * Example: specializeMask(`k <= q + Lk - Lq && keyIsReal[b][k]`, { b: 1, queryOffset: 4, Lq: 8, Lk: 8 })
 * → `k <= q + 4 + 8 - 8 && keyIsReal[1][k]`.
 *
 * @param expr any mask expression (the tree is not type-checked here).
 * @param fixed the values to fix; absent fields are left as variables.
 * @throws Error when b, h or queryOffset is not an integer ≥ 0, or Lq or Lk not an integer ≥ 1.
 * Source: FlexAttention evaluates `mask_mod` per block with absolute indices (q_idx = block
 * offset + row); here the offset is written into the tree instead.
 */
export function specializeMask(expr: MaskExpr, fixed: MaskSpecialization): MaskExpr {
  assertSpecialization(fixed);
  const replacements = replacementsFor(fixed);
  return replace(expr, replacements);
}

/**
 * @throws Error naming the field when a value is not an integer in range.
 */
function assertSpecialization(fixed: MaskSpecialization): void {
  const lowest = { b: 0, h: 0, queryOffset: 0, Lq: 1, Lk: 1 } as const;
  for (const name of Object.keys(lowest) as (keyof typeof lowest)[]) {
    const value = fixed[name];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= lowest[name] && value <= 2 ** 31 - 1)) {
      throw new Error(`specializeMask: ${name} must be an integer ≥ ${lowest[name]}, got ${value}`);
    }
  }
}

type Replacements = Partial<Record<MaskVariable, MaskExpr>>;

function replacementsFor({ b, h, queryOffset, Lq, Lk }: MaskSpecialization): Replacements {
  const out: Replacements = {};
  if (b !== undefined) out.b = num(b);
  if (h !== undefined) out.h = num(h);
  if (queryOffset) out.q = add(vars.q, num(queryOffset));
  if (Lq !== undefined) out.Lq = num(Lq);
  if (Lk !== undefined) out.Lk = num(Lk);
  return out;
}

/** The tree with variables replaced; a node whose children are unchanged is returned as is. */
function replace(expr: MaskExpr, replacements: Replacements): MaskExpr {
  if (expr.kind === 'variable') return replacements[expr.name] ?? expr;
  const before = children(expr);
  const after = before.map((child) => replace(child, replacements));
  return after.every((child, i) => child === before[i]) ? expr : withChildren(expr, after);
}

/** A copy of a node with new children, in the order of `children(expr)`. */
function withChildren(expr: MaskExpr, kids: readonly MaskExpr[]): MaskExpr {
  const [first = expr, second = expr, third = expr] = kids;
  switch (expr.kind) {
    case 'arithmetic':
    case 'compare':
      return { ...expr, left: first, right: second };
    case 'call':
    case 'logical':
      return { ...expr, args: kids };
    case 'not':
      return { ...expr, arg: first };
    case 'conditional':
      return { ...expr, test: first, then: second, else: third };
    case 'lookup':
      return { ...expr, indices: kids };
    case 'label':
      return { ...expr, expr: first };
    default:
      return expr;
  }
}
