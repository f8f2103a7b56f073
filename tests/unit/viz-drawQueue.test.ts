/**
 * The draw queue (src/ui/drawQueue.ts): one draw per macrotask, the latest request per key wins.
 * Tasks are stepped by hand through an injected `post`, so nothing here depends on timing.
 */
import { describe, expect, test } from 'vitest';
import { createDrawQueue, type TimeSlice } from '../../src/ui/drawQueue';

/** A queue whose posted tasks wait in `tasks` until `step()` runs the first one. */
function manualQueue(slice?: TimeSlice) {
  const tasks: (() => void)[] = [];
  const queue = createDrawQueue((run) => tasks.push(run), slice);
  const log: string[] = [];
  const draw = (name: string) => () => log.push(name);
  /** Runs one posted task (one macrotask); returns the draws it ran. */
  const step = () => {
    const before = log.length;
    tasks.shift()?.();
    return log.slice(before);
  };
  return { queue, tasks, log, draw, step };
}

describe('createDrawQueue', () => {
  test('three heatmaps queued in one commit: one task posted, then each task runs exactly one draw, in order', () => {
    const { queue, tasks, draw, step } = manualQueue();
    queue.schedule('mask', draw('mask'));
    queue.schedule('scores', draw('scores'));
    queue.schedule('weights', draw('weights'));
    expect(tasks).toHaveLength(1);
    expect(step()).toEqual(['mask']);
    expect(step()).toEqual(['scores']);
    expect(step()).toEqual(['weights']);
    expect(tasks).toHaveLength(0);
    expect(queue.pending()).toBe(0);
  });

  test('the latest request for a key wins and keeps the key’s turn; the stale draw never runs', () => {
    const { queue, draw, step, log } = manualQueue();
    queue.schedule('mask', draw('mask v1'));
    queue.schedule('weights', draw('weights v1'));
    queue.schedule('mask', draw('mask v2'));
    expect(queue.pending()).toBe(2);
    expect(step()).toEqual(['mask v2']);
    expect(step()).toEqual(['weights v1']);
    expect(step()).toEqual([]);
    expect(log).toEqual(['mask v2', 'weights v1']);
  });

  test('a key asked for again after its draw ran is drawn again, in a later task', () => {
    const { queue, draw, step } = manualQueue();
    queue.schedule('mask', draw('mask v1'));
    expect(step()).toEqual(['mask v1']);
    queue.schedule('mask', draw('mask v2'));
    expect(step()).toEqual(['mask v2']);
  });

  test('cancel: the returned function drops its own request only; cancel(key) drops whatever is queued', () => {
    const { queue, draw, step, log } = manualQueue();
    const cancelV1 = queue.schedule('mask', draw('mask v1'));
    queue.schedule('mask', draw('mask v2'));
    cancelV1(); // replaced already: does nothing
    const cancelW = queue.schedule('weights', draw('weights'));
    cancelW();
    queue.schedule('output', draw('output'));
    queue.cancel('output');
    for (let i = 0; i < 5; i++) step();
    expect(log).toEqual(['mask v2']);
    expect(queue.pending()).toBe(0);
  });

  test('a draw that throws does not stall the queue: the next task is already posted', () => {
    const { queue, tasks, draw, step } = manualQueue();
    queue.schedule('bad', () => {
      throw new Error('boom');
    });
    queue.schedule('good', draw('good'));
    expect(() => tasks.shift()!()).toThrow('boom');
    expect(step()).toEqual(['good']);
  });

  test('a draw may queue another draw: it runs in the next task, not in the same one', () => {
    const { queue, draw, step } = manualQueue();
    queue.schedule('a', () => {
      draw('a')();
      queue.schedule('b', draw('b'));
    });
    expect(step()).toEqual(['a']);
    expect(step()).toEqual(['b']);
  });

  test('elements work as keys (each heatmap host is its own key)', () => {
    const { queue, draw, step } = manualQueue();
    const hostA = {};
    const hostB = {};
    queue.schedule(hostA, draw('A1'));
    queue.schedule(hostB, draw('B'));
    queue.schedule(hostA, draw('A2'));
    expect([...step(), ...step(), ...step()]).toEqual(['A2', 'B']);
  });

  test('with a time budget, draws share a task until the budget is spent; the rest run in the next task', () => {
    let clock = 0;
    const { queue, tasks, draw, step } = manualQueue({ budgetMs: 10, now: () => clock });
    const timed = (name: string, ms: number) => () => {
      clock += ms;
      draw(name)();
    };
    queue.schedule('mask', timed('mask', 3));
    queue.schedule('scores', timed('scores', 4));
    queue.schedule('weights', timed('weights', 5)); // 3 + 4 < 10: still in the first task; 12 ≥ 10 after it
    queue.schedule('output', timed('output', 1));
    expect(step()).toEqual(['mask', 'scores', 'weights']);
    expect(tasks).toHaveLength(1);
    expect(step()).toEqual(['output']);
    expect(queue.pending()).toBe(0);
  });

  test('with a time budget, a draw that throws leaves the rest to the task already posted', () => {
    const { queue, tasks, draw, step } = manualQueue({ budgetMs: 100, now: () => 0 });
    queue.schedule('bad', () => {
      throw new Error('boom');
    });
    queue.schedule('good', draw('good'));
    expect(() => tasks.shift()!()).toThrow('boom');
    expect(step()).toEqual(['good']);
  });
});
