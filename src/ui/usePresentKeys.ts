/**
 * The lesson's keys, on the whole page.
 * - Presentation mode: ← / → (also PageUp / PageDown, as a presenter's clicker sends) always move
 *   between steps, even while a heatmap has focus (↑ / ↓ still move its cell); Esc closes the row
 *   inspector when it is open, else leaves presentation mode; while it is open, ↑ / ↓ change its
 *   row from anywhere but a heatmap (its cell), the inspector itself (its own keys), a select or
 *   the quiz grid. Caught before the focused element
 *   sees them (capture phase), so a clicked heatmap cannot swallow them. Arrow keys typed in an
 *   element marked `data-keys="grid"` (the quiz's grid: arrows move its cursor) are left to it. A
 *   closed select (the batch item, the head) keeps ↑ / ↓ but not these keys: a presenter who
 *   picked a head and presses → means the next step (Chromium's select would take the next head).
 * - Otherwise: Esc closes the row inspector, when nothing else used it (a heatmap clearing its
 *   cell comes first).
 * Keys typed in a form field are left to it.
 */
import { useEffect } from 'react';

interface Handlers {
  onMove(delta: 1 | -1): void;
  onExit(): void;
  /** The row inspector is open. */
  rowOpen: boolean;
  onCloseRow(): void;
  /** ↑ / ↓ while the inspector is open: the row before or after (ignored past the first or last). */
  onRowMove(delta: 1 | -1): void;
}

/** Elements whose own ↑ / ↓ come first: a heatmap (its cell), the row inspector (its row), the quiz grid. */
const OWN_UP_DOWN = '[data-testid^="heatmap-"], [data-testid="row-inspector"], [data-keys="grid"]';

/** In presentation mode with the inspector open: the row ↑ / ↓ ask for, or null (another key, or typed where ↑ / ↓ mean something else). */
function rowKeyDelta(event: KeyboardEvent): 1 | -1 | null {
  const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : null;
  if (delta === null || event.shiftKey || typedInField(event.target)) return null;
  return event.target instanceof Element && event.target.closest(OWN_UP_DOWN) !== null ? null : delta;
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

export function usePresentKeys(present: boolean, { onMove, onExit, rowOpen, onCloseRow, onRowMove }: Handlers): void {
  useEffect(() => {
    const modified = (event: KeyboardEvent) => event.altKey || event.ctrlKey || event.metaKey;
    const ignored = (event: KeyboardEvent) => modified(event) || typedInField(event.target);
    const onPresentKey = (event: KeyboardEvent) => {
      const gridArrow = event.key.startsWith('Arrow') && event.target instanceof Element && event.target.closest('[data-keys="grid"]') !== null;
      const field = typedInField(event.target) && !(event.target instanceof HTMLSelectElement);
      const rowDelta = rowOpen && !modified(event) ? rowKeyDelta(event) : null;
      if (rowDelta !== null) {
        event.preventDefault();
        onRowMove(rowDelta);
        return;
      }
      const action = modified(event) || field || gridArrow ? null : presentKeyAction(event.key);
      if (action === null) return;
      event.preventDefault();
      event.stopPropagation();
      if (action !== 'exit') onMove(action);
      else if (rowOpen) onCloseRow();
      else onExit();
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || ignored(event) || !rowOpen) return;
      event.preventDefault();
      onCloseRow();
    };
    if (present) window.addEventListener('keydown', onPresentKey, { capture: true });
    else window.addEventListener('keydown', onEscape);
    return () => {
      window.removeEventListener('keydown', onPresentKey, { capture: true });
      window.removeEventListener('keydown', onEscape);
    };
  }, [present, onMove, onExit, rowOpen, onCloseRow, onRowMove]);
}
