/**
 * Where a mask is evaluated: one cell (b, h, q, k), the lengths, the tables, and a grid's sizes.
 */
import type { MaskTables } from './tables';

/** One cell: batch item b, head h, query q (row), key k (column). */
export interface MaskCell {
  b: number;
  h: number;
  q: number;
  k: number;
}

/** What a cell's value depends on besides its indices. */
export interface MaskContext {
  /** Query length Lq. */
  Lq: number;
  /** Key length Lk. */
  Lk: number;
  /** Tables read by lookup nodes (default: none). */
  tables?: MaskTables;
}

/** Sizes of a mask grid [B,H,Lq,Lk] (an AttentionShape fits). */
export interface MaskShape {
  batch: number;
  heads: number;
  queryLength: number;
  keyLength: number;
}

/**
 * @throws Error when a size is not an integer ≥ 1 (message names the caller and the sizes).
 */
export function assertShape(shape: MaskShape, where: string): void {
  const sizes = [shape.batch, shape.heads, shape.queryLength, shape.keyLength];
  if (sizes.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new Error(`${where}: batch, heads, queryLength and keyLength must be integers ≥ 1, got ` +
      `[${sizes.join(',')}]`);
  }
}
