/**
 * Restoring untrusted state (decoded URL, saved JSON) into a valid Scenario, key by key against
 * the settings table (settings.ts: each field's kind, range and default), with one warning per
 * problem. Modelled on excalidraw `data/restore.ts`.
 */

import { LIMITS, PANELS, type Scenario } from './scenario';
import { fieldsWhere, SETTING_FIELDS, SETTINGS, settingOf, type BooleanRow, type DecimalRow, type EnumRow, type FieldOfKind, type IntegerRow, type StringRow } from './settings';
import { formatMaskList, parseMaskList } from './maskList';
import { formatPaint, parsePaint, parsePositions } from './paint';
import { parseShapeList } from './controls';
import { previewValue, type StateWarning } from './warnings';

export type { StateWarning, StateWarningCode } from './warnings';

/** Untrusted input: any subset of the Scenario's keys (plus, at run time, anything else). */
export type RawScenario = Partial<Record<keyof Scenario, unknown>>;

/** A valid Scenario and the warnings raised while producing it (empty when nothing was wrong). */
export interface RestoreResult {
  scenario: Scenario;
  warnings: StateWarning[];
}

/** The enumerated Scenario fields (settings.ts: kind `enum`). */
export type EnumField = FieldOfKind<'enum'>;

/** Allowed values of each enumerated Scenario field, from the settings table. */
export const ENUM_VALUES: { readonly [K in EnumField]: readonly Scenario[K][] } = Object.fromEntries(
  fieldsWhere((row) => row.kind === 'enum').map((field) => [field, (settingOf(field) as EnumRow).values]),
) as { readonly [K in EnumField]: readonly Scenario[K][] };

/** Every Scenario key, in declaration order (= the settings table's order). */
export const SCENARIO_KEYS: readonly (keyof Scenario)[] = SETTING_FIELDS;

/**
 * Restores a valid Scenario from untrusted values, key by key.
 *
 * Rule, per key: missing (`undefined`) → default, silently. Wrong type, NaN/±∞, unknown enum
 * value → default + `bad-value`. Integer fields: rounded (+ `not-integer`), then clamped to
 * the row's [min, max] (+ `out-of-range`, one warning per key). Text: lone UTF-16 surrogates → U+FFFD
 * (+ `bad-value`); longer than LIMITS.maxTextChars → cut (+ `too-long`); more than
 * LIMITS.maxBatch non-blank lines → kept (+ `too-many-lines`; the engine uses the first 4).
 * Keys that are not Scenario fields → ignored (+ `unknown-key`). Idempotent: sanitizing its own
 * output changes nothing.
 * @param raw untrusted values; non-objects are treated as `{}`.
 * @returns a valid Scenario and the warnings, in Scenario key order then unknown keys.
 * @throws never (a throwing getter is read as a missing key).
 * Source: excalidraw `data/restore.ts`; kinds, ranges and defaults from settings.ts.
 */
export function sanitizeScenario(raw: RawScenario): RestoreResult {
  const source: object = typeof raw === 'object' && raw !== null ? raw : {};
  const warnings: StateWarning[] = [];
  const scenario: Partial<Record<keyof Scenario, unknown>> = {};
  for (const field of SCENARIO_KEYS) scenario[field] = sanitizeField(field, readOwn(source, field), warnings);
  fitView(scenario as Scenario, warnings);
  warnUnknownKeys(source, warnings);
  return { scenario: scenario as Scenario, warnings };
}

/**
 * The batch item and head on screen (viewBatch, viewHead) brought within the data the other
 * settings give (viewInData), with a `beyond-data` warning each (`used` = the last one; it takes
 * the place of an earlier warning for that key, whose value as written it gives). Without this a
 * link's `vh=15` with 2 heads showed head 1 and kept 15 in the link.
 */
function fitView(s: Scenario, warnings: StateWarning[]): void {
  const fitted = viewInData(s);
  for (const field of ['viewBatch', 'viewHead'] as const) {
    if (fitted[field] === s[field]) continue;
    const earlier = warnings.findIndex((w) => w.param === field);
    const value = earlier < 0 ? String(s[field]) : warnings.splice(earlier, 1)[0]!.value;
    warnings.push({ param: field, code: 'beyond-data', value, used: String(fitted[field]) });
    s[field] = fitted[field];
  }
}

/**
 * `s` with the batch item and head on screen within the data its other settings give:
 * viewHead ≤ heads − 1 and viewBatch ≤ batchBound(s) − 1 (the last one when past it).
 * @returns `s` itself when both are within.
 */
export function viewInData(s: Scenario): Scenario {
  const viewBatch = Math.min(s.viewBatch, batchBound(s) - 1);
  const viewHead = Math.min(s.viewHead, s.heads - 1);
  return viewBatch === s.viewBatch && viewHead === s.viewHead ? s : { ...s, viewBatch, viewHead };
}

/**
 * At least as many batch items as deriveInputs makes (never fewer, so no item it makes is cut):
 * batchSize in lengths mode; else the non-blank lines (the fewer of the two sides' unless
 * self-attention), at most LIMITS.maxBatch, and at least 1.
 */
export function batchBound(s: Scenario): number {
  if (s.inputMode === 'lengths') return s.batchSize;
  const lines = s.attention === 'self' ? countSequences(s.queryText) : Math.min(countSequences(s.queryText), countSequences(s.keyText));
  return Math.max(1, Math.min(lines, LIMITS.maxBatch));
}

/** One field, by the kind of its row in the settings table; `undefined` → the row's default. */
function sanitizeField(field: keyof Scenario, raw: unknown, warnings: StateWarning[]): unknown {
  const row = settingOf(field);
  if (raw === undefined) return row.default;
  switch (row.kind) {
    case 'enum':
      return sanitizeEnum(field, row, raw, warnings);
    case 'boolean':
      return sanitizeBoolean(field, row, raw, warnings);
    case 'integer':
      return sanitizeInteger(field, row, raw, warnings);
    case 'decimal':
      return sanitizeDecimal(field, row, raw, warnings);
    case 'text':
      return sanitizeText(field, row, raw, warnings);
    case 'formula':
      return sanitizeFormula(field, row, raw, warnings);
    case 'maskList':
      return sanitizeMaskList(field, row, raw, warnings);
    case 'positions':
      return sanitizePositions(field, row, raw, warnings);
    case 'paint':
      return sanitizePaint(field, row, raw, warnings);
    case 'panels':
      return sanitizePanels(field, row, raw, warnings);
    case 'controls':
      return sanitizeControls(field, row, raw, warnings);
  }
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

function sanitizeEnum(key: string, row: EnumRow, raw: unknown, warnings: StateWarning[]): string {
  const allowed: readonly unknown[] = row.values;
  return allowed.includes(raw) ? (raw as string) : badValue(key, raw, row.default, warnings);
}

function sanitizeBoolean(key: string, row: BooleanRow, raw: unknown, warnings: StateWarning[]): boolean {
  return typeof raw === 'boolean' ? raw : badValue(key, raw, row.default, warnings);
}

/**
 * Rounded (+ `not-integer`), clamped to [min, max] (+ `out-of-range`); with `allowed`, any other
 * value → the default + `bad-value` (the tile overlay sizes: 0 off, 16, 32, 64, 128).
 */
function sanitizeInteger(key: string, row: IntegerRow, raw: unknown, warnings: StateWarning[]): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return badValue(key, raw, row.default, warnings);
  const { min, max } = row;
  const rounded = Math.round(raw);
  const used = Math.min(max, Math.max(min, rounded)) + 0; // + 0 turns −0 into 0
  const value = String(raw);
  if (used !== rounded) warnings.push({ param: key, code: 'out-of-range', value, used: String(used) });
  else if (rounded !== raw) warnings.push({ param: key, code: 'not-integer', value, used: String(used) });
  if (row.allowed === undefined || row.allowed.includes(used)) return used;
  warnings.push({ param: key, code: 'bad-value', value: String(used), used: String(row.default) });
  return row.default;
}

function sanitizeText(key: string, row: StringRow, raw: unknown, warnings: StateWarning[]): string {
  if (typeof raw !== 'string') return badValue(key, raw, row.default, warnings);
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

function truncateText(key: string, text: string, warnings: StateWarning[]): string {
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
function sanitizeFormula(key: string, row: StringRow, raw: unknown, warnings: StateWarning[]): string {
  if (typeof raw !== 'string') return badValue(key, raw, row.default, warnings);
  const text = toWellFormed(raw);
  if (text.length <= LIMITS.maxFormulaChars) return text;
  warnings.push({ param: key, code: 'too-long', value: String(text.length), used: String(LIMITS.maxFormulaChars) });
  return text.slice(0, LIMITS.maxFormulaChars).replace(/[\uD800-\uDBFF]$/, '');
}

/** The mask list, rewritten canonically; pieces that do not parse are dropped with `bad-value`. */
function sanitizeMaskList(key: string, row: StringRow, raw: unknown, warnings: StateWarning[]): string {
  const text = sanitizeFormula(key, row, raw, warnings);
  const { items, rejected } = parseMaskList(text);
  for (const piece of rejected) warnings.push({ param: key, code: 'bad-value', value: previewValue(piece), used: '' });
  return formatMaskList(items);
}

/**
 * A decimal field: a finite number, clamped to [min, max] (+ `out-of-range`). With an `off`
 * value below `min` (soft-cap 0): `off` itself is kept, a value below `off` becomes `off`, and a
 * value between `off` and `min` becomes `min` (the smallest cap, not silently no cap).
 */
function sanitizeDecimal(key: string, row: DecimalRow, raw: unknown, warnings: StateWarning[]): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return badValue(key, raw, row.default, warnings);
  const { min, max, off } = row;
  if (off !== undefined && raw === off) return off;
  const used = (off !== undefined && raw < off ? off : Math.min(max, Math.max(min, raw))) + 0;
  if (used !== raw) warnings.push({ param: key, code: 'out-of-range', value: String(raw), used: String(used) });
  return used;
}

/** Painted cells, rewritten canonically; malformed pieces are dropped with `bad-value`. */
function sanitizePaint(key: string, row: StringRow, raw: unknown, warnings: StateWarning[]): string {
  if (typeof raw !== 'string') return badValue(key, raw, row.default, warnings);
  const { cells, rejected, outOfRange } = parsePaint(raw.slice(0, LIMITS.maxPaintChars));
  if (raw.length > LIMITS.maxPaintChars) warnings.push({ param: key, code: 'too-long', value: String(raw.length), used: String(LIMITS.maxPaintChars) });
  if (rejected.length) warnings.push({ param: key, code: 'bad-value', value: previewValue(rejected.join(',')), used: '' });
  if (outOfRange.length) warnings.push({ param: key, code: 'out-of-range', value: previewValue(outOfRange.join(',')), used: '' });
  return formatPaint(cells);
}

/**
 * Token positions `i,j,…` (whole numbers 0 … MAX_POSITION), sorted and unique; bad pieces dropped
 * with `bad-value`, positions past MAX_POSITION with `out-of-range` (`used` empty: left out),
 * text past LIMITS.maxFormulaChars cut with `too-long`. `none` is kept as it is.
 */
function sanitizePositions(key: string, row: StringRow, raw: unknown, warnings: StateWarning[]): string {
  if (typeof raw !== 'string') return badValue(key, raw, row.default, warnings);
  if (raw === 'none') return raw;
  const { positions, rejected, outOfRange } = parsePositions(cutList(key, raw, warnings));
  if (rejected.length) warnings.push({ param: key, code: 'bad-value', value: previewValue(rejected.join(',')), used: '' });
  if (outOfRange.length) warnings.push({ param: key, code: 'out-of-range', value: previewValue(outOfRange.join(',')), used: '' });
  return positions.join(',');
}

/** A comma-separated list cut to LIMITS.maxFormulaChars, with `too-long` when it was longer. */
function cutList(key: string, raw: string, warnings: StateWarning[]): string {
  const max = LIMITS.maxFormulaChars;
  if (raw.length > max) warnings.push({ param: key, code: 'too-long', value: String(raw.length), used: String(max) });
  return raw.slice(0, max);
}

/** The tile overlay sizes the UI offers (settings.ts `allowed`); anything else → 0 (off) + `bad-value`. */
export const TILE_SIZES = SETTINGS.tileSize.allowed;

/**
 * The open panels: ids of PANELS separated by commas (spaces allowed), written back in the order
 * of PANELS without repeats; an unknown id is dropped with `bad-value`. '' = every panel shut;
 * a list of unknown ids only (a typo such as `open=input2`) is the default, with `bad-value`, so a
 * mistyped link does not fold every panel.
 */
function sanitizePanels(key: string, row: StringRow, raw: unknown, warnings: StateWarning[]): string {
  if (typeof raw !== 'string') return badValue(key, raw, row.default, warnings);
  const pieces = cutList(key, raw, warnings).split(',').map((p) => p.trim()).filter((p) => p !== '');
  const known: readonly string[] = PANELS;
  const rejected = pieces.filter((p) => !known.includes(p));
  if (pieces.length > 0 && rejected.length === pieces.length) return badValue(key, rejected.join(','), row.default, warnings);
  if (rejected.length) warnings.push({ param: key, code: 'bad-value', value: previewValue(rejected.join(',')), used: '' });
  return PANELS.filter((id) => pieces.includes(id)).join(',');
}

/**
 * A `hide`/`lock` list: control and panel ids (controls.ts SHAPE_IDS), written back in that
 * order without repeats; unknown ids are left out with one `unknown-control` warning naming them
 * (its message lists the valid ids). Cut to LIMITS.maxFormulaChars first (+ `too-long`).
 */
function sanitizeControls(key: string, row: StringRow, raw: unknown, warnings: StateWarning[]): string {
  if (typeof raw !== 'string') return badValue(key, raw, row.default, warnings);
  const { ids, unknown } = parseShapeList(cutList(key, raw, warnings));
  if (unknown.length) warnings.push({ param: key, code: 'unknown-control', value: previewValue(unknown.join(',')), used: '' });
  return ids.join(',');
}
