import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleLinkWrite } from '../../src/ui/linkWrite';

/** A stand-in for <html> and history: what was marked and written, in order. */
function stubPage() {
  const marks = new Set<string>();
  const writes: string[] = [];
  vi.stubGlobal('document', {
    documentElement: { setAttribute: (name: string) => marks.add(name), removeAttribute: (name: string) => marks.delete(name) },
  });
  vi.stubGlobal('window', {
    history: {
      pushState: (_s: unknown, _t: string, url: string) => writes.push(`push ${url}`),
      replaceState: (_s: unknown, _t: string, url: string) => writes.push(`replace ${url}`),
    },
  });
  return { marks, writes };
}

/** Lets the frame (here: no requestAnimationFrame, so a MessageChannel task) and its fallback pass. */
const afterFrame = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('scheduleLinkWrite (the link written after the paint)', () => {
  let page: ReturnType<typeof stubPage>;
  beforeEach(() => {
    page = stubPage();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('writes nothing at once, marks <html> while it waits, then replaces (or pushes) once', async () => {
    scheduleLinkWrite('/#v=2&causal=1', false);
    scheduleLinkWrite('/#v=2&seed=7', true);
    expect(page.writes).toEqual([]);
    expect(page.marks.has('data-link-pending')).toBe(true);
    await afterFrame();
    expect(page.writes).toEqual(['replace /#v=2&causal=1', 'push /#v=2&seed=7']);
    expect(page.marks.has('data-link-pending')).toBe(false);
  });

  it('cancel drops a waiting write and says it was waiting; after the write it says not', async () => {
    const dropped = scheduleLinkWrite('/#v=2&heads=2', true);
    expect(dropped.cancel()).toBe(true);
    expect(dropped.cancel()).toBe(false);
    const written = scheduleLinkWrite('/#v=2&heads=3', false);
    await afterFrame();
    expect(written.cancel()).toBe(false);
    expect(page.writes).toEqual(['replace /#v=2&heads=3']);
    expect(page.marks.has('data-link-pending')).toBe(false);
  });

  it('flush writes at once, and the frame writes nothing more', async () => {
    const pending = scheduleLinkWrite('/#v=2&lq=12', true);
    pending.flush();
    expect(page.writes).toEqual(['push /#v=2&lq=12']);
    expect(page.marks.has('data-link-pending')).toBe(false);
    pending.flush();
    await afterFrame();
    expect(page.writes).toEqual(['push /#v=2&lq=12']);
    expect(pending.push).toBe(true);
  });
});
