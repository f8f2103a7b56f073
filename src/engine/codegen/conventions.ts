/**
 * The current mask as each framework wants it — shape, dtype, meaning and values — for the
 * "conventions across frameworks" panel. Maskscope's own convention (DESIGN.md §1): 1 / true =
 * the query MAY attend the key. Frameworks disagree on the sign (true = attend or true = blocked),
 * on the type (bool, 0/1 ints, additive floats) and on the shape.
 */
import { assertShape, type MaskShape } from '../mask/cell';

/** The conventions shown, in the panel's order. */
export type ConventionId =
  | 'pytorch-sdpa'
  | 'pytorch-mha-attn-mask'
  | 'pytorch-mha-key-padding-mask'
  | 'huggingface-attention-mask'
  | 'keras-mha'
  | 'jax-flax'
  | 'additive'
  | 'tf-tutorial';

/** The caveats a convention can carry (FrameworkMask.noteId). */
export type ConventionNoteId = 'sdpaTopLeft' | 'mha3d' | 'mha2d' | 'mhaMerged' | 'hfPaddingOnly' | 'kerasPerHead' | 'jaxLayout' | 'additiveNan' | 'tfTutorialSign';

/** A cell of a framework's mask: a boolean for bool dtypes, a number for int and float dtypes. */
export type ConventionValue = boolean | number;

/** What the panel knows about the current mask. */
export interface ConventionInput {
  /** The evaluated mask, Uint8Array [B,H,Lq,Lk], 1 = may attend (evaluateMaskGrid / evaluateMask). */
  mask: Uint8Array;
  shape: MaskShape;
  /** Key padding flags [B][Lk], false = a padding key; null or absent = no key padding. */
  keyIsReal?: readonly (readonly boolean[])[] | null;
  /**
   * The mask without its key padding term, [B,H,Lq,Lk] (for nn.MultiheadAttention, which takes
   * padding separately as key_padding_mask); absent = `mask` (padding then appears in both, which
   * PyTorch merges to the same result).
   */
  maskWithoutKeyPadding?: Uint8Array | null;
  /** The batch item and head whose values are returned (default 0, 0). */
  b?: number;
  h?: number;
}

/** One framework's representation of the mask. */
export interface FrameworkMask {
  id: ConventionId;
  /** 'PyTorch', 'Hugging Face Transformers', 'Keras', 'JAX / Flax', … */
  framework: string;
  /** The argument it is passed as, with the call: 'scaled_dot_product_attention(…, attn_mask=mask)'. */
  argument: string;
  /** The shape to pass, in numbers (the smallest that broadcasts, where the API broadcasts). */
  shape: number[];
  /** The same shape by name, e.g. '[B, 1, Lq, Lk]' or '[B·H, Lq, Lk]'. */
  shapeLabel: string;
  /** e.g. 'torch.bool', 'torch.int64', 'float32'. */
  dtype: string;
  /** The values for one (b, h): Lq rows of Lk (one row of Lk for per-key masks). */
  values: ConventionValue[][];
  /** Which slice `values` shows, e.g. 'b = 0, h = 1' or 'b = 0'. */
  slice: string;
  /** False when this representation cannot hold the whole mask (e.g. a per-head mask for Keras). */
  representable: boolean;
  /**
   * A caveat worth saying next to it, or null. What a value means (per `id`) and the caveats are
   * UI text: `conventions.meaning` and `conventions.note` in ui/i18n ('kerasPerHead' names head `h`).
   */
  noteId: ConventionNoteId | null;
  /** The API documentation the convention is taken from. */
  source: string;
}

/**
 * Whether the mask differs between batch items and between heads.
 * @param mask Uint8Array [B,H,Lq,Lk].
 * @returns batch: some (b, h) slice differs from (0, h); heads: some (b, h) differs from (b, 0).
 */
export function maskVaries(mask: Uint8Array, shape: MaskShape): { batch: boolean; heads: boolean } {
  const { batch, heads, queryLength, keyLength } = shape;
  const cells = queryLength * keyLength;
  const differ = (a: number, b: number) => {
    for (let i = 0; i < cells; i++) if (mask[a * cells + i] !== mask[b * cells + i]) return true;
    return false;
  };
  let byBatch = false;
  let byHead = false;
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      if (!byBatch && b > 0 && differ(b * heads + h, h)) byBatch = true;
      if (!byHead && h > 0 && differ(b * heads + h, b * heads)) byHead = true;
    }
  }
  return { batch: byBatch, heads: byHead };
}

/**
 * The mask in every framework's convention, for one (b, h).
 *
 * Rules (m = Maskscope's value, 1 = may attend; r = keyIsReal[b][k]):
 * - PyTorch SDPA `attn_mask`: bool, m; shape the smallest broadcastable of [B, H, Lq, Lk]
 *   ([Lq, Lk] when the same for every b and h). `is_causal=True` is top-left (k ≤ q).
 * - PyTorch nn.MultiheadAttention `attn_mask`: bool, NOT m (True = blocked), [Lq, Lk] or — when it
 *   differs per batch item or head — [B·H, Lq, Lk] (row b·H + h); `key_padding_mask`: bool [B, Lk], NOT r.
 * - Hugging Face `attention_mask`: int64 [B, Lk], r as 1/0 (key padding only).
 * - Keras MultiHeadAttention `attention_mask`: bool [B, Lq, Lk], m, shared by every head.
 * - JAX / Flax `mask`: bool, m (False = masked out), 4-D broadcastable.
 * - Additive float mask: 0 where m, −∞ where not, added to the logits.
 * - Old TensorFlow tutorial: float 1 − m (1 = masked), added to the logits as mask × −1e9.
 * Example, B = H = 1, Lq = 2, Lk = 3, causal top-left, key 2 padding: SDPA [[T,F,F],[T,T,F]];
 * nn.MHA attn_mask (without padding) [[F,T,T],[F,F,T]], key_padding_mask [[F,F,T]]; HF [[1,1,0]];
 * additive [[0,−∞,−∞],[0,0,−∞]]; TF tutorial [[0,1,1],[0,0,1]].
 *
 * @returns the conventions in the order of ConventionId.
 * @throws Error when a size is not an integer ≥ 1, `mask` (or `maskWithoutKeyPadding`) does not
 *   hold B·H·Lq·Lk values, keyIsReal is not [B][Lk], or (b, h) is outside the grid.
 * Sources: PyTorch docs for torch.nn.functional.scaled_dot_product_attention and
 * torch.nn.MultiheadAttention.forward; Hugging Face Transformers glossary ("attention mask");
 * Keras MultiHeadAttention.call; jax.nn.dot_product_attention and flax.linen.dot_product_attention;
 * TensorFlow tutorial "Transformer model for language understanding" (create_padding_mask,
 * create_look_ahead_mask, `scaled_attention_logits += (mask * -1e9)`).
 */
export function frameworkMasks(input: ConventionInput): FrameworkMask[] {
  const { mask, shape } = input;
  assertShape(shape, 'frameworkMasks');
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk } = shape;
  const size = B * H * Lq * Lk;
  if (mask.length !== size) throw new Error(`frameworkMasks: mask must hold B·H·Lq·Lk = ${size} values, got ${mask.length}`);
  const withoutPadding = input.maskWithoutKeyPadding ?? mask;
  if (withoutPadding.length !== size) {
    throw new Error(`frameworkMasks: maskWithoutKeyPadding must hold B·H·Lq·Lk = ${size} values, got ${withoutPadding.length}`);
  }
  const b = input.b ?? 0;
  const h = input.h ?? 0;
  if (!Number.isInteger(b) || b < 0 || b >= B || !Number.isInteger(h) || h < 0 || h >= H) {
    throw new Error(`frameworkMasks: (b, h) = (${b}, ${h}) is outside B = ${B}, H = ${H}`);
  }
  const keyIsReal = input.keyIsReal ?? null;
  if (keyIsReal && (keyIsReal.length !== B || keyIsReal.some((row) => row.length !== Lk))) {
    throw new Error(`frameworkMasks: keyIsReal must be [B=${B}][Lk=${Lk}], got [${keyIsReal.length}][${keyIsReal[0]?.length ?? 0}]`);
  }

  const slice = (grid: Uint8Array, map: (allowed: boolean) => ConventionValue): ConventionValue[][] => {
    const base = (b * H + h) * Lq * Lk;
    return Array.from({ length: Lq }, (_, qi) => Array.from({ length: Lk }, (_, ki) => map(grid[base + qi * Lk + ki] === 1)));
  };
  const realRow = Array.from({ length: Lk }, (_, ki) => keyIsReal?.[b]?.[ki] ?? true);
  const varies = maskVaries(mask, shape);
  const broadcast = broadcastShape(varies, shape);
  const mhaVaries = maskVaries(withoutPadding, shape);
  const mha3d = mhaVaries.batch || mhaVaries.heads;
  const sliceLabel = `b = ${b}, h = ${h}`;
  const paddingOnly = isPaddingOnly(mask, shape, keyIsReal);

  return [
    {
      id: 'pytorch-sdpa',
      framework: 'PyTorch',
      argument: 'torch.nn.functional.scaled_dot_product_attention(query, key, value, attn_mask=mask)',
      ...broadcast,
      dtype: 'torch.bool',
      values: slice(mask, (allowed) => allowed),
      slice: sliceLabel,
      representable: true,
      noteId: 'sdpaTopLeft',
      source: 'PyTorch docs, torch.nn.functional.scaled_dot_product_attention (attn_mask, is_causal)',
    },
    {
      id: 'pytorch-mha-attn-mask',
      framework: 'PyTorch',
      argument: 'torch.nn.MultiheadAttention(…)(query, key, value, attn_mask=attn_mask)',
      shape: mha3d ? [B * H, Lq, Lk] : [Lq, Lk],
      shapeLabel: mha3d ? '[B·H, Lq, Lk]' : '[Lq, Lk]',
      dtype: 'torch.bool',
      values: slice(withoutPadding, (allowed) => !allowed),
      slice: mha3d ? `row b·H + h = ${b * H + h} (${sliceLabel})` : sliceLabel,
      representable: true,
      noteId: mha3d ? 'mha3d' : 'mha2d',
      source: 'PyTorch docs, torch.nn.MultiheadAttention.forward (attn_mask: 2D or 3D; binary True = not allowed to attend)',
    },
    {
      id: 'pytorch-mha-key-padding-mask',
      framework: 'PyTorch',
      argument: 'torch.nn.MultiheadAttention(…)(query, key, value, key_padding_mask=key_padding_mask)',
      shape: [B, Lk],
      shapeLabel: '[B, Lk]',
      dtype: 'torch.bool',
      values: [realRow.map((real) => !real)],
      slice: `b = ${b}`,
      representable: true,
      noteId: 'mhaMerged',
      source: 'PyTorch docs, torch.nn.MultiheadAttention.forward (key_padding_mask: binary True = ignore)',
    },
    {
      id: 'huggingface-attention-mask',
      framework: 'Hugging Face Transformers',
      argument: 'model(input_ids, attention_mask=attention_mask)',
      shape: [B, Lk],
      shapeLabel: '[B, Lk]',
      dtype: 'torch.int64',
      values: [realRow.map((real) => (real ? 1 : 0))],
      slice: `b = ${b}`,
      representable: paddingOnly,
      noteId: paddingOnly ? null : 'hfPaddingOnly',
      source: 'Hugging Face Transformers glossary, "Attention mask"',
    },
    {
      id: 'keras-mha',
      framework: 'Keras',
      argument: 'keras.layers.MultiHeadAttention(…)(query, value, attention_mask=attention_mask)',
      shape: [B, Lq, Lk],
      shapeLabel: '[B, Lq, Lk]',
      dtype: 'bool',
      values: slice(mask, (allowed) => allowed),
      slice: varies.heads ? sliceLabel : `b = ${b}`,
      representable: !varies.heads,
      noteId: varies.heads ? 'kerasPerHead' : null,
      source: 'Keras docs, MultiHeadAttention.call (attention_mask: boolean (B, T, S), 1 = attention)',
    },
    {
      id: 'jax-flax',
      framework: 'JAX / Flax',
      argument: 'jax.nn.dot_product_attention(query, key, value, mask=mask)',
      shape: broadcast.shape.length === 2 ? [1, 1, Lq, Lk] : broadcast.shape,
      shapeLabel: broadcast.shape.length === 2 ? '[1, 1, Lq, Lk]' : broadcast.shapeLabel,
      dtype: 'bool',
      values: slice(mask, (allowed) => allowed),
      slice: sliceLabel,
      representable: true,
      noteId: 'jaxLayout',
      source: 'JAX docs, jax.nn.dot_product_attention (mask); Flax docs, flax.linen.dot_product_attention',
    },
    {
      id: 'additive',
      framework: 'Additive float mask',
      argument: 'logits + mask  # or scaled_dot_product_attention(…, attn_mask=float_mask)',
      ...broadcast,
      dtype: 'float32',
      values: slice(mask, (allowed) => (allowed ? 0 : -Infinity)),
      slice: sliceLabel,
      representable: true,
      noteId: 'additiveNan',
      source: 'PyTorch docs, scaled_dot_product_attention (float attn_mask is added); xFormers AttentionMask (0 / −inf)',
    },
    {
      id: 'tf-tutorial',
      framework: 'TensorFlow tutorial (2019)',
      argument: 'scaled_attention_logits += (mask * -1e9)',
      ...broadcast,
      dtype: 'float32',
      values: slice(mask, (allowed) => (allowed ? 0 : 1)),
      slice: sliceLabel,
      representable: true,
      noteId: 'tfTutorialSign',
      source: 'TensorFlow tutorial "Transformer model for language understanding" (create_padding_mask, create_look_ahead_mask)',
    },
  ];
}

/** The smallest broadcastable mask shape: [Lq, Lk] when the same for every b and h, else 4-D. */
function broadcastShape(varies: { batch: boolean; heads: boolean }, shape: MaskShape): { shape: number[]; shapeLabel: string } {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk } = shape;
  if (!varies.batch && !varies.heads) return { shape: [Lq, Lk], shapeLabel: '[Lq, Lk]' };
  return {
    shape: [varies.batch ? B : 1, varies.heads ? H : 1, Lq, Lk],
    shapeLabel: `[${varies.batch ? 'B' : '1'}, ${varies.heads ? 'H' : '1'}, Lq, Lk]`,
  };
}

/** True when the mask is exactly key padding (every cell = keyIsReal[b][k]). */
function isPaddingOnly(mask: Uint8Array, shape: MaskShape, keyIsReal: readonly (readonly boolean[])[] | null): boolean {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk } = shape;
  let i = 0;
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < H; h++) {
      for (let q = 0; q < Lq; q++) {
        for (let k = 0; k < Lk; k++) {
          const real = keyIsReal?.[b]?.[k] ?? true;
          if ((mask[i++] === 1) !== real) return false;
        }
      }
    }
  }
  return true;
}
