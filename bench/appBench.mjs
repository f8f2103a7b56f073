/**
 * The built app in a fresh browser context, watched by appProbe.js: time to the first heatmap on
 * a cold load, and the latency of a control change (the causal checkbox clicked like a user; at
 * classroom size also a new seed and a head switch) to updated pixels, with the longest
 * main-thread task meanwhile.
 */
const PROBE = new URL('./appProbe.js', import.meta.url);
const VIEWPORT = { width: 1400, height: 1000 };

/** localStorage key of the device's calibration (src/compute/calibrationCodec.ts CALIBRATION_STORAGE_KEY). */
const CALIBRATION_KEY = 'maskscope.calibration.v1';

/**
 * A new context (empty cache) and page with the probe, collecting page errors into `errors`.
 * With `calibration` (the stored text) the app starts as on a returning visit: the device already
 * calibrated, so no calibration runs during the samples.
 */
async function openApp(browser, url, errors, calibration = null) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ path: PROBE.pathname });
  if (calibration) await context.addInitScript(([key, text]) => localStorage.setItem(key, text), [CALIBRATION_KEY, calibration]);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { context, page };
}

/** Cold loads of `url`: ms from navigation start to the first paint and to the frame after the first weights heatmap. */
export async function coldLoads(browser, url, samples, errors) {
  const runs = [];
  for (let i = 0; i < samples; i++) {
    const { context, page } = await openApp(browser, url, errors);
    const heatmapMs = await page.evaluate(() => window.__maskscopeProbe.firstHeatmap());
    const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const path = await page.getByTestId('status-backend').getAttribute('data-path');
    runs.push({ heatmapMs, firstPaintMs, path });
    await context.close();
  }
  return runs;
}

/**
 * A first visit's calibration of the device (src/worker/calibrate.ts): opens `url` in a fresh
 * context and waits until the app has stored what the engine worker measured.
 * @returns the stored text, the calibration it holds, and ms from navigation to stored; or
 *   `error` when nothing was stored within 120 s (e.g. no WebGL: nothing to measure).
 */
export async function firstCalibration(browser, url, errors) {
  const { context, page } = await openApp(browser, url, errors);
  try {
    const handle = await page.waitForFunction((key) => localStorage.getItem(key), CALIBRATION_KEY, { timeout: 120000, polling: 50 });
    const text = await handle.jsonValue();
    const storedAtMs = await page.evaluate(() => performance.now());
    return { text, calibration: JSON.parse(text), storedAtMs };
  } catch (error) {
    return { error: `no calibration stored (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  } finally {
    await context.close();
  }
}

/**
 * What one interaction sample does, and the event that starts it (appProbe.js `arm`):
 * - causal: clicks the causal checkbox (a mask change);
 * - seed: types a new seed and, TYPING_PAUSE_MS later, presses Enter (new Q, K, V);
 * - head: clicks the next head's thumbnail in the head strip (a view change: no compute);
 * - step: in presentation mode, ← then → (the step before, then back): ends at the first stage heatmap redrawn;
 * - resize: in presentation mode, the viewport switched between a 1920 × 1080 and a 1024 × 768
 *   projector (the sample starts just before the switch): ends at the weights heatmap redrawn.
 */
/** Between typing a seed and pressing Enter, ms. */
const TYPING_PAUSE_MS = 150;

const ACTIONS = {
  causal: { trigger: 'click', act: (page) => page.getByRole('checkbox', { name: /Causal mask/ }).click() },
  seed: {
    trigger: 'enter',
    // typed, then Enter a moment later, as a person would (well within NumberField's 400 ms commit pause)
    prepare: async (page, i) => {
      await page.getByLabel('Seed').fill(String(100 + i));
      await page.waitForTimeout(TYPING_PAUSE_MS);
    },
    act: (page) => page.getByLabel('Seed').press('Enter'),
  },
  head: { trigger: 'click', act: (page, i) => page.locator('.head-strip button').nth((i + 1) % 2).click() },
  step: { trigger: 'key', watch: 'any', view: true, act: (page, i) => page.keyboard.press(i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight') },
  resize: { trigger: 'now', view: true, act: (page, i) => page.setViewportSize(i % 2 === 0 ? { width: 1920, height: 1080 } : { width: 1024, height: 768 }) },
};

/**
 * Opens `url`, waits for its first heatmap, then does `action` (ACTIONS) `warmup + samples`
 * times; each sample runs from the click or key press (or the resize) to the frame after the
 * watched heatmap shows the new result (appProbe.js). The warm-up samples are dropped.
 */
export async function interactions(browser, url, { samples, warmup = 2, action = 'causal', calibration = null }, errors) {
  const { context, page } = await openApp(browser, url, errors, calibration);
  const { trigger, watch, view, prepare, act } = ACTIONS[action];
  try {
    await page.evaluate(() => window.__maskscopeProbe.firstHeatmap());
    // a computed result (presentation mode, a view-only action, shows no status line)
    if (!view) await page.waitForFunction(() => /\d ms$/.test(document.querySelector('[data-testid="status-time"]')?.textContent?.trim() ?? ''), null, { timeout: 120000 });
    const runs = [];
    for (let i = 0; i < warmup + samples; i++) {
      await prepare?.(page, i);
      await page.evaluate(([t, w, v]) => window.__maskscopeProbe.arm(t, w, v), [trigger, watch, view]);
      await act(page, i);
      const result = await page.evaluate(() => window.__maskscopeProbe.sample());
      if (i >= warmup) runs.push(result);
    }
    return runs;
  } finally {
    await context.close();
  }
}
