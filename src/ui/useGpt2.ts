/**
 * GPT-2's vocabulary on the page: loaded on first use (a chunk of its own, never in the first
 * paint), with a status the Input panel shows, and the Scenario the page computes with — the
 * link's, except that `tok=gpt2` reads as `auto` until the vocabulary is ready (and when it failed
 * to load), so the page and the engine worker always tokenize alike.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { gpt2Codec, loadGpt2 } from '../engine/gpt2Codec';
import type { Scenario } from '../state/scenario';

/** idle: not asked for; loading; ready: `gpt2Codec()` returns it; failed: the last load failed. */
export type Gpt2Status = 'idle' | 'loading' | 'ready' | 'failed';

let status: Gpt2Status = gpt2Codec() ? 'ready' : 'idle';
/** Loads that failed on this page. */
let failures = 0;
const listeners = new Set<() => void>();

function setStatus(next: Gpt2Status): void {
  status = next;
  if (next === 'failed') failures++;
  for (const listener of listeners) listener();
}

/**
 * How many loads of GPT-2's vocabulary failed on this page. From the second, a retry may never
 * reach the network: some browsers (Chromium 150, for one) keep a failed import() until the page
 * is reloaded, so the panel then offers a reload too (the settings are in the link).
 */
export function gpt2Failures(): number {
  return failures;
}

/** Starts loading GPT-2's vocabulary unless it is loaded or loading (a failed load is retried). */
export function requestGpt2(): void {
  if (status === 'loading' || status === 'ready') return;
  setStatus('loading');
  loadGpt2().then(
    () => setStatus('ready'),
    () => setStatus('failed'),
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The loading status of GPT-2's vocabulary (re-renders when it changes). */
export function useGpt2Status(): Gpt2Status {
  return useSyncExternalStore(subscribe, () => status);
}

/**
 * The Scenario to compute with: `s` itself, or `s` with `tokenizer: 'auto'` while GPT-2 is asked
 * for but not loaded. Asking for GPT-2 (text mode, `tok=gpt2`) starts loading it.
 */
export function useTokenizedScenario(s: Scenario): Scenario {
  const wanted = s.tokenizer === 'gpt2' && s.inputMode === 'text';
  const current = useGpt2Status();
  useEffect(() => {
    if (wanted) requestGpt2();
  }, [wanted]);
  return useMemo(() => (s.tokenizer === 'gpt2' && current !== 'ready' ? { ...s, tokenizer: 'auto' } : s), [s, current]);
}
