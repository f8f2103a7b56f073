/**
 * A tiny scheduler for canvas draws. Drawing six 1024×1024 heatmaps and sixteen head thumbnails
 * in the React commit that asked for them is one main-thread task of several hundred ms (no
 * input, no paint meanwhile). Here each draw is queued under a key (its canvas or host element)
 * and runs in a macrotask, in the order first asked (one draw per task, or several within a time
 * budget: APP_SLICE); asking again for a key that is still queued replaces its draw in place (the
 * latest request wins, a stale one never runs). Tasks are posted through a MessageChannel (not throttled like setTimeout).
 *
 * Usage, for any canvas (e.g. a head thumbnail):
 *
 *   useEffect(() => {
 *     const node = canvas.current;
 *     if (!node) return;
 *     return scheduleDraw(node, () => drawThumbnail(node, input, 72));   // cancels if stale
 *   }, [input]);
 *
 * or `useQueuedDraw(canvasRef, draw)` with a `useCallback` draw.
 */
import { useEffect, type RefObject } from 'react';

/** What a queued draw is keyed by: usually the element it draws into. */
export type DrawKey = object | string;

/** A queue of draws, one per macrotask; see the file comment. */
export interface DrawQueue {
  /**
   * Queues `draw` under `key`. A draw already queued under `key` is replaced in place (keeps
   * its turn). Returns a function that cancels this request if it is still queued (does nothing
   * once it ran or a later request replaced it).
   */
  schedule(key: DrawKey, draw: () => void): () => void;
  /** Drops the draw queued under `key`, if any. */
  cancel(key: DrawKey): void;
  /** Number of draws waiting. */
  pending(): number;
}

/**
 * A draw queue whose tasks are started by `post` (called with the function to run in a new
 * macrotask; at most one post is outstanding at a time). Each task runs exactly one draw and,
 * when more are waiting, posts the next task before running it, so a draw that throws does not
 * stall the queue (its error is reported by the task as an uncaught exception).
 */
export function createDrawQueue(post: (run: () => void) => void, slice: TimeSlice = { budgetMs: 0, now: () => 0 }): DrawQueue {
  const queue = new Map<DrawKey, () => void>();
  let posted = false;
  const runOne = () => {
    posted = false;
    const start = slice.now();
    do {
      const first = queue.entries().next();
      if (first.done === true) return;
      const [key, draw] = first.value;
      queue.delete(key);
      if (queue.size > 0 && !posted) {
        posted = true;
        post(runOne);
      }
      draw();
    } while (queue.size > 0 && slice.now() - start < slice.budgetMs);
  };
  return {
    schedule(key, draw) {
      queue.set(key, draw);
      if (!posted) {
        posted = true;
        post(runOne);
      }
      return () => {
        if (queue.get(key) === draw) queue.delete(key);
      };
    },
    cancel(key) {
      queue.delete(key);
    },
    pending: () => queue.size,
  };
}

/**
 * How long one task may keep drawing: after a draw, the next queued one runs in the same task
 * while less than `budgetMs` (by `now`, in ms) has passed since the task began. 0 = one draw per
 * task. Small heatmaps then share a task (fewer task switches and frames before every heatmap
 * is up to date); large ones still get a task each.
 */
export interface TimeSlice {
  budgetMs: number;
  now(): number;
}

/** The app's time slice: well under the 50 ms of a long task, with room for the draw that overruns. */
export const APP_SLICE: TimeSlice = { budgetMs: 12, now: () => performance.now() };

/** Posts `run` as a new macrotask: a MessageChannel message, or setTimeout(0) without one. */
function postMacrotask(): (run: () => void) => void {
  if (typeof MessageChannel === 'undefined') return (run) => void setTimeout(run, 0);
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (run) => {
    waiting.push(run);
    channel.port2.postMessage(null);
  };
}

/**
 * Posts `run` as a macrotask after the next animation frame: what the foreground queue has drawn
 * reaches the screen first (a chain of MessageChannel tasks can otherwise hold the frame back).
 */
function postAfterFrame(post: (run: () => void) => void): (run: () => void) => void {
  if (typeof requestAnimationFrame === 'undefined') return post;
  return (run) => void requestAnimationFrame(() => post(run));
}

let shared: DrawQueue | null = null;
let background: DrawQueue | null = null;

/** The app's draw queue for what the user is looking at: the stage heatmaps (created on first use). */
export function drawQueue(): DrawQueue {
  shared ??= createDrawQueue(postMacrotask(), APP_SLICE);
  return shared;
}

/** The app's queue for secondary canvases (head thumbnails): each of its tasks waits for a frame. */
export function backgroundDrawQueue(): DrawQueue {
  background ??= createDrawQueue(postAfterFrame(postMacrotask()), APP_SLICE);
  return background;
}

let afterFramePost: ((run: () => void) => void) | null = null;

/**
 * Runs `run` once, in a task of its own after the next animation frame (what this task drew
 * reaches the screen first), or after `fallbackMs` if no frame comes (a hidden tab).
 * @returns a cancel function (nothing runs once it is called).
 */
export function afterNextFrame(run: () => void, fallbackMs = 100): () => void {
  afterFramePost ??= postAfterFrame(postMacrotask());
  let done = false;
  const stop = () => {
    done = true;
    clearTimeout(timer);
  };
  const once = () => {
    if (done) return;
    stop();
    run();
  };
  const timer = setTimeout(once, fallbackMs);
  afterFramePost(once);
  return stop;
}

/** Queues `draw` for `key` on the app's queue; returns a cancel function (see DrawQueue.schedule). */
export function scheduleDraw(key: DrawKey, draw: () => void): () => void {
  return drawQueue().schedule(key, draw);
}

/** Queues `draw` for `key` on the background queue (after the next frame); returns a cancel function. */
export function scheduleBackgroundDraw(key: DrawKey, draw: () => void): () => void {
  return backgroundDrawQueue().schedule(key, draw);
}

/** Drops the draw queued for `key` on the app's queue (e.g. when its element unmounts). */
export function cancelDraw(key: DrawKey): void {
  drawQueue().cancel(key);
}

/**
 * Runs `draw` through the app's queue whenever it changes (by identity: wrap it in useCallback),
 * keyed by the element in `target`; a queued draw is dropped when the component unmounts.
 * `draw` null draws nothing.
 */
export function useQueuedDraw(target: RefObject<Element | null>, draw: (() => void) | null): void {
  useEffect(() => {
    const node = target.current;
    if (node === null || draw === null) return;
    return scheduleDraw(node, draw);
  }, [target, draw]);
}
