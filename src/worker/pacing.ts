/** When the worker reports progress and looks for newer requests during a run. */

/** Milliseconds between progress messages, and of work between looks at the message queue. */
const PROGRESS_EVERY_MS = 50;
const YIELD_EVERY_MS = 15;

/**
 * Paces a run: progress goes to the page at most every PROGRESS_EVERY_MS, and the worker looks
 * for a newer request every YIELD_EVERY_MS of work, so a small computation runs in one go
 * (no message or task switch per head) and a large one still stops promptly when cancelled.
 */
export function pacer(): { due(): boolean; yieldDue(): boolean } {
  let lastProgress = performance.now();
  let lastYield = lastProgress;
  const since = (t: number, ms: number) => performance.now() - t >= ms;
  return {
    due() {
      if (!since(lastProgress, PROGRESS_EVERY_MS)) return false;
      lastProgress = performance.now();
      return true;
    },
    yieldDue() {
      if (!since(lastYield, YIELD_EVERY_MS)) return false;
      lastYield = performance.now();
      return true;
    },
  };
}

/** Lets queued messages (a newer request) in: resolves in a new task, without timer clamping. */
export function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
