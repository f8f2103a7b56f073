/**
 * The Scenario, kept in the URL: read once from `location.search` (with warnings for anything
 * invalid), written back with `history.replaceState` on every change, re-read on back/forward.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Scenario } from '../state/scenario';
import { decodeScenario, encodeScenario } from '../state/urlCodec';
import type { StateWarning } from '../state/warnings';

export interface ScenarioState {
  scenario: Scenario;
  warnings: StateWarning[];
  update(patch: Partial<Scenario>): void;
  dismissWarnings(): void;
}

export function useScenarioUrl(): ScenarioState {
  const [initial] = useState(() => decodeScenario(window.location.search));
  const [scenario, setScenario] = useState<Scenario>(initial.scenario);
  const [warnings, setWarnings] = useState<StateWarning[]>(initial.warnings);

  useEffect(() => {
    const search = `?${encodeScenario(scenario)}`;
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  }, [scenario]);

  useEffect(() => {
    const onPop = () => {
      const decoded = decodeScenario(window.location.search);
      setScenario(decoded.scenario);
      setWarnings(decoded.warnings);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((patch: Partial<Scenario>) => setScenario((s) => ({ ...s, ...patch })), []);
  const dismissWarnings = useCallback(() => setWarnings([]), []);
  return { scenario, warnings, update, dismissWarnings };
}
