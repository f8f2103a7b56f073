/**
 * The masks of a scenario as one expression (src/engine/mask/): issue #2's causal mask (both
 * alignments) and key padding are labelled terms, and-ed with any other mask. One definition,
 * used two ways: evaluated per cell in plain JS (`evaluateMask`, `blockingTerms`: the reference,
 * the tests, "why is this cell blocked?") and compiled to tfjs ops (`maskTensor`, maskTensor.ts).
 * Convention: true / 1 = the query MAY attend the key.
 */
import {
  add, and, bool, evaluateMaskGrid, explainCell, label, le, lookup, sub, vars,
  type CellExplanation, type MaskCell, type MaskExpr, type MaskTables,
} from './mask';
import type { AttentionShape, MaskSpec } from './types';
import { causalLengthTables, causalRealTerm, readingsAgree } from './causalLengths';

/** Labels of the built-in terms, as explanations report them. */
export const MASK_LABELS = { causal: 'causal', keyPadding: 'key padding' } as const;

const { q, k, b, Lq, Lk } = vars;

/**
 * Causal predicate for one cell, on the padded shape (or an unpadded batch).
 * - bottom-right: k ≤ q + Lk − Lq (FlashAttention ≥ 2.1, xFormers `…FromBottomRightMask`).
 * - top-left:     k ≤ q           (PyTorch SDPA `is_causal=True`, Keras, JAX).
 * Example, Lq = 2, Lk = 4, bottom-right: row 0 → [1,1,1,0], row 1 → [1,1,1,1];
 * top-left: row 0 → [1,0,0,0], row 1 → [1,1,0,0].
 */
export function causalAllows(qi: number, ki: number, queryLength: number, keyLength: number, alignment: 'bottom-right' | 'top-left'): boolean {
  return ki <= qi + (alignment === 'bottom-right' ? keyLength - queryLength : 0);
}

/** The causal mask as a labelled expression (same rule as causalAllows). */
export function causalTerm(alignment: 'bottom-right' | 'top-left'): MaskExpr {
  return label(MASK_LABELS.causal, alignment === 'bottom-right' ? le(k, add(q, sub(Lk, Lq))) : le(k, q));
}

/** Key padding as a labelled expression: keyIsReal[b][k], from a table [B, Lk] of 0/1. */
export function keyPaddingTerm(): MaskExpr {
  return label(MASK_LABELS.keyPadding, lookup('keyIsReal', b, k));
}

/**
 * Builds the mask spec: the AND of the enabled terms (`true` when none).
 * @param options.keyIsReal [B][Lk], false for a padding key; null when key padding is off.
 * @param options.realLengths the query and key sides' real-token flags, [B][Lq] and [B][Lk]: the
 *   causal term then counts each batch item's real lengths (causalLengths.ts, the default reading
 *   of a padded batch); null or absent = the padded shape (`causalTerm`). Where the two readings
 *   are the same mask (`readingsAgree`: no padding, self-attention, …) the plain `causalTerm` is
 *   used, so the formula stays `k <= q`.
 * @param options.extra further terms (e.g. a catalogue mask), and-ed after causal and padding.
 * @throws Error when keyIsReal's rows do not all have the same length, or realLengths' sides have
 *   different batch sizes or non-contiguous real tokens.
 */
export function buildMaskSpec(options: {
  causal: null | 'bottom-right' | 'top-left';
  keyIsReal: null | boolean[][];
  extra?: MaskExpr[];
  extraTables?: MaskTables;
  realLengths?: null | { queryIsReal: boolean[][]; keyIsReal: boolean[][] };
}): MaskSpec {
  const terms: MaskExpr[] = [];
  const tables: Record<string, MaskTables[string]> = { ...options.extraTables };
  const real = options.realLengths;
  if (options.causal && real && !readingsAgree(options.causal, real.queryIsReal, real.keyIsReal)) {
    Object.assign(tables, causalLengthTables(real.queryIsReal, real.keyIsReal));
    terms.push(causalRealTerm(options.causal, MASK_LABELS.causal));
  } else if (options.causal) {
    terms.push(causalTerm(options.causal));
  }
  if (options.keyIsReal) {
    const rows = options.keyIsReal;
    const width = rows[0]?.length ?? 0;
    if (rows.some((row) => row.length !== width)) throw new Error('buildMaskSpec: keyIsReal rows differ in length');
    tables.keyIsReal = { shape: [rows.length, width], data: Uint8Array.from(rows.flat(), Number) };
    terms.push(keyPaddingTerm());
  }
  terms.push(...(options.extra ?? []));
  return { expr: terms.length === 0 ? bool(true) : terms.length === 1 ? (terms[0] as MaskExpr) : and(...terms), tables };
}

/**
 * The mask evaluated cell by cell in JS.
 * @returns Uint8Array [B,H,Lq,Lk], 1 = may attend.
 * @throws Error when a table the mask reads is missing or malformed, or keyIsReal is not [B, Lk].
 */
export function evaluateMask(spec: MaskSpec, shape: AttentionShape): Uint8Array {
  assertKeyTable(spec, shape);
  return evaluateMaskGrid(spec.expr, shape, spec.tables);
}

/**
 * Why the cell (b, h, q, k) is blocked: the labels (or, for unlabelled conditions, the text) of
 * the terms that block it; [] when the cell is allowed.
 */
export function blockingTerms(spec: MaskSpec, shape: AttentionShape, cell: MaskCell): string[] {
  return termNames(explainMaskCell(spec, shape, cell));
}

/** The mask evaluated at one cell, every node with its value, and the deciding terms (explainCell). */
export function explainMaskCell(spec: MaskSpec, shape: AttentionShape, cell: MaskCell): CellExplanation {
  return explainCell(spec.expr, cell, { Lq: shape.queryLength, Lk: shape.keyLength, tables: spec.tables });
}

/** The names of the terms that block a cell: labels, or the formula of an unlabelled condition. */
export function termNames(explanation: CellExplanation): string[] {
  if (explanation.allowed) return [];
  // The test of a `c ? a : b` (e.g. "is this cell painted?") is not itself a reason.
  const terms = explanation.blockedBy.filter((term) => !isConditionTest(explanation, term.path));
  return (terms.length ? terms : explanation.blockedBy).map((term) => term.label ?? term.text);
}

function isConditionTest(explanation: CellExplanation, path: readonly number[]): boolean {
  let node = explanation.tree;
  for (const [depth, index] of path.entries()) {
    if (node.expr.kind === 'conditional' && index === 0 && depth === path.length - 1) return true;
    const next = node.children[index];
    if (!next) return false;
    node = next;
  }
  return false;
}

/** Out-of-range lookups read as 0 (blocked), so a key table of the wrong size is an error here. */
export function assertKeyTable(spec: MaskSpec, shape: AttentionShape): void {
  const table = spec.tables.keyIsReal;
  if (table && (table.shape[0] !== shape.batch || table.shape[1] !== shape.keyLength)) {
    throw new Error(`mask: keyIsReal must be [B=${shape.batch}, Lk=${shape.keyLength}], got [${table.shape.join(', ')}]`);
  }
}
