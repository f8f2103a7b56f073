/** afterQuiet (src/ui/offline/afterQuiet.ts): background work waits for the page's load and a pause in the input. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { afterQuiet, type QuietWindow } from '../../src/ui/offline/afterQuiet';

/** A window stand-in: an EventTarget whose document is `readyState`. */
function fakeWindow(readyState: DocumentReadyState): QuietWindow & EventTarget {
  return Object.assign(new EventTarget(), { document: { readyState } }) as unknown as QuietWindow & EventTarget;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('afterQuiet', () => {
  test('on a loaded page: called once, quietMs after the start; each input restarts the wait', () => {
    const win = fakeWindow('complete');
    const callback = vi.fn();
    afterQuiet(2000, callback, win);
    vi.advanceTimersByTime(1500);
    win.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(1500); // 3000 ms from the start, 1500 from the click
    expect(callback).not.toHaveBeenCalled();
    win.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(1999);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
    // later input starts nothing again
    win.dispatchEvent(new Event('wheel'));
    vi.advanceTimersByTime(5000);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  test('before load: nothing until `load`, however quiet; then quietMs after it', () => {
    const win = fakeWindow('interactive');
    const callback = vi.fn();
    afterQuiet(2000, callback, win);
    vi.advanceTimersByTime(10_000);
    win.dispatchEvent(new Event('touchstart'));
    vi.advanceTimersByTime(10_000);
    expect(callback).not.toHaveBeenCalled();
    win.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(1999);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  test('cancel: the call never comes', () => {
    const win = fakeWindow('complete');
    const callback = vi.fn();
    const cancel = afterQuiet(2000, callback, win);
    vi.advanceTimersByTime(1000);
    cancel();
    win.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(10_000);
    expect(callback).not.toHaveBeenCalled();
  });
});
