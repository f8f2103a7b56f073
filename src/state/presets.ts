/**
 * One-click starting points (issue #3 "Presets"): each is a Scenario patch over the defaults, so
 * applying one is just a URL. Mask ids refer to the engine's catalogue (checked by a test).
 */
import { DEFAULT_SCENARIO, VIEW_FIELDS, type Scenario } from './scenario';

export interface Preset {
  /** URL-safe id; the UI translates the name and description by it (`presets.<id>`). */
  id: string;
  patch: Partial<Scenario>;
}

const SENTENCE = 'The cat sat on the mat';

export const PRESETS: readonly Preset[] = [
  { id: 'gpt', patch: { queryText: SENTENCE, causal: true } },
  { id: 'bert', patch: { queryText: `The dog barked\n${SENTENCE}`, keyPadding: true, queryPadding: true } },
  { id: 't5-encoder', patch: { queryText: `Le chien a aboyé\nLe chat était assis sur le tapis`, keyPadding: true, queryPadding: true } },
  { id: 't5-decoder', patch: { queryText: `The dog barked\n${SENTENCE}`, causal: true, keyPadding: true, queryPadding: true } },
  {
    id: 't5-cross',
    patch: { attention: 'cross', queryText: `The dog barked\n${SENTENCE}`, keyText: `Le chien a aboyé\nLe chat était assis sur le tapis`, keyPadding: true, queryPadding: true },
  },
  {
    // the three attentions side by side; item 0 pads both sides (target 3 → 6 tokens, source 4 → 7)
    id: 't5-encdec',
    patch: {
      attention: 'encdec', queryText: `The dog barked\n${SENTENCE}`, keyText: `Le chien a aboyé\nLe chat était assis sur le tapis`,
      causal: true, keyPadding: true, queryPadding: true,
    },
  },
  {
    // left padding + causal: the padding queries of the short line see only padding keys, so their
    // rows are fully masked; lands on the frameworks panel's outcomes of such a row
    id: 'fully-masked',
    patch: {
      queryText: `The dog barked\n${SENTENCE}`, paddingSide: 'left', causal: true, keyPadding: true, queryPadding: true,
      open: `${DEFAULT_SCENARIO.open},frameworks`, focus: 'fully-masked', step: 'masked',
    },
  },
  { id: 'mistral', patch: { inputMode: 'lengths', queryLength: 16, causal: true, masks: 'window(W=4)' } },
  { id: 'longformer', patch: { inputMode: 'lengths', queryLength: 16, masks: 'global-local(W=2)' } },
  { id: 'bigbird', patch: { inputMode: 'lengths', queryLength: 24, masks: 'bigbird(block=3,window=3,global=2,r=1)' } },
  { id: 'paligemma', patch: { queryText: 'img1 img2 img3 caption : a cat on a mat', masks: 'prefix-lm(P=5)' } },
  { id: 'packed', patch: { queryText: 'the cat sat | a dog ran off | hi', masks: 'document-causal' } },
  { id: 'decode', patch: { inputMode: 'lengths', attention: 'cross', queryLength: 1, keyLength: 12, causal: true, causalAlignment: 'bottom-right' } },
  { id: 'llama4', patch: { inputMode: 'lengths', queryLength: 16, masks: 'chunked(C=4)' } },
  { id: 'gemma2', patch: { inputMode: 'lengths', queryLength: 16, heads: 4, masks: 'alternating-heads(W=4)', softcap: 50 } },
];

/**
 * The Scenario a preset gives: the defaults (no masks, no padding toggles, standard scores) with
 * the preset's patch, keeping the user's language and seed, and the link's hidden and locked
 * controls (`hide`, `lock`).
 */
export function applyPreset(preset: Preset, current: Scenario): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    causal: false,
    keyPadding: false,
    queryPadding: false,
    ...preset.patch,
    language: current.language,
    seed: current.seed,
    // a teacher's link keeps its hidden and locked controls whatever preset is chosen
    hide: current.hide,
    lock: current.lock,
  };
}

/**
 * Settings a preset leaves as they were (language, seed; weightScale and tileSize, which only
 * change how the result is drawn), and what only changes what is looked at: VIEW_FIELDS, the
 * landing and the open panels.
 */
const NOT_PRESET: ReadonlySet<keyof Scenario> = new Set<keyof Scenario>(['language', 'seed', 'weightScale', 'tileSize', ...VIEW_FIELDS, 'focus', 'open']);

/**
 * The preset whose settings `scenario` has exactly (NOT_PRESET aside), or undefined once anything
 * else was edited: what "Start from a preset" shows.
 */
export function presetOf(scenario: Scenario): Preset | undefined {
  const same = (a: Scenario) => (Object.keys(a) as (keyof Scenario)[]).every((key) => NOT_PRESET.has(key) || a[key] === scenario[key]);
  return PRESETS.find((p) => same(applyPreset(p, scenario)));
}
