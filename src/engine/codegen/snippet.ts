/**
 * Pieces every Python snippet shares: the sizes line, parameters, tables as literal arrays,
 * helpers, index grids, one statement per labelled term, and the final `mask = …`.
 */
import { formatExpr } from '../mask/format';
import type { MaskExpr } from '../mask/expr';
import type { MaskShape } from '../mask/cell';
import { pythonListLiteral, type PythonMask, type PythonTable } from './python';

/** How one framework writes arrays. */
export interface ArrayDialect {
  /** A literal array from a nested Python list (dtype inferred: bool or the default int). */
  array(list: string): string;
  /** An empty array of the given shape (a table with a 0-sized dimension). */
  empty(shape: string, bool: boolean): string;
  /** The index grid of a variable, broadcastable to [B, H, Lq, Lk]. */
  grid(variable: 'b' | 'h' | 'q' | 'k'): string;
}

/** Longest root expression kept on one line before it is split one term per line. */
const ONE_LINE = 72;

/** The formula as a comment: "# Maskscope mask: k <= q && keyIsReal[b][k]". */
export function formulaComment(expr: MaskExpr): string {
  return `# Maskscope mask: ${formatExpr(expr).replace(/\s+/g, ' ')}`;
}

/** `B, H, Lq, Lk = 2, 2, 4, 6  # batch, heads, query length, key length`. */
export function sizesLine(shape: MaskShape): string {
  return `B, H, Lq, Lk = ${shape.batch}, ${shape.heads}, ${shape.queryLength}, ${shape.keyLength}  ` +
    '# batch, heads, query length, key length';
}

/** The parameter, table and helper definitions, each block followed by a blank line (two around a def). */
export function definitions(mask: PythonMask, dialect: ArrayDialect): string[] {
  const lines: string[] = [];
  if (mask.parameters.length > 0) {
    lines.push(...mask.parameters.map((p) => `${p.name} = ${p.literal}`), '');
  }
  if (mask.tables.length > 0) {
    lines.push(...mask.tables.map((t) => tableDefinition(t, dialect)), '');
  }
  for (const helper of mask.helpers) lines.push('', helper, '', '');
  return lines;
}

function tableDefinition(t: PythonTable, dialect: ArrayDialect): string {
  const { shape, data } = t.table;
  const comment = `  # ${t.name}: shape [${shape.join(', ')}]${t.bool ? ', True/1 = on' : ''}`;
  if (data.length === 0 && shape.length > 0) {
    const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
    return `${t.pyName} = ${dialect.empty(tuple, t.bool)}${comment}`;
  }
  return `${t.pyName} = ${dialect.array(pythonListLiteral(t.table, t.bool))}${comment}`;
}

/** The index grids the mask reads, under a comment. */
export function gridLines(mask: PythonMask, dialect: ArrayDialect): string[] {
  if (mask.grids.length === 0) return [];
  return ['# Index grids, broadcastable to [B, H, Lq, Lk]', ...mask.grids.map((g) => `${g} = ${dialect.grid(g)}`), ''];
}

/**
 * `target + open + root + close` on one line, or — when the root is long and has several terms —
 * one term per line inside parentheses, followed by `splitClose` and the lines of `afterSplit`:
 *   mask = (
 *       causal
 *       & key_padding
 *   ).expand(B, H, Lq, Lk)
 * @param parts.open, parts.close around a one-line root (e.g. 'jnp.broadcast_to(' and ', (B, H, Lq, Lk))').
 * @param parts.splitClose after the closing parenthesis of a split root (e.g. '.expand(B, H, Lq, Lk)').
 * @param parts.afterSplit lines after a split root (e.g. 'mask = jnp.broadcast_to(mask, …)').
 * @param parts.indent prefix of every line (inside a function body).
 */
export function rootAssignment(
  mask: PythonMask,
  target: string,
  parts: { open: string; close: string; splitClose: string; afterSplit?: readonly string[]; indent?: string },
): string[] {
  const indent = parts.indent ?? '';
  if (mask.rootTerms.length <= 1 || mask.root.length <= ONE_LINE) {
    return [`${indent}${target}${parts.open}${mask.root}${parts.close}`];
  }
  const [first, ...rest] = mask.rootTerms;
  return [
    `${indent}${target}(`,
    `${indent}    ${first ?? ''}`,
    ...rest.map((t) => `${indent}    ${mask.rootOperator} ${t}`),
    `${indent})${parts.splitClose}`,
    ...(parts.afterSplit ?? []).map((line) => `${indent}${line}`),
  ];
}

/** True when the code is one Python identifier (so `name.expand(…)` needs no parentheses). */
export function isIdentifier(code: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(code);
}

/** Joins lines into a snippet: no run of more than two blank lines, one trailing newline. */
export function joinLines(lines: readonly string[]): string {
  return `${lines.join('\n').replace(/\n{4,}/g, '\n\n\n').replace(/\s+$/, '')}\n`;
}
