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
  for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) * std;
  return w;
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
    const wT = transposedMatrix(name, h, seed, d, dK);
    for (let b = 0; b < B; b++) {
      let i = 0;
      for (; i + 2 <= L; i += 2) projectRowPair(x, (b * L + i) * d, wT, d, dK, out, ((b * H + h) * L + i) * dK);
      if (i < L) projectColumns(x, (b * L + i) * d, wT, d, 0, dK, out, ((b * H + h) * L + i) * dK);
    }
  }
  return out;
}

/**
 * Rows xo and xo + d of x times W into o and o + dK: out[o + c] = Σ_j x[xo + j] · wT[c·d + j],
 * four columns at a time (eight independent sums, so the additions do not wait on each other, and
 * each W entry loaded once for both rows); each sum runs over j in order, in float64.
 */
function projectRowPair(x: Float64Array, xo: number, wT: Float64Array, d: number, dK: number, out: Float32Array, o: number): void {
  let c = 0;
  for (; c + 4 <= dK; c += 4) {
    const w0 = c * d, w1 = w0 + d, w2 = w1 + d, w3 = w2 + d;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    for (let j = 0; j < d; j++) {
      const u = x[xo + j] as number;
      const v = x[xo + d + j] as number;
      const a = wT[w0 + j] as number, b = wT[w1 + j] as number, e = wT[w2 + j] as number, f = wT[w3 + j] as number;
      s0 += u * a; s1 += u * b; s2 += u * e; s3 += u * f;
      t0 += v * a; t1 += v * b; t2 += v * e; t3 += v * f;
    }
    out[o + c] = s0; out[o + c + 1] = s1; out[o + c + 2] = s2; out[o + c + 3] = s3;
    out[o + dK + c] = t0; out[o + dK + c + 1] = t1; out[o + dK + c + 2] = t2; out[o + dK + c + 3] = t3;
  }
  if (c < dK) {
    projectColumns(x, xo, wT, d, c, dK, out, o);
    projectColumns(x, xo + d, wT, d, c, dK, out, o + dK);
  }
}

/** Columns [from, to) of one row, one sum at a time (same order as the blocked sums). */
function projectColumns(x: Float64Array, xo: number, wT: Float64Array, d: number, from: number, to: number, out: Float32Array, o: number): void {
  for (let c = from; c < to; c++) {
    let sum = 0;
    for (let j = 0, w = c * d; j < d; j++) sum += (x[xo + j] as number) * (wT[w + j] as number);
    out[o + c] = sum;
  }
}

/** Transposed projection matrices by name, head, seed and size: a new text or mask reuses them. */
const transposed = new Map<string, Float64Array>();
/** At most this many float64 entries are kept (64 MB); the oldest matrices go first. */
const KEPT_ENTRIES = 1 << 23;
let keptEntries = 0;

/** projectionMatrix(name, head, seed, d, dK) transposed to [dK, d] (computed once, then kept). */
function transposedMatrix(name: string, head: number, seed: number, d: number, dK: number): Float64Array {
  const key = `${name}/${head}/${seed}/${d}/${dK}`;
  let m = transposed.get(key);
  if (m === undefined) {
    m = transpose(projectionMatrix(name, head, seed, d, dK), d, dK);
    for (const [old, value] of transposed) {
      if (keptEntries + m.length <= KEPT_ENTRIES) break;
      transposed.delete(old);
      keptEntries -= value.length;
    }
    transposed.set(key, m);
    keptEntries += m.length;
  }
  return m;
}

/** [rows, cols] → [cols, rows], so a column of W is read contiguously. */
function transpose(m: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c] as number;
  return t;
}
