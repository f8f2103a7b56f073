import type { MaskExpr, MaskTables } from './mask';
import type { ScoreMods } from './scoreMods';

export type { ScoreMods } from './scoreMods';

/**
 * Shapes and results shared by the engine, the float64 reference and their callers.
 * Every array is row-major; rows are queries and columns are keys (DESIGN.md §1).
 */

/** Sizes of one attention computation. dV is the value (and output) dimension. */
export interface AttentionShape {
  /** Batch size B. */
  batch: number;
  /** Number of heads H. */
  heads: number;
  /** Query length Lq. */
  queryLength: number;
  /** Key length Lk. */
  keyLength: number;
  /** Key dimension dK (query and key vectors). */
  dK: number;
  /** Value dimension dV (value and output vectors). */
  dV: number;
}

/** Bit flags per (batch, head, query row). 0 = a normal row. */
export const RowStatus = {
  normal: 0,
  /** No key is allowed: weights are 0 and the output is 0 (PyTorch ≥ 2.5 SDPA convention). */
  fullyMasked: 1,
  /** The query token is padding: the row is computed but greyed and its output ignored. */
  paddedQuery: 2,
} as const;

/**
 * Inputs to one attention computation.
 * - `q`: [B,H,Lq,dK], `k`: [B,H,Lk,dK], `v`: [B,H,Lk,dV] (Float32Array, row-major).
 * - `mask`: what the masks are, evaluated by `evaluateMask` / compiled by `maskTensor`.
 * - `scale`: multiplies the scores; defaults to 1/√dK (Vaswani et al. 2017, eq. 1).
 *   `scoreMods.scale`, when set, takes precedence over it.
 * - `scoreMods`: scale override, ALiBi and soft-capping, applied before the mask (scoreMods.ts).
 */
export interface AttentionInputs {
  shape: AttentionShape;
  q: Float32Array;
  k: Float32Array;
  v: Float32Array;
  mask: MaskSpec;
  /** Real (non-padding) query tokens, [B][Lq]; used only to flag padded query rows. */
  queryIsReal: boolean[][];
  scale?: number;
  /** Score modifiers (scale / temperature, ALiBi, soft-cap); absent = none. See ScoreMods. */
  scoreMods?: ScoreMods;
}

/**
 * The mask of this scenario: one expression over (b, h, q, k) — true = may attend — usually an
 * AND of labelled terms ('causal', 'key padding', …), and the tables it reads (e.g. keyIsReal
 * [B, Lk]). Built by `buildMaskSpec` (masks.ts); see src/engine/mask/ for the expression language.
 */
export interface MaskSpec {
  expr: MaskExpr;
  tables: MaskTables;
}

/** Numeric stages of one computation, each a row-major Float32Array with the shape given. */
export interface AttentionStages {
  shape: AttentionShape;
  /** Q·Kᵀ, [B,H,Lq,Lk]. */
  scores: Float32Array;
  /** scores × scale (ScoreMods.scale ?? scale ?? 1/√dK), [B,H,Lq,Lk]. */
  scaled: Float32Array;
  /**
   * scaled + ALiBi bias, then soft-capped, [B,H,Lq,Lk]; equal to `scaled` when neither modifier is
   * on. Every cell, allowed or not (the mask comes next). Always its own array, never `scaled`'s.
   */
  logits: Float32Array;
  /** 1 = the query may attend the key, [B,H,Lq,Lk]. */
  mask: Uint8Array;
  /** where(mask, logits, −∞), [B,H,Lq,Lk]; blocked cells hold −Infinity, never NaN. */
  masked: Float32Array;
  /** Row softmax of `logits` over the allowed cells; 0 in blocked cells and in fully masked rows, [B,H,Lq,Lk]. */
  weights: Float32Array;
  /** weights·V, [B,H,Lq,dV]; 0 in fully masked rows. */
  output: Float32Array;
  /** RowStatus flags, [B,H,Lq]. */
  rowStatus: Uint8Array;
}

/** Which tfjs backend ran, and what it can do. */
export interface BackendInfo {
  /** 'webgl' or 'cpu'. */
  name: string;
  /** 2 for WebGL2, 1 for WebGL1, 0 when not WebGL. */
  webglVersion: number;
  /** True when WebGL renders to float32 textures (else float16). CPU is always float32. */
  float32: boolean;
  /** The precision the backend computes and stores stages in (float16 textures: see backendPrecision). */
  precision: Precision;
  /** WebGL MAX_TEXTURE_SIZE, 0 when not WebGL. */
  maxTextureSize: number;
  /** Why this backend was chosen, e.g. the WebGL error that caused the fallback; '' when WebGL ran. */
  fallbackReason: string;
}

/**
 * The float format a computation's stages were computed and stored in: 'float16' when tfjs WebGL
 * renders to half-float textures (no float32 render targets, or WEBGL_FORCE_F16_TEXTURES), which
 * keep about 3 significant digits and overflow above 65504; 'float32' otherwise (the plain-JS path
 * computes in float64 and stores float32).
 */
export type Precision = 'float32' | 'float16';

/** The engine's paths: plain-JS loops, or tfjs on its WebGL or CPU backend. */
export type EnginePath = 'js' | 'webgl' | 'cpu';

/** One (batch item, head). */
export interface HeadRef {
  batch: number;
  head: number;
}
