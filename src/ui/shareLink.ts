/**
 * The Share panel's link: the current Scenario with what the teacher chose — each control or
 * panel visible, locked or hidden (`hide=`, `lock=`), and where the link opens (`present=`,
 * `step=`, `focus=`). Pure (no DOM): the base URL is passed in.
 */
import { SHAPE_IDS, type ControlState } from '../state/controls';
import type { FocusTarget, PipelineStep, Scenario } from '../state/scenario';
import { encodeScenario } from '../state/urlCodec';

/** The teacher's choice per id of SHAPE_IDS; an id not named is visible. */
export type ShapeChoice = Readonly<Record<string, ControlState>>;

/** Where the link opens. */
export interface Landing {
  present: boolean;
  step: PipelineStep;
  focus: FocusTarget;
}

/**
 * The choice a link already holds: each id hidden or locked as the link names it (not as its
 * panel makes it), so that opening the panel on a shaped link shows that link's choices.
 */
export function choiceOf(s: Pick<Scenario, 'hide' | 'lock'>): ShapeChoice {
  const hidden = new Set(s.hide.split(','));
  const locked = new Set(s.lock.split(','));
  return Object.fromEntries(SHAPE_IDS.map((id) => [id, hidden.has(id) ? 'hidden' : locked.has(id) ? 'locked' : 'visible']));
}

/** `hide` and `lock` of a choice: ids in the order of SHAPE_IDS, comma-separated. */
export function shapeLists(choice: ShapeChoice): Pick<Scenario, 'hide' | 'lock'> {
  const named = (state: ControlState) => SHAPE_IDS.filter((id) => choice[id] === state).join(',');
  return { hide: named('hidden'), lock: named('locked') };
}

/**
 * The link to share: `base` + `#` + the Scenario with the choice and the landing.
 * @param base the page's address without its fragment, e.g. `https://example.org/maskscope/`.
 * @returns e.g. `https://example.org/maskscope/#v=2&causal=1&present=1&step=weights&lock=causal`.
 * @throws never.
 */
export function shareLink(base: string, s: Scenario, choice: ShapeChoice, landing: Landing): string {
  return `${base}#${encodeScenario({ ...s, ...landing, ...shapeLists(choice) })}`;
}
