/**
 * Replacing the page's link (history.replaceState) after the change is painted.
 *
 * The call is a same-document navigation: 0.4–32 ms per call in headless Chromium (most of it an
 * SVG page icon decoded again, before index.html linked a PNG; still about 6 ms a call in a
 * profile after), time a toggle's new heatmap should not wait for. So the replace runs in a task
 * of its own after the next frame (drawQueue.ts `afterNextFrame`, or after 100 ms in a hidden
 * tab). While one waits, <html> carries `data-link-pending` (for tests: the address is about to
 * change). A new history entry (pushState) is not deferred: useScenarioUrl.ts adds it at once, so
 * that Back or a reload right after a change finds it.
 */
import { afterNextFrame } from './drawQueue';

/** A replace waiting for the frame. */
export interface PendingLinkReplace {
  /** Replaces now (leaving the page); nothing runs later. */
  flush(): void;
  /** Drops the replace. */
  cancel(): void;
}

const MARK = 'data-link-pending';

/**
 * Schedules the current history entry's link to become `url` (a path and fragment, e.g.
 * `/#v=2&causal=1`).
 * @returns the waiting replace; flush() and cancel() may be called in any order and more than once.
 */
export function scheduleLinkReplace(url: string): PendingLinkReplace {
  const root = document.documentElement;
  let stopTimer: (() => void) | null = null;
  const finish = (write: boolean) => {
    if (!stopTimer) return;
    stopTimer();
    stopTimer = null;
    root.removeAttribute(MARK);
    if (write) window.history.replaceState(null, '', url);
  };
  root.setAttribute(MARK, '');
  stopTimer = afterNextFrame(() => finish(true));
  return { flush: () => finish(true), cancel: () => finish(false) };
}
