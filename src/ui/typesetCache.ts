/**
 * Formulas typeset before, kept for reuse. KaTeX takes 10–20 ms to typeset a step's formula in
 * headless Chromium on 2 EPYC cores, and every step change (in the lesson or in presentation mode)
 * typesets the new step's formula, in the frame the new step is drawn in. A formula typeset before
 * is copied instead: a deep clone of its nodes, well under a millisecond.
 */
import QuickLRU from 'quick-lru';

/** Distinct formulas kept, the least recently shown dropped first: 8 steps, each with its formula per setting. */
export const TYPESET_CACHE_SIZE = 64;

export interface TypesetCache {
  /**
   * Fills `host` with the formula `key` names. When the cache holds that key, `host` gets a copy of
   * the kept nodes. Otherwise `typeset(host)` runs (it must fill `host` with the formula alone) and a
   * copy of its output is kept. Whatever `typeset` throws is passed on, and nothing is kept.
   */
  show(host: HTMLElement, key: string, typeset: (host: HTMLElement) => void): void;
}

export function createTypesetCache(maxSize = TYPESET_CACHE_SIZE): TypesetCache {
  const kept = new QuickLRU<string, Node>({ maxSize });
  return {
    show(host, key, typeset) {
      const copy = kept.get(key);
      if (copy) {
        host.replaceChildren(...copy.cloneNode(true).childNodes);
        return;
      }
      typeset(host);
      kept.set(key, host.cloneNode(true));
    },
  };
}
