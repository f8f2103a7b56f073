/**
 * Runs background work in a pause: after the page's `load`, once no user input (pointer, key,
 * wheel, touch) has come for `quietMs`. The service worker's first install fetches and stores every
 * file of the app (about 2 s of both cores on a 2-core laptop); started at `load`, it made a
 * teacher's first clicks 3–10× slower (a presentation step change: ~200 ms instead of ~20 ms, headless
 * Chromium, 2 × EPYC). Waiting for a pause costs nothing to someone who is not clicking.
 */

/** What afterQuiet needs of a window (a test passes an EventTarget with a document). */
export type QuietWindow = Pick<Window, 'addEventListener' | 'removeEventListener'> & { document: Pick<Document, 'readyState'> };

/** The inputs that restart the wait. */
const INPUTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `callback` once, `quietMs` after both the page's `load` and the last user input.
 * @returns cancels the call if it has not happened yet
 */
export function afterQuiet(quietMs: number, callback: () => void, win: QuietWindow = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loaded = win.document.readyState === 'complete';
  const restart = () => {
    if (!loaded) return;
    clearTimeout(timer);
    timer = setTimeout(fire, quietMs);
  };
  const onLoad = () => {
    loaded = true;
    restart();
  };
  const detach = () => {
    clearTimeout(timer);
    win.removeEventListener('load', onLoad);
    for (const type of INPUTS) win.removeEventListener(type, restart, { capture: true });
  };
  function fire(): void {
    detach();
    callback();
  }
  for (const type of INPUTS) win.addEventListener(type, restart, { capture: true, passive: true });
  if (loaded) restart();
  else win.addEventListener('load', onLoad, { once: true });
  return detach;
}
