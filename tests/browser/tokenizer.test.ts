/**
 * The tokenizer choice (issue #12 §5) in real Chromium: per word splits Chinese typed with spaces;
 * GPT-2's BPE (its vocabulary a chunk of its own, loaded on first use) gives 'Hello', '␣world' with
 * captions under byte pieces; the link carries `tok=` and reloads it; while GPT-2 loads the page
 * says so, and when it cannot load, it says so and uses the automatic tokens; Chinese labels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { openPage, startHarness, type Harness, waitForResult, linkUrl } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** Requests for GPT-2's vocabulary (gpt-tokenizer's r50k_base modules, in dev and in the build). */
const GPT2_CHUNK = /r50k_+base/;

/** The key labels on the weights heatmap's column axis. */
function keyLabels(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="heatmap-weights"] .ms-col-labels text', (nodes) => nodes.map((n) => n.textContent ?? ''));
}

/** Waits until the weights heatmap's key labels are `expected`. */
async function waitForKeyLabels(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction(
    (exp) => JSON.stringify([...document.querySelectorAll('[data-testid="heatmap-weights"] .ms-col-labels text')].map((n) => n.textContent)) === JSON.stringify(exp),
    expected,
    { timeout: 30_000 },
  );
}

/** The token list's chips (label and caption text) of the query row. */
function tokenChips(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="tokens"] .tokens:first-child .token', (nodes) => nodes.map((n) => n.textContent ?? ''));
}

describe('tokenizer choice', () => {
  it('per word on "我们 爱 你": 3 key tokens on the axis (automatic: 4); the link carries tok=word and reloads it', async () => {
    const { page, errors } = await openPage(harness, `#v=2&q=${encodeURIComponent('我们 爱 你')}&heads=1`);
    await waitForResult(page);
    expect(await keyLabels(page)).toEqual(['我', '们', '爱', '你']);
    await page.getByRole('radio', { name: 'Per word' }).check();
    await waitForKeyLabels(page, ['我们', '爱', '你']);
    await waitForResult(page);
    await page.waitForFunction(() => window.location.hash.includes('tok=word'));
    const link = (await linkUrl(page));
    await page.close();

    const { page: again, errors: againErrors } = await openPage(harness, link);
    await waitForResult(again);
    expect(await keyLabels(again)).toEqual(['我们', '爱', '你']);
    expect(await again.getByRole('radio', { name: 'Per word' }).isChecked()).toBe(true);
    expect([...errors, ...againErrors]).toEqual([]);
    await again.close();
  });

  it('GPT-2 on "Hello world": while its vocabulary loads the page says so (automatic tokens), then 2 tokens, the second with the space marker', async () => {
    const { page, errors } = await openPage(harness, '#v=2&q=Hello+world&heads=1');
    await waitForResult(page);
    // hold GPT-2's vocabulary back until the loading message has been seen
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(GPT2_CHUNK, async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('radio', { name: 'GPT-2 BPE' }).check();
    await page.getByTestId('tokenizer').locator('[role="status"]').waitFor();
    expect(await page.getByTestId('tokenizer').getAttribute('data-gpt2')).toBe('loading');
    expect(await keyLabels(page)).toEqual(['Hello', 'world']);
    release();
    await page.waitForSelector('[data-testid="tokenizer"][data-gpt2="ready"]');
    await waitForKeyLabels(page, ['Hello', '␣world']);
    await waitForResult(page);
    expect(await tokenChips(page)).toEqual(['Hello', '␣world']);
    expect(await page.getByTestId('tokenizer').locator('[role="status"]').count()).toBe(0);
    expect(await linkUrl(page)).toContain('tok=gpt2');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a tok=gpt2 link with Chinese reloads GPT-2: byte pieces labelled <E6 88>, captioned with their character (我 1–2/3)', async () => {
    const { page, errors } = await openPage(harness, `#v=2&q=${encodeURIComponent('我爱你')}&tok=gpt2&heads=1`);
    await waitForKeyLabels(page, ['<E6 88>', '<91>', '<E7>', '<88>', '<B1>', '<E4 BD>', '<A0>']);
    await waitForResult(page);
    expect(await tokenChips(page)).toEqual(['<E6 88>我 1–2/3', '<91>我 3/3', '<E7>爱 1/3', '<88>爱 2/3', '<B1>爱 3/3', '<E4 BD>你 1–2/3', '<A0>你 3/3']);
    expect(await page.getByRole('radio', { name: 'GPT-2 BPE' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('GPT-2’s vocabulary cannot be loaded: an alert says so, the automatic tokens are used, the link keeps tok=gpt2; Try again loads it', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.route(GPT2_CHUNK, (route) => route.abort());
    await page.goto(new URL('#v=2&q=Hello+world&tok=gpt2&heads=1', harness.baseUrl).toString());
    await page.waitForSelector('[data-testid="tokenizer"][data-gpt2="failed"]');
    await waitForResult(page);
    expect(await page.getByTestId('tokenizer').getByRole('alert').textContent()).toContain('could not be loaded');
    expect(await keyLabels(page)).toEqual(['Hello', 'world']);
    expect(await linkUrl(page)).toContain('tok=gpt2');
    await page.unroute(GPT2_CHUNK);
    await page.getByRole('button', { name: 'Try again' }).click();
    // a browser that keeps a failed import() (Chromium 150) fails again at once: then the panel offers a reload, which loads it
    await page.waitForFunction(() => {
      const panel = document.querySelector('[data-testid="tokenizer"]');
      return panel?.getAttribute('data-gpt2') === 'ready' || panel?.getAttribute('data-gpt2-failures') === '2';
    });
    if ((await page.getByTestId('tokenizer').getAttribute('data-gpt2')) !== 'ready') {
      expect(await page.getByTestId('tokenizer').getByRole('alert').textContent()).toContain('could not be loaded again');
      await page.getByRole('button', { name: 'Reload the page' }).click();
    }
    await waitForKeyLabels(page, ['Hello', '␣world']);
    expect(await linkUrl(page)).toContain('tok=gpt2');
    await page.close();
  });

  it('Chinese UI: the choice and its options, the per-word hint', async () => {
    const { page, errors } = await openPage(harness, '#v=2&lang=zh&tok=word&heads=1');
    await waitForResult(page);
    const choice = page.getByRole('radiogroup', { name: '分词方式' });
    expect(await choice.getByRole('radio').evaluateAll((inputs) => inputs.map((i) => i.parentElement?.textContent))).toEqual(['自动', '按字', '按词（空格）', 'GPT-2 BPE']);
    expect(await page.getByTestId('tokenizer').textContent()).toContain('只按空格切分');
    expect(errors).toEqual([]);
    await page.close();
  });
});
