/**
 * The encoder–decoder view (`attn=encdec`, EncDecView.tsx) in real Chromium: three panels with
 * their mask and weights heatmaps; linking by mouse, keyboard and touch (a source token lights up
 * in the encoder and the cross-attention, a target token in the decoder and the cross-attention);
 * the decoder's mask read back from its canvas; Chinese titles; the preset and the Attention
 * choice that open it; the panels stacking on a narrow screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startHarness, type Harness, waitForResult, linkUrl } from './harness';
import { computeEncDecPart } from '../../src/compute/encdecCompute';
import { encdecScenarios } from '../../src/scenario/encdecInputs';
import { decodeScenario } from '../../src/state/urlCodec';
import { formatNumber } from '../../src/ui/format';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const PARTS = ['encoder', 'decoder', 'cross'] as const;
type Part = (typeof PARTS)[number];

/** Waits for the app's result and for the six heatmaps of the view to be drawn. */
async function waitForEncDec(page: Page): Promise<void> {
  await waitForResult(page);
  for (const part of PARTS) {
    for (const stage of ['mask', 'weights']) await page.waitForSelector(`[data-testid="encdec-${part}-${stage}"] canvas`);
  }
}

/** Waits until each panel's `data-linked` (the highlight its heatmaps show, "row,col") is as given. */
async function waitForLinked(page: Page, expected: Record<Part, string>): Promise<void> {
  await page.waitForFunction(
    (exp) => Object.entries(exp).every(([part, v]) => document.querySelector(`[data-testid="attention-${part}"]`)?.getAttribute('data-linked') === v),
    expected,
    { timeout: 10_000 },
  );
}

/** Per panel, the crosshair bands drawn over its mask heatmap (2 = a row and a column, 1 = one of them). */
async function crosshairBands(page: Page): Promise<Record<Part, number>> {
  return page.evaluate(() => {
    const count = (part: string) => document.querySelectorAll(`[data-testid="encdec-${part}-mask"] .ms-cross rect`).length;
    return { encoder: count('encoder'), decoder: count('decoder'), cross: count('cross') };
  });
}

/** The heatmaps' own `data-highlight` (viz), per panel's mask heatmap; null where the attribute is absent. */
async function vizHighlights(page: Page): Promise<Record<Part, string | null>> {
  return page.evaluate(() => {
    const attr = (part: string) => document.querySelector(`[data-testid="encdec-${part}-mask"] [data-highlight]`)?.getAttribute('data-highlight') ?? null;
    return { encoder: attr('encoder'), decoder: attr('decoder'), cross: attr('cross') };
  });
}

/** Positions of the highlighted chips of a side. */
async function litChips(page: Page, side: 'source' | 'target'): Promise<number[]> {
  return page.evaluate((s) => [...document.querySelectorAll(`[data-testid="encdec-tokens-${s}"] button[data-highlighted="true"]`)].map((b) => Number(b.getAttribute('data-index'))), side);
}

const chip = (page: Page, side: 'source' | 'target', index: number) => page.getByTestId(`encdec-tokens-${side}`).locator(`button[data-index="${index}"]`);

/**
 * The mask as drawn: 1 where the centre of cell (r, c) on the heatmap's canvas is blue (allowed,
 * faded blue in a padded row), 0 where it is grey (the blocked hatch).
 */
async function maskFromCanvas(page: Page, testId: string, rows: number, cols: number): Promise<number[][]> {
  return page.evaluate(({ testId, rows, cols }) => {
    const canvas = document.querySelector(`[data-testid="${testId}"] canvas`) as HTMLCanvasElement;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => {
      const x = Math.floor(((c + 0.5) * canvas.width) / cols);
      const y = Math.floor(((r + 0.5) * canvas.height) / rows);
      const [red, , blue] = ctx.getImageData(x, y, 1, 1).data as unknown as number[];
      return (blue as number) - (red as number) > 15 ? 1 : 0;
    }));
  }, { testId, rows, cols });
}

describe('encoder–decoder view (attn=encdec)', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openPage(harness, '/?v=1&attn=encdec&causal=1'));
    await waitForEncDec(page);
  });
  afterAll(async () => page?.close());

  it('shows three titled panels, each with a mask and a weights heatmap, side by side', async () => {
    for (const part of PARTS) await expect(page.getByTestId(`attention-${part}`).isVisible()).resolves.toBe(true);
    const titles = await page.locator('.encdec-panel h3').allTextContents();
    expect(titles).toEqual([
      'Encoder self-attention — source × source',
      'Decoder self-attention — target × target, causal',
      'Cross-attention — target queries × source keys',
    ]);
    const boxes = await Promise.all(PARTS.map((p) => page.getByTestId(`attention-${p}`).boundingBox()));
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
    expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
    expect(Math.abs(boxes[0]!.y - boxes[2]!.y)).toBeLessThan(2);
    await expect(page.getByTestId('encdec-decoder-formula').textContent()).resolves.toBe('allowed(q, k) = k ≤ q ∧ target key k is not padding');
    await expect(page.getByTestId('encdec-cross-formula').textContent()).resolves.toBe('allowed(q, k) = source key k is not padding');
  });

  it('the token chips: source 7 (3 padding), target 6 (3 padding) for batch item 0', async () => {
    await expect(page.getByTestId('encdec-tokens-source').locator('button').allTextContents()).resolves.toEqual(['Le', 'chien', 'a', 'aboyé', '<pad>', '<pad>', '<pad>']);
    await expect(page.getByTestId('encdec-tokens-target').locator('button.pad').count()).resolves.toBe(3);
  });

  it('the decoder mask as drawn is causal ∧ target key not padding; the cross mask is never causal', async () => {
    expect(await maskFromCanvas(page, 'encdec-decoder-mask', 6, 6)).toEqual([
      [1, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
    ]);
    expect(await maskFromCanvas(page, 'encdec-cross-mask', 6, 7)).toEqual(Array.from({ length: 6 }, () => [1, 1, 1, 1, 0, 0, 0]));
    expect(await maskFromCanvas(page, 'encdec-encoder-mask', 7, 7)).toEqual(Array.from({ length: 7 }, () => [1, 1, 1, 1, 0, 0, 0]));
  });

  it('mouse over source token 1 ("chien"): encoder row and column 1, cross column 1, not the decoder', async () => {
    await chip(page, 'source', 1).hover();
    await waitForLinked(page, { encoder: '1,1', decoder: '', cross: '-1,1' });
    expect(await crosshairBands(page)).toEqual({ encoder: 2, decoder: 0, cross: 1 });
    const viz = await vizHighlights(page);
    if (viz.encoder !== null) expect(viz).toEqual({ encoder: '1,1', decoder: '', cross: '-1,1' });
    expect([await litChips(page, 'source'), await litChips(page, 'target')]).toEqual([[1], []]);
    await page.locator('#encdec-heading').hover(); // the mouse leaves: nothing is highlighted
    await waitForLinked(page, { encoder: '', decoder: '', cross: '' });
  });

  it('mouse over target token 2 ("barked"): decoder row and column 2, cross row 2, not the encoder', async () => {
    await chip(page, 'target', 2).hover();
    await waitForLinked(page, { encoder: '', decoder: '2,2', cross: '2,-1' });
    expect(await crosshairBands(page)).toEqual({ encoder: 0, decoder: 2, cross: 1 });
    expect([await litChips(page, 'source'), await litChips(page, 'target')]).toEqual([[], [2]]);
    await page.locator('#encdec-heading').hover();
    await waitForLinked(page, { encoder: '', decoder: '', cross: '' });
  });

  it('keyboard: Tab from source chip 0 to chip 1 highlights source 1; Shift+Tab among target chips highlights target 1', async () => {
    await chip(page, 'source', 0).focus();
    await waitForLinked(page, { encoder: '0,0', decoder: '', cross: '-1,0' });
    await page.keyboard.press('Tab');
    await expect(chip(page, 'source', 1).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await waitForLinked(page, { encoder: '1,1', decoder: '', cross: '-1,1' });
    expect(await litChips(page, 'source')).toEqual([1]);
    await chip(page, 'target', 2).focus();
    await page.keyboard.press('Shift+Tab');
    await waitForLinked(page, { encoder: '', decoder: '1,1', cross: '1,-1' });
    expect(await litChips(page, 'target')).toEqual([1]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await waitForLinked(page, { encoder: '', decoder: '', cross: '' });
  });

  it('keyboard on a heatmap: focusing the encoder mask selects cell (0, 0), → moves to (0, 1): cross column 1 follows', async () => {
    await page.getByTestId('encdec-encoder-mask').focus();
    await waitForLinked(page, { encoder: '0,0', decoder: '', cross: '-1,0' });
    await page.keyboard.press('ArrowRight');
    await waitForLinked(page, { encoder: '0,1', decoder: '', cross: '-1,1' });
    expect(await litChips(page, 'source')).toEqual([0, 1]);
    await page.keyboard.press('Escape');
    await waitForLinked(page, { encoder: '', decoder: '', cross: '' });
  });

  it('mouse over cross cell (target 1, source 2): that cell, encoder token 2 and decoder token 1', async () => {
    const canvas = page.getByTestId('encdec-cross-weights').locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + (2.5 * box.width) / 7, box.y + (1.5 * box.height) / 6);
    await waitForLinked(page, { encoder: '2,2', decoder: '1,1', cross: '1,2' });
    expect([await litChips(page, 'source'), await litChips(page, 'target')]).toEqual([[2], [1]]);
    await page.locator('#encdec-heading').hover();
    await waitForLinked(page, { encoder: '', decoder: '', cross: '' });
  });

  it('mouse over decoder weights cell (target 2, target 1): the read-out above names the decoder’s panel, "barked" (q = 2) and "dog" (k = 1) with that weight, computed as the panel computes it', async () => {
    const canvas = page.getByTestId('encdec-decoder-weights').locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + (1.5 * box.width) / 6, box.y + (2.5 * box.height) / 6);
    await waitForLinked(page, { encoder: '', decoder: '2,1', cross: '2,-1' });
    const readout = page.locator('.readout-box [data-testid="readout"]');
    await expect.poll(() => readout.textContent()).toContain('barked (q = 2)');
    const { decoder } = encdecScenarios(decodeScenario('v=1&attn=encdec&causal=1').scenario);
    const panel = computeEncDecPart(decoder, 0, 0)!;
    const weight = panel.slice.weights[2 * panel.slice.cols + 1]!;
    expect(weight).toBeGreaterThan(0);
    expect(await readout.textContent()).toContain('dog (k = 1)');
    expect(await readout.getByTestId('readout-weight').textContent()).toBe(formatNumber(weight));
    // "barked → dog" is in the cross-attention's words too: the read-out names the panel
    expect(await readout.getByTestId('readout-source').textContent()).toBe('Decoder self-attention — target × target, causal');
    await page.locator('#encdec-heading').hover();
    await waitForLinked(page, { encoder: '', decoder: '', cross: '' });
    await expect.poll(() => readout.textContent()).not.toContain('barked (q = 2)');
  });

  it('no console error or uncaught exception', () => {
    expect(errors).toEqual([]);
  });
});

describe('encoder–decoder view: touch, Chinese, entry points, narrow screens', () => {
  it('touch: tapping source token 3 highlights it and it stays; tapping target token 0 moves the highlight', async () => {
    const context = await harness.browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(new URL('/?v=1&attn=encdec', harness.baseUrl).toString());
    await waitForEncDec(page);
    await chip(page, 'source', 3).tap();
    await waitForLinked(page, { encoder: '3,3', decoder: '', cross: '-1,3' });
    await chip(page, 'target', 0).tap();
    await waitForLinked(page, { encoder: '', decoder: '0,0', cross: '0,-1' });
    expect(await litChips(page, 'target')).toEqual([0]);
    await context.close();
  });

  it('lang=zh: the panels have Chinese titles', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&attn=encdec&lang=zh&causal=1');
    await waitForEncDec(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="attention-encoder"] h3')?.textContent?.includes('编码器'));
    expect(await page.locator('.encdec-panel h3').allTextContents()).toEqual([
      '编码器自注意力 — 源 × 源',
      '解码器自注意力 — 目标 × 目标，因果',
      '交叉注意力 — 目标查询 × 源键',
    ]);
    await expect(page.getByTestId('encdec-tokens-source').locator('.tokens-label').textContent()).resolves.toBe('源序列（编码器）');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the T5/BART encoder–decoder preset opens the view, with a causal decoder', async () => {
    const { page } = await openPage(harness, '/?v=1');
    await waitForResult(page);
    await expect(page.getByTestId('encdec').count()).resolves.toBe(0);
    await page.getByTestId('preset').selectOption('t5-encdec');
    await waitForEncDec(page);
    await expect(page.getByTestId('attention-decoder').locator('h3').textContent()).resolves.toBe('Decoder self-attention — target × target, causal');
    expect(await linkUrl(page)).toContain('attn=encdec');
    await page.close();
  });

  it('the Attention choice "Encoder–decoder (all three)" opens the view and shows the source text field', async () => {
    const { page } = await openPage(harness, '/?v=1');
    await waitForResult(page);
    await page.getByLabel('Encoder–decoder (all three)').check();
    await waitForEncDec(page);
    await expect(page.getByTestId('key-text').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('∅ is in the legend exactly when a panel flags a fully masked row: left padding leaves the causal decoder\'s padded queries no key', async () => {
    const flagged = (p: Page) => p.locator('[data-testid^="encdec-"] g.ms-flags text').count();
    const left = await openPage(harness, '/?v=1&attn=encdec&causal=1&pad=left');
    await waitForEncDec(left.page);
    expect(await flagged(left.page)).toBeGreaterThan(0);
    expect(await left.page.getByTestId('encdec-legend-fully-masked').textContent()).toBe('∅ fully masked row: no key allowed, weights 0');
    await left.page.close();
    const right = await openPage(harness, '/?v=1&attn=encdec&causal=1');
    await waitForEncDec(right.page);
    expect(await flagged(right.page)).toBe(0);
    expect(await right.page.getByTestId('encdec-legend-fully-masked').count()).toBe(0);
    await right.page.close();
  });

  it('extra masks set: a note says they are not in these panels', async () => {
    const { page } = await openPage(harness, '/?v=1&attn=encdec&cm=k%3C%3Dq');
    await waitForEncDec(page);
    await expect(page.getByTestId('encdec-ignored').textContent()).resolves.toContain('the custom formula');
    await page.close();
  });

  it('presentation at 1280 × 720: the three masks fill the screen under the bar; the toggle shows the weights', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&attn=encdec&causal=1&present=1');
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const part of PARTS) await page.waitForSelector(`[data-testid="encdec-${part}-mask"] canvas`);
    await expect(page.locator('[data-testid^="encdec-"][data-testid$="-weights"]').count()).resolves.toBe(0);
    for (const part of PARTS) {
      const box = (await page.getByTestId(`attention-${part}`).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(720);
    }
    const cell = (await page.getByTestId('encdec-decoder-mask').locator('canvas').boundingBox())!.width / 6;
    expect(cell).toBeGreaterThanOrEqual(30); // readable from the back of the room
    await page.getByTestId('encdec-stage-toggle').getByRole('button', { name: 'Weights' }).click();
    for (const part of PARTS) await page.waitForSelector(`[data-testid="encdec-${part}-weights"] canvas`);
    await chip(page, 'source', 1).hover();
    await waitForLinked(page, { encoder: '1,1', decoder: '', cross: '-1,1' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('presentation on a 1024 × 768 projector: the panels stay side by side, each mask inside its panel; at 700 px they stack without overlapping', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&attn=encdec&causal=1&present=1');
    const inside = async () => {
      for (const part of PARTS) await page.waitForSelector(`[data-testid="encdec-${part}-mask"] canvas`);
      const panels = await Promise.all(PARTS.map((p) => page.getByTestId(`attention-${p}`).boundingBox()));
      const canvases = await Promise.all(PARTS.map((p) => page.getByTestId(`encdec-${p}-mask`).locator('canvas').boundingBox()));
      PARTS.forEach((_, i) => {
        const [panel, canvas] = [panels[i]!, canvases[i]!];
        expect(canvas.x).toBeGreaterThanOrEqual(panel.x);
        expect(canvas.x + canvas.width).toBeLessThanOrEqual(panel.x + panel.width);
        expect(canvas.y + canvas.height).toBeLessThanOrEqual(panel.y + panel.height);
      });
      return panels.map((b) => b!);
    };
    await page.setViewportSize({ width: 1024, height: 768 });
    const wide = await inside();
    expect(wide[0]!.y).toBe(wide[2]!.y); // one row
    for (const box of wide) expect(box.y + box.height).toBeLessThanOrEqual(768);
    await page.setViewportSize({ width: 700, height: 900 });
    await page.waitForFunction(() => {
      const [a, b] = ['attention-encoder', 'attention-decoder'].map((id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect());
      return a!.bottom <= b!.top;
    });
    const narrow = await inside();
    expect(narrow[0]!.y + narrow[0]!.height).toBeLessThanOrEqual(narrow[1]!.y);
    expect(narrow[1]!.y + narrow[1]!.height).toBeLessThanOrEqual(narrow[2]!.y);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 1000 px wide screen: the panels stack', async () => {
    const { page } = await openPage(harness, '/?v=1&attn=encdec');
    await page.setViewportSize({ width: 1000, height: 900 });
    await waitForEncDec(page);
    const boxes = await Promise.all(PARTS.map((p) => page.getByTestId(`attention-${p}`).boundingBox()));
    expect(Math.abs(boxes[0]!.x - boxes[2]!.x)).toBeLessThan(2);
    expect(boxes[0]!.y + boxes[0]!.height).toBeLessThanOrEqual(boxes[1]!.y);
    await page.close();
  });

  it(`lengths mode over 512 tokens a side: a message says what to lower`, async () => {
    const { page } = await openPage(harness, '/?v=1&attn=encdec&mode=lengths&lq=8&lk=600');
    await page.getByTestId('encdec-problem').waitFor();
    await expect(page.getByTestId('encdec-problem').textContent()).resolves.toContain('Lower the query length and key length');
    await page.close();
  });
});
