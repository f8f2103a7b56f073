/**
 * Keyboard focus across presentation mode: entering it focuses the current step's button (so
 * ← / → and Enter work at once), leaving it focuses the Present button again, instead of
 * dropping focus on the page. Nothing moves on the first load.
 */
import { useEffect, useRef } from 'react';

const ENTERED = '.present-bar [aria-current="step"], .present-exit';
const LEFT = '[data-testid="present-enter"]';

export function usePresentFocus(present: boolean): void {
  const previous = useRef(present);
  useEffect(() => {
    if (previous.current === present) return;
    previous.current = present;
    document.querySelector<HTMLElement>(present ? ENTERED : LEFT)?.focus();
  }, [present]);
}
