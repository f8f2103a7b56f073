/**
 * The scenario as the settings panels see it: the same object while only what is looked at
 * changes (the batch item and head on screen, the pipeline step, the inspected row), so that the
 * memoised panels skip the renders of a head switch or a step change.
 */
import { useMemo } from 'react';
import { VIEW_FIELDS, type Scenario } from '../state/scenario';

// The fields no settings panel reads: a change of these alone keeps the panels' scenario.
export { VIEW_FIELDS };

/** The scenario without VIEW_FIELDS, as text: equal for two scenarios the panels show alike. */
export function viewlessKey(scenario: Scenario): string {
  return JSON.stringify(scenario, (key, value: unknown) => ((VIEW_FIELDS as readonly string[]).includes(key) ? undefined : value));
}

/** `scenario`, or the earlier object when only VIEW_FIELDS changed since (its view fields are then stale: read them from `scenario`). */
export function useViewless(scenario: Scenario): Scenario {
  const key = viewlessKey(scenario);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => scenario, [key]);
}
