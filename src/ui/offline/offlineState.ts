/**
 * Where offline use stands on this page, as a tiny external store (read by React with
 * useSyncExternalStore) and mirrored on <html data-offline="…"> for tests and styles:
 * - `off`: no service worker (the dev server, `npm run dev`; or a browser without service workers);
 * - `waiting`: nothing registered yet: registration waits for the page's `load` and a pause in
 *   the user's input (registerOffline.ts REGISTER_QUIET_MS);
 * - `installing`: registered, the precache is being filled; the page is not yet controlled;
 * - `ready`: a service worker controls the page: every asset of this version is cached, the app
 *   works with no network;
 * - `update`: a newer deployment is installed and waits for the user's "reload";
 * - `error`: registration failed (the app keeps working online; the reason is in `detail`).
 */
export type OfflineStatus = 'off' | 'waiting' | 'installing' | 'ready' | 'update' | 'error';

export interface OfflineState {
  status: OfflineStatus;
  /** Why registration failed (status `error`), for the console and tests. */
  detail?: string;
}

let state: OfflineState = { status: 'off' };
const listeners = new Set<() => void>();

/** The current state (the same object until it changes). */
export function getOfflineState(): OfflineState {
  return state;
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sets the state, mirrors it on <html data-offline>, and tells the subscribers. */
export function setOfflineState(next: OfflineState): void {
  state = next;
  document.documentElement.dataset.offline = next.status;
  for (const listener of listeners) listener();
}
