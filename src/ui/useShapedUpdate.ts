/**
 * Locked means locked: every change to the Scenario goes through here, and a change to a field
 * of a locked control (controls.ts `frozenFields`) is dropped, whichever way it came — a
 * preset, a keyboard shortcut, a click on a heatmap — not only the control's own input, which
 * its disabled fieldset already stops (Control.tsx).
 */
import { useCallback, useMemo } from 'react';
import { frozenFields } from '../state/controls';
import type { Scenario } from '../state/scenario';

/** `patch` without the frozen fields (the same object when none is touched). */
export function withoutFrozen(patch: Partial<Scenario>, frozen: ReadonlySet<keyof Scenario>): Partial<Scenario> {
  const keys = Object.keys(patch) as (keyof Scenario)[];
  if (!keys.some((k) => frozen.has(k))) return patch;
  return Object.fromEntries(keys.filter((k) => !frozen.has(k)).map((k) => [k, patch[k]])) as Partial<Scenario>;
}

/** update and replace that leave the link's locked fields as they are. */
export function useShapedUpdate(
  scenario: Scenario,
  update: (patch: Partial<Scenario>) => void,
  replace: (next: Scenario) => void,
): { update(patch: Partial<Scenario>): void; replace(next: Scenario): void } {
  const frozen = useMemo(() => frozenFields(scenario), [scenario.hide, scenario.lock]); // eslint-disable-line react-hooks/exhaustive-deps
  const shapedUpdate = useCallback((patch: Partial<Scenario>) => {
    const kept = withoutFrozen(patch, frozen);
    if (Object.keys(kept).length > 0) update(kept);
  }, [frozen, update]);
  const shapedReplace = useCallback((next: Scenario) => {
    const held = Object.fromEntries([...frozen].map((k) => [k, scenario[k]]));
    replace({ ...next, ...held, hide: scenario.hide, lock: scenario.lock });
  }, [frozen, replace, scenario]);
  return useMemo(() => ({ update: shapedUpdate, replace: shapedReplace }), [shapedUpdate, shapedReplace]);
}
