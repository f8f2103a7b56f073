/**
 * A panel that folds open and shut (a disclosure button in its legend), its state kept in the
 * Scenario's `open` list, so a link decides which panels are open (`open=frameworks`). A shut
 * panel keeps its content mounted (hidden), so nothing typed in it is lost.
 */
import { useId, type ReactNode } from 'react';
import { PANELS, type PanelId, type Scenario } from '../state/scenario';

/** The open panels of `open` (a Scenario's `open` field). */
export function openPanels(open: string): Set<string> {
  return new Set(open.split(',').filter((id) => id !== ''));
}

/** The `open` field with `id` opened or shut, in the canonical order of PANELS. */
export function withPanel(open: string, id: PanelId, isOpen: boolean): string {
  const set = openPanels(open);
  return PANELS.filter((p) => (p === id ? isOpen : set.has(p))).join(',');
}

interface Props {
  id: PanelId;
  title: string;
  scenario: Pick<Scenario, 'open'>;
  update(patch: Partial<Scenario>): void;
  className?: string;
  children: ReactNode;
}

export function FoldPanel({ id, title, scenario, update, className, children }: Props) {
  const bodyId = useId();
  const open = openPanels(scenario.open).has(id);
  return (
    <fieldset className={`panel fold${open ? '' : ' shut'}${className ? ` ${className}` : ''}`} data-panel={id} data-open={open}>
      <legend>
        <button type="button" className="fold-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => update({ open: withPanel(scenario.open, id, !open) })}>
          <span className="fold-caret" aria-hidden="true">{open ? '▾' : '▸'}</span>
          {title}
        </button>
      </legend>
      <div id={bodyId} className="fold-body" hidden={!open}>
        {children}
      </div>
    </fieldset>
  );
}
