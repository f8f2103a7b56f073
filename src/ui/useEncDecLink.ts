/**
 * What the encoder–decoder view highlights (encdecLink.ts), from mouse, keyboard and touch:
 * - a mouse over a token chip or a heatmap cell shows it while it is there;
 * - focusing a chip (keyboard) or tapping / clicking it selects it: it stays shown after the
 *   pointer leaves, until another is selected or the chip loses focus;
 * - the latest event wins, so a chip focused after a heatmap was navigated shows at once.
 */
import { useCallback, useMemo, useReducer } from 'react';
import type { HeatmapCell } from '../viz/types';
import type { EncDecPart } from '../scenario/encdecInputs';
import { sameLink, type EncDecLink } from './encdecLink';

interface LinkState {
  /** Shown now. */
  shown: EncDecLink | null;
  /** Focused or tapped chip, shown again when the pointer leaves. */
  selected: EncDecLink | null;
}

type LinkEvent =
  | { type: 'enter'; link: EncDecLink }
  | { type: 'leave'; link: EncDecLink | null }
  | { type: 'select'; link: EncDecLink }
  | { type: 'unselect'; link: EncDecLink };

/** The state after `e`. 'leave' with link null leaves whatever a heatmap showed. */
export function linkReducer(state: LinkState, e: LinkEvent): LinkState {
  switch (e.type) {
    case 'enter':
      return sameLink(state.shown, e.link) ? state : { ...state, shown: e.link };
    case 'leave':
      return e.link === null || sameLink(state.shown, e.link) ? { ...state, shown: state.selected } : state;
    case 'select':
      return { shown: e.link, selected: e.link };
    case 'unselect': {
      const selected = sameLink(state.selected, e.link) ? null : state.selected;
      const shown = sameLink(state.shown, e.link) ? selected : state.shown;
      return { shown, selected };
    }
  }
}

/** Handlers of a token chip, and of a panel's heatmaps. */
export interface LinkHandlers {
  /** A mouse entered (true) or left (false) a chip; touch and pen are ignored (a tap selects). */
  chipPointer(link: EncDecLink, inside: boolean, pointerType: string): void;
  /** A chip got focus or was clicked / tapped. */
  chipSelect(link: EncDecLink): void;
  /** A chip lost focus. */
  chipBlur(link: EncDecLink): void;
  /** HeatmapSpec.onHover of a panel: a cell under the mouse or the keyboard, or null when it leaves. */
  cell(part: EncDecPart, cell: HeatmapCell | null): void;
}

/** The link shown now, and stable handlers that change it. */
export function useEncDecLink(): { link: EncDecLink | null; handlers: LinkHandlers } {
  const [state, dispatch] = useReducer(linkReducer, { shown: null, selected: null });
  const chipPointer = useCallback((link: EncDecLink, inside: boolean, pointerType: string) => {
    if (pointerType === 'mouse') dispatch(inside ? { type: 'enter', link } : { type: 'leave', link });
  }, []);
  const chipSelect = useCallback((link: EncDecLink) => dispatch({ type: 'select', link }), []);
  const chipBlur = useCallback((link: EncDecLink) => dispatch({ type: 'unselect', link }), []);
  const cell = useCallback((part: EncDecPart, c: HeatmapCell | null) => {
    dispatch(c === null ? { type: 'leave', link: null } : { type: 'enter', link: { kind: 'cell', part, row: c.row, col: c.col } });
  }, []);
  const handlers = useMemo(() => ({ chipPointer, chipSelect, chipBlur, cell }), [chipPointer, chipSelect, chipBlur, cell]);
  return { link: state.shown, handlers };
}
