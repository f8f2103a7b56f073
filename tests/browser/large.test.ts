/**
 * Large sizes in the real app: progress while the worker computes, a newer setting replacing the
 * computation in flight, and L = 4096 computed one head at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const statusTime = (page: Page) => page.getByTestId('status-time').textContent();

async function waitForCompute(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForSelector('[data-testid="heatmap-weights"] canvas', { timeout });
  await page.waitForFunction(() => /\d ms/.test(document.querySelector('[data-testid="status-time"]')?.textContent ?? ''), null, { timeout });
}

describe('large sizes', () => {
  it('shows progress while computing L = 2048, and a newer setting replaces the computation in flight', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=2048&heads=4&causal=1&seed=1');
    await page.waitForSelector('[data-testid="status-time"] progress', { timeout: 60_000 });
    expect(await statusTime(page)).toMatch(/computing… \d+%/);
    // Change the seed mid-flight: the first computation is dropped, the result is for seed 2.
    await page.getByLabel('Seed').fill('2');
    await page.getByLabel('Seed').press('Enter');
    await waitForCompute(page);
    expect(page.url()).toContain('seed=2');
    expect(await page.getByTestId('result').getAttribute('data-stale')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('L = 4096 with 2 heads: computes the shown head only, and the other one instead when it is selected', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=4096&heads=2&causal=1');
    await waitForCompute(page, 180_000);
    expect(await page.getByTestId('status-on-demand').textContent()).toContain('1 of 2 ready');
    expect(await page.getByTestId('status').textContent()).toContain('Lq=4096');
    // Export needs every head.
    expect(await page.getByTestId('export-json').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-json').getAttribute('title')).toContain('Export needs every head computed');
    const label = () => page.getByTestId('heatmap-weights').getAttribute('aria-label');
    expect(await label()).toContain('head 0');
    await page.getByRole('button', { name: 'head 1', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="heatmap-weights"]')?.getAttribute('aria-label')?.includes('head 1'), null, { timeout: 180_000 });
    await waitForCompute(page, 180_000);
    expect(page.url()).toContain('vh=1');
    expect(await label()).toContain('head 1');
    // Only one 4096² head is kept at a time (about 350 MB of stages each).
    expect(await page.getByTestId('status-on-demand').textContent()).toContain('1 of 2 ready');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
