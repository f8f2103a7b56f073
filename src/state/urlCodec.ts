/**
 * Pure URL codec: Scenario ⇄ query string. No window or location; the UI reads and writes
 * `location.search` and passes strings here. The format is documented in docs/url-format.md.
 */

import { DEFAULT_SCENARIO, SCHEMA_VERSION, type Scenario } from './scenario';
import { SCENARIO_KEYS, sanitizeScenario, type RawScenario, type RestoreResult } from './validate';
import { previewValue, type StateWarning } from './warnings';

/** URL key that carries SCHEMA_VERSION; always written. */
export const VERSION_KEY = 'v';

/** The URL key of each Scenario field (short, stable; see docs/url-format.md). */
export const URL_KEYS = {
  inputMode: 'mode',
  attention: 'attn',
  queryText: 'q',
  keyText: 'k',
  queryLength: 'lq',
  keyLength: 'lk',
  batchSize: 'b',
  paddingSide: 'pad',
  causal: 'causal',
  causalAlignment: 'align',
  causalLengths: 'causallen',
  keyPadding: 'kpad',
  queryPadding: 'qpad',
  masks: 'm',
  maskJoin: 'mj',
  customMask: 'cm',
  globalTokens: 'global',
  paint: 'paint',
  temperature: 'temp',
  alibi: 'alibi',
  softcap: 'cap',
  seed: 'seed',
  dK: 'dk',
  heads: 'heads',
  viewBatch: 'vb',
  viewHead: 'vh',
  weightScale: 'wscale',
  tileSize: 'tiles',
  engine: 'engine',
  language: 'lang',
  present: 'present',
  step: 'step',
  focus: 'focus',
  open: 'open',
  row: 'row',
} as const satisfies Record<keyof Scenario, string>;

/** Enum values written as a shorter token in the URL: Scenario value → URL token. */
const TOKENS: Partial<Record<keyof Scenario, ReadonlyMap<string, string>>> = {
  causalAlignment: new Map([
    ['bottom-right', 'br'],
    ['top-left', 'tl'],
  ]),
};

const FIELD_BY_KEY: ReadonlyMap<string, keyof Scenario> = new Map(
  SCENARIO_KEYS.map((field) => [URL_KEYS[field], field]),
);

/**
 * Writes a Scenario as a query string, without the leading '?'.
 *
 * Rule: `v=<SCHEMA_VERSION>` first, then, in Scenario key order, `key=value` for every field
 * that differs from DEFAULT_SCENARIO. Booleans as 1/0, causalAlignment as br/tl, numbers and
 * text as written; percent-encoding by URLSearchParams (space → '+', newline → %0A).
 * `decodeScenario(encodeScenario(s)).scenario` deep-equals `s` for every valid `s`.
 * @param s a valid Scenario (as returned by sanitizeScenario); invalid values are written as
 *   they are and fixed, with warnings, by decodeScenario.
 * @returns e.g. `v=1&causal=1&heads=2` for the default scenario with causal on and 2 heads.
 * @throws never.
 * Source: tensorflow/playground `src/state.ts` (whole state in the URL), made pure.
 */
export function encodeScenario(s: Scenario): string {
  const params = new URLSearchParams();
  params.set(VERSION_KEY, String(SCHEMA_VERSION));
  for (const field of SCENARIO_KEYS) {
    const value = s[field];
    if (value !== DEFAULT_SCENARIO[field]) params.set(URL_KEYS[field], encodeValue(field, value));
  }
  return params.toString();
}

/**
 * Reads a Scenario from a query string; fills, fixes and reports instead of failing.
 *
 * Rule: one leading '?' is optional; malformed percent-encoding is kept literally (URLSearchParams);
 * a repeated key → the last value wins; an unknown key → ignored + `unknown-key`; `v` other than
 * SCHEMA_VERSION → `bad-version` and the rest is read as the current version (a missing `v` is
 * read as the current version, silently). Values are parsed (numbers, 0/1/true/false, br/tl)
 * and then validated by sanitizeScenario, whose warnings are passed on.
 * @param query e.g. `?v=1&heads=2&causal=1`, or any string at all.
 * @returns a valid Scenario; warnings: version first, then per field, then unknown keys.
 * @throws never.
 * Source: docs/url-format.md.
 */
export function decodeScenario(query: string): RestoreResult {
  const versionWarnings: StateWarning[] = [];
  const unknownKeys: StateWarning[] = [];
  const raw: RawScenario = {};
  for (const [key, value] of lastValues(query)) {
    const field = FIELD_BY_KEY.get(key);
    if (key === VERSION_KEY) versionWarnings.push(...checkVersion(value));
    else if (field === undefined) unknownKeys.push(unknownKey(key, value));
    else raw[field] = decodeValue(field, value);
  }
  const { scenario, warnings } = sanitizeScenario(raw);
  return { scenario, warnings: [...versionWarnings, ...warnings.map(inUrlTerms), ...unknownKeys] };
}

/**
 * Restates a validation warning in the link's own terms: the URL key instead of the field name
 * (`dk`, not `dK`) and the replacement value as the URL writes it (`0`, not `false`; `br`, not
 * `bottom-right`), so the message matches what the user sees in the address bar.
 */
function inUrlTerms(w: StateWarning): StateWarning {
  const field = w.param as keyof Scenario;
  if (!(field in URL_KEYS)) return w;
  const isValue = w.code !== 'too-long' && w.code !== 'too-many-lines';
  const used = isValue && typeof DEFAULT_SCENARIO[field] === 'boolean' ? (w.used === 'true' ? '1' : '0') : w.used;
  return { ...w, param: URL_KEYS[field], used: isValue ? (TOKENS[field]?.get(used) ?? used) : used };
}

function encodeValue(field: keyof Scenario, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = String(value);
  return TOKENS[field]?.get(text) ?? text;
}

/** Key → last value, in order of first appearance; empty for a string URLSearchParams rejects. */
function lastValues(query: string): Map<string, string> {
  const values = new Map<string, string>();
  try {
    // The URLSearchParams constructor itself drops one leading '?' (WHATWG URL standard).
    const params = new URLSearchParams(String(query));
    params.forEach((value, key) => values.set(key, value));
  } catch {
    // URLSearchParams does not throw for strings; this only guards non-string callers.
  }
  return values;
}

function checkVersion(value: string): StateWarning[] {
  if (parseNumber(value) === SCHEMA_VERSION) return [];
  return [{ param: VERSION_KEY, code: 'bad-version', value: previewValue(value), used: String(SCHEMA_VERSION) }];
}

function unknownKey(key: string, value: string): StateWarning {
  return { param: previewValue(key), code: 'unknown-key', value: previewValue(value), used: '' };
}

/** A typed value for sanitizeScenario, or the string itself when it does not parse. */
function decodeValue(field: keyof Scenario, value: string): unknown {
  switch (typeof DEFAULT_SCENARIO[field]) {
    case 'number':
      return parseNumber(value) ?? value;
    case 'boolean':
      return parseBoolean(value) ?? value;
    default:
      return tokenToValue(field, value);
  }
}

function tokenToValue(field: keyof Scenario, token: string): string {
  for (const [value, t] of TOKENS[field] ?? []) if (t === token) return value;
  return token;
}

// Unambiguous (no two quantifiers compete for the same digits), so long inputs stay linear.
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Decimal notation only (no hex, no Infinity, no empty string); surrounding spaces allowed. */
function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const n = NUMBER_PATTERN.test(trimmed) ? Number(trimmed) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function parseBoolean(text: string): boolean | undefined {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  return undefined;
}
