/**
 * Writing the page's link (history.pushState / replaceState) after the change is painted.
 *
 * Either call is a same-document navigation: 0.4–32 ms per call in headless Chromium (most of it
 * an SVG page icon decoded again, before index.html linked a PNG; still about 6 ms a call in a
 * profile after), time a toggle's new heatmap should not wait for. So the write runs in a task of
 * its own after the next frame (drawQueue.ts `afterNextFrame`, or after 100 ms in a hidden tab).
 * While one waits, <html> carries `data-link-pending` (for tests: the address is about to change).
 */
import { afterNextFrame } from './drawQueue';

/** A write waiting for the frame. */
export interface PendingLinkWrite {
  /** The write adds a history entry (pushState) rather than replacing the current one. */
  readonly push: boolean;
  /** Writes now (leaving the page); nothing runs later. */
  flush(): void;
  /** Drops the write; true if it was still waiting (not written, flushed or dropped before). */
  cancel(): boolean;
}

const MARK = 'data-link-pending';

/**
 * Schedules the page's link to become `url` (a path and fragment, e.g. `/#v=2&causal=1`).
 * @param push true: a new history entry; false: the current entry is replaced.
 * @returns the waiting write; flush() and cancel() may be called in any order and more than once.
 */
export function scheduleLinkWrite(url: string, push: boolean): PendingLinkWrite {
  const root = document.documentElement;
  let stopTimer: (() => void) | null = null;
  const finish = (write: boolean): boolean => {
    if (!stopTimer) return false;
    stopTimer();
    stopTimer = null;
    root.removeAttribute(MARK);
    if (write && push) window.history.pushState(null, '', url);
    else if (write) window.history.replaceState(null, '', url);
    return true;
  };
  root.setAttribute(MARK, '');
  stopTimer = afterNextFrame(() => finish(true));
  return { push, flush: () => void finish(true), cancel: () => finish(false) };
}
