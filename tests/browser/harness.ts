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
  const server = await createServer({ root, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
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

/** Opens a page that records console errors and uncaught exceptions into `errors`. */
export async function openPage(
  harness: Harness,
  path: string,
  browser: Browser = harness.browser,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, harness.baseUrl).toString());
  return { page, errors };
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
