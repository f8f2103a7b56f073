/**
 * GPU faults in real Chromium: the WebGL context of the engine worker is lost (WEBGL_lose_context,
 * called inside the worker while it computes), and the app says so, drops what the lost context
 * computed, computes again on the plain-JS path with the right numbers, and uses WebGL again only
 * once a check against the reference passes; a check that fails keeps WebGL set aside. Without
 * WebGL at all (Chromium's --disable-webgl), a forced WebGL engine gives the right numbers on JS
 * and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchChromium, openPage, startHarness, waitForResult, type Harness } from './harness';
import { exportJson, expectMatchesReference } from './exportCheck';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const URL_JS = '/?v=1&mode=lengths&lq=40&b=1&heads=2&dk=16&causal=1&engine=js';

interface Faults {
  /** Lose the context at the next readPixels of any WebGL2 context in the worker (once). */
  loseOnRead?: boolean;
  /** Lose every WebGL context the worker creates at once (a GPU that does not come back). */
  loseOnCreate?: boolean;
}

/**
 * Test-only instrumentation of an engine worker, from the outside (nothing in the app): records
 * the WebGL contexts it creates and loses them on demand with WEBGL_lose_context.
 */
async function instrument(worker: Worker, faults: Faults): Promise<void> {
  await worker.evaluate((f) => {
    const g = self as unknown as { __faults?: Faults; __patched?: boolean };
    g.__faults = { ...g.__faults, ...f };
    if (g.__patched) return;
    g.__patched = true;
    const lose = (gl: WebGL2RenderingContext) => gl.getExtension('WEBGL_lose_context')?.loseContext();
    const create = OffscreenCanvas.prototype.getContext;
    OffscreenCanvas.prototype.getContext = function (this: OffscreenCanvas, ...args: Parameters<typeof create>) {
      const gl = create.apply(this, args) as WebGL2RenderingContext | null;
      if (gl && String(args[0]).startsWith('webgl') && g.__faults?.loseOnCreate) lose(gl);
      return gl;
    } as typeof create;
    const read = WebGL2RenderingContext.prototype.readPixels;
    WebGL2RenderingContext.prototype.readPixels = function (this: WebGL2RenderingContext, ...args: unknown[]) {
      if (g.__faults?.loseOnRead) {
        g.__faults.loseOnRead = false;
        lose(this);
      }
      return (read as (...a: unknown[]) => void).apply(this, args);
    } as typeof read;
  }, faults);
}

async function instrumentAll(page: Page, faults: Faults): Promise<void> {
  await Promise.all(page.workers().map((w) => instrument(w, faults)));
}

async function status(page: Page): Promise<{ path: string | null; text: string }> {
  const backend = page.getByTestId('status-backend');
  return { path: await backend.getAttribute('data-path'), text: (await backend.textContent()) ?? '' };
}

async function noticeKind(page: Page, kind: string): Promise<void> {
  await page.waitForSelector(`[data-testid="gpu-notice"][data-kind="${kind}"]`, { timeout: 60_000 });
}

describe('a lost WebGL context', () => {
  it('during a WebGL compute: a notice, the numbers computed again on JS and right; WebGL back after its check passes', async () => {
    const { page, errors } = await openPage(harness, URL_JS);
    await waitForResult(page);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-engine-running') !== null);
    await instrumentAll(page, { loseOnRead: true });
    // workers started after the fault get the recorder too, without faults (their check passes)
    page.on('worker', (w) => void instrument(w, {}).catch(() => undefined));

    await page.getByTestId('engine-select').selectOption('webgl');
    await noticeKind(page, 'contextLost');
    await expect(page.getByTestId('gpu-notice').textContent()).resolves.toContain('WebGL context was lost');
    await waitForResult(page);
    const after = await status(page);
    expect(after.path).toBe('js');
    expect(after.text).toContain('GPU fault');
    const doc = await exportJson(page);
    expect(doc.backend).toBe('js');
    expectMatchesReference(doc);

    // the fresh worker's check (2 s after the fault) passes: WebGL is used again
    await noticeKind(page, 'restored');
    await page.getByLabel('Causal mask').uncheck();
    await page.waitForFunction(() => document.querySelector('[data-testid="status-backend"]')?.getAttribute('data-path') === 'webgl', null, { timeout: 60_000 });
    await waitForResult(page);
    const restored = await exportJson(page);
    expect(restored.backend).toBe('webgl');
    expectMatchesReference(restored, 1e-3);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('a GPU that does not come back: every check fails, WebGL stays set aside, the numbers stay right', async () => {
    const { page, errors } = await openPage(harness, URL_JS, harness.browser, { clock: true });
    await waitForResult(page);
    await instrumentAll(page, { loseOnRead: true });
    page.on('worker', (w) => void instrument(w, { loseOnCreate: true }).catch(() => undefined));
    // the page's timers (the checks: 2 s after the fault, then 10 s and 30 s after each failure) now run only when the test moves the clock
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
    await page.getByTestId('engine-select').selectOption('webgl');
    await noticeKind(page, 'contextLost');
    // the fresh workers are instrumented before any check can run
    await expect.poll(() => Promise.all(page.workers().map((w) => w.evaluate(() => (self as unknown as { __faults?: Faults }).__faults?.loseOnCreate === true).catch(() => false))), { timeout: 60_000 })
      .toEqual([true, true]);
    await expect.poll(async () => {
      await page.clock.fastForward(5_000);
      return page.getByTestId('gpu-notice').getAttribute('data-kind');
    }, { timeout: 180_000 }).toBe('checkFailed');
    await expect(page.getByTestId('gpu-notice').getAttribute('data-usable')).resolves.toBe('false');
    await expect(page.getByTestId('gpu-notice').textContent()).resolves.toContain('WebGL is still set aside');
    await page.clock.resume();
    await page.getByLabel('Causal mask').uncheck();
    await waitForResult(page);
    expect((await status(page)).path).toBe('js');
    expectMatchesReference(await exportJson(page));
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000); // two fresh workers load tfjs, on a loaded machine
});

describe('no WebGL in the browser (--disable-webgl)', () => {
  it('a forced WebGL engine computes on JS, says there is no WebGL, and the numbers are right', async () => {
    const browser = await launchChromium(['--disable-gpu', '--disable-software-rasterizer', '--disable-webgl']);
    try {
      const { page, errors } = await openPage(harness, URL_JS.replace('engine=js', 'engine=webgl'), browser);
      await waitForResult(page);
      const s = await status(page);
      expect(s.path).toBe('js');
      expect(s.text).toContain('no WebGL in this browser');
      const doc = await exportJson(page);
      expect(doc.backend).toBe('js');
      expectMatchesReference(doc);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
