/**
 * The Scenario: every setting that defines what Maskscope shows. A URL encodes exactly one
 * Scenario (see `urlCodec.ts` and docs/url-format.md); the engine's inputs are derived from it.
 * Each field's URL key, range, default and effect are in the settings table (settings.ts).
 */

import { fieldsWhere, rangeOf, tableDefaults, type FieldOfKind } from './settings';
import type { FocusTarget, PipelineStep } from './vocabulary';

export { EXAMPLE_TEXT, FOCUS_TARGETS, LIMITS, MAX_POSITION, PANELS, PIPELINE_STEPS } from './vocabulary';
export type { FocusTarget, PanelId, PipelineStep } from './vocabulary';

/**
 * Link schema version, written as `v`; bump when a key changes meaning. 2: the state is in the
 * URL fragment and long text may be lz-string-compressed (`qz=`…); 1: the query string, plain.
 * Every key means the same in both (docs/url-format.md).
 */
export const SCHEMA_VERSION = 2;
/** The link versions decodeScenario reads without a `bad-version` warning. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

/**
 * Where the keys come from: the queries themselves (`self`), a separate source (encoder)
 * sequence (`cross`), or `encdec`: the three attentions of an encoder–decoder Transformer side by
 * side (encoder self-attention over the source, decoder self-attention over the target, and
 * cross-attention of target queries over source keys; Vaswani et al. 2017, §3.2.3). In `encdec`
 * the stage pipeline shows the cross-attention.
 */
export type AttentionKind = 'self' | 'cross' | 'encdec';
/** Sentences typed by the user, or bare sequence lengths with placeholder tokens. */
export type InputMode = 'text' | 'lengths';
/**
 * How typed text becomes tokens (engine/tokenizers.ts): `auto` words and punctuation, one token
 * per Han/kana character; `char` every character; `word` split on whitespace only (Chinese typed
 * with spaces); `gpt2` GPT-2's byte-level BPE pieces.
 */
export type TokenizerChoice = 'auto' | 'char' | 'word' | 'gpt2';
/** Which end of a shorter sequence receives the padding tokens. */
export type PaddingSide = 'right' | 'left';
/**
 * Causal alignment when Lq ≠ Lk (DESIGN.md §1).
 * - `bottom-right`: key k allowed iff k ≤ q + Lk − Lq (FlashAttention ≥ 2.1, xFormers
 *   `LowerTriangularFromBottomRightMask`, KV-cache decoding).
 * - `top-left`: key k allowed iff k ≤ q (PyTorch `is_causal`, Keras `use_causal_mask`, JAX).
 */
export type CausalAlignment = 'bottom-right' | 'top-left';
/**
 * How a causal mask reads a padded batch (DESIGN.md §1, docs/masks.md):
 * - `real`: each batch item's real lengths, positions from its first real token (FlashAttention
 *   `flash_attn_varlen_func` causal=True, KV-cache decoding), whatever the padding side;
 * - `padded`: the padded shape, as a dense kernel given the padded tensors computes it (PyTorch
 *   SDPA `is_causal=True`; FlashAttention `flash_attn_func` causal=True, xFormers
 *   `LowerTriangularFromBottomRightMask`).
 * Without padding (lengths mode) both are the same mask.
 */
export type CausalLengths = 'real' | 'padded';
export type Language = 'en' | 'zh';
/** How weights are coloured: their value on [0, 1], or each row divided by its largest weight. */
export type WeightScale = 'unit' | 'row';
/**
 * Which engine path computes the stages: `auto` picks the fastest for the device and size (and
 * the status line says which and why); `js` = plain JavaScript loops; `webgl` / `cpu` = tfjs.
 */
export type EnginePreference = 'auto' | 'js' | 'webgl' | 'cpu';
/** How the extra masks combine: all must allow (AND) or any may allow (OR). */
export type MaskJoin = 'and' | 'or';
export interface Scenario {
  inputMode: InputMode;
  attention: AttentionKind;
  /** Query side (decoder / target): one sequence per line, at most MAX_BATCH lines. */
  queryText: string;
  /** Key side (encoder / source) for cross-attention: one sequence per line. */
  keyText: string;
  /** How the text is split into tokens (both sides); `auto` = what links without `tok` mean. */
  tokenizer: TokenizerChoice;
  /** Lengths mode: query length Lq (tokens). */
  queryLength: number;
  /** Lengths mode: key length Lk (tokens); ignored for self-attention (Lk = Lq). */
  keyLength: number;
  /** Lengths mode: batch size B. */
  batchSize: number;
  paddingSide: PaddingSide;
  causal: boolean;
  causalAlignment: CausalAlignment;
  /** How causal reads a padded batch: real lengths (default) or the padded shape. */
  causalLengths: CausalLengths;
  /** Block key columns that are padding (per batch item). */
  keyPadding: boolean;
  /** Mark query rows that are padding (greyed; their output is ignored). */
  queryPadding: boolean;
  /** Extra masks from the catalogue, and-ed with the others: `id(name=value,…);…` (maskList.ts). */
  masks: string;
  /** AND or OR of the extra masks (the result is and-ed with causal, key padding and custom). */
  maskJoin: MaskJoin;
  /** A custom mask formula over q, k, b, h, Lq, Lk (e.g. `k <= q && q - k < 4`); '' for none. */
  customMask: string;
  /** Global token positions for global + local masks (Longformer), e.g. `0,5`; '' = token 0; 'none' = no global token. */
  globalTokens: string;
  /** Painted cells `q.k.v,…` (v = 1 allow, 0 block), overriding the other masks (paint.ts). */
  paint: string;
  /** Softmax temperature τ > 0: scale = 1/(τ·√dK); 1 is standard attention. */
  temperature: number;
  /** ALiBi position bias (Press et al. 2022), per-head slopes 2^(−8(h+1)/H). */
  alibi: boolean;
  /** Soft-capping c·tanh(s/c) of the logits (Gemma 2); 0 = off. */
  softcap: number;
  /** Seed of every random number (embeddings, projections). */
  seed: number;
  /** Key (and value) dimension per head, dK = dV. */
  dK: number;
  heads: number;
  /** Batch item shown in the large heatmaps (0-based). */
  viewBatch: number;
  /** Head shown in the large heatmaps (0-based). */
  viewHead: number;
  /** Weights coloured on [0, 1] (comparable everywhere) or as a share of the row's largest weight (long rows). */
  weightScale: WeightScale;
  /** Block-sparse tile overlay on the Mask heatmap: tile size 16, 32, 64 or 128; 0 = off. */
  tileSize: number;
  /** Engine path (auto = fastest for this device and size). */
  engine: EnginePreference;
  language: Language;
  /** Presentation mode: controls hidden, the pipeline step fills the screen (projector). */
  present: boolean;
  /** The pipeline step shown (presentation mode) and explained (both modes). */
  step: PipelineStep;
  /** Where the page lands on load: scrolled to this heatmap or panel; '' = the top. */
  focus: FocusTarget;
  /** The open panels, canonical order of PANELS, comma-separated (`input,masks`); '' = none open. */
  open: string;
  /** Controls and panels the link hides, ids of SHAPE_IDS comma-separated (controls.ts); '' = none. */
  hide: string;
  /** Controls and panels the link shows locked (disabled, with a lock); '' = none. */
  lock: string;
  /** The query row in the row inspector, highlighted in every stage; −1 = none. */
  row: number;
  /** Predict, then reveal: students paint the mask's allowed cells; the answer is hidden until Reveal. */
  quiz: boolean;
}

/**
 * The fields that only change what is looked at (the batch item and head on screen, the pipeline
 * step, the inspected row): the settings panels (ui/useViewless.ts) and the preset match
 * (presets.ts presetOf) leave them aside.
 */
export const VIEW_FIELDS: readonly (keyof Scenario)[] = ['viewBatch', 'viewHead', 'step', 'row'];

/** The default Scenario: each field's default from the settings table (settings.ts). */
export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze(tableDefaults());

/** The Scenario fields that hold (finite) decimal numbers (settings.ts: kind `decimal`). */
export type DecimalField = FieldOfKind<'decimal'>;
/** An inclusive range; `off`, when present, is one more value accepted outside [min, max] (soft-cap 0 = off). */
export interface DecimalRange {
  min: number;
  max: number;
  off?: number;
}
/** The range of each decimal field, from the settings table. */
export const DECIMAL_RANGES: Readonly<Record<DecimalField, DecimalRange>> = rangesOf<DecimalField>('decimal');

/** The Scenario fields that hold integers (settings.ts: kind `integer`). */
export type IntegerField = FieldOfKind<'integer'>;

/**
 * Inclusive integer range of each integer field (validation clamps into it), from the settings
 * table. `viewBatch` and `viewHead` get the widest range here; the UI clamps them further to
 * batch − 1 and heads − 1.
 */
export const INTEGER_RANGES: Readonly<Record<IntegerField, { min: number; max: number }>> = rangesOf<IntegerField>('integer');

function rangesOf<F extends keyof Scenario>(kind: 'integer' | 'decimal'): Record<F, DecimalRange> {
  const fields = fieldsWhere((row) => row.kind === kind);
  return Object.fromEntries(fields.map((field) => [field, rangeOf(field)])) as Record<F, DecimalRange>;
}
