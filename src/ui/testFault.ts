/**
 * A test-only fault: the browser test of the error boundaries (tests/browser/boundaries.test.ts)
 * sets `window.maskscopeTestFault = '<panel>'` before the page loads (never set by the app), and
 * the PanelBoundary of that panel then throws while rendering, as a bug in it would. Clearing the
 * flag and pressing "Try again" renders the panel again.
 */
import type { PanelName } from './PanelBoundary';

/** Throws an Error naming `panel` when the test flag names it; does nothing otherwise. */
export function throwIfTestFault(panel: PanelName): void {
  if ((window as { maskscopeTestFault?: string }).maskscopeTestFault === panel) throw new Error(`test fault in the ${panel} panel`);
}
