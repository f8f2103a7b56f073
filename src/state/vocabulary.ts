/**
 * The words and limits a link is written in: the pipeline steps, the panels, the focus targets,
 * the size limits and the example sentences. On their own (no Scenario) so that the settings
 * table (settings.ts) and the Scenario (scenario.ts) both read them without importing each other.
 */

/**
 * The steps of the pipeline, in the order a lesson walks them (DESIGN.md §1): tokens → Q, K, V →
 * scores QKᵀ → scaled → logits (only when a score modifier is on) → mask → masked → weights →
 * output.
 */
export const PIPELINE_STEPS = ['tokens', 'qkv', 'scores', 'scaled', 'logits', 'mask', 'masked', 'weights', 'output'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];
/**
 * The panels that fold open and shut, by the id a link names them with (`open=`): the four
 * settings panels of the sidebar, and the frameworks panel under the heatmaps.
 */
export const PANELS = ['input', 'masks', 'modifiers', 'model', 'frameworks'] as const;
export type PanelId = (typeof PANELS)[number];
/**
 * What a link can land on (`focus=`): a step's heatmap, a panel, the fully-masked-row outcomes
 * of the frameworks panel, the row inspector, the head strip, or a panel of the encoder–decoder view.
 */
export const FOCUS_TARGETS = ['', ...PIPELINE_STEPS, ...PANELS, 'fully-masked', 'inspector', 'heads', 'encoder', 'decoder', 'cross'] as const;
export type FocusTarget = (typeof FOCUS_TARGETS)[number];

export const LIMITS = {
  maxBatch: 4,
  maxLength: 4096,
  minDK: 2,
  maxDK: 128,
  minHeads: 1,
  maxHeads: 16,
  maxSeed: 2 ** 31 - 1,
  maxTextChars: 20_000,
  maxFormulaChars: 500,
  maxPaintChars: 65_536,
} as const;

export const EXAMPLE_TEXT = {
  en: { query: 'The cat sat on the mat', key: 'Le chat était assis sur le tapis' },
  zh: { query: '猫坐在垫子上', key: 'The cat sat on the mat' },
} as const;

/** Token positions (`global`) and painted cells' indices (`paint`) are whole numbers 0 … MAX_POSITION. */
export const MAX_POSITION = LIMITS.maxLength - 1;
