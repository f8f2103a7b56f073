/**
 * The controls and panels a teacher's link can hide (`hide=`) or lock (`lock=`), by stable id
 * (docs/url-format.md, "Controls and panels"). A control that sets one Scenario field has that
 * field's URL key as its id (`causal`, `heads`, `q`); the others have a name of their own
 * (`preset`, `share`). A panel id (`masks`) stands for the panel and every control in it.
 * Pure: the UI (ui/Control.tsx) reads these lists; the codec validates `hide` and `lock` by them.
 */

import type { Scenario } from './scenario';
import { SETTINGS } from './settings';
import { PANELS, type PanelId } from './vocabulary';

/** Where a control sits: a settings panel, the header, the sidebar above the panels, or the view bar above the heatmaps. */
export type ControlPlace = PanelId | 'header' | 'sidebar' | 'view';

export interface ControlSpec {
  readonly id: string;
  readonly place: ControlPlace;
  /** The Scenario fields it changes: a locked control's fields do not change (ui/useShapedUpdate.ts). */
  readonly fields: readonly (keyof Scenario)[];
}

/** A control that sets one field: its id is the field's URL key. */
function setting(field: keyof Scenario, place: ControlPlace): ControlSpec {
  return { id: SETTINGS[field].key, place, fields: [field] };
}

/** Every control a link can hide or lock, in page order (header, sidebar panels, view bar). */
export const CONTROLS: readonly ControlSpec[] = [
  { id: 'share', place: 'header', fields: [] },
  setting('present', 'header'),
  setting('language', 'header'),
  { id: 'copy-link', place: 'header', fields: [] },
  { id: 'export', place: 'header', fields: [] },
  { id: 'preset', place: 'sidebar', fields: [] },
  setting('attention', 'input'),
  setting('inputMode', 'input'),
  setting('queryText', 'input'),
  setting('keyText', 'input'),
  setting('tokenizer', 'input'),
  { id: 'examples', place: 'input', fields: [] },
  setting('paddingSide', 'input'),
  setting('queryLength', 'input'),
  setting('keyLength', 'input'),
  setting('batchSize', 'input'),
  setting('causal', 'masks'),
  setting('causalAlignment', 'masks'),
  setting('causalLengths', 'masks'),
  setting('keyPadding', 'masks'),
  setting('queryPadding', 'masks'),
  { id: 'm', place: 'masks', fields: ['masks', 'maskJoin', 'globalTokens'] },
  setting('customMask', 'masks'),
  setting('temperature', 'modifiers'),
  setting('softcap', 'modifiers'),
  setting('alibi', 'modifiers'),
  setting('seed', 'model'),
  setting('dK', 'model'),
  setting('heads', 'model'),
  setting('engine', 'model'),
  setting('viewBatch', 'view'),
  setting('viewHead', 'view'),
  setting('weightScale', 'view'),
];

/** Every id `hide=` and `lock=` accept: the controls, then the panels. */
export const SHAPE_IDS: readonly string[] = [...CONTROLS.map((c) => c.id), ...PANELS];

/**
 * A `hide`/`lock` list read: the known ids in the order of SHAPE_IDS, without repeats, and the
 * unknown pieces as written (empty pieces and surrounding spaces ignored).
 * @param text e.g. `causal, masks,nope`.
 * @returns e.g. { ids: ['causal', 'masks'], unknown: ['nope'] }.
 * @throws never.
 */
export function parseShapeList(text: string): { ids: string[]; unknown: string[] } {
  const pieces = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  return {
    ids: SHAPE_IDS.filter((id) => pieces.includes(id)),
    unknown: [...new Set(pieces.filter((p) => !SHAPE_IDS.includes(p)))],
  };
}

/** How a link shows a control: as usual, shown but locked, or not at all. */
export type ControlState = 'visible' | 'locked' | 'hidden';

/** The place of a control id, or the panel itself for a panel id; undefined for an unknown id. */
function placeOf(id: string): ControlPlace | undefined {
  return CONTROLS.find((c) => c.id === id)?.place ?? ((PANELS as readonly string[]).includes(id) ? (id as PanelId) : undefined);
}

/**
 * The state of a control or panel under a link's `hide` and `lock` lists: hidden when it or its
 * panel is hidden, else locked when it or its panel is locked, else visible. Hiding wins.
 * @param s the link's `hide` and `lock` (canonical lists, as sanitizeScenario writes them).
 * @param id a control or panel id of SHAPE_IDS (an unknown id is visible).
 */
export function controlState(s: Pick<Scenario, 'hide' | 'lock'>, id: string): ControlState {
  const place = placeOf(id);
  const named = (list: string) => {
    const ids = list.split(',');
    return ids.includes(id) || (place !== undefined && ids.includes(place));
  };
  if (named(s.hide)) return 'hidden';
  return named(s.lock) ? 'locked' : 'visible';
}

/**
 * True when control `id` is locked only because its settings panel is (`lock=masks`, not
 * `lock=causal`): the panel's own disabled fieldset then locks it, with one lock in the panel's
 * title instead of one per control.
 */
export function lockedByPanel(s: Pick<Scenario, 'hide' | 'lock'>, id: string): boolean {
  const place = placeOf(id);
  const panel = place !== undefined && place !== id && (PANELS as readonly string[]).includes(place);
  return panel && controlState(s, id) === 'locked' && !s.lock.split(',').includes(id);
}

/**
 * The Scenario fields no change may touch under a link: those of every locked control (by its
 * id or its panel), so that no other way in (a preset, a keyboard shortcut, a click on the
 * heatmaps) moves what the teacher locked. Hidden controls' fields stay free.
 */
export function frozenFields(s: Pick<Scenario, 'hide' | 'lock'>): Set<keyof Scenario> {
  const frozen = new Set<keyof Scenario>();
  for (const c of CONTROLS) if (controlState(s, c.id) === 'locked') c.fields.forEach((f) => frozen.add(f));
  return frozen;
}
