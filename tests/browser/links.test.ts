/**
 * Links of any length (issue #11 §4), on the built site under a plain static server that, like
 * common servers, answers 414 to a request line over 8 KB: the state travels in the fragment
 * (never sent), long text compressed; old `?` links are read and rewritten; values out of range
 * are reported with their limit, in English and Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HISTORY_PAUSE_MS } from '../../src/ui/useScenarioUrl';
import { launchChromium, waitForResult, linkUrl, linkUrlOnPausedClock } from './harness';
import { serveBuiltApp, type StaticSite } from './staticSite';

/** nginx's default `large_client_header_buffers` (8 KB): a longer request line gets 414. */
const MAX_REQUEST_LINE = 8 * 1024;
const CATS = '猫'.repeat(20_000);

let site: StaticSite;
let origin: string;
let browser: Browser;
/** The longest request line the server was sent, and every status it answered. */
const seen = { longestLine: 0, statuses: [] as number[] };

beforeAll(async () => {
  site = await serveBuiltApp({
    maxRequestLine: MAX_REQUEST_LINE,
    onRequest: (lineLength, status) => {
      seen.longestLine = Math.max(seen.longestLine, lineLength);
      seen.statuses.push(status);
    },
  });
  origin = site.origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

describe('links of any length, from a static server that answers 414 to long request lines', () => {
  it('the old query-string link of 20 000 × "猫" is refused by this server (414): the case the fragment fixes', async () => {
    const oldLink = `${origin}/?v=1&attn=cross&q=${encodeURIComponent(CATS)}`;
    expect(oldLink.length).toBeGreaterThan(180_000);
    expect((await fetch(oldLink)).status).toBe(414);
  });

  it('20 000 × "猫" typed on the query side: the link (fragment, compressed) reloads them all, and no request line is long', async () => {
    const { page, errors } = await open(`${origin}/#v=2&attn=cross&k=a+b+c&heads=1`);
    await waitForResult(page);
    await page.getByTestId('query-text').fill(CATS);
    await page.waitForFunction(() => window.location.hash.includes('&qz='));
    const link = (await linkUrl(page));
    expect(link.length).toBeLessThan(1_000);
    expect(new URL(link).search).toBe('');
    await page.close();

    seen.longestLine = 0;
    seen.statuses.length = 0;
    const { page: again, errors: againErrors } = await open(link);
    await waitForResult(again);
    expect(await again.getByTestId('query-text').inputValue()).toBe(CATS);
    expect(await again.getByTestId('url-warnings').count()).toBe(0);
    expect(seen.statuses.filter((s) => s !== 200)).toEqual([]);
    expect(seen.longestLine).toBeLessThan(MAX_REQUEST_LINE);
    expect([...errors, ...againErrors]).toEqual([]);
    await again.close();
  });

  it('an old "?v=1&causal=1&heads=2" link: read, and rewritten to "#v=2&causal=1&heads=2" in place (no new history entry)', async () => {
    // The same link in the new form, opened the same way, gives the history length of one entry.
    const { page: control } = await open(`${origin}/#v=2&causal=1&heads=2`);
    await control.waitForFunction(() => window.location.hash === '#v=2&causal=1&heads=2');
    const oneEntry = await control.evaluate(() => window.history.length);
    await control.close();
    const { page, errors } = await open(`${origin}/?v=1&causal=1&heads=2`);
    await page.waitForFunction(() => window.location.hash === '#v=2&causal=1&heads=2');
    expect(await page.evaluate(() => [window.location.search, window.history.length])).toEqual(['', oneEntry]);
    expect(await page.getByLabel('Causal mask', { exact: false }).first().isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an old link moves whole into the fragment before the app runs, so a reload before its first write opens the same view', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(() => {
      const replaced: string[] = [];
      (window as unknown as { replaced: string[] }).replaced = replaced;
      const original = History.prototype.replaceState;
      History.prototype.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
        original.apply(this, args);
        replaced.push(window.location.href);
      };
    });
    await page.goto(`${origin}/?v=1&causal=1&heads=2`);
    await page.waitForFunction(() => window.location.hash === '#v=2&causal=1&heads=2');
    const firstTidy = await page.evaluate(() => (window as unknown as { replaced: string[] }).replaced[0] ?? '');
    expect(firstTidy).toBe(`${origin}/#v=1&causal=1&heads=2`);
    await page.close();
    // The reload in that window: the address as it was between the tidy and the app's first write.
    const { page: reloaded, errors } = await open(firstTidy);
    await reloaded.waitForFunction(() => window.location.hash === '#v=2&causal=1&heads=2');
    expect(await reloaded.getByLabel('Causal mask', { exact: false }).first().isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await reloaded.close();
  });

  it('on a slow device (over HISTORY_PAUSE_MS between the first render and its effects), an old link is still rewritten in place', async () => {
    // Blocks the page once, as React's first commit puts the app into #root: after the first
    // render, before its effects (the same task), as a slow first render would.
    const openSlow = async (url: string) => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.addInitScript((blockMs) => {
        for (const name of ['appendChild', 'insertBefore'] as const) {
          const original = Node.prototype[name] as (...args: unknown[]) => unknown;
          (Node.prototype as unknown as Record<string, unknown>)[name] = function (this: Node, ...args: unknown[]) {
            const inserted = original.apply(this, args);
            const root = document.documentElement;
            if ((this as Element).id === 'root' && !root.hasAttribute('data-test-blocked')) {
              root.setAttribute('data-test-blocked', '');
              const until = performance.now() + blockMs;
              while (performance.now() < until);
            }
            return inserted;
          };
        }
      }, HISTORY_PAUSE_MS + 500);
      await page.goto(url);
      await page.waitForFunction(() => window.location.hash === '#v=2&causal=1&heads=2' && document.documentElement.hasAttribute('data-test-blocked'));
      return page;
    };
    // The new form needs no rewrite: its history length is the one entry.
    const control = await openSlow(`${origin}/#v=2&causal=1&heads=2`);
    const oneEntry = await control.evaluate(() => window.history.length);
    await control.close();
    const page = await openSlow(`${origin}/?v=1&causal=1&heads=2`);
    await waitForResult(page);
    expect(await page.evaluate(() => [window.location.search, window.history.length])).toEqual(['', oneEntry]);
    await page.close();
  });

  it('a fragment edited in the address bar (hashchange): the app reads the new state', async () => {
    const { page, errors } = await open(`${origin}/#v=2&heads=2`);
    await waitForResult(page);
    await page.evaluate(() => {
      window.location.hash = '#v=2&heads=3&seed=7';
    });
    await page.waitForFunction(() => window.location.hash === '#v=2&seed=7&heads=3');
    expect(await page.getByLabel('Heads', { exact: true }).inputValue()).toBe('3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an invalid value edited into the fragment is warned about, as in a link opened anew (heads=999 → 16)', async () => {
    const { page, errors } = await open(`${origin}/#v=2&heads=2`);
    await waitForResult(page);
    await page.evaluate(() => {
      window.location.hash = '#v=2&heads=999';
    });
    await page.waitForFunction(() => window.location.hash === '#v=2&heads=16');
    const banner = page.getByTestId('url-warnings');
    await banner.waitFor();
    expect(await banner.locator('li').allTextContents()).toEqual(['heads=999 is outside 1..16; using 16.']);
    expect(await page.getByLabel('Heads', { exact: true }).inputValue()).toBe('16');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('history and the link written after the paint (useScenarioUrl.ts, linkWrite.ts)', () => {
  /** Counts history writes and clicks the causal box `times` times, all in one task; what the page shows then. */
  const clickCausal = (page: Page, times: number, copy: boolean) =>
    page.evaluate(([n, alsoCopy]) => {
      const w = window as unknown as { writes?: string[] };
      if (!w.writes) {
        const writes: string[] = [];
        for (const name of ['pushState', 'replaceState'] as const) {
          const original = history[name].bind(history);
          history[name] = (...args: Parameters<History['pushState']>) => {
            writes.push(`${name === 'pushState' ? 'push' : 'replace'} ${String(args[2]).replace(/^.*#/, '#')}`);
            original(...args);
          };
        }
        w.writes = writes;
      }
      w.writes!.length = 0;
      const causal = [...document.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Causal mask'))?.control as HTMLInputElement;
      for (let i = 0; i < n; i++) causal.click();
      if (alsoCopy) [...document.querySelectorAll('button')].find((b) => b.textContent === 'Copy link')!.click();
      return { hash: location.hash, checked: causal.checked, waiting: document.documentElement.hasAttribute('data-link-pending'), writes: [...w.writes!] };
    }, [times, copy] as const);

  it('after a pause: the change is a new entry at once (a quick double click then a third keep the state before), so Back at once undoes it; a quick change replaces after the frame, and Copy link at once copies it', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // without clipboard access Copy link offers the link in a prompt: either way, what it offers is recorded
    const prompted: string[] = [];
    page.on('dialog', (d) => {
      prompted.push(d.defaultValue());
      void d.dismiss();
    });
    await page.clock.install({ time: Date.UTC(2025, 0, 1) });
    await page.goto(`${origin}/#v=2&heads=2`);
    await waitForResult(page);
    await page.clock.fastForward(HISTORY_PAUSE_MS + 100); // a pause since the page opened
    // on, off, on in one task: one new entry (at once), the off's replace dropped by the last on
    expect(await clickCausal(page, 3, false)).toEqual({ hash: '#v=2&causal=1&heads=2', checked: true, waiting: false, writes: ['push #v=2&causal=1&heads=2'] });
    await page.goBack(); // right away: Back undoes the change, to the link as opened
    await page.waitForFunction(() => window.location.hash === '#v=2&heads=2');
    await expect(page.getByLabel('Causal mask', { exact: false }).first().isChecked()).resolves.toBe(false);
    // the page's time stands still: the change after Back is a new entry, the quick one after it a replace that waits for the frame
    await page.clock.pauseAt(Date.UTC(2025, 0, 2));
    const quick = await clickCausal(page, 2, true);
    expect(quick).toEqual({ hash: '#v=2&causal=1&heads=2', checked: false, waiting: true, writes: ['push #v=2&causal=1&heads=2'] });
    const offered = async () => prompted[0] ?? (await page.evaluate(() => navigator.clipboard.readText()));
    await expect.poll(offered).toBe(`${origin}/#v=2&heads=2`); // the link of what the page shows, not the address not yet replaced
    expect(new URL(await linkUrlOnPausedClock(page)).hash).toBe('#v=2&heads=2');
    expect(await page.evaluate(() => (window as unknown as { writes: string[] }).writes)).toEqual(['push #v=2&causal=1&heads=2', 'replace #v=2&heads=2']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('values out of range: clamped or left out, the banner names the limit', () => {
  it('paint=9999.9999.1, global=9999, cap=1e-300: three warnings with 0..4095 and 0 or 0.01..1000; the soft-cap field shows 0.01 without an error', async () => {
    const { page, errors } = await open(`${origin}/#v=2&paint=0.1.0,9999.9999.1&global=0,9999&cap=1e-300`);
    const banner = page.getByTestId('url-warnings');
    await banner.waitFor();
    const items = await banner.locator('li').allTextContents();
    expect(items).toEqual([
      'global: 9999 is outside 0..4095; left out.',
      'paint: 9999.9999.1 is outside 0..4095; left out.',
      'cap=1e-300 is outside 0 or 0.01..1000; using 0.01.',
    ]);
    const cap = page.getByLabel(/Soft-cap/);
    expect(await cap.inputValue()).toBe('0.01');
    expect(await cap.getAttribute('aria-invalid')).toBeNull();
    await page.waitForFunction(() => window.location.hash === '#v=2&global=0&paint=0.1.0&cap=0.01');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('heads=2&vh=5 and two lines with vb=3: the banner says the last head and batch item are shown, the link is rewritten; fewer heads later move the link too, without a warning', async () => {
    const { page, errors } = await open(`${origin}/#v=2&heads=2&vh=5&vb=3`);
    const banner = page.getByTestId('url-warnings');
    await banner.waitFor();
    expect(await banner.locator('li').allTextContents()).toEqual([
      'vb=3: the last batch item is 1; showing batch item 1.',
      'vh=5: the last head is 1; showing head 1.',
    ]);
    await waitForResult(page);
    expect(new URL(await linkUrl(page)).hash).toBe('#v=2&heads=2&vb=1&vh=1');
    expect(await page.getByLabel('Head', { exact: true }).inputValue()).toBe('1');
    // heads 2 → 1 with head 1 on screen: head 0 is shown and linked
    const heads = page.getByLabel('Heads', { exact: true });
    await heads.fill('1');
    await heads.press('Enter');
    await waitForResult(page);
    expect(new URL(await linkUrl(page)).hash).toBe('#v=2&heads=1&vb=1');
    expect(await banner.locator('li').count()).toBe(2); // the link's own warnings, nothing new
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the same in Chinese: vh=5 past 2 heads', async () => {
    const { page, errors } = await open(`${origin}/#v=2&heads=2&vh=5&lang=zh`);
    const banner = page.getByTestId('url-warnings');
    await banner.waitFor();
    expect(await banner.locator('li').allTextContents()).toEqual(['vh=5：最后一个头是 1；显示头 1。']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('masks=… (a setting written by its name): the banner says which key was meant, “m”, in English and Chinese', async () => {
    for (const [lang, text] of [['en', '“masks” is not a Maskscope setting; ignored. Did you mean “m”?'], ['zh', '“masks”不是 Maskscope 的设置，已忽略。是不是想写“m”？']]) {
      const { page, errors } = await open(`${origin}/#v=2&masks=causal&lang=${lang}`);
      const banner = page.getByTestId('url-warnings');
      await banner.waitFor();
      expect(await banner.locator('li').allTextContents()).toEqual([text]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('the same link with lang=zh: the warnings in Chinese, with the same limits', async () => {
    const { page } = await open(`${origin}/#v=2&paint=9999.9999.1&cap=1e-300&lang=zh&qz=!!!`);
    const banner = page.getByTestId('url-warnings');
    await banner.waitFor();
    expect(await banner.locator('li').allTextContents()).toEqual([
      'qz：无法读取压缩的文本（链接可能被截断或改动）；改用默认值。',
      'paint：9999.9999.1 超出范围 0..4095；已忽略。',
      'cap=1e-300 超出范围 0 或 0.01..1000；改用 0.01。',
    ]);
    await page.close();
  });
});
