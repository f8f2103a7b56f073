/**
 * The Scenario, kept in the URL fragment (`#v=2&…`, never sent to a server): decoded once from
 * the state captured at start-up (initialUrl.ts: the fragment, or an old link's query string),
 * with warnings for anything invalid; written back as a fragment on every change (so an old `?`
 * link is rewritten to the new form with replaceState); re-read on back/forward and when the
 * fragment is edited (popstate, hashchange).
 *
 * History: a change made more than HISTORY_PAUSE_MS after the previous one adds a history entry
 * (so Back undoes a toggle); quicker changes, such as typing, replace the current entry (so one
 * burst of typing is one step back).
 *
 * A replace waits until the change has been painted (linkWrite.ts): changes within one frame make
 * one replace; Back/Forward drops one still waiting; leaving the page writes it at once. A push is
 * made at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scenario } from '../state/scenario';
import { decodeScenario, encodeScenario } from '../state/urlCodec';
import { viewInData } from '../state/validate';
import type { StateWarning } from '../state/warnings';
import { scheduleLinkReplace, type PendingLinkReplace } from './linkWrite';

export const HISTORY_PAUSE_MS = 1000;

/**
 * `lastWrite` markers: "not written since the page loaded" (the first write, the load's own tidying
 * of the link, replaces), a write "long ago" (the next one pushes), and "Back/Forward just happened".
 */
const AT_LOAD = -2;
const LONG_AGO = 1;
const JUST_POPPED = -1;

export interface ScenarioState {
  scenario: Scenario;
  warnings: StateWarning[];
  update(patch: Partial<Scenario>): void;
  /** Replaces the whole scenario (a preset), as a new history entry. */
  replace(next: Scenario): void;
  dismissWarnings(): void;
}

export function useScenarioUrl(initialState: string): ScenarioState {
  const [initial] = useState(() => decodeScenario(initialState));
  const [scenario, setScenario] = useState<Scenario>(initial.scenario);
  const [warnings, setWarnings] = useState<StateWarning[]>(initial.warnings);
  // When the link was last written, ms (performance.now), or a marker. The first run below counts
  // as a write, so the first change after a pause adds an entry whatever the link opened with. It
  // replaces however long the first render took: on a slow device that can be over
  // HISTORY_PAUSE_MS, and an old `?` link must not become two history entries.
  const lastWrite = useRef(AT_LOAD);
  const pending = useRef<PendingLinkReplace | null>(null);

  useEffect(() => {
    const hash = `#${encodeScenario(scenario)}`;
    if (lastWrite.current === AT_LOAD) lastWrite.current = performance.now();
    // Right after Back/Forward: only that entry's own URL is tidied up (replaced), and the next
    // change becomes a new entry, so an edit never rewrites the entry the user went back to.
    const popped = lastWrite.current === JUST_POPPED;
    if (popped) lastWrite.current = LONG_AGO;
    // a replace still waiting for the frame is superseded by this change
    pending.current?.cancel();
    pending.current = null;
    if (hash === window.location.hash && !window.location.search) return;
    const url = `${window.location.pathname}${hash}`;
    const now = performance.now();
    const push = !popped && lastWrite.current > 0 && now - lastWrite.current > HISTORY_PAUSE_MS;
    if (!popped) lastWrite.current = now;
    // A new entry is added at once, so that Back or a reload right after the change finds it; a
    // replace waits for the frame (linkWrite.ts).
    if (push) window.history.pushState(null, '', url);
    else pending.current = scheduleLinkReplace(url);
  }, [scenario]);

  useEffect(() => {
    const flush = () => pending.current?.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      pending.current?.cancel();
    };
  }, []);

  useEffect(() => {
    // Back/Forward (popstate), and a fragment edited in the address bar (popstate, then hashchange).
    // hashchange reads the fragment as edited (newURL): by then the first read has written the
    // fragment back without its invalid values, and reading that would clear their warnings.
    const onPop = (event: Event) => {
      const decoded = decodeScenario(event instanceof HashChangeEvent ? new URL(event.newURL).hash : window.location.hash);
      // The entry Back/Forward led to is never rewritten by a later edit (which pushes instead),
      // nor by a replace with the state before it that was still waiting for a frame.
      pending.current?.cancel();
      pending.current = null;
      lastWrite.current = JUST_POPPED;
      setScenario(decoded.scenario);
      setWarnings(decoded.warnings);
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onPop);
    };
  }, []);

  // fewer heads or lines than the one on screen: the last one is shown, and so written in the link
  const update = useCallback((patch: Partial<Scenario>) => setScenario((s) => viewInData({ ...s, ...patch })), []);
  const replace = useCallback((next: Scenario) => {
    lastWrite.current = LONG_AGO; // the next write pushes a history entry
    setScenario(viewInData(next));
  }, []);
  const dismissWarnings = useCallback(() => setWarnings([]), []);
  return { scenario, warnings, update, replace, dismissWarnings };
}
