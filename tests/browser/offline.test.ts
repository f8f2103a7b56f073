/**
 * Issue #12 §4: offline use. The built site, served from a sub-folder, registers its service worker
 * (vite.config.ts, src/ui/offline/); once it controls the page, the app reloads and computes with no
 * network — on the JS path and on tfjs WebGL — and a changed setting recomputes, while not one
 * request reaches the server. A new deployment is offered by a prompt, not a surprise reload.
 * The dev server never registers a service worker.
 */
import { readdir, readFile, appendFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage, startHarness, waitForResult } from './harness';
import { serveBuiltApp, type StaticSite } from './staticSite';
import { REGISTER_QUIET_MS } from '../../src/ui/offline/registerOffline';

const SUBFOLDER = '/some/sub-folder/';

let site: StaticSite;
let browser: Browser;
/** While true, every request that reaches the static server is recorded in `reached` (its path, or its status if not 200). */
let offline = false;
const reached: string[] = [];

beforeAll(async () => {
  site = await serveBuiltApp({ mount: SUBFOLDER, onRequest: (_line, status) => { if (offline && status !== 200) reached.push(`${status}`); },
    headers: (path) => { if (offline) reached.push(path); return {}; },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A fresh context that allows service workers, and a page recording errors. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Waits until a service worker controls the page and the app says it is ready for offline use. */
async function waitForControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null && document.documentElement.dataset.offline === 'ready', null, { timeout: 60_000 });
}

/** The read-out of the weights cell (0, k), reached by keyboard (focus selects (0, 0); Home: column 0): its weight and why. */
async function readCell(page: Page, k: number): Promise<{ weight: string; blocked: string }> {
  const hasText = (text: string) => page.waitForFunction((t) => document.querySelector('[data-testid="readout"]')?.textContent?.includes(t), text);
  await page.getByTestId('heatmap-weights').focus();
  await hasText('q = 0');
  await page.keyboard.press('Home');
  await hasText('k = 0');
  for (let i = 0; i < k; i++) await page.keyboard.press('ArrowRight');
  await hasText(`k = ${k}`);
  return { weight: (await page.getByTestId('readout-weight').textContent()) ?? '', blocked: (await page.getByTestId('readout-blocked').textContent()) ?? '' };
}

/** Every file under `dir`, as paths relative to it with '/' separators. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

describe('the built app offline', () => {
  it('the service worker precaches every built file the app can load, by relative URL', async () => {
    const sw = await readFile(join(site.outDir, 'sw.js'), 'utf8');
    // the precache manifest: { url: "…", revision: … } entries
    const precached = [...sw.matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']\s*,\s*["']?revision/g)].map((m) => m[1] as string).sort();
    // KaTeX's CSS lists WOFF2 first in each @font-face: the .woff / .ttf copies are never loaded
    const loadable = (await filesUnder(site.outDir)).filter((f) => f !== 'sw.js' && !/\.(woff|ttf)$/.test(f)).sort();
    expect(loadable).toContain('manifest.webmanifest');
    expect(loadable.some((f) => /^assets\/KaTeX_.*\.woff2$/.test(f))).toBe(true);
    expect(loadable.some((f) => /^assets\/engineWorker-.*\.js$/.test(f))).toBe(true);
    expect(precached).toEqual(loadable);
    expect(sw).not.toContain('importScripts'); // Trusted Types would refuse a plain URL in the worker
    const manifest = JSON.parse(await readFile(join(site.outDir, 'manifest.webmanifest'), 'utf8')) as { name: string; short_name: string; start_url: string; scope: string; theme_color: string; icons: { src: string }[] };
    expect(manifest).toMatchObject({ short_name: 'Maskscope', start_url: './', scope: './', theme_color: '#3b5bdb' });
    for (const icon of manifest.icons) expect(loadable).toContain(icon.src);
  });

  it('registers only after load and REGISTER_QUIET_MS without input (page.clock): "waiting" until then, each click restarts the wait', async () => {
    const { context, page, errors } = await freshPage();
    await page.clock.install({ time: Date.UTC(2026, 0, 1) });
    await page.clock.pauseAt(Date.UTC(2026, 0, 1, 1));
    await page.goto(`${site.url}?v=1&lq=6`);
    await page.waitForFunction(() => document.readyState === 'complete');
    const registered = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
    expect(await page.evaluate(() => document.documentElement.dataset.offline)).toBe('waiting');
    await page.clock.runFor(REGISTER_QUIET_MS - 100);
    await page.getByLabel('Causal mask').click(); // input: the wait starts again
    await page.clock.runFor(REGISTER_QUIET_MS - 100);
    expect(await page.evaluate(() => document.documentElement.dataset.offline)).toBe('waiting');
    expect(await registered()).toBe(false);
    await page.clock.runFor(200);
    await page.clock.resume();
    await waitForControl(page);
    expect(await registered()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('once loaded, reloads and computes with no network; engine=webgl too; a changed setting recomputes; nothing reaches the server', async () => {
    const { context, page, errors } = await freshPage();
    await page.goto(`${site.url}?v=1&causal=1&lq=6`);
    await waitForResult(page);
    await waitForControl(page);
    expect(await page.evaluate(() => new URL(navigator.serviceWorker.controller!.scriptURL).pathname)).toBe(`${SUBFOLDER}sw.js`);
    await context.setOffline(true);
    offline = true;

    await page.reload();
    await waitForResult(page);
    // the network is off: a page of this context cannot load a file outside the service worker's
    // scope (navigator.onLine is no proof: Chromium 150 reports true on a document loaded while
    // offline is emulated)
    const probe = await context.newPage();
    expect(await probe.goto(`${new URL(site.url).origin}/probe.txt`).then(() => 'reached', () => 'failed')).toBe('failed');
    await probe.close();
    expect(await page.getByTestId('heatmap-weights').locator('canvas').count()).toBeGreaterThan(0);
    // causal: query 0 may attend key 0 only, so its weight is exactly 1 and key 1 is blocked
    expect(await readCell(page, 0)).toMatchObject({ weight: '1.0000' });
    expect((await readCell(page, 1)).blocked).toContain('causal');

    // a changed setting recomputes from the cached code: without causal, key 1 is allowed
    await page.getByLabel('Causal mask').uncheck();
    await waitForResult(page);
    const open = await readCell(page, 1);
    expect(open.blocked).toBe('allowed');
    expect(Number(open.weight)).toBeGreaterThan(0);
    expect(Number((await readCell(page, 0)).weight)).toBeLessThan(1);

    // tfjs on WebGL, in the engine worker: its chunks come from the cache too
    await page.goto(`${site.url}?v=1&engine=webgl&causal=1&lq=6`);
    await waitForResult(page, 90_000);
    const backend = page.getByTestId('status-backend');
    expect(await backend.getAttribute('data-path'), `${await backend.textContent()} ${await page.getByTestId('status-time').textContent()} ${await page.locator('[data-testid="gpu-notice"]').allTextContents()}`).toBe('webgl');
    expect(await readCell(page, 0)).toMatchObject({ weight: '1.0000' });

    // the app's files all came from the cache; only the browser's own update check of sw.js may
    // reach the server (Playwright's offline emulation does not cover it; offline, it just fails)
    offline = false;
    expect(reached.filter((path) => path !== 'sw.js')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a new deployment is offered by a prompt ("Later" keeps the page; "Reload" brings the new version)', async () => {
    const { context, page, errors } = await freshPage();
    await page.goto(`${site.url}?v=1&causal=1&lq=4`);
    await waitForResult(page);
    await waitForControl(page);
    const firstWorker = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL);
    expect(firstWorker).toBeDefined();
    await page.evaluate(() => { (window as unknown as { before: boolean }).before = true; });

    // deploy a new version (a changed sw.js), and let the browser look for it as it does on a visit
    await appendFile(join(site.outDir, 'sw.js'), '\n// next deployment\n');
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())?.update(); });
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor();
    expect(await prompt.getAttribute('role')).toBe('status');
    expect(await prompt.textContent()).toContain('A new version of Maskscope is ready.');
    // nothing reloaded by itself
    expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);

    await prompt.getByRole('button', { name: 'Later' }).click();
    await prompt.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);

    // reload on the next visit's prompt: the waiting worker takes over and the page reloads once
    await page.reload();
    await prompt.waitFor();
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await waitForResult(page);
    await waitForControl(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the dev server', () => {
  it('registers no service worker', async () => {
    const harness = await startHarness();
    try {
      const { page, errors } = await openPage(harness, '?v=1&causal=1');
      await waitForResult(page);
      await page.waitForFunction(() => document.readyState === 'complete' && document.documentElement.dataset.offline === 'off');
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
