/**
 * The WebAssembly SIMD kernels of the plain-JS path (attentionKernels.wat): scores = Q·Kᵀ and
 * output = weights·V for one (batch item, head), in float64 arithmetic (f64x2 lanes) rounded to
 * float32 on store — the precision of the JS loops in jsAttention.ts, which remain the fallback.
 *
 * One instance per realm (page or worker), compiled synchronously on first use: the module is
 * 1.6 KB, under the 4 KB that Chromium has allowed synchronous compilation on the main thread
 * (keep it so). Compilation needs WebAssembly SIMD and, under a Content-Security-Policy,
 * 'wasm-unsafe-eval' (vite.config.ts); where either is missing the JS loops run. Its memory
 * holds one head at a time, as float64 copies:
 *   [ Q: Lq × dK | K: Lk × dK | V: Lk × dV | scratch: score rows, or a weights row and an output row ]
 * converted from the inputs' float32 arrays once per (owner, batch, head): computeRowsJs called
 * block by block on one head converts them once.
 */
import type { AttentionInputs } from '../types';
import { ATTENTION_KERNELS_BASE64 } from './attentionKernelsBytes';

/** The module's exports (byte offsets and counts as in attentionKernels.wat). */
interface KernelExports {
  memory: WebAssembly.Memory;
  scores(q: number, k: number, out: number, rows: number, Lk: number, dK: number): void;
  weightedSum(w: number, v: number, out: number, rows: number, Lk: number, dV: number): void;
}

/** The arrays a head kernel reads: the inputs' shape and their q, k, v ([B,H,L,d] float32). */
export type HeadVectors = Pick<AttentionInputs, 'shape' | 'q' | 'k' | 'v'>;

/**
 * The two products of one head resident in the module's memory: use it right away, as
 * jsAttention.ts does — a headKernel call for another head (or owner) reuses the memory.
 */
export interface HeadKernel {
  /**
   * scores[i, j] = Σ_d Q[i, d]·K[j, d] of query rows [start, end), written to
   * `scores` [Lq × Lk] (this head's) from index start·Lk.
   */
  scoreRows(start: number, end: number, scores: Float32Array): void;
  /**
   * output[i, c] = Σ_j weights[i, j]·V[j, c] of query row i, over the keys whose weight is not 0;
   * reads `weights` [Lq × Lk], writes `output` [Lq × dV] (this head's).
   */
  outputRow(weights: Float32Array, i: number, output: Float32Array): void;
}

/**
 * Multiply-adds per query row, Lk·(dK + dV), below which a head stays on the JS loops: the
 * kernels' fixed costs (copies in and out, views, calls; about 1 µs a row) outweigh their speed
 * there (Node 20 on a shared 2-core EPYC, whole heads, causal: break-even near Lk = 16,
 * dK = dV = 16, where Lk·(dK + dV) = 512; 1.3× at Lk = 32, dK = dV = 64; 2× from Lk = 64).
 */
export const KERNEL_MIN_ROW_WORK = 2048;
/** Bytes of score rows computed per call at most (the scratch area), so memory stays small at any Lq. */
const SCORE_CHUNK_BYTES = 1 << 19;
/** Bytes of memory the kernels may use at most (2 GiB: offsets stay positive i32). */
const MAX_BYTES = 2 ** 31;
const PAGE_BYTES = 65536;

let enabled = true;
let minRowWork = KERNEL_MIN_ROW_WORK;
/** undefined: not tried yet; null: unavailable (no WebAssembly or SIMD, or the CSP forbids it). */
let kernels: KernelExports | null | undefined;
let resident: ResidentHead | null = null;
const ownerIds = new WeakMap<object, number>();
let nextOwnerId = 1;

/**
 * Turns the kernels off (false: headKernel returns null and the JS loops run) or back on; for
 * tests and benchmarks that compare the two. On by default, for heads of at least
 * KERNEL_MIN_ROW_WORK multiply-adds per query row.
 * @param rowWork the smallest Lk·(dK + dV) given a kernel (0: every head, as tests of small shapes need).
 */
export function setKernelsEnabled(on: boolean, rowWork = KERNEL_MIN_ROW_WORK): void {
  enabled = on;
  minRowWork = rowWork;
  if (!on) resident = null;
}

/** Whether the kernels run here: enabled, and WebAssembly with SIMD compiles in this realm. */
export function kernelsAvailable(): boolean {
  return enabled && instance() !== null;
}

/**
 * The kernel of head (batch, head) of `vectors`, its Q, K, V copied into the module's memory
 * unless they are there already for the same `owner` (e.g. a JsPlan), batch and head.
 * @param owner identifies the computation: one whose q, k, v do not change while it is used.
 * @returns null when the kernels are disabled or unavailable, the head is small (Lk·(dK + dV) <
 *   KERNEL_MIN_ROW_WORK), memory cannot grow to the head's size, or q, k or v is shorter than
 *   [B,H,L,d] (the JS loops then run). Never throws.
 */
export function headKernel(owner: object, vectors: HeadVectors, batch: number, head: number): HeadKernel | null {
  const { keyLength: Lk, dK, dV } = vectors.shape;
  if (!enabled || Lk * (dK + dV) < minRowWork) return null;
  const id = ownerId(owner);
  if (resident && resident.owner === id && resident.batch === batch && resident.head === head) return counted(resident);
  resident = null;
  const exports = instance();
  if (!exports || !hasHead(vectors)) return null;
  const layout = headLayout(vectors.shape);
  if (!grow(exports.memory, layout.end)) return null;
  resident = new ResidentHead(exports, layout, vectors, id, batch, head);
  return counted(resident);
}

/** Kernels handed out in this realm so far (kernelHeadCount). */
let handedOut = 0;

function counted(kernel: HeadKernel): HeadKernel {
  handedOut++;
  return kernel;
}

/**
 * How many times headKernel has handed out a kernel in this realm (worker or page): compare the
 * count before and after a computation to tell whether its products ran in WebAssembly.
 */
export function kernelHeadCount(): number {
  return handedOut;
}

function ownerId(owner: object): number {
  let id = ownerIds.get(owner);
  if (id === undefined) {
    id = nextOwnerId++;
    ownerIds.set(owner, id);
  }
  return id;
}

/** The instance, created on first call; null when WebAssembly, SIMD or compilation (CSP) fails. */
function instance(): KernelExports | null {
  if (kernels !== undefined) return kernels;
  kernels = null;
  try {
    if (typeof WebAssembly === 'undefined') return null;
    const bytes = Uint8Array.from(atob(ATTENTION_KERNELS_BASE64), (c) => c.charCodeAt(0));
    kernels = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as KernelExports;
  } catch {
    kernels = null;
  }
  return kernels;
}

function hasHead({ shape, q, k, v }: HeadVectors): boolean {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = shape;
  return q.length >= B * H * Lq * dK && k.length >= B * H * Lk * dK && v.length >= B * H * Lk * dV;
}

/** Byte offsets of one head's arrays in the module's memory. */
interface Layout {
  q: number;
  k: number;
  v: number;
  /** score rows [chunkRows × Lk] f32; or a weights row [Lk] f32 … */
  scratch: number;
  /** … and its output row [dV] f32. */
  outputRow: number;
  /** Query rows per scores call (even, ≥ 2). */
  chunkRows: number;
  end: number;
}

function headLayout({ queryLength: Lq, keyLength: Lk, dK, dV }: HeadVectors['shape']): Layout {
  const align = (n: number) => Math.ceil(n / 16) * 16;
  const chunkRows = Math.max(2, 2 * Math.floor(SCORE_CHUNK_BYTES / (8 * Lk)));
  const q = 0;
  const k = align(q + Lq * dK * 8);
  const v = align(k + Lk * dK * 8);
  const scratch = align(v + Lk * dV * 8);
  const outputRow = scratch + align(Lk * 4);
  const end = Math.max(scratch + chunkRows * Lk * 4, outputRow + dV * 4);
  return { q, k, v, scratch, outputRow, chunkRows, end };
}

/** Grows `memory` to at least `bytes`; false when that is over MAX_BYTES or the engine refuses. */
function grow(memory: WebAssembly.Memory, bytes: number): boolean {
  if (bytes > MAX_BYTES) return false;
  const missing = Math.ceil(bytes / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
  try {
    if (missing > 0) memory.grow(missing);
    return true;
  } catch {
    return false;
  }
}

/** One head in the module's memory; Q, K and V are converted on first use. */
class ResidentHead implements HeadKernel {
  private converted = { q: false, k: false, v: false };

  constructor(
    private readonly exports: KernelExports,
    private readonly layout: Layout,
    private readonly vectors: HeadVectors,
    readonly owner: number,
    readonly batch: number,
    readonly head: number,
  ) {}

  scoreRows(start: number, end: number, scores: Float32Array): void {
    const { keyLength: Lk, dK } = this.vectors.shape;
    this.convert('q');
    this.convert('k');
    const { q, k, scratch, chunkRows } = this.layout;
    for (let i = start; i < end; i += chunkRows) {
      const rows = Math.min(chunkRows, end - i);
      this.exports.scores(q + i * dK * 8, k, scratch, rows, Lk, dK);
      scores.set(new Float32Array(this.exports.memory.buffer, scratch, rows * Lk), i * Lk);
    }
  }

  outputRow(weights: Float32Array, i: number, output: Float32Array): void {
    const { keyLength: Lk, dV } = this.vectors.shape;
    this.convert('v');
    const { v, scratch, outputRow } = this.layout;
    const buffer = this.exports.memory.buffer;
    new Float32Array(buffer, scratch, Lk).set(weights.subarray(i * Lk, (i + 1) * Lk));
    this.exports.weightedSum(scratch, v, outputRow, 1, Lk, dV);
    output.set(new Float32Array(buffer, outputRow, dV), i * dV);
  }

  /** Copies this head's q, k or v (float32 → float64) into its place, once. */
  private convert(part: 'q' | 'k' | 'v'): void {
    if (this.converted[part]) return;
    const { heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = this.vectors.shape;
    const [L, d] = part === 'q' ? [Lq, dK] : part === 'k' ? [Lk, dK] : [Lk, dV];
    const bh = this.batch * H + this.head;
    const source = this.vectors[part].subarray(bh * L * d, (bh + 1) * L * d);
    new Float64Array(this.exports.memory.buffer, this.layout[part], L * d).set(source);
    this.converted[part] = true;
  }
}
