/**
 * A panel that folds open and shut (a disclosure button in its legend), its state kept in the
 * Scenario's `open` list, so a link decides which panels are open (`open=frameworks`); a link
 * that lands in a panel (`focus=masks`, `focus=fully-masked`) opens it too. A shut
 * panel keeps its content mounted (hidden), so nothing typed in it is lost.
 */
import { useId, type ReactNode } from 'react';
import { LockBadge, useControlState } from './Control';
import { PANELS, type FocusTarget, type PanelId, type Scenario } from '../state/scenario';

/** The open panels of `open` (a Scenario's `open` field). */
export function openPanels(open: string): Set<string> {
  return new Set(open.split(',').filter((id) => id !== ''));
}

/** The `open` field with `id` opened or shut, in the canonical order of PANELS. */
export function withPanel(open: string, id: PanelId, isOpen: boolean): string {
  const set = openPanels(open);
  return PANELS.filter((p) => (p === id ? isOpen : set.has(p))).join(',');
}

/** The panel a focus target lies in (a link that lands there opens it), or null. */
export function panelOfFocus(focus: FocusTarget): PanelId | null {
  if (focus === 'fully-masked') return 'frameworks';
  return (PANELS as readonly string[]).includes(focus) ? (focus as PanelId) : null;
}

/** True when panel `id` is open: named in `open`, or holding the link's focus target. */
export function isPanelOpen(s: Pick<Scenario, 'open' | 'focus'>, id: PanelId): boolean {
  return openPanels(s.open).has(id) || panelOfFocus(s.focus) === id;
}

/** The change that opens or shuts panel `id`; shutting it also drops a focus target inside it. */
export function panelPatch(s: Pick<Scenario, 'open' | 'focus'>, id: PanelId, isOpen: boolean): Partial<Scenario> {
  const open = withPanel(s.open, id, isOpen);
  return !isOpen && panelOfFocus(s.focus) === id ? { open, focus: '' } : { open };
}

interface Props {
  id: PanelId;
  title: string;
  scenario: Pick<Scenario, 'open' | 'focus'>;
  update(patch: Partial<Scenario>): void;
  className?: string;
  children: ReactNode;
}

export function FoldPanel({ id, title, scenario, update, className, children }: Props) {
  const bodyId = useId();
  const noteId = useId();
  const open = isPanelOpen(scenario, id);
  // a teacher's link (hide=, lock=; Control.tsx): a locked panel's controls are disabled, its fold toggle (in the legend) still works
  const shape = useControlState(id);
  if (shape === 'hidden') return null;
  const locked = shape === 'locked';
  return (
    <fieldset
      className={`panel fold${open ? '' : ' shut'}${className ? ` ${className}` : ''}`} data-panel={id} data-open={open}
      disabled={locked} data-locked={locked || undefined} aria-describedby={locked ? noteId : undefined}
    >
      <legend>
        <button type="button" className="fold-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => update(panelPatch(scenario, id, !open))}>
          <span className="fold-caret" aria-hidden="true">{open ? '▾' : '▸'}</span>
          {title}
        </button>
        {locked && <LockBadge noteId={noteId} />}
      </legend>
      <div id={bodyId} className="fold-body" hidden={!open}>
        {children}
      </div>
    </fieldset>
  );
}
