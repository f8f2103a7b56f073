/**
 * Large sizes in the real app: progress while the worker computes, a newer setting replacing the
 * computation in flight, and L = 4096 computed one head at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { referenceAttention } from '../../src/engine/reference';
import { deriveInputs } from '../../src/scenario/derive';
import { nest, type ExportDocument } from '../../src/ui/exportJson';
import { expectArraysClose } from '../helpers/arrays';
import { engineRuns, openPage, startHarness, type Harness, waitForResult, linkUrl } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const statusTime = (page: Page) => page.getByTestId('status-time').textContent();


describe('large sizes', () => {
  it('shows progress while computing L = 2048, and a newer setting replaces the computation in flight', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=2048&heads=4&causal=1&seed=1');
    await page.waitForSelector('[data-testid="status-time"] progress', { timeout: 60_000 });
    expect(await statusTime(page)).toMatch(/computing… \d+%/);
    const before = await engineRuns(page);
    expect(before.running).toBeGreaterThan(0); // the workers are on the first computation
    // Change the seed mid-flight: the first computation is dropped, the result is for seed 2.
    await page.getByLabel('Seed').fill('2');
    await page.getByLabel('Seed').press('Enter');
    await waitForResult(page);
    expect(await linkUrl(page)).toContain('seed=2');
    expect(await page.getByTestId('result').getAttribute('data-stale')).toBe('false');
    // the workers stopped the first computation before its end (it was replaced, not finished first)
    expect((await engineRuns(page)).cancelled).toBeGreaterThan(before.cancelled);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('L = 512: Q, K and V are no taller than a stage heatmap (their rows pooled), so the strip of stages keeps one height', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=512&heads=1&dk=16&causal=1');
    await waitForResult(page);
    await page.locator('[data-testid="heatmap-v"] canvas').waitFor();
    const canvasHeight = (id: string) => page.locator(`[data-testid="${id}"] canvas`).first().evaluate((c) => c.getBoundingClientRect().height);
    const scores = await canvasHeight('heatmap-scores');
    for (const id of ['heatmap-q', 'heatmap-k', 'heatmap-v']) {
      const h = await canvasHeight(id);
      expect([id, h > 0 && h <= scores + 1]).toEqual([id, true]); // 512 rows at ≥ 1 px each would be taller
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a slow compute dims the previous result (its heatmaps and step explanation) only after a moment; Export pressed meanwhile says at once that the new settings are too large for one file', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=2048&heads=4&causal=1');
    await waitForResult(page, 120_000);
    const atClick = await page.evaluate(() => {
      const causal = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('Causal mask'))?.querySelector('input');
      causal?.click();
      const result = document.querySelector('[data-testid="result"]');
      return { stale: result?.getAttribute('data-stale'), dimmed: result?.classList.contains('stale'), status: document.querySelector('[data-testid="status-time"]')?.textContent };
    });
    // Marked stale at once (for scripts and tests), but not dimmed and no "computing…" yet: a quick compute never flickers.
    expect(atClick).toEqual({ stale: 'true', dimmed: false, status: expect.stringMatching(/\d ms$/) });
    await page.waitForSelector('[data-testid="result"].stale');
    // the step's explanation (its formula and counts are the previous result's) is dimmed with the heatmaps
    const opacity = (selector: string) => page.locator(selector).evaluate((e) => Number(getComputedStyle(e).opacity));
    expect(await opacity('.stage-strip')).toBeLessThan(1);
    expect(await opacity('[data-testid="step-explainer"]')).toBe(await opacity('.stage-strip'));
    // the note saying so sits inside the read-out box, over none of the tokens
    const note = (await page.locator('.stale-note').boundingBox())!;
    const readout = (await page.getByTestId('readout').boundingBox())!;
    expect(note.y + note.height).toBeLessThanOrEqual(readout.y + readout.height + 1);
    expect(note.y).toBeGreaterThanOrEqual(readout.y);
    // In one task, so that the computation cannot end in between: still computing, Export pressed
    // (React renders the click's update in a microtask, awaited here).
    const duringCompute = await page.evaluate(async () => {
      const status = document.querySelector('[data-testid="status-time"]')?.textContent;
      document.querySelector<HTMLButtonElement>('[data-testid="export-json"]')?.click();
      await Promise.resolve();
      return { status, note: document.querySelector('[data-testid="export-note"]')?.textContent };
    });
    expect(duringCompute.status).toMatch(/computing/);
    // the size is that of the new settings, known before their compute ends: no waiting for nothing
    expect(duringCompute.note).toMatch(/about \d+ MB, over the 100 MB/);
    await waitForResult(page, 120_000);
    expect(await page.getByTestId('result').getAttribute('class')).toBe('result');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a change undone before its computation finishes: the run is dropped and the view is current again', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=1024&heads=8');
    await waitForResult(page);
    const before = await engineRuns(page);
    // Two clicks in one task of the page: the second comes while the workers are on the run the
    // first one started (its result could only land in a later task), however fast they are.
    const between = await page.evaluate(() => {
      const causal = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('Causal mask'))?.querySelector('input');
      if (!causal) throw new Error('no Causal mask box');
      causal.click();
      const seen = {
        stale: document.querySelector('[data-testid="result"]')?.getAttribute('data-stale'),
        running: Number(document.documentElement.getAttribute('data-engine-running') ?? 0),
      };
      causal.click();
      return seen;
    });
    // the first click started a computation in the workers (the view waited for it) …
    expect(between.stale).toBe('true');
    expect(between.running).toBeGreaterThan(before.running);
    // … which they stopped before its end; every worker has answered, so nothing can land late
    await page.waitForFunction(
      (cancelled) => Number(document.documentElement.getAttribute('data-engine-cancelled')) > cancelled && document.documentElement.getAttribute('data-engine-running') === '0',
      before.cancelled,
      { timeout: 60_000 },
    );
    await page.waitForFunction(() => document.querySelector('[data-testid="result"]')?.getAttribute('data-stale') === 'false', null, { timeout: 60_000 });
    // Nothing is computing any more, and the mask shown is the one set: no causal triangle, every cell allowed.
    expect(await statusTime(page)).toMatch(/\d ms/);
    expect(await page.getByTestId('result').getAttribute('data-stale')).toBe('false');
    expect(await page.getByText('Allowed cells: 1,048,576 of 1,048,576').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('heads split across two workers: the export (Q, K, V and weights of every head) matches the reference', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=512&heads=4&dk=4&causal=1&engine=js'); // JS chosen: the split, not the device probe, is under test
    await waitForResult(page);
    expect(await page.getByTestId('status-workers').textContent()).toContain('2 workers');
    page.on('dialog', (dialog) => void dialog.accept()); // "about N MB, export anyway?"
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-json').click()]);
    const doc = JSON.parse(await readFile((await download.path())!, 'utf8')) as ExportDocument;
    const derived = deriveInputs(doc.scenario);
    if (!derived.ok) throw new Error(derived.error);
    const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK } = derived.inputs.shape;
    expectArraysClose(doc.q.flat(3), derived.inputs.q, 0);
    expectArraysClose(doc.v.flat(3), derived.inputs.v, 0);
    expect(dK).toBe(4);
    expectArraysClose(doc.weights.flat(3), nest(referenceAttention(derived.inputs).weights, [B, H, Lq, Lk]).flat(3), 1e-4);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('an export too large for one JSON file says so and what to change', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=1024&heads=8');
    await waitForResult(page);
    await page.getByTestId('export-json').click();
    expect(await page.getByTestId('export-note').textContent()).toMatch(/about \d+ MB, over the 100 MB .* Lower the lengths/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('L = 4096 with 3 heads: computes the shown head only, keeps two, and drops the oldest for a third', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=4096&heads=3&causal=1');
    await waitForResult(page, 180_000);
    expect(await page.getByTestId('status-on-demand').textContent()).toContain('1 of 3 ready');
    expect(await page.getByTestId('status').textContent()).toContain('Lq=4096');
    // Export needs every head.
    await page.getByTestId('export-json').click();
    expect(await page.getByTestId('export-note').textContent()).toContain('Export needs every head computed');
    const label = () => page.getByTestId('heatmap-weights').getAttribute('aria-label');
    expect(await label()).toContain('head 0');
    await page.getByRole('button', { name: 'head 1', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="heatmap-weights"]')?.getAttribute('aria-label')?.includes('head 1'), null, { timeout: 180_000 });
    await waitForResult(page, 180_000);
    expect(await linkUrl(page)).toContain('vh=1');
    expect(await label()).toContain('head 1');
    // Two 4096² heads are kept (about 350 MB of stages each): head 0 is still there.
    expect(await page.getByTestId('status-on-demand').textContent()).toContain('2 of 3 ready');
    await page.getByRole('button', { name: 'head 2', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="heatmap-weights"]')?.getAttribute('aria-label')?.includes('head 2'), null, { timeout: 180_000 });
    await waitForResult(page, 180_000);
    expect(await page.getByTestId('status-on-demand').textContent()).toContain('2 of 3 ready');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
