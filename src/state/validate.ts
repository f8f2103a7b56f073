/**
 * Restoring untrusted state (decoded URL, saved JSON) into a valid Scenario, key by key against
 * DEFAULT_SCENARIO, with one warning per problem. Modelled on excalidraw `data/restore.ts`.
 */

import {
  DECIMAL_RANGES,
  DEFAULT_SCENARIO,
  FOCUS_TARGETS,
  PANELS,
  PIPELINE_STEPS,
  INTEGER_RANGES,
  type DecimalField,
  LIMITS,
  type IntegerField,
  type Scenario,
} from './scenario';
import { formatMaskList, parseMaskList } from './maskList';
import { formatPaint, parsePaint, parsePositions } from './paint';
import { previewValue, type StateWarning } from './warnings';

export type { StateWarning, StateWarningCode } from './warnings';

/** Untrusted input: any subset of the Scenario's keys (plus, at run time, anything else). */
export type RawScenario = Partial<Record<keyof Scenario, unknown>>;

/** A valid Scenario and the warnings raised while producing it (empty when nothing was wrong). */
export interface RestoreResult {
  scenario: Scenario;
  warnings: StateWarning[];
}

type EnumField = 'inputMode' | 'attention' | 'tokenizer' | 'paddingSide' | 'causalAlignment' | 'causalLengths' | 'maskJoin' | 'weightScale' | 'engine' | 'language' | 'step' | 'focus';
type BooleanField = 'causal' | 'keyPadding' | 'queryPadding' | 'alibi' | 'present' | 'quiz';
type TextField = 'queryText' | 'keyText';
type FormulaField = 'masks' | 'customMask';

/** Allowed values of each enumerated Scenario field. */
export const ENUM_VALUES: { readonly [K in EnumField]: readonly Scenario[K][] } = {
  inputMode: ['text', 'lengths'],
  attention: ['self', 'cross', 'encdec'],
  tokenizer: ['auto', 'char', 'word', 'gpt2'],
  paddingSide: ['right', 'left'],
  causalAlignment: ['bottom-right', 'top-left'],
  causalLengths: ['real', 'padded'],
  maskJoin: ['and', 'or'],
  weightScale: ['unit', 'row'],
  engine: ['auto', 'js', 'webgl', 'cpu'],
  language: ['en', 'zh'],
  step: PIPELINE_STEPS,
  focus: FOCUS_TARGETS,
};

/** Every Scenario key, in declaration order. */
export const SCENARIO_KEYS = Object.freeze(Object.keys(DEFAULT_SCENARIO)) as readonly (keyof Scenario)[];

/**
 * Restores a valid Scenario from untrusted values, key by key.
 *
 * Rule, per key: missing (`undefined`) → default, silently. Wrong type, NaN/±∞, unknown enum
 * value → default + `bad-value`. Integer fields: rounded (+ `not-integer`), then clamped to
 * INTEGER_RANGES (+ `out-of-range`, one warning per key). Text: lone UTF-16 surrogates → U+FFFD
 * (+ `bad-value`); longer than LIMITS.maxTextChars → cut (+ `too-long`); more than
 * LIMITS.maxBatch non-blank lines → kept (+ `too-many-lines`; the engine uses the first 4).
 * Keys that are not Scenario fields → ignored (+ `unknown-key`). Idempotent: sanitizing its own
 * output changes nothing.
 * @param raw untrusted values; non-objects are treated as `{}`.
 * @returns a valid Scenario and the warnings, in Scenario key order then unknown keys.
 * @throws never (a throwing getter is read as a missing key).
 * Source: excalidraw `data/restore.ts`; ranges from LIMITS in scenario.ts.
 */
export function sanitizeScenario(raw: RawScenario): RestoreResult {
  const source: object = typeof raw === 'object' && raw !== null ? raw : {};
  const warnings: StateWarning[] = [];
  const get = (key: keyof Scenario): unknown => readOwn(source, key);
  const int = (key: IntegerField): number => sanitizeInteger(key, get(key), warnings);
  const bool = (key: BooleanField): boolean => sanitizeBoolean(key, get(key), warnings);
  const text = (key: TextField): string => sanitizeText(key, get(key), warnings);
  const decimal = (key: DecimalField): number => sanitizeDecimal(key, get(key), warnings);
  const formula = (key: FormulaField): string => sanitizeFormula(key, get(key), warnings);
  const choice = <K extends EnumField>(key: K): Scenario[K] => sanitizeEnum(key, get(key), warnings);
  const scenario: Scenario = {
    inputMode: choice('inputMode'),
    attention: choice('attention'),
    queryText: text('queryText'),
    keyText: text('keyText'),
    tokenizer: choice('tokenizer'),
    queryLength: int('queryLength'),
    keyLength: int('keyLength'),
    batchSize: int('batchSize'),
    paddingSide: choice('paddingSide'),
    causal: bool('causal'),
    causalAlignment: choice('causalAlignment'),
    causalLengths: choice('causalLengths'),
    keyPadding: bool('keyPadding'),
    queryPadding: bool('queryPadding'),
    masks: sanitizeMaskList(get('masks'), warnings),
    maskJoin: choice('maskJoin'),
    customMask: formula('customMask'),
    globalTokens: sanitizePositions(get('globalTokens'), warnings),
    paint: sanitizePaint(get('paint'), warnings),
    temperature: decimal('temperature'),
    alibi: bool('alibi'),
    softcap: decimal('softcap'),
    seed: int('seed'),
    dK: int('dK'),
    heads: int('heads'),
    viewBatch: int('viewBatch'),
    viewHead: int('viewHead'),
    weightScale: choice('weightScale'),
    tileSize: tileSizeOf(int('tileSize'), warnings),
    engine: choice('engine'),
    language: choice('language'),
    present: bool('present'),
    step: choice('step'),
    focus: choice('focus'),
    open: sanitizePanels(get('open'), warnings),
    row: int('row'),
    quiz: bool('quiz'),
  };
  warnUnknownKeys(source, warnings);
  return { scenario, warnings };
}

/**
 * Number of sequences in a text area's content: its non-blank lines (split on \n or \r\n).
 * Same rule as the engine's `tokenizeLines`.
 * @param text any string.
 * @returns 0 for blank text.
 * @throws never.
 */
export function countSequences(text: string): number {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
}

function readOwn(source: object, key: string): unknown {
  try {
    return Object.prototype.hasOwnProperty.call(source, key)
      ? (source as Record<string, unknown>)[key]
      : undefined;
  } catch {
    return undefined;
  }
}

function badValue<T>(param: string, raw: unknown, fallback: T, warnings: StateWarning[]): T {
  warnings.push({ param, code: 'bad-value', value: previewValue(raw), used: previewValue(fallback) });
  return fallback;
}

function sanitizeEnum<K extends EnumField>(key: K, raw: unknown, warnings: StateWarning[]): Scenario[K] {
  const fallback = DEFAULT_SCENARIO[key];
  if (raw === undefined) return fallback;
  const allowed: readonly unknown[] = ENUM_VALUES[key];
  return allowed.includes(raw) ? (raw as Scenario[K]) : badValue(key, raw, fallback, warnings);
}

function sanitizeBoolean(key: BooleanField, raw: unknown, warnings: StateWarning[]): boolean {
  if (raw === undefined) return DEFAULT_SCENARIO[key];
  return typeof raw === 'boolean' ? raw : badValue(key, raw, DEFAULT_SCENARIO[key], warnings);
}

function sanitizeInteger(key: IntegerField, raw: unknown, warnings: StateWarning[]): number {
  const fallback = DEFAULT_SCENARIO[key];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return badValue(key, raw, fallback, warnings);
  const { min, max } = INTEGER_RANGES[key];
  const rounded = Math.round(raw);
  const used = Math.min(max, Math.max(min, rounded)) + 0; // + 0 turns −0 into 0
  const value = String(raw);
  if (used !== rounded) warnings.push({ param: key, code: 'out-of-range', value, used: String(used) });
  else if (rounded !== raw) warnings.push({ param: key, code: 'not-integer', value, used: String(used) });
  return used;
}

function sanitizeText(key: TextField, raw: unknown, warnings: StateWarning[]): string {
  const fallback = DEFAULT_SCENARIO[key];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string') return badValue(key, raw, fallback, warnings);
  const wellFormed = toWellFormed(raw);
  if (wellFormed !== raw) {
    warnings.push({ param: key, code: 'bad-value', value: previewValue(raw), used: previewValue(wellFormed) });
  }
  const text = truncateText(key, wellFormed, warnings);
  const sequences = countSequences(text);
  if (sequences > LIMITS.maxBatch) {
    warnings.push({ param: key, code: 'too-many-lines', value: String(sequences), used: String(LIMITS.maxBatch) });
  }
  return text;
}

/** Replaces each lone UTF-16 surrogate by U+FFFD (String.prototype.toWellFormed, ES2024). */
function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function truncateText(key: TextField, text: string, warnings: StateWarning[]): string {
  const max = LIMITS.maxTextChars;
  if (text.length <= max) return text;
  warnings.push({ param: key, code: 'too-long', value: String(text.length), used: String(max) });
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut; // never split a surrogate pair
}

function warnUnknownKeys(source: object, warnings: StateWarning[]): void {
  let keys: string[];
  try {
    keys = Object.keys(source);
  } catch {
    return;
  }
  const known: ReadonlySet<string> = new Set(SCENARIO_KEYS);
  for (const key of keys.filter((k) => !known.has(k))) {
    warnings.push({ param: key, code: 'unknown-key', value: previewValue(readOwn(source, key)), used: '' });
  }
}

/** A formula field: a string of at most LIMITS.maxFormulaChars (longer: cut + `too-long`). */
function sanitizeFormula(key: FormulaField, raw: unknown, warnings: StateWarning[]): string {
  const fallback = DEFAULT_SCENARIO[key];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string') return badValue(key, raw, fallback, warnings);
  const text = toWellFormed(raw);
  if (text.length <= LIMITS.maxFormulaChars) return text;
  warnings.push({ param: key, code: 'too-long', value: String(text.length), used: String(LIMITS.maxFormulaChars) });
  return text.slice(0, LIMITS.maxFormulaChars).replace(/[\uD800-\uDBFF]$/, '');
}

/** The mask list, rewritten canonically; pieces that do not parse are dropped with `bad-value`. */
function sanitizeMaskList(raw: unknown, warnings: StateWarning[]): string {
  const text = sanitizeFormula('masks', raw, warnings);
  const { items, rejected } = parseMaskList(text);
  for (const piece of rejected) warnings.push({ param: 'masks', code: 'bad-value', value: previewValue(piece), used: '' });
  return formatMaskList(items);
}

/**
 * A decimal field: a finite number, clamped to DECIMAL_RANGES (+ `out-of-range`). With an `off`
 * value below `min` (soft-cap 0): `off` itself is kept, a value below `off` becomes `off`, and a
 * value between `off` and `min` becomes `min` (the smallest cap, not silently no cap).
 */
function sanitizeDecimal(key: DecimalField, raw: unknown, warnings: StateWarning[]): number {
  const fallback = DEFAULT_SCENARIO[key];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return badValue(key, raw, fallback, warnings);
  const { min, max, off } = DECIMAL_RANGES[key];
  if (off !== undefined && raw === off) return off;
  const used = (off !== undefined && raw < off ? off : Math.min(max, Math.max(min, raw))) + 0;
  if (used !== raw) warnings.push({ param: key, code: 'out-of-range', value: String(raw), used: String(used) });
  return used;
}

/** Painted cells, rewritten canonically; malformed pieces are dropped with `bad-value`. */
function sanitizePaint(raw: unknown, warnings: StateWarning[]): string {
  if (raw === undefined) return DEFAULT_SCENARIO.paint;
  if (typeof raw !== 'string') return badValue('paint', raw, DEFAULT_SCENARIO.paint, warnings);
  const { cells, rejected, outOfRange } = parsePaint(raw.slice(0, LIMITS.maxPaintChars));
  if (raw.length > LIMITS.maxPaintChars) warnings.push({ param: 'paint', code: 'too-long', value: String(raw.length), used: String(LIMITS.maxPaintChars) });
  if (rejected.length) warnings.push({ param: 'paint', code: 'bad-value', value: previewValue(rejected.join(',')), used: '' });
  if (outOfRange.length) warnings.push({ param: 'paint', code: 'out-of-range', value: previewValue(outOfRange.join(',')), used: '' });
  return formatPaint(cells);
}

/**
 * Token positions `i,j,…` (whole numbers 0 … MAX_POSITION), sorted and unique; bad pieces dropped
 * with `bad-value`, positions past MAX_POSITION with `out-of-range` (`used` empty: left out),
 * text past LIMITS.maxFormulaChars cut with `too-long`.
 */
function sanitizePositions(raw: unknown, warnings: StateWarning[]): string {
  if (raw === undefined) return DEFAULT_SCENARIO.globalTokens;
  if (typeof raw !== 'string') return badValue('globalTokens', raw, DEFAULT_SCENARIO.globalTokens, warnings);
  if (raw === 'none') return raw;
  const { positions, rejected, outOfRange } = parsePositions(cutList('globalTokens', raw, warnings));
  if (rejected.length) warnings.push({ param: 'globalTokens', code: 'bad-value', value: previewValue(rejected.join(',')), used: '' });
  if (outOfRange.length) warnings.push({ param: 'globalTokens', code: 'out-of-range', value: previewValue(outOfRange.join(',')), used: '' });
  return positions.join(',');
}

/** A comma-separated list cut to LIMITS.maxFormulaChars, with `too-long` when it was longer. */
function cutList(key: 'globalTokens' | 'open', raw: string, warnings: StateWarning[]): string {
  const max = LIMITS.maxFormulaChars;
  if (raw.length > max) warnings.push({ param: key, code: 'too-long', value: String(raw.length), used: String(max) });
  return raw.slice(0, max);
}

/** The tile overlay sizes the UI offers; anything else → 0 (off) + `bad-value`. */
export const TILE_SIZES = [0, 16, 32, 64, 128] as const;

function tileSizeOf(size: number, warnings: StateWarning[]): number {
  if ((TILE_SIZES as readonly number[]).includes(size)) return size;
  warnings.push({ param: 'tileSize', code: 'bad-value', value: String(size), used: '0' });
  return 0;
}

/**
 * The open panels: ids of PANELS separated by commas (spaces allowed), written back in the order
 * of PANELS without repeats; an unknown id is dropped with `bad-value`. '' = every panel shut.
 */
function sanitizePanels(raw: unknown, warnings: StateWarning[]): string {
  if (raw === undefined) return DEFAULT_SCENARIO.open;
  if (typeof raw !== 'string') return badValue('open', raw, DEFAULT_SCENARIO.open, warnings);
  const pieces = cutList('open', raw, warnings).split(',').map((p) => p.trim()).filter((p) => p !== '');
  const known: readonly string[] = PANELS;
  const rejected = pieces.filter((p) => !known.includes(p));
  if (rejected.length) warnings.push({ param: 'open', code: 'bad-value', value: previewValue(rejected.join(',')), used: '' });
  return PANELS.filter((id) => pieces.includes(id)).join(',');
}
