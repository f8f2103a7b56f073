/**
 * Issue #11 §5: an error boundary around each panel (PanelBoundary.tsx). A test-only flag
 * (`window.maskscopeTestFault`, src/ui/testFault.ts) makes one panel throw while rendering: that
 * panel says what failed (English and Chinese) with "Try again", the rest keeps working (a
 * setting in another panel changes the URL and the result is recomputed), the link is unchanged
 * by the failure, and "Try again" brings the panel back once the fault is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness, waitForResult, linkUrl } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** Opens `search` with the panel `fault` failing; records console and page errors. */
async function openFaulty(search: string, fault: string): Promise<{ page: Page; errors: string[] }> {
  const page = await harness.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((panel) => Object.assign(window, { maskscopeTestFault: panel }), fault);
  await page.goto(new URL(search, harness.baseUrl).toString());
  return { page, errors };
}

/** The link (its fragment, where the app keeps the state) the app settles on for `search` with nothing failing. */
async function settledSearch(search: string, ready: (page: Page) => Promise<void>): Promise<string> {
  const { page } = await openFaulty(search, 'none');
  await ready(page);
  const url = new URL(await linkUrl(page)).hash;
  await page.close();
  return url;
}

const cases = [
  { panel: 'masks', search: '/?v=1&seed=3', name: 'masks panel', zh: '掩码面板' },
  { panel: 'input', search: '/?v=1&seed=3', name: 'input panel', zh: '输入面板' },
  { panel: 'model', search: '/?v=1&causal=1', name: 'model panel', zh: '模型面板' },
  { panel: 'result', search: '/?v=1&seed=3', name: 'result view', zh: '结果视图' },
  { panel: 'frameworks', search: '/?v=1&seed=3&open=model,frameworks', name: 'frameworks panel', zh: '框架面板' },
  { panel: 'inspector', search: '/?v=1&seed=3&row=1', name: 'row inspector', zh: '行检查器' },
  { panel: 'encdec', search: '/?v=1&seed=3&attn=encdec', name: 'encoder–decoder view', zh: '编码器–解码器视图' },
] as const;

describe('a failing panel', () => {
  for (const { panel, search, name, zh } of cases) {
    it(`${panel}: says what failed with "Try again", the rest keeps working, the link survives`, async () => {
      // the result is the page's signal of settling, except when it is the panel that fails
      const ready = panel === 'result' ? (p: Page) => p.getByLabel('Seed').waitFor() : (p: Page) => waitForResult(p);
      const expected = await settledSearch(search, ready);
      const { page, errors } = await openFaulty(search, panel);
      const notice = page.getByTestId(`panel-failed-${panel}`);
      await notice.waitFor();
      await ready(page);
      await expect(notice.textContent()).resolves.toContain(`The ${name} failed and was closed: test fault in the ${panel} panel`);
      expect(await page.getByTestId('panel-failed-masks').count() + await page.getByTestId('panel-failed-result').count()).toBe(panel === 'masks' || panel === 'result' ? 1 : 0);
      expect(new URL(await linkUrl(page)).hash).toBe(expected);
      // another panel still changes a setting, and the URL follows
      if (panel === 'model') {
        await page.getByLabel('Causal mask').uncheck();
        await page.waitForFunction(() => !location.hash.includes('causal=1'));
      } else {
        await page.getByLabel('Seed').fill('7');
        await page.getByLabel('Seed').press('Enter');
        await page.waitForFunction(() => location.hash.includes('seed=7'));
      }
      if (panel !== 'result') await waitForResult(page);
      // in Chinese too
      await page.getByLabel('Language').selectOption('zh');
      await expect(notice.textContent()).resolves.toContain(`${zh}出错，已关闭`);
      await expect(notice.getByRole('button').textContent()).resolves.toBe('重试');
      // the fault gone, "Try again" renders the panel again
      await page.evaluate(() => Object.assign(window, { maskscopeTestFault: undefined }));
      await notice.getByRole('button').click();
      await notice.waitFor({ state: 'detached' });
      if (panel === 'result') await waitForResult(page);
      // the only errors are the fault's own (React reports the error it caught)
      expect(errors.filter((e) => !e.includes(`test fault in the ${panel} panel`) && !e.includes('PanelBoundary'))).toEqual([]);
      await page.close();
    });
  }
});
