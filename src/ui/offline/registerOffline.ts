/**
 * Registers the service worker of the production build (vite.config.ts) from the app's own module:
 * no inline script, so the strict CSP holds, and the URL goes through the Trusted Types policy
 * `maskscope-sw` (swUrl.ts). The dev server never registers one (`__SERVICE_WORKER__`, set by
 * vite.config.ts, is false there): a service worker would serve stale dev files.
 *
 * Updates: a new deployment installs beside the running version and waits; the page shows
 * "A new version is ready — reload" (UpdatePrompt.tsx) instead of reloading by itself, so a
 * teacher mid-lesson is never interrupted. `applyUpdate()` activates it and reloads.
 */
import type { Workbox } from 'workbox-window';
import { afterQuiet } from './afterQuiet';
import { serviceWorkerScriptUrl } from './swUrl';
import { getOfflineState, setOfflineState } from './offlineState';

/** True in `vite build` output (vite.config.ts); undefined where no Vite define ran (tests importing this file). */
declare const __SERVICE_WORKER__: boolean | undefined;

let workbox: Workbox | undefined;
let reloading = false;

/**
 * How long the page goes without input before the service worker is registered (afterQuiet.ts),
 * ms: longer than a click's compute and look at L = 1024 (1–2 s), so clicks a few seconds apart
 * (a lesson, an engineer stepping through masks) never share the cores with the first install.
 */
export const REGISTER_QUIET_MS = 5000;

/**
 * Starts registration once: after the page's `load` and a pause in the user's input
 * (afterQuiet.ts), so the first install's downloads never compete with the first paint or with a
 * lesson's first clicks. Safe to call where service workers are missing: the state stays `off`.
 */
export function registerOffline(): void {
  if (typeof __SERVICE_WORKER__ === 'undefined' || !__SERVICE_WORKER__ || !('serviceWorker' in navigator)) {
    setOfflineState({ status: 'off' });
    return;
  }
  setOfflineState({ status: navigator.serviceWorker.controller ? 'ready' : 'waiting' });
  afterQuiet(REGISTER_QUIET_MS, () => {
    if (getOfflineState().status === 'waiting') setOfflineState({ status: 'installing' });
    void start().catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      console.warn(`Maskscope: offline use is not available (${detail})`);
      setOfflineState({ status: 'error', detail });
    });
  });
}

async function start(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  // workbox-window accepts a TrustedScriptURL and hands it to navigator.serviceWorker.register
  const wb = new Workbox(serviceWorkerScriptUrl());
  workbox = wb;
  let controlled = Boolean(navigator.serviceWorker.controller);
  wb.addEventListener('waiting', () => setOfflineState({ status: 'update' }));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) return void location.reload();
    // first install: the worker claimed this page. Otherwise another tab accepted an update:
    // this page's code is now older than the cache, so offer the reload here too.
    setOfflineState({ status: controlled ? 'update' : 'ready' });
    controlled = true;
  });
  await wb.register();
  if (navigator.serviceWorker.controller && getOfflineState().status === 'installing') setOfflineState({ status: 'ready' });
}

/**
 * The user accepted the update: the waiting worker takes over and the page reloads once it
 * controls the page. Where no worker waits (another tab took the update), it reloads at once.
 */
export async function applyUpdate(): Promise<void> {
  reloading = true;
  const registration = await navigator.serviceWorker?.getRegistration();
  if (workbox && registration?.waiting) workbox.messageSkipWaiting();
  else location.reload();
}
