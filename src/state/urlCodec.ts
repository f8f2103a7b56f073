/**
 * Pure URL codec: Scenario ⇄ the link's state string (the URL fragment after `#`; old links: the
 * query string after `?`). No window or location; the UI reads and writes `location.hash` and
 * passes strings here. The format is documented in docs/url-format.md.
 */

import { DEFAULT_SCENARIO, READABLE_VERSIONS, SCHEMA_VERSION, type Scenario } from './scenario';
import { SCENARIO_KEYS, sanitizeScenario, type RawScenario, type RestoreResult } from './validate';
import { previewValue, type StateWarning } from './warnings';
import { TOKENS, URL_KEYS } from './urlKeys';
import { COMPRESSED_SUFFIX, COMPRESSIBLE_FIELDS, compressText, decompressText } from './urlCompression';

export { TOKENS, URL_KEYS } from './urlKeys';

/** URL key that carries SCHEMA_VERSION; always written. */
export const VERSION_KEY = 'v';

const FIELD_BY_KEY: ReadonlyMap<string, keyof Scenario> = new Map(
  SCENARIO_KEYS.map((field) => [URL_KEYS[field], field]),
);

/**
 * The key an unknown one probably meant: a field's name or key in any case (`masks` → `m`,
 * `Heads` → `heads`, `dK` → `dk`).
 */
const MEANT_KEY: ReadonlyMap<string, string> = new Map(
  SCENARIO_KEYS.flatMap((field) => [[field.toLowerCase(), URL_KEYS[field]], [URL_KEYS[field].toLowerCase(), URL_KEYS[field]]] as const),
);

/** The compressed key of each compressible field: `qz` → queryText. */
const FIELD_BY_COMPRESSED_KEY: ReadonlyMap<string, keyof Scenario> = new Map(
  COMPRESSIBLE_FIELDS.map((field) => [`${URL_KEYS[field]}${COMPRESSED_SUFFIX}`, field]),
);

/**
 * Writes a Scenario as the link's state string (the URL fragment), without the leading '#'.
 *
 * Rule: `v=<SCHEMA_VERSION>` first, then, in Scenario key order, `key=value` for every field
 * that differs from DEFAULT_SCENARIO. Booleans as 1/0, causalAlignment as br/tl, numbers and
 * text as written; percent-encoding by URLSearchParams (space → '+', newline → %0A). A text
 * field of COMPRESSIBLE_FIELDS whose encoded value is longer than COMPRESS_OVER characters is
 * written as `<key>z=<lz-string>` instead when that is shorter (urlCompression.ts).
 * `decodeScenario(encodeScenario(s)).scenario` deep-equals `s` for every valid `s`.
 * @param s a valid Scenario (as returned by sanitizeScenario); invalid values are written as
 *   they are and fixed, with warnings, by decodeScenario.
 * @returns e.g. `v=2&causal=1&heads=2` for the default scenario with causal on and 2 heads.
 * @throws never.
 * Source: tensorflow/playground `src/state.ts` (whole state in the URL), made pure.
 */
export function encodeScenario(s: Scenario): string {
  const params = new URLSearchParams();
  params.set(VERSION_KEY, String(SCHEMA_VERSION));
  for (const field of SCENARIO_KEYS) {
    const value = s[field];
    if (value === DEFAULT_SCENARIO[field]) continue;
    const plain = encodeValue(field, value);
    const compressed = COMPRESSIBLE_FIELDS.includes(field) ? compressText(plain, encodedLength(plain)) : undefined;
    if (compressed === undefined) params.set(URL_KEYS[field], plain);
    else params.set(`${URL_KEYS[field]}${COMPRESSED_SUFFIX}`, compressed);
  }
  return params.toString();
}

/** Characters of a value once form-encoded by URLSearchParams. */
function encodedLength(value: string): number {
  return new URLSearchParams([['', value]]).toString().length - 1;
}

/**
 * Reads a Scenario from a link's state string; fills, fixes and reports instead of failing.
 *
 * Rule: one leading '#' or '?' is optional; malformed percent-encoding is kept literally
 * (URLSearchParams); a repeated key → the last value wins; an unknown key → ignored +
 * `unknown-key`; `v` not in READABLE_VERSIONS → `bad-version` and the rest is read as the
 * current version (a missing `v` is read as the current version, silently). From version 2 on,
 * `<key>z` holds a compressed text field (urlCompression.ts) and wins over a plain `<key>`; data
 * that does not decompress → `bad-compressed` and that field's default, the rest kept. A `v=1`
 * link is read exactly as before (a `…z` key is unknown there). Values are parsed (numbers,
 * 0/1/true/false, br/tl) and then validated by sanitizeScenario, whose warnings are passed on.
 * @param query e.g. `#v=2&heads=2&causal=1`, `?v=1&heads=2`, or any string at all.
 * @returns a valid Scenario; warnings: version first, then compressed values that could not be
 *   read, then per field, then unknown keys.
 * @throws never.
 * Source: docs/url-format.md.
 */
export function decodeScenario(query: string): RestoreResult {
  const versionWarnings: StateWarning[] = [];
  const compressedWarnings: StateWarning[] = [];
  const unknownKeys: StateWarning[] = [];
  const raw: RawScenario = {};
  const values = lastValues(String(query).replace(/^#/, ''));
  const version = values.get(VERSION_KEY);
  const compressedKeys = version === undefined || parseNumber(version) !== 1;
  const compressed: [string, keyof Scenario, string][] = [];
  for (const [key, value] of values) {
    const field = FIELD_BY_KEY.get(key);
    const zField = compressedKeys ? FIELD_BY_COMPRESSED_KEY.get(key) : undefined;
    if (key === VERSION_KEY) versionWarnings.push(...checkVersion(value));
    else if (zField !== undefined) compressed.push([key, zField, value]);
    else if (field === undefined) unknownKeys.push(unknownKey(key, value));
    else raw[field] = decodeValue(field, value);
  }
  for (const [key, field, data] of compressed) {
    const text = decompressText(data);
    if (text !== undefined) raw[field] = text;
    else {
      delete raw[field];
      compressedWarnings.push(badCompressed(key, field, data));
    }
  }
  const { scenario, warnings } = sanitizeScenario(raw);
  const escapeWarnings = brokenEscapes(String(query).replace(/^#/, '')).filter((w) => FIELD_BY_KEY.has(w.param) || FIELD_BY_COMPRESSED_KEY.has(w.param));
  return { scenario, warnings: [...versionWarnings, ...compressedWarnings, ...escapeWarnings, ...warnings.map((w) => inUrlTerms(w, values)), ...unknownKeys] };
}

/**
 * A `bad-escape` warning for each piece (`key=value`) of the link whose percent-escapes are not
 * UTF-8 — `%E0%A4%A` (a character cut short) or `%zz` — which decodeURIComponent rejects
 * (decodeScenario keeps those of known keys: an unknown key is said as such).
 * URLSearchParams reads such a piece anyway (bytes that form no character become U+FFFD, a `%`
 * without two hex digits stays as it is): `used` is the value as read.
 */
function brokenEscapes(query: string): StateWarning[] {
  const warnings: StateWarning[] = [];
  for (const piece of query.replace(/^\?/, '').split('&')) {
    if (!piece.includes('%')) continue;
    try {
      decodeURIComponent(piece.replace(/\+/g, ' '));
    } catch {
      const [key, value] = [...new URLSearchParams(piece)][0] ?? ['', ''];
      warnings.push({ param: previewValue(key), code: 'bad-escape', value: previewValue(piece), used: previewValue(value) });
    }
  }
  return warnings;
}

function badCompressed(key: string, field: keyof Scenario, data: string): StateWarning {
  return { param: key, code: 'bad-compressed', value: previewValue(data), used: previewValue(encodeValue(field, DEFAULT_SCENARIO[field])) };
}

/**
 * Restates a validation warning in the link's own terms: the URL key instead of the field name
 * (`dk`, not `dK`), a rejected number as the link writes it (`1e9`, not `1000000000`; `written`:
 * the link's values by key) and the replacement value as the URL writes it (`0`, not `false`;
 * `br`, not `bottom-right`), so the message matches what the user sees in the address bar.
 */
function inUrlTerms(w: StateWarning, written: ReadonlyMap<string, string>): StateWarning {
  const field = w.param as keyof Scenario;
  if (!(field in URL_KEYS)) return w;
  const key = URL_KEYS[field];
  const isValue = w.code !== 'too-long' && w.code !== 'too-many-lines';
  const used = isValue && typeof DEFAULT_SCENARIO[field] === 'boolean' ? (w.used === 'true' ? '1' : '0') : w.used;
  const asWritten = written.get(key);
  const rejectedNumber = typeof DEFAULT_SCENARIO[field] === 'number' && (w.code === 'out-of-range' || w.code === 'not-integer');
  const value = rejectedNumber && asWritten !== undefined ? previewValue(asWritten.trim()) : w.value;
  return { ...w, param: key, value, used: isValue ? (TOKENS[field]?.get(used) ?? used) : used };
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
  const version = parseNumber(value);
  if (version !== undefined && READABLE_VERSIONS.includes(version)) return [];
  return [{ param: VERSION_KEY, code: 'bad-version', value: previewValue(value), used: String(SCHEMA_VERSION) }];
}

/** An unknown key's warning; `used` is the key it probably meant (MEANT_KEY), else empty. */
function unknownKey(key: string, value: string): StateWarning {
  return { param: previewValue(key), code: 'unknown-key', value: previewValue(value), used: MEANT_KEY.get(key.toLowerCase()) ?? '' };
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
