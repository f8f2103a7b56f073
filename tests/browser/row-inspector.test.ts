/**
 * The row inspector (src/ui/RowInspector.tsx) in real Chromium, on its own test page
 * (row-inspector-page.html) with hand-made slices, before the app renders it: the bars and the
 * blocked keys' marks, the row sum, a fully masked and a padded row, previous / next / close by
 * button and key, the values table, presentation size, Chinese, and a row of 4096 keys.
 * Every wait is on a state of the page, never on a delay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startHarness, type Harness } from './harness';

let harness: Harness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  harness = await startHarness();
  ({ page, errors } = await openPage(harness, '/tests/browser/row-inspector-page.html'));
  await page.waitForSelector('body[data-ready="true"]');
});
afterAll(async () => {
  await page?.close();
  await harness?.close();
});

type Case = 'small' | 'long';

/** Mounts the inspector on `name` at `row` and waits until both charts are drawn for that row. */
async function show(name: Case, row: number, options: { large?: boolean; lang?: 'en' | 'zh' } = {}): Promise<void> {
  await page.evaluate(([n, r, o]) => (window as unknown as { rowInspectorTest: { render(...a: unknown[]): Promise<void> } }).rowInspectorTest.render(n, r, o), [name, row, options] as const);
  await waitForRow(row);
}

/** Waits until the inspector shows `row` with both charts drawn. */
async function waitForRow(row: number): Promise<void> {
  await page.waitForFunction((r) => {
    const el = document.querySelector('[data-testid="row-inspector"]');
    return el?.getAttribute('data-row') === String(r)
      && document.querySelectorAll('[data-testid="row-inspector"] svg.ms-bar-chart').length === 2;
  }, row);
}

const calls = () => page.evaluate(() => [...(window as unknown as { rowInspectorTest: { calls: string[] } }).rowInspectorTest.calls]);
const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

/** What one chart draws: bar keys, blocked marks (key and text), blocked bands, label texts, the zero line's y. */
async function chart(testId: 'row-logits' | 'row-weights') {
  return page.evaluate((id) => {
    const svg = document.querySelector(`[data-testid="${id}"] svg`)!;
    const keys = (sel: string) => [...svg.querySelectorAll(sel)].map((e) => Number(e.getAttribute('data-key')));
    const bars = [...svg.querySelectorAll('rect.ms-bar')].map((r) => ({
      key: Number(r.getAttribute('data-key')), y: Number(r.getAttribute('y')), height: Number(r.getAttribute('height')),
    }));
    return {
      mode: svg.getAttribute('data-mode'),
      labelMode: svg.getAttribute('data-labels'),
      ariaLabel: svg.getAttribute('aria-label'),
      bars,
      marks: [...svg.querySelectorAll('text.ms-bar-blocked-mark')].map((t) => [t.getAttribute('data-key'), t.textContent]),
      blockedBands: keys('rect.ms-bar-blocked-key'),
      labels: [...svg.querySelectorAll('g.ms-bar-xlabels text')].map((t) => t.textContent),
      zeroY: Number(svg.querySelector('g.ms-bar-zero line')!.getAttribute('y1')),
      highlighted: svg.querySelectorAll('rect.ms-bar-highlight-key').length,
      elements: svg.querySelectorAll('*').length,
      pooledPaths: svg.querySelectorAll('path.ms-bar-pooled').length,
      fontSize: svg.getAttribute('font-size'),
    };
  }, testId);
}

describe('Row inspector, 3 queries over 4 keys (tests/browser/row-inspector-page.tsx)', () => {
  it('row 0 (key 2 "sat" blocked): heading, 3 logit bars and a −∞ mark at key 2, the negative logit below the zero line', async () => {
    await show('small', 0);
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Row inspector — query q = 0 “The”');
    const logits = await chart('row-logits');
    expect(logits.mode).toBe('bars');
    expect(logits.bars.map((b) => b.key)).toEqual([0, 1, 3]);
    expect(logits.marks).toEqual([['2', '−∞']]);
    expect(logits.blockedBands).toEqual([2]);
    expect(logits.labels).toEqual(['The', 'cat', 'sat', 'on']);
    const negative = logits.bars.find((b) => b.key === 1)!;
    const positive = logits.bars.find((b) => b.key === 0)!;
    expect(negative.y).toBeCloseTo(logits.zeroY, 5); // hangs from the zero line
    expect(positive.y + positive.height).toBeCloseTo(logits.zeroY, 5); // rises to it
    expect(logits.ariaLabel).toBe('Bar chart of the masked logits of query 0 over 4 keys (1 blocked, −∞)');
  });

  it('row 0: 3 weight bars, a "0" mark at the blocked key, the largest weight outlined, Σ weights = 1.0000', async () => {
    const weights = await chart('row-weights');
    expect(weights.bars.map((b) => b.key)).toEqual([0, 1, 3]);
    expect(weights.marks).toEqual([['2', '0']]);
    expect(weights.highlighted).toBe(1);
    expect(await text('row-sum')).toBe('Σ weights = 1.0000');
    expect(await text('row-allowed')).toBe('3 of 4');
    expect(await page.getByTestId('row-tiny').count()).toBe(0);
    // softmax(1.2, −0.6, 0.3) = 0.6362, 0.1052, 0.2587
    expect(await text('row-largest')).toBe('0.6362 at key k = 0 “The”');
  });

  it('Previous on the first row is aria-disabled and calls nothing; Next calls onRow(1)', async () => {
    const prev = page.getByRole('button', { name: 'Previous row' });
    expect(await prev.getAttribute('aria-disabled')).toBe('true');
    await prev.click({ force: true }); // Playwright waits for an aria-disabled button to be enabled
    expect(await calls()).toEqual([]);
    await page.getByRole('button', { name: 'Next row' }).click();
    await waitForRow(1);
    expect(await calls()).toEqual(['row 1']);
  });

  it('row 1, fully masked: no bar at all, −∞ and 0 marks at every key, the sum says every key is blocked', async () => {
    const logits = await chart('row-logits');
    const weights = await chart('row-weights');
    expect([logits.bars.length, weights.bars.length]).toEqual([0, 0]);
    expect(logits.marks).toEqual([['0', '−∞'], ['1', '−∞'], ['2', '−∞'], ['3', '−∞']]);
    expect(weights.marks).toEqual([['0', '0'], ['1', '0'], ['2', '0'], ['3', '0']]);
    expect(weights.highlighted).toBe(0);
    expect(await text('row-sum')).toBe('Σ weights = 0 — every key is blocked: weights 0, output 0');
    expect(await text('row-allowed')).toBe('0 of 4');
    expect(await text('row-largest')).toBe('none (no key is allowed)');
  });

  it('↓ on the focused Next button goes to row 2, a padded query: the note says its output is ignored', async () => {
    await page.getByRole('button', { name: 'Next row' }).focus();
    await page.keyboard.press('ArrowDown');
    await waitForRow(2);
    expect(await calls()).toEqual(['row 1', 'row 2']);
    expect(await text('row-padded')).toBe('Query q = 2 is padding: its output is ignored (its row is greyed in every stage).');
    expect(await text('row-sum')).toBe('Σ weights = 1.0000');
    expect(await page.getByRole('button', { name: 'Next row' }).getAttribute('aria-disabled')).toBe('true');
    // the focus stays on the (now aria-disabled) button, so ↑ still works
    await page.keyboard.press('ArrowUp');
    await waitForRow(1);
    expect(await calls()).toEqual(['row 1', 'row 2', 'row 1']);
  });

  it('the values table opens from its summary: one row per key, −∞ and 0 at the blocked key', async () => {
    await show('small', 0);
    await page.getByText('The values of row 0 as a table (4 keys)').click();
    // the table is built once the details element has opened (its toggle event, a task later)
    await page.locator('[data-testid="row-values"] tbody tr').nth(3).waitFor();
    const rows = await page.locator('[data-testid="row-values"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual([
      ['0', 'The', 'allowed', '1.2000', '0.6362'],
      ['1', 'cat', 'allowed', '−0.6000', '0.1052'],
      ['2', 'sat', 'blocked', '−∞', '0.0000'],
      ['3', 'on', 'allowed', '0.3000', '0.2587'],
    ]);
  });

  it('Close and Esc both call onClose; the page then unmounts the panel', async () => {
    await page.getByRole('button', { name: 'Close the row inspector' }).click();
    await page.waitForSelector('[data-testid="row-inspector"]', { state: 'detached' });
    expect(await calls()).toEqual(['close']);
    await show('small', 1);
    await page.getByRole('button', { name: 'Previous row' }).focus();
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="row-inspector"]', { state: 'detached' });
    expect(await calls()).toEqual(['close']);
  });

  it('large (presentation): 20 px chart text and a heading of at least 20 px', async () => {
    await show('small', 0, { large: true });
    expect((await chart('row-logits')).fontSize).toBe('20');
    const px = await page.getByRole('heading', { level: 2 }).evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    expect(px).toBeGreaterThanOrEqual(20);
  });

  it('in Chinese the heading, the sum and the buttons are translated', async () => {
    await show('small', 1, { lang: 'zh' });
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('行检查器 — 查询 q = 1“cat”');
    expect(await text('row-sum')).toBe('Σ 权重 = 0 — 所有键都被屏蔽：权重为 0，输出为 0');
    expect(await page.getByRole('button', { name: '下一行' }).isVisible()).toBe(true);
  });
});

describe('Row inspector, 1 query over 4096 keys (2048 allowed)', () => {
  it('pools the bars into two paths, labels round key indices, hatches the blocked half as one band with one mark', async () => {
    await show('long', 0);
    for (const [id, mark] of [['row-logits', '−∞'], ['row-weights', '0']] as const) {
      const c = await chart(id);
      expect([c.mode, c.labelMode, c.bars.length, c.pooledPaths]).toEqual(['pooled', 'ticks', 0, 2]);
      expect(c.marks).toEqual([['2048-4095', mark]]);
      expect(c.labels[0]).toBe('0');
      expect(c.labels).toContain('2000');
      expect(c.elements).toBeLessThan(150);
    }
    expect(await text('row-allowed')).toBe('2048 of 4096');
    expect(await text('row-tiny')).toMatch(/^The largest weight is 0\.00\d\d: on the 0–1 axis these bars are too short to see/);
    expect(await text('row-sum')).toBe('Σ weights = 1.0000');
    const bands = await page.locator('[data-testid="row-logits"] rect.ms-bar-blocked-key').count();
    expect(bands).toBe(1);
  });

  it('the table of 4096 keys shows 256 at a time: keys 0–255, then 256–511 after "Next 256 keys"', async () => {
    const firstKeys = () => page.locator('[data-testid="row-values"] tbody tr th').evaluateAll((ths) => [ths.length, ths[0]?.textContent, ths.at(-1)?.textContent]);
    await page.getByText('The values of row 0 as a table (4096 keys)').click();
    await page.waitForSelector('[data-testid="row-values"] tbody tr');
    expect(await text('row-values-range')).toBe('Keys 0–255 of 4096');
    expect(await firstKeys()).toEqual([256, '0', '255']);
    await page.getByRole('button', { name: 'Next 256 keys' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="row-values"] tbody th')?.textContent === '256');
    expect(await text('row-values-range')).toBe('Keys 256–511 of 4096');
    expect(await firstKeys()).toEqual([256, '256', '511']);
  });

  it('logged no console error or uncaught exception', () => {
    expect(errors).toEqual([]);
  });
});
