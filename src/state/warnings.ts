/**
 * Warnings produced when untrusted state (a URL, saved JSON) is restored into a Scenario.
 * The UI translates a warning from its `code` and fields; `describeWarning` is the English text.
 */

import { SCHEMA_VERSION, type DecimalRange, type Scenario } from './scenario';
import { rangeOf, SETTINGS } from './settings';
import { SHAPE_IDS } from './controls';
import { URL_KEYS } from './urlKeys';

/** What was wrong with one restored value. */
export type StateWarningCode =
  | 'unknown-key'
  | 'bad-value'
  | 'out-of-range'
  | 'beyond-data'
  | 'not-integer'
  | 'too-long'
  | 'too-many-lines'
  | 'bad-version'
  | 'bad-compressed'
  | 'bad-escape'
  | 'unknown-control';

/**
 * One problem found while restoring state, and what was used instead.
 *
 * - `param`: the Scenario field (`'heads'`, `'queryText'` …); for `unknown-key` the key exactly
 *   as written; for `bad-version` the URL key `'v'`.
 * - `value`: the rejected value as text (long text is shortened with '…'). For `too-long` the
 *   number of characters; for `too-many-lines` the number of non-blank lines.
 * - `used`: the value used instead, as text. For `too-long` and `too-many-lines` the limit
 *   (characters kept, sequences used); for `unknown-key` (the key is ignored) the key it
 *   probably meant (`masks` → `m`, urlCodec.ts), else the empty string;
 *   for `out-of-range` on a list (`paint`, `global`) the empty string (the pieces are left out).
 * - `bad-compressed`: `param` is the compressed key as written (`qz`), `used` the default value
 *   used for its field.
 * - `bad-escape`: `param` is the key as read, `value` the piece of the link as written
 *   (`q=%E0%A4%A`), `used` the value as read (`�%A`: bytes that form no character become U+FFFD).
 * - `unknown-control`: `param` is `hide` or `lock`, `value` the unknown ids (comma-separated),
 *   `used` empty (they are left out); the message lists the valid ids (controls.ts SHAPE_IDS).
 */
export interface StateWarning {
  param: string;
  code: StateWarningCode;
  value: string;
  used: string;
}

/**
 * A clear English sentence for a warning: what was wrong and what is used instead.
 *
 * Rule: one sentence per `code`, naming `param`, the rejected `value` and the `used` value;
 * ranges come from the settings table (settings.ts). The UI translates by `code` instead of this text.
 * @param w the warning.
 * @returns e.g. `heads: 99 is outside the allowed range 1..16; using 16.`
 * @throws never.
 * Source: Maskscope docs/url-format.md.
 */
export function describeWarning(w: StateWarning): string {
  const p = w.param;
  switch (w.code) {
    case 'unknown-key':
      return `Unknown setting "${p}" (value "${w.value}") was ignored.${w.used ? ` Did you mean "${w.used}"?` : ''}`;
    case 'bad-value':
      return `${p}: "${w.value}" is not a valid value; using "${w.used}" instead.`;
    case 'out-of-range':
      return w.used === ''
        ? `${p}: ${w.value} is outside the allowed range${rangeText(p)}; left out.`
        : `${p}: ${w.value} is outside the allowed range${rangeText(p)}; using ${w.used}.`;
    case 'not-integer':
      return `${p}: ${w.value} is not a whole number; using ${w.used}.`;
    case 'beyond-data':
      return `${p}: ${w.value} is past the last ${p === 'vh' || p === 'viewHead' ? 'head' : 'batch item'} (${w.used}); using ${w.used}.`;
    case 'too-long':
      return `${p}: the text has ${w.value} characters, more than the limit of ${w.used}; only the first ${w.used} are kept.`;
    case 'too-many-lines':
      return `${p}: the text has ${w.value} sequences (non-blank lines) but at most ${w.used} are used; the rest are kept in the text but not shown.`;
    case 'bad-compressed':
      return `${p}: the compressed text could not be read (the link may be cut short or altered); using the default "${w.used}".`;
    case 'bad-escape':
      return `${p}: "${w.value}" in the link has a broken %-escape (the link may be cut short or altered); read as "${w.used}".`;
    case 'unknown-control':
      return `${p}: no control or panel is called "${w.value}"; left out. Valid ids: ${SHAPE_IDS.join(', ')}.`;
    case 'bad-version':
      return `Schema version "${w.value}" is not supported (this app reads version ${SCHEMA_VERSION}); the rest is read as version ${w.used} on a best-effort basis.`;
  }
}

function rangeText(param: string): string {
  const r = warningRange(param);
  if (r === undefined) return '';
  return ` ${r.off === undefined ? '' : `${r.off} or `}${r.min}..${r.max}`;
}

const FIELD_OF_URL_KEY: ReadonlyMap<string, keyof Scenario> = new Map(
  (Object.entries(URL_KEYS) as [keyof Scenario, string][]).map(([field, key]) => [key, field]),
);

/**
 * The documented range of a numeric setting, for naming it in an `out-of-range` warning.
 * Rule: the settings table's range (settings.ts `rangeOf`): integers and decimals their
 * [min, max] (with `off`: the soft-cap is 0 or 0.01 … 1000); token positions and painted cells'
 * indices 0 … MAX_POSITION.
 * @param param a Scenario field name (`dK`) or its URL key (`dk`).
 * @returns e.g. { min: 1, max: 16 } for `heads`; undefined for a setting without a numeric range.
 * @throws never.
 * Source: settings.ts, docs/url-format.md.
 */
export function warningRange(param: string): DecimalRange | undefined {
  const field: string = FIELD_OF_URL_KEY.get(param) ?? param;
  return Object.prototype.hasOwnProperty.call(SETTINGS, field) ? rangeOf(field as keyof Scenario) : undefined;
}

/** Longest `value`/`used` text kept in a warning before it is shortened with '…'. */
export const WARNING_VALUE_CHARS = 80;

/**
 * Any value as short display text for a warning, without calling its own methods.
 * @param raw anything.
 * Rule: strings as they are, primitives by String(), objects as `[object Type]` (never their own
 * toString); longer than WARNING_VALUE_CHARS → cut (not inside a surrogate pair) and '…' added.
 * @returns at most WARNING_VALUE_CHARS characters.
 * @throws never.
 * Source: Maskscope (warning display).
 */
export function previewValue(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === 'object' || typeof raw === 'function'
      ? raw === null ? 'null' : Object.prototype.toString.call(raw)
      : String(raw);
  } catch {
    text = '[unreadable]';
  }
  return shorten(text, WARNING_VALUE_CHARS);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
