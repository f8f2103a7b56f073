/**
 * Browser-test harness: a Vite dev server for the project and a headless Chromium driven by
 * playwright-core. Chromium comes from CHROME_PATH, default /usr/bin/chromium (Debian's package:
 * `apt-get install -y chromium`); nothing is downloaded.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import chromiumFlags from './chromium.json';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const CHROME_ARGS: readonly string[] = chromiumFlags.args;

/** Launches headless Chromium with this machine's flags plus `extraArgs` (e.g. '--disable-webgl'). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: [...CHROME_ARGS, ...extraArgs] });
}

export interface Harness {
  server: ViteDevServer;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the dev server and Chromium; throws a clear message when Chromium is missing. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROME_PATH}. Install it (Debian: apt-get install -y chromium) ` +
        'or set CHROME_PATH to a Chromium/Chrome executable.',
    );
  }
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // A cache of pre-bundled dependencies of its own: a developer's `npm run dev` (or another
  // suite) re-bundling the shared one would answer this server's pages with 504 "Outdated Optimize Dep".
  const server = await createServer({ root, logLevel: 'error', cacheDir: 'node_modules/.vite-browser-tests', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite dev server has no TCP address');
  const browser = await launchChromium();
  return {
    server,
    browser,
    baseUrl: `http://127.0.0.1:${address.port}/`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Where a page opened with `{ clock: true }` starts its fake clock (a fixed instant, so that pauseClock can name a later one). */
const CLOCK_START = Date.UTC(2025, 0, 1);

/**
 * Opens a page that records console errors and uncaught exceptions into `errors`. With `clock`,
 * Playwright's fake clock is installed before the page loads (`page.clock`: its timers, animation
 * frames, Date and performance.now()); it runs with real time until a test pauses it (pauseClock)
 * or moves it on (`page.clock.fastForward`, `runFor`).
 */
export async function openPage(
  harness: Harness,
  path: string,
  browser: Browser = harness.browser,
  options: { clock?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.clock) await page.clock.install({ time: CLOCK_START });
  await page.goto(new URL(path, harness.baseUrl).toString());
  return { page, errors };
}

/**
 * Opens `html` as a page of its own at `path` on the dev server's origin (so its module scripts
 * can import /src/…), recording console errors and uncaught exceptions into `errors`; resolves once
 * the page has set body[data-ready="true"].
 */
export async function openHtmlPage(harness: Harness, path: string, html: string, viewport = { width: 1000, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  const page = await harness.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  const url = new URL(path, harness.baseUrl).toString();
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  return { page, errors };
}

/**
 * Stops the fake clock of a page opened with `{ clock: true }`: from then on no timer or animation
 * frame of the page runs, and performance.now() stands still, until the test moves the clock on
 * (`page.clock.runFor`, `fastForward`) or resumes it. Pausing jumps the clock to an hour after its
 * start (a fixed instant that is never in its past); timers due meanwhile run once.
 */
export async function pauseClock(page: Page): Promise<void> {
  await page.clock.pauseAt(CLOCK_START + 3_600_000);
}

/**
 * Resolves once the page has run every task queued before this call, and the tasks those queue,
 * `rounds` deep. Each round is a MessageChannel message, which runs after the messages posted
 * before it; React's scheduler posts its renders and effects the same way. For checking that
 * something did not happen: what a timer or a message just set off has been rendered by then.
 */
export async function settle(page: Page, rounds = 3): Promise<void> {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      await new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    }
  }, rounds);
}

/**
 * The engine pool's counters (src/compute/enginePool.ts, on <html>): `running`, worker runs that have
 * not answered yet (0: nothing can arrive late); `cancelled`, worker runs stopped before their end.
 */
export async function engineRuns(page: Page): Promise<{ running: number; cancelled: number }> {
  return page.evaluate(() => ({
    running: Number(document.documentElement.getAttribute('data-engine-running') ?? 0),
    cancelled: Number(document.documentElement.getAttribute('data-engine-cancelled') ?? 0),
  }));
}

/**
 * Waits until the result's `data-readout-away` tells where the read-out box is now (its
 * IntersectionObserver has caught up with the last scroll: true when the box's top is above the
 * screen), and returns it with the read-out's top and how many one-line read-outs are shown,
 * all read in the same moment.
 */
export async function readoutPlacement(page: Page): Promise<{ away: boolean; readoutTop: number; lines: number }> {
  const handle = await page.waitForFunction(() => {
    const readout = document.querySelector('[data-testid="readout"]');
    const box = readout?.closest('.readout-box');
    const away = document.querySelector('[data-testid="result"]')?.getAttribute('data-readout-away');
    if (!readout || !box || (away !== 'true' && away !== 'false')) return null;
    // the same test as useScrolledPast.ts
    if ((box.getBoundingClientRect().top < -1) !== (away === 'true')) return null;
    return { away: away === 'true', readoutTop: readout.getBoundingClientRect().top, lines: document.querySelectorAll('[data-testid="readout-line"]').length };
  });
  return (await handle.jsonValue())!;
}

/**
 * Waits until the page shows the result of its current settings: the weights heatmap is drawn,
 * the result is not marked stale and the status line is not busy ("computing…", progress,
 * "preparing…"). Busy states show only after a short delay (App.tsx), so `data-stale` is the signal.
 */
export async function waitForResult(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('[data-testid="heatmap-weights"] canvas', { timeout });
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid="status-time"]')?.textContent ?? '';
    return document.querySelector('[data-testid="result"]')?.getAttribute('data-stale') === 'false' && /\d ms/.test(status) && !status.includes('…');
  }, null, { timeout });
}

/**
 * The page's address once a link replace waiting for a frame (src/ui/linkWrite.ts: `data-link-pending`
 * on <html>) is done: read after an action whose state change has been rendered (a click, a key,
 * a committed field), it holds that change (a new history entry is written at once).
 */
export async function linkUrl(page: Page): Promise<string> {
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-link-pending'));
  return page.evaluate(() => window.location.href);
}

/**
 * linkUrl for a page whose clock stands still (pauseClock), where a link replace waits for a frame
 * that only comes when the clock moves: moves it on a frame (16 ms) at a time until no replace
 * waits and the address contains `expected` (for a change a page timer applies, whose replace is
 * scheduled only after that timer's render). Throws after 200 frames of page time.
 */
export async function linkUrlOnPausedClock(page: Page, expected = ''): Promise<string> {
  for (let frame = 0; frame < 200; frame++) {
    await page.clock.runFor(16);
    const { waiting, href } = await page.evaluate(() => ({ waiting: document.documentElement.hasAttribute('data-link-pending'), href: window.location.href }));
    if (!waiting && href.includes(expected)) return href;
  }
  throw new Error(`the link was not written within 200 frames${expected ? ` (waiting for "${expected}")` : ''}`);
}
