/**
 * Inputs for the fused WebGL masked softmax (src/engine/tfMaskedSoftmax.ts) and their float64
 * reference: rows with a mixed mask, no allowed key, one allowed key, logits at ±80, and a long
 * row (Lk = 300) of seeded random logits with some fully masked rows.
 */
import { mulberry32 } from '../../src/engine/random';

export interface SoftmaxCase {
  name: string;
  shape: number[];
  logits: number[];
  /** 0/1, same shape (1 = may attend). */
  mask: number[];
}

/** Shape [2,1,3,6]: six rows of Lk = 6, written out. */
const HANDMADE: SoftmaxCase = {
  name: 'handmade [2,1,3,6]',
  shape: [2, 1, 3, 6],
  logits: [
    [0.5, -1.25, 2, 0.75, 3, -0.5], // mixed mask
    [5, 5, 5, 5, 5, 5], // fully masked
    [1, 2, 3, 4, 5, 6], // only key 3 allowed
    [80, -80, 79, -80, 80, 0], // ±80, all allowed
    [-80, 80, -79, -80, 80, -78], // only the −80s allowed (the +80s blocked)
    [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], // all allowed
  ].flat(),
  mask: [
    [1, 0, 1, 1, 0, 1],
    [0, 0, 0, 0, 0, 0],
    [0, 0, 0, 1, 0, 0],
    [1, 1, 1, 1, 1, 1],
    [1, 0, 1, 1, 0, 1],
    [1, 1, 1, 1, 1, 1],
  ].flat(),
};

/** Shape [1,2,5,300]: seeded logits in [−8, 8), about 70 % allowed; rows 1 and 7 fully masked. */
function longRows(): SoftmaxCase {
  const random = mulberry32(13);
  const shape = [1, 2, 5, 300];
  const size = 2 * 5 * 300;
  const logits = Array.from({ length: size }, () => random() * 16 - 8);
  const mask = Array.from({ length: size }, (_, i) => (Math.floor(i / 300) % 6 === 1 ? 0 : random() < 0.7 ? 1 : 0));
  return { name: 'seeded [1,2,5,300]', shape, logits, mask };
}

export const SOFTMAX_CASES: SoftmaxCase[] = [HANDMADE, longRows()];

/** Float64 masked softmax: allowed ? exp(x − max_allowed) / Σ : 0; all 0 in a row without allowed keys. */
export function maskedSoftmaxReference({ shape, logits, mask }: SoftmaxCase): number[] {
  const Lk = shape[shape.length - 1] as number;
  const out: number[] = [];
  for (let start = 0; start < logits.length; start += Lk) {
    const allowed = (k: number) => mask[start + k] === 1;
    const xs = logits.slice(start, start + Lk);
    const max = Math.max(...xs.filter((_, k) => allowed(k)));
    const exps = xs.map((x, k) => (allowed(k) ? Math.exp(x - max) : 0));
    const sum = exps.reduce((a, b) => a + b, 0);
    out.push(...exps.map((e) => (sum > 0 ? e / sum : 0)));
  }
  return out;
}
