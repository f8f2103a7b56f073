/**
 * The settings table: every Scenario field described once — its URL key, its kind of value and
 * range, its default, and what a change to it invalidates. The default Scenario (scenario.ts),
 * the URL keys and short tokens (urlKeys.ts), compression (urlCompression.ts), validation
 * (validate.ts), range warnings (warnings.ts) and the recompute keys (scenario/derive.ts) are all
 * read from here.
 *
 * To add a setting: add its field and type to `Scenario` (scenario.ts) and one row here, in the
 * place its URL key should be written; document the key in docs/url-format.md.
 */

import type { Scenario } from './scenario';
import { EXAMPLE_TEXT, FOCUS_TARGETS, LIMITS, MAX_POSITION, PIPELINE_STEPS } from './vocabulary';

/**
 * What a change to a setting invalidates:
 * - `inputs`: the tokens and Q, K, V (and everything after them);
 * - `compute`: the mask, the score modifiers or the engine path — the numbers, but not Q, K, V;
 * - `view`: only what is shown (batch item, head, colours, language, step, open panels …).
 */
export type SettingEffect = 'inputs' | 'compute' | 'view';

interface RowBase<V> {
  /** The short, stable URL key (docs/url-format.md); unique, never `v`. */
  readonly key: string;
  readonly default: V;
  readonly effect: SettingEffect;
  /** false: the encoder–decoder view's numbers do not read it (it sets it itself or ignores it). */
  readonly encdec?: false;
  /** true: long values are written lz-string-compressed under `<key>z` (urlCompression.ts). */
  readonly compress?: true;
}
/** One of a fixed list of values; `tokens` are shorter spellings written in the URL. */
export interface EnumRow<V extends string = string> extends RowBase<V> {
  readonly kind: 'enum';
  readonly values: readonly V[];
  readonly tokens?: Readonly<Record<string, string>>;
}
/** `1`/`0` in the URL (`true`/`false` also read). */
export interface BooleanRow extends RowBase<boolean> {
  readonly kind: 'boolean';
}
/** A whole number in [min, max] (rounded, then clamped); `allowed`: only these values (others → default). */
export interface IntegerRow extends RowBase<number> {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
  readonly allowed?: readonly number[];
}
/** A finite decimal in [min, max]; `off`: one more accepted value outside it (soft-cap 0 = off). */
export interface DecimalRow extends RowBase<number> {
  readonly kind: 'decimal';
  readonly min: number;
  readonly max: number;
  readonly off?: number;
}
/**
 * Free text, each kind with its own rule (validate.ts): `text` sequences one per line;
 * `formula` a custom mask formula; `maskList` catalogue masks (maskList.ts); `positions` token
 * positions `i,j,…` or `none`; `paint` painted cells (paint.ts); `panels` panel ids (PANELS);
 * `controls` control and panel ids (controls.ts).
 */
export interface StringRow extends RowBase<string> {
  readonly kind: 'text' | 'formula' | 'maskList' | 'positions' | 'paint' | 'panels' | 'controls';
}
export type SettingRow = EnumRow | BooleanRow | IntegerRow | DecimalRow | StringRow;
export type SettingKind = SettingRow['kind'];

/** The row a field of type V may have: an enum for a union of string literals, free text for `string`. */
type RowFor<V> = [V] extends [boolean]
  ? BooleanRow
  : [V] extends [number]
    ? IntegerRow | DecimalRow
    : [V] extends [string]
      ? EnumRow<V> | (string extends V ? StringRow : never)
      : never;

/** Exactly one row per Scenario field (a missing or extra row is a type error). */
export type SettingsTable = { readonly [K in keyof Scenario]: RowFor<Scenario[K]> };

/** The table, in the order the URL writes the keys (docs/url-format.md). */
export const SETTINGS = {
  inputMode: { key: 'mode', kind: 'enum', values: ['text', 'lengths'], default: 'text', effect: 'inputs' },
  attention: { key: 'attn', kind: 'enum', values: ['self', 'cross', 'encdec'], default: 'self', effect: 'inputs', encdec: false },
  queryText: { key: 'q', kind: 'text', default: `The dog barked\n${EXAMPLE_TEXT.en.query}`, effect: 'inputs', compress: true },
  keyText: { key: 'k', kind: 'text', default: `Le chien a aboyé\n${EXAMPLE_TEXT.en.key}`, effect: 'inputs', compress: true },
  // how typed text becomes tokens (engine/tokenizers.ts): changes the tokens, so Q, K and V
  tokenizer: { key: 'tok', kind: 'enum', values: ['auto', 'char', 'word', 'gpt2'], default: 'auto', effect: 'inputs' },
  queryLength: { key: 'lq', kind: 'integer', min: 1, max: LIMITS.maxLength, default: 8, effect: 'inputs' },
  keyLength: { key: 'lk', kind: 'integer', min: 1, max: LIMITS.maxLength, default: 8, effect: 'inputs' },
  batchSize: { key: 'b', kind: 'integer', min: 1, max: LIMITS.maxBatch, default: 1, effect: 'inputs' },
  paddingSide: { key: 'pad', kind: 'enum', values: ['right', 'left'], default: 'right', effect: 'inputs' },
  causal: { key: 'causal', kind: 'boolean', default: false, effect: 'compute' },
  causalAlignment: {
    key: 'align', kind: 'enum', values: ['bottom-right', 'top-left'], tokens: { 'bottom-right': 'br', 'top-left': 'tl' }, default: 'bottom-right', effect: 'compute',
  },
  causalLengths: { key: 'causallen', kind: 'enum', values: ['real', 'padded'], default: 'real', effect: 'compute', encdec: false },
  keyPadding: { key: 'kpad', kind: 'boolean', default: true, effect: 'compute' },
  queryPadding: { key: 'qpad', kind: 'boolean', default: true, effect: 'compute' },
  masks: { key: 'm', kind: 'maskList', default: '', effect: 'compute', encdec: false, compress: true },
  maskJoin: { key: 'mj', kind: 'enum', values: ['and', 'or'], default: 'and', effect: 'compute', encdec: false },
  customMask: { key: 'cm', kind: 'formula', default: '', effect: 'compute', encdec: false, compress: true },
  globalTokens: { key: 'global', kind: 'positions', default: '', effect: 'compute', encdec: false, compress: true },
  paint: { key: 'paint', kind: 'paint', default: '', effect: 'compute', encdec: false, compress: true },
  // The soft-cap starts at 0.01: below it c·tanh(x/c) is 0 to float32 precision (1e-300 is 0 in
  // float32, where x/c gives NaN), and every accepted value prints in plain decimal notation.
  temperature: { key: 'temp', kind: 'decimal', min: 0.01, max: 100, default: 1, effect: 'compute' },
  alibi: { key: 'alibi', kind: 'boolean', default: false, effect: 'compute' },
  softcap: { key: 'cap', kind: 'decimal', min: 0.01, max: 1000, off: 0, default: 0, effect: 'compute' },
  seed: { key: 'seed', kind: 'integer', min: 0, max: LIMITS.maxSeed, default: 42, effect: 'inputs' },
  dK: { key: 'dk', kind: 'integer', min: LIMITS.minDK, max: LIMITS.maxDK, default: 8, effect: 'inputs' },
  heads: { key: 'heads', kind: 'integer', min: LIMITS.minHeads, max: LIMITS.maxHeads, default: 4, effect: 'inputs' },
  // The widest range here; the UI clamps further to batch − 1 and heads − 1.
  viewBatch: { key: 'vb', kind: 'integer', min: 0, max: LIMITS.maxBatch - 1, default: 0, effect: 'view' },
  viewHead: { key: 'vh', kind: 'integer', min: 0, max: LIMITS.maxHeads - 1, default: 0, effect: 'view' },
  weightScale: { key: 'wscale', kind: 'enum', values: ['unit', 'row'], default: 'unit', effect: 'view' },
  tileSize: { key: 'tiles', kind: 'integer', min: 0, max: 128, allowed: [0, 16, 32, 64, 128], default: 0, effect: 'view' },
  engine: { key: 'engine', kind: 'enum', values: ['auto', 'js', 'webgl', 'cpu'], default: 'auto', effect: 'compute', encdec: false },
  language: { key: 'lang', kind: 'enum', values: ['en', 'zh'], default: 'en', effect: 'view' },
  present: { key: 'present', kind: 'boolean', default: false, effect: 'view' },
  step: { key: 'step', kind: 'enum', values: PIPELINE_STEPS, default: 'tokens', effect: 'view' },
  focus: { key: 'focus', kind: 'enum', values: FOCUS_TARGETS, default: '', effect: 'view' },
  open: { key: 'open', kind: 'panels', default: 'input,masks,modifiers,model', effect: 'view' },
  hide: { key: 'hide', kind: 'controls', default: '', effect: 'view' },
  lock: { key: 'lock', kind: 'controls', default: '', effect: 'view' },
  row: { key: 'row', kind: 'integer', min: -1, max: LIMITS.maxLength - 1, default: -1, effect: 'view' },
  // predict, then reveal (issue #12 §2): the answer is the page's own state, never in the link
  quiz: { key: 'quiz', kind: 'boolean', default: false, effect: 'view' },
} as const satisfies SettingsTable;

/** Every Scenario field, in table order (= the order the URL writes them). */
export const SETTING_FIELDS = Object.freeze(Object.keys(SETTINGS)) as readonly (keyof Scenario)[];

type Table = typeof SETTINGS;
/** The fields whose row is of kind K. */
export type FieldOfKind<K extends SettingKind> = { [F in keyof Table]: Table[F] extends { kind: K } ? F : never }[keyof Table];

/** The row of a field, as the general row type. */
export function settingOf(field: keyof Scenario): SettingRow {
  return SETTINGS[field];
}

/** The fields of the rows that satisfy `test`, in table order. */
export function fieldsWhere(test: (row: SettingRow) => boolean): readonly (keyof Scenario)[] {
  return SETTING_FIELDS.filter((field) => test(settingOf(field)));
}

/** Each field's default, from the table: the default Scenario. */
export function tableDefaults(): Scenario {
  return Object.fromEntries(SETTING_FIELDS.map((field) => [field, SETTINGS[field].default])) as unknown as Scenario;
}

/** The inclusive range of a numeric setting; positions and painted cells' indices 0 … MAX_POSITION. */
export function rangeOf(field: keyof Scenario): { min: number; max: number; off?: number } | undefined {
  const row = settingOf(field);
  if (row.kind === 'integer') return { min: row.min, max: row.max };
  if (row.kind === 'decimal') return row.off === undefined ? { min: row.min, max: row.max } : { min: row.min, max: row.max, off: row.off };
  if (row.kind === 'positions' || row.kind === 'paint') return { min: 0, max: MAX_POSITION };
  return undefined;
}
