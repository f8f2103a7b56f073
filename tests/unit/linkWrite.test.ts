import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleLinkReplace } from '../../src/ui/linkWrite';

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

/**
 * Waits until a replace scheduled now has been written: the frames (here: no requestAnimationFrame,
 * so MessageChannel tasks) of the replaces scheduled before it have come by then.
 */
async function laterReplaceWritten(writes: string[]): Promise<void> {
  scheduleLinkReplace('/#later');
  await vi.waitFor(() => expect(writes).toContain('replace /#later'));
  writes.splice(writes.indexOf('replace /#later'), 1);
}

describe('scheduleLinkReplace (the link replaced after the paint)', () => {
  let page: ReturnType<typeof stubPage>;
  beforeEach(() => {
    page = stubPage();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('replaces nothing at once, marks <html> while it waits, then replaces once each, in order', async () => {
    scheduleLinkReplace('/#v=2&causal=1');
    scheduleLinkReplace('/#v=2&seed=7');
    expect(page.writes).toEqual([]);
    expect(page.marks.has('data-link-pending')).toBe(true);
    await vi.waitFor(() => expect(page.writes).toEqual(['replace /#v=2&causal=1', 'replace /#v=2&seed=7']));
    expect(page.marks.has('data-link-pending')).toBe(false);
  });

  it('cancel drops a waiting replace (and the mark); a cancel after the replace changes nothing', async () => {
    scheduleLinkReplace('/#v=2&heads=2').cancel();
    expect(page.marks.has('data-link-pending')).toBe(false);
    const written = scheduleLinkReplace('/#v=2&heads=3');
    await vi.waitFor(() => expect(page.writes).toContain('replace /#v=2&heads=3'));
    written.cancel();
    await laterReplaceWritten(page.writes);
    expect(page.writes).toEqual(['replace /#v=2&heads=3']);
  });

  it('flush replaces at once, and neither the frame nor another flush replaces again', async () => {
    const pending = scheduleLinkReplace('/#v=2&lq=12');
    pending.flush();
    expect(page.writes).toEqual(['replace /#v=2&lq=12']);
    expect(page.marks.has('data-link-pending')).toBe(false);
    pending.flush();
    await laterReplaceWritten(page.writes);
    expect(page.writes).toEqual(['replace /#v=2&lq=12']);
  });
});
