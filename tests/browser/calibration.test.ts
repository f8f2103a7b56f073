/**
 * "auto" decides from a calibration measured on the device (engine/calibration.ts): in real
 * Chromium on SwiftShader, a fresh browser measures it once (the first engine worker, when idle),
 * keeps it in localStorage for its renderer and shows the figures on the status line; a reload
 * reuses it, and one stored for another renderer is replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CALIBRATION_STORAGE_KEY } from '../../src/compute/calibrationCodec';
import type { Calibration } from '../../src/engine/calibration';
import { startHarness, type Harness, waitForResult } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** What the page keeps under CALIBRATION_STORAGE_KEY, parsed (null: nothing). */
async function stored(page: Page): Promise<Calibration | null> {
  const text = await page.evaluate((key) => localStorage.getItem(key), CALIBRATION_STORAGE_KEY);
  return text === null ? null : (JSON.parse(text) as Calibration);
}

/** A page of `context` that records console errors and uncaught exceptions (the engine worker's included) into `errors`. */
async function pageWithErrors(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/** A calibration measured on another GPU, by which WebGL would win at every size. */
const OTHER: Calibration = { renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', measuredAt: '2020-01-01T00:00:00.000Z', js: { fixedMs: 0, perCellMs: 1 }, webgl: { fixedMs: 0, perCellMs: 0 } };

describe('auto calibrated on the device', () => {
  it('a fresh browser measures SwiftShader once and stores it for its renderer; the status line shows the figures under "why?", and the page does not move when they land; a reload reuses it', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    try {
      const page = await pageWithErrors(context, errors);
      await page.goto(harness.baseUrl);
      await waitForResult(page);
      const figures = page.getByTestId('status-calibration');
      const heatmapTop = async () => (await page.getByTestId('heatmap-weights').locator('rect.ms-hit').boundingBox())?.y;
      expect(await figures.count()).toBe(0); // not measured yet (it starts 2 s after the device is probed)
      const before = await heatmapTop();
      const why = page.getByTestId('status-why').locator('summary');
      await why.click(); // "auto (why?)" opened before the measurement lands: over the page, out of its flow
      expect(await heatmapTop()).toBe(before);
      await expect.poll(() => figures.getAttribute('data-source'), { timeout: 90_000 }).toBe('measured');
      // the measurement restates the reason and adds its figures: nothing under the status line moves
      expect(await heatmapTop()).toBe(before);
      expect(await figures.isVisible()).toBe(true);
      await why.click();
      expect(await figures.isVisible()).toBe(false);
      const measured = await stored(page);
      expect(measured?.renderer).toContain('SwiftShader');
      expect(measured?.js.perCellMs).toBeGreaterThan(0);
      expect(measured?.webgl?.perCellMs).toBeGreaterThan(0); // WebGL started on SwiftShader and was timed
      expect(await figures.getAttribute('data-measured-at')).toBe(measured?.measuredAt);
      // a fixed cost under 0.05 ms (plain JS's, usually) is left out
      expect(await figures.textContent()).toMatch(/^measured on SwiftShader: JavaScript [\d.e-]+ µs\/cell( \+ [\d.]+ ms)?; WebGL [\d.e-]+ µs\/cell( \+ [\d.]+ ms)?$/);
      // the first result (computed on the page) is restated as decided by the measurement: plain JS on SwiftShader
      const backend = page.getByTestId('status-backend');
      await expect.poll(() => backend.textContent()).toContain('auto, measured on this device: plain JavaScript is faster at this size');
      expect(await backend.getAttribute('data-path')).toBe('js');

      await page.reload();
      await waitForResult(page);
      // known from storage as soon as the device is probed: never measured again
      await expect.poll(() => figures.getAttribute('data-source'), { timeout: 30_000 }).toBe('stored');
      expect(await figures.getAttribute('data-measured-at')).toBe(measured?.measuredAt);
      expect(await stored(page)).toEqual(measured);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a calibration stored for another renderer is not used, and is replaced by one measured here', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // stored before the app's first script runs, on the first load only
    await context.addInitScript(([key, text]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, text);
    }, [CALIBRATION_STORAGE_KEY, JSON.stringify(OTHER)] as const);
    const errors: string[] = [];
    try {
      const page = await pageWithErrors(context, errors);
      await page.goto(`${harness.baseUrl}?mode=lengths&lq=512&b=1&heads=1&causal=1`);
      await waitForResult(page);
      // by OTHER, WebGL would win at 2^18 cells; measured here (or before, by the rule for SwiftShader) JS does
      expect(await page.getByTestId('status-backend').getAttribute('data-path')).toBe('js');
      const figures = page.getByTestId('status-calibration');
      await expect.poll(() => figures.getAttribute('data-source'), { timeout: 90_000 }).toBe('measured');
      expect((await stored(page))?.renderer).toContain('SwiftShader');
      expect(await figures.textContent()).toContain('measured on SwiftShader');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
