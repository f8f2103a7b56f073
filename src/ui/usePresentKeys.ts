/**
 * Keys of presentation mode, on the whole page: ← / → (also PageUp / PageDown, as a presenter's
 * clicker sends) move between steps, Esc leaves. A key another control used — a heatmap moving
 * its cell, a field, a select — is left to it (defaultPrevented, or typed in a form field).
 */
import { useEffect } from 'react';

interface Handlers {
  onMove(delta: 1 | -1): void;
  onExit(): void;
}

/** The step a key asks for: +1, −1, 'exit', or null for any other key. */
export function presentKeyAction(key: string): 1 | -1 | 'exit' | null {
  if (key === 'ArrowRight' || key === 'PageDown') return 1;
  if (key === 'ArrowLeft' || key === 'PageUp') return -1;
  if (key === 'Escape') return 'exit';
  return null;
}

/** True when the key belongs to the element it was typed in (a form field or an editable element). */
function typedInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function usePresentKeys(active: boolean, { onMove, onExit }: Handlers): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typedInField(event.target)) return;
      const action = presentKeyAction(event.key);
      if (action === null) return;
      event.preventDefault();
      if (action === 'exit') onExit();
      else onMove(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, onMove, onExit]);
}
