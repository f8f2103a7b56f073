/**
 * A translation function that remembers its strings. i18next's `t` resolves a key, its fallbacks
 * and its interpolation on every call (it also copies the options object each time); the page
 * calls it a few hundred times per render, about 5 ms of a 20 ms causal toggle in headless
 * Chromium on 2 EPYC cores. The strings depend only on the language, the key and the options, and
 * the resources are bundled and never change after start-up (src/ui/i18n/index.ts), so a string
 * made once is kept and returned again.
 *
 * Only calls whose options are plain values (string, number, boolean, null, undefined) are kept;
 * any other call (an object or function among the options, `returnObjects`, more arguments) goes
 * straight to i18next.
 */
import QuickLRU from 'quick-lru';
import type { TFunction } from 'i18next';

/** Strings kept per language, the least recently used dropped first (interpolated numbers make new ones). */
export const MEMO_T_SIZE = 4000;

const kept = new Map<string, QuickLRU<string, string>>();

/**
 * The cache key of a call `t(key, options, …)`, or null when the call must not be kept.
 * @param extra how many arguments the call has after `options` (a negative count: none)
 */
export function memoKey(key: unknown, options: unknown, extra: number): string | null {
  if (extra > 0 || typeof key !== 'string') return null;
  if (options === undefined) return key;
  if (typeof options === 'string') return `${key}\u0000${options}`;
  if (typeof options !== 'object' || options === null) return null;
  let out = key;
  for (const [name, value] of Object.entries(options)) {
    if (name === 'returnObjects' || (value !== null && typeof value === 'object') || typeof value === 'function') return null;
    out += `\u0000${name}\u0001${typeof value}\u0001${String(value)}`;
  }
  return out;
}

/**
 * Wraps `t` (a fixed-language function of the default namespace, no key prefix: the strings are kept
 * per language only) so that a call made before in language `lng` returns the kept string. The result behaves as `t` for every call (same arguments, same
 * return value); a call that `memoKey` refuses, or whose result is not a string, is not kept.
 */
export function memoT(t: TFunction, lng: string): TFunction {
  const strings = kept.get(lng) ?? new QuickLRU<string, string>({ maxSize: MEMO_T_SIZE });
  kept.set(lng, strings);
  const translate = t as unknown as (...a: unknown[]) => unknown;
  const call = (...args: unknown[]): unknown => {
    const k = memoKey(args[0], args[1], args.length - 2);
    if (k === null) return translate(...args);
    const hit = strings.get(k);
    if (hit !== undefined) return hit;
    const made = translate(...args);
    if (typeof made === 'string') strings.set(k, made);
    return made;
  };
  return Object.assign(call, t) as unknown as TFunction;
}
