/**
 * Painted cells as part of the mask: at a painted (q, k) the painted value wins over every other
 * mask (in every batch item and head); elsewhere the mask is unchanged:
 *   cond(paintSet[q][k], painted: paintAllow[q][k], rest)
 */
import { cond, label, lookup, vars, type MaskExpr } from '../engine/mask';
import type { MaskSpec } from '../engine/types';
import { parsePaint } from '../state/paint';

/** Label of painted cells in explanations. */
export const PAINT_LABEL = 'painted';

/**
 * Adds the painted cells of `paint` (paint.ts format) to a mask spec; cells outside Lq × Lk are
 * ignored. Returns `spec` itself when nothing is painted inside the matrix.
 */
export function withPaint(spec: MaskSpec, paint: string, queryLength: number, keyLength: number): MaskSpec {
  const set = new Uint8Array(queryLength * keyLength);
  const allow = new Uint8Array(queryLength * keyLength);
  let any = false;
  for (const [key, allowed] of parsePaint(paint).cells) {
    const [q = 0, k = 0] = key.split('.').map(Number);
    if (q >= queryLength || k >= keyLength) continue;
    set[q * keyLength + k] = 1;
    allow[q * keyLength + k] = allowed ? 1 : 0;
    any = true;
  }
  if (!any) return spec;
  const { q, k } = vars;
  const expr: MaskExpr = cond(lookup('paintSet', q, k), label(PAINT_LABEL, lookup('paintAllow', q, k)), spec.expr);
  const shape = [queryLength, keyLength];
  return { expr, tables: { ...spec.tables, paintSet: { shape, data: set }, paintAllow: { shape, data: allow } } };
}

/** The paint text with cell (q, k) set to `allow` (or cleared when `allow` is null). */
export function paintCell(paint: string, q: number, k: number, allow: boolean | null): Map<string, boolean> {
  const { cells } = parsePaint(paint);
  if (allow === null) cells.delete(`${q}.${k}`);
  else cells.set(`${q}.${k}`, allow);
  return cells;
}

/** 1 at each painted cell inside Lq × Lk, row-major [Lq×Lk]; for marking them on the heatmap. */
export function paintedFlags(paint: string, queryLength: number, keyLength: number): Uint8Array {
  const flags = new Uint8Array(queryLength * keyLength);
  for (const key of parsePaint(paint).cells.keys()) {
    const [q = 0, k = 0] = key.split('.').map(Number);
    if (q < queryLength && k < keyLength) flags[q * keyLength + k] = 1;
  }
  return flags;
}
