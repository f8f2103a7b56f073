/**
 * Where the two readings of a causal mask in a padded batch differ (issue #11 §3): the scenario's
 * mask computed with each batch item's real lengths and with the padded shape, compared cell by
 * cell for one batch item and head. Pure (no React, no DOM); the Mask heatmap dashes these cells.
 */
import { readingsAgree } from '../engine/causalLengths';
import { compileMaskRows } from '../engine/mask';
import type { Scenario } from '../state/scenario';
import { deriveInputs } from './derive';

/** The cells of one (batch item, head) where the readings differ: flags [Lq × Lk] (1 = differs). */
export interface ReadingDiff {
  flags: Uint8Array;
  /** Number of flagged cells (≥ 1: a diff with none is returned as null). */
  count: number;
  /** Cells allowed under real lengths only, and under the padded shape only. */
  realOnly: number;
  paddedOnly: number;
  /** The causal alignment both readings use (it decides which framework calls give each). */
  alignment: Scenario['causalAlignment'];
}

/**
 * Compares the whole mask (every term, key padding and painted cells included) under the two
 * readings, for batch item b and head h.
 * Example: the link (cross-attention, queries q0 q1, keys k0 k1 k2 <pad> and k0…k3, causal
 * bottom-right), b = 0: one cell differs, (q0, k2), allowed by the padded shape only.
 * @returns null when causal is off, in lengths mode, in the encoder–decoder view, when the inputs
 *   are invalid, when b or h is outside the batch, or when the two masks are the same.
 * @throws never.
 */
export function causalReadingDiff(s: Scenario, b: number, h: number): ReadingDiff | null {
  if (!s.causal || s.inputMode === 'lengths' || s.attention === 'encdec') return null;
  const real = deriveInputs({ ...s, causalLengths: 'real' }, { vectors: false });
  if (!real.ok || b < 0 || b >= real.inputs.shape.batch || h < 0 || h >= real.inputs.shape.heads) return null;
  if (readingsAgree(s.causalAlignment, real.query.isReal, real.key.isReal)) return null;
  const padded = deriveInputs({ ...s, causalLengths: 'padded' }, { vectors: false });
  if (!padded.ok) return null;
  const { queryLength: Lq, keyLength: Lk } = real.inputs.shape;
  const rowOf = (mask: typeof real.inputs.mask) => compileMaskRows(mask.expr, { Lq, Lk, tables: mask.tables });
  const realRow = rowOf(real.inputs.mask);
  const paddedRow = rowOf(padded.inputs.mask);
  const a = new Uint8Array(Lk);
  const c = new Uint8Array(Lk);
  const flags = new Uint8Array(Lq * Lk);
  let realOnly = 0;
  let paddedOnly = 0;
  for (let q = 0; q < Lq; q++) {
    realRow(b, h, q, a);
    paddedRow(b, h, q, c);
    for (let k = 0; k < Lk; k++) {
      if (a[k] === c[k]) continue;
      flags[q * Lk + k] = 1;
      if (a[k]) realOnly++;
      else paddedOnly++;
    }
  }
  const count = realOnly + paddedOnly;
  return count === 0 ? null : { flags, count, realOnly, paddedOnly, alignment: s.causalAlignment };
}
