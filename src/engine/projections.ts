/**
 * Deterministic Q, K, V from tokens: token embedding + sinusoidal positional encoding,
 * projected per head by seeded random matrices W_Q, W_K, W_V. Plain float64 JS, rounded to
 * float32 at the end, so the same settings give the same numbers on every backend.
 */
import { gaussians, hashString, mulberry32 } from './random';
import { positionIds, type SequenceBatch } from './sequences';

/** Settings of the input construction. */
export interface ProjectionSettings {
  seed: number;
  /** Key and value dimension per head (dV = dK). */
  dK: number;
  heads: number;
}

/** Model width: wide enough for distinct token vectors, and never narrower than dK. */
export function modelWidth(dK: number): number {
  return Math.max(32, dK);
}

/**
 * Sinusoidal positional encoding (Vaswani et al. 2017, §3.5):
 * PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)).
 * @returns Float64Array [d].
 */
export function positionalEncoding(position: number, width: number): Float64Array {
  const out = new Float64Array(width);
  for (let i = 0; i < width; i++) {
    const angle = position / Math.pow(10000, (2 * Math.floor(i / 2)) / width);
    out[i] = i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  }
  return out;
}

/**
 * Token embedding: d standard normal numbers from a generator seeded by hash(token, seed), so the
 * same token text gives the same vector wherever it appears.
 * @returns Float64Array [d].
 */
export function tokenEmbedding(token: string, seed: number, width: number): Float64Array {
  return gaussians(width, mulberry32(hashString(token, seed)));
}

/**
 * Embeds a batch: x[b][i] = embedding(token) + PE(position), positions from `positionIds`.
 * @returns Float64Array [B,L,d].
 */
export function embedBatch(batch: SequenceBatch, seed: number, width: number): Float64Array {
  const B = batch.tokens.length;
  const out = new Float64Array(B * batch.length * width);
  batch.tokens.forEach((tokens, b) => {
    const positions = positionIds(batch.isReal[b] ?? []);
    tokens.forEach((token, i) => {
      const e = tokenEmbedding(token, seed, width);
      const pe = positionalEncoding(positions[i] ?? 0, width);
      const base = (b * batch.length + i) * width;
      for (let j = 0; j < width; j++) out[base + j] = (e[j] as number) + (pe[j] as number);
    });
  });
  return out;
}

/**
 * Seeded projection matrix for one head, entries N(0, 1/d) so projected values stay O(1).
 * @param name 'W_Q', 'W_K' or 'W_V'.
 * @returns Float64Array [d, dK], row-major.
 */
export function projectionMatrix(name: string, head: number, seed: number, width: number, dK: number): Float64Array {
  const w = gaussians(width * dK, mulberry32(hashString(`${name}/${head}`, seed)));
  const std = 1 / Math.sqrt(width);
  return w.map((x) => x * std);
}

/**
 * Projects embeddings x [B,L,d] by W [d,dK] for every head, or for the heads listed.
 * @param heads the heads to project (others stay 0); all H when absent. At L = 4096 with many
 *   heads, projecting only the head on screen is what keeps a change of seed or text quick.
 * @returns Float32Array [B,H,L,dK].
 */
export function projectHeads(
  x: Float64Array,
  shape: { batch: number; length: number; width: number },
  name: string,
  settings: ProjectionSettings,
  heads?: readonly number[],
): Float32Array {
  const { batch: B, length: L, width: d } = shape;
  const { heads: H, dK, seed } = settings;
  const out = new Float32Array(B * H * L * dK);
  for (const h of heads ?? Array.from({ length: H }, (_, i) => i)) {
    const wT = transpose(projectionMatrix(name, h, seed, d, dK), d, dK);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < L; i++) {
        const xBase = (b * L + i) * d;
        const outBase = ((b * H + h) * L + i) * dK;
        for (let c = 0; c < dK; c++) {
          let sum = 0;
          for (let j = 0, wBase = c * d; j < d; j++) sum += (x[xBase + j] as number) * (wT[wBase + j] as number);
          out[outBase + c] = sum;
        }
      }
    }
  }
  return out;
}

/** [rows, cols] → [cols, rows], so a column of W is read contiguously. */
function transpose(m: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c] as number;
  return t;
}
