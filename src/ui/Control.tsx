/**
 * Links a teacher shapes (`hide=`, `lock=`; docs/url-format.md): every hideable control and
 * panel goes through here, so that a link hides it (nothing is rendered) or locks it (shown with
 * its value, disabled by a `<fieldset disabled>` — mouse, touch and keyboard alike — with a lock
 * and the note "locked by the teacher's link"). The ids are controls.ts's SHAPE_IDS.
 */
import { createContext, useContext, useId, type ReactNode } from 'react';
import { useT } from './i18n/useT';
import { controlState, lockedByPanel, type ControlState } from '../state/controls';
import type { Scenario } from '../state/scenario';
import './control.css';

/** The link's `hide` and `lock` lists; the App provides them from the Scenario. */
export const ShapeContext = createContext<Pick<Scenario, 'hide' | 'lock'>>({ hide: '', lock: '' });

/** How the link shows control or panel `id`: visible, locked or hidden. */
export function useControlState(id: string): ControlState {
  return controlState(useContext(ShapeContext), id);
}

/**
 * A control (or a group of controls) by its stable id: rendered as it is, hidden, or locked.
 * The wrapper takes no room of its own while visible (`display: contents`).
 */
export function Control({ id, children }: { id: string; children: ReactNode }) {
  const shape = useContext(ShapeContext);
  const state = controlState(shape, id);
  const noteId = useId();
  if (state === 'hidden') return null;
  // locked with its whole panel: the panel's disabled fieldset (FoldPanel) locks it, under one lock
  if (state === 'visible' || lockedByPanel(shape, id)) return <div className="control" data-control={id}>{children}</div>;
  return (
    <fieldset className="control locked" data-control={id} data-locked="true" disabled aria-describedby={noteId}>
      <LockBadge noteId={noteId} />
      {children}
    </fieldset>
  );
}

/** The lock and its note: a tooltip for the pointer, a description for screen readers. */
export function LockBadge({ noteId }: { noteId: string }) {
  const { t } = useT();
  return (
    <span className="lock-badge" title={t('share.lockedNote')}>
      <svg className="lock-icon" viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" focusable="false">
        <path fill="currentColor" fillRule="evenodd" d="M4 7V5a4 4 0 0 1 8 0v2h1.5v8.5h-11V7H4zm2 0h4V5a2 2 0 0 0-4 0v2z" />
      </svg>
      <span id={noteId} className="visually-hidden">{t('share.lockedNote')}</span>
    </span>
  );
}
