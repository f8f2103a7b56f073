/**
 * The lesson in real Chromium (issue #10): presentation mode at projector and laptop sizes, the
 * step-through with KaTeX formulas and the cells each step changed, numbers in the cells checked
 * against the float64 reference, row sums, the left-to-right pipeline, and links that open a
 * panel or land on a stage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { referenceAttention } from '../../src/engine/reference';
import { deriveInputs } from '../../src/scenario/derive';
import { decodeScenario } from '../../src/state/urlCodec';
import { openPage, startHarness, type Harness, waitForResult, linkUrl } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** Opens `path` at a viewport size and waits until presentation mode shows `selector`. */
async function present(path: string, width: number, height: number, selector = '.present-view canvas'): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(harness, path);
  await opened.page.setViewportSize({ width, height });
  await opened.page.waitForSelector(selector, { timeout: 60_000 });
  return opened;
}

/** The reference stages of a link's scenario, batch item 0 and head 0: [Lq × Lk] arrays. */
function reference(search: string) {
  const derived = deriveInputs(decodeScenario(search).scenario);
  if (!derived.ok) throw new Error(derived.error);
  const ref = referenceAttention(derived.inputs);
  const { queryLength: Lq, keyLength: Lk } = ref.shape;
  const head0 = <T extends ArrayLike<number>>(a: T) => Array.from(a).slice(0, Lq * Lk);
  return { Lq, Lk, scores: head0(ref.scores), masked: head0(ref.masked), weights: head0(ref.weights), mask: head0(ref.mask), rowStatus: Array.from(ref.rowStatus).slice(0, Lq) };
}

/** The numbers written in a heatmap's cells, row-major, as the page shows them. */
function cellTexts(page: Page, testId: string): Promise<string[]> {
  return page.locator(`[data-testid="${testId}"] g.ms-values text`).allTextContents();
}

/** A cell text read back as a number, and how far it may be from the value it rounds (half its last digit). */
function parseCell(text: string): { value: number; tolerance: number } {
  const plain = text.replace('\u2212', '-');
  if (plain === '-∞') return { value: -Infinity, tolerance: 0 };
  const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  return { value: Number(plain), tolerance: 0.5 * 10 ** -decimals + 1e-6 };
}

describe('presentation mode', () => {
  const sizes = [[1280, 720], [1366, 768], [1920, 1080], [1024, 768]] as const;
  for (const [width, height] of sizes) {
    it(`present=1&step=weights at ${width}×${height}: the weights heatmap is whole on screen, at least half its height, labels ≥ 20 px, no control of the sidebar, no scrolling`, async () => {
      const { page, errors } = await present('/?v=1&present=1&step=weights', width, height);
      const box = (await page.getByTestId('heatmap-weights').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      const matrix = (await page.getByTestId('heatmap-weights').locator('canvas').boundingBox())!;
      expect(matrix.height).toBeGreaterThanOrEqual(Math.max(360, height / 2) - (width === 1024 ? 40 : 0));
      expect(box.height).toBeGreaterThanOrEqual(height / 2);
      expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight && document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await page.locator('aside.controls').count()).toBe(0);
      expect(await page.getByTestId('status').count()).toBe(0);
      expect(await page.getByLabel('Causal mask').count()).toBe(0);
      const fontSizes = await page.getByTestId('heatmap-weights').locator('svg').first().evaluate((svg) => [...svg.querySelectorAll('text')].filter((t) => t.textContent?.match(/^(The|dog|barked)$/)).map((t) => parseFloat(getComputedStyle(t).fontSize)));
      expect(fontSizes.length).toBeGreaterThan(0);
      expect(Math.min(...fontSizes)).toBeGreaterThanOrEqual(20);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('present=1&step=scores&lq=6: a KaTeX formula and the 36 raw scores as text, each within rounding of the float64 reference', async () => {
    const search = '?v=1&present=1&step=scores&lq=6';
    const { page, errors } = await present(`/${search}`, 1280, 720);
    await page.locator('[data-testid="step-formula"].formula-tex .katex').waitFor();
    expect(await page.locator('[data-testid="step-formula"] .katex-mathml math').count()).toBe(1); // read by screen readers
    const texts = await cellTexts(page, 'heatmap-scores');
    const ref = reference(search);
    expect(texts).toHaveLength(36);
    expect(ref.Lq * ref.Lk).toBe(36);
    texts.forEach((text, i) => {
      const { value, tolerance } = parseCell(text);
      expect(Math.abs(value - ref.scores[i]!), `cell ${i}: ${text} vs ${ref.scores[i]}`).toBeLessThanOrEqual(tolerance);
    });
    // selectable DOM text, in a colour that contrasts with its cell: black or white
    const fills = await page.locator('[data-testid="heatmap-scores"] g.ms-values text').evaluateAll((ts) => [...new Set(ts.map((t) => getComputedStyle(t).fill))]);
    expect(fills.every((f) => f === 'rgb(0, 0, 0)' || f === 'rgb(255, 255, 255)')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the steps by keyboard: → moves on (no logits step without a modifier), ← back, Esc leaves presentation mode and shows the controls again', async () => {
    const { page, errors } = await present('/?v=1&present=1&step=scaled&causal=1', 1280, 720);
    const step = () => page.getByTestId('present-view').getAttribute('data-step');
    // the legend labels the range of the scaled scores (a lone "0" would not), then the mask's swatches alone
    const legendTicks = () => page.locator('.present-side .legend .ms-legend-axis .tick text').allTextContents();
    await page.locator('.present-side .legend .ms-legend-axis .tick').first().waitFor();
    expect((await legendTicks()).length).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.present-side .legend .ms-legend-title').textContent()).toBe('Scaled');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') === 'mask');
    expect(await linkUrl(page)).toContain('step=mask');
    await page.locator('.present-side .mask-legend').waitFor();
    expect(await page.locator('.present-side .legend svg').count()).toBe(0); // no colour bar left from the step before
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') === 'masked');
    await page.waitForFunction(() => document.querySelector('.present-side .legend .ms-legend-title')?.textContent === 'Masked scores');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') === 'mask');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') === 'scaled');
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') === 'mask');
    expect(await step()).toBe('mask');
    await page.keyboard.press('Escape');
    await page.getByLabel('Causal mask').waitFor();
    expect(await linkUrl(page)).not.toContain('present=');
    await page.getByTestId('present-enter').click();
    await page.getByTestId('present-view').waitFor();
    expect(await step()).toBe('mask'); // the step is kept
    expect(errors).toEqual([]);
    await page.close();
  });

  it('entered with the Present button, focus is on the current step, and follows it through ← / →: the focus ring never marks another step', async () => {
    const { page, errors } = await present('/?v=1&step=tokens&causal=1', 1280, 720, '[data-testid="present-enter"]');
    await page.getByTestId('present-enter').click();
    await page.getByTestId('present-view').waitFor();
    const focusedStep = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.step ?? null);
    expect(await focusedStep()).toBe('tokens');
    for (const [key, next] of [['ArrowRight', 'qkv'], ['ArrowRight', 'scores'], ['ArrowLeft', 'qkv']] as const) {
      await page.keyboard.press(key);
      await page.waitForFunction((s) => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') === s, next);
      await page.waitForFunction((s) => (document.activeElement as HTMLElement | null)?.dataset.step === s, next);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('step');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('step=masked with causal on: the blocked cells are outlined as changed, and say −∞; the weights say 0 there and each row’s sum beside it', async () => {
    const search = '?v=1&present=1&step=masked&causal=1';
    const { page, errors } = await present(`/${search}`, 1280, 720);
    const ref = reference(search);
    const blocked = ref.mask.filter((m) => m === 0).length;
    expect(await page.getByTestId('heatmap-masked').locator('[data-outlined]').getAttribute('data-outlined')).toBe(String(blocked));
    const masked = await cellTexts(page, 'heatmap-masked');
    masked.forEach((text, i) => expect([i, text === '−∞']).toEqual([i, ref.mask[i] === 0]));
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('heatmap-weights').locator('g.ms-values text').first().waitFor();
    const weights = await cellTexts(page, 'heatmap-weights');
    weights.forEach((text, i) => ref.mask[i] === 0 && expect([i, text]).toEqual([i, '0']));
    const sums = await page.getByTestId('heatmap-weights').locator('g.ms-row-notes text[data-row]').allTextContents();
    expect(sums).toEqual(Array.from({ length: ref.Lq }, () => '1.00'));
    expect(await page.getByTestId('step-explainer').textContent()).toContain('sum to 1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('left padding + causal: the fully masked rows are explained at the masked step, and their weights sum to 0', async () => {
    const search = '?v=1&present=1&step=masked&causal=1&pad=left';
    const { page, errors } = await present(`/${search}`, 1280, 720);
    const ref = reference(search);
    expect(ref.rowStatus.map((s) => s & 1)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(await page.getByTestId('step-explainer').textContent()).toContain('Rows 0, 1, 2 have no allowed key');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('heatmap-weights').locator('g.ms-row-notes text[data-row]').first().waitFor();
    expect(await page.getByTestId('heatmap-weights').locator('g.ms-row-notes text[data-row]').allTextContents()).toEqual(['0', '0', '0', '1.00', '1.00', '1.00']);
    expect(await page.getByTestId('step-explainer').textContent()).toContain('never NaN');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a cell hovered, or reached with the arrow keys, then the step changed by keyboard: the read-out of that cell goes with its heatmap', async () => {
    const { page, errors } = await present('/#v=2&causal=1&present=1&step=weights', 1280, 720);
    const readout = page.locator('.present-side .readout');
    const box = await page.locator('[data-testid="heatmap-weights"] canvas').boundingBox();
    if (box === null) throw new Error('no weights canvas');
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.4);
    await readout.waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('.present-view[data-step="masked"] [data-testid="heatmap-masked"] canvas');
    await page.mouse.move(5, 700); // off every heatmap: nothing is hovered now
    await readout.waitFor({ state: 'detached' });
    // the keyboard's cursor: the weights heatmap focused (its first cell read out), then → to the output
    await page.keyboard.press('ArrowRight');
    // drawn (its canvas made, its keyboard input attached in the same call) before it is focused
    await page.waitForSelector('.present-view[data-step="weights"] [data-testid="heatmap-weights"] canvas');
    await page.locator('[data-testid="heatmap-weights"]').focus();
    await readout.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('.present-view[data-step="output"]');
    await readout.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after a click on a cell (its row inspected), → still moves the step and Esc first closes the inspector, then leaves', async () => {
    const { page, errors } = await present('/?v=1&present=1&step=weights&causal=1', 1280, 720);
    const box = (await page.getByTestId('heatmap-weights').locator('canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.45); // row 2
    await page.getByTestId('row-inspector').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') === 'output');
    await page.keyboard.press('Escape');
    await page.getByTestId('row-inspector').waitFor({ state: 'detached' });
    expect(await page.getByTestId('present-view').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('present-enter').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('present-enter'); // focus returns to the button
    expect(errors).toEqual([]);
    await page.close();
  });

  it('row=2 in a link, nothing focused: ↓ / ↑ change the inspected row, as its hint says, also after → (the first and last rows stay)', async () => {
    const { page, errors } = await present('/#v=2&present=1&step=scores&causal=1&row=2', 1280, 720);
    const inspector = page.getByTestId('row-inspector');
    await inspector.waitFor();
    const rowIs = (row: number) => page.waitForFunction((r) => document.querySelector('[data-testid="row-inspector"]')?.getAttribute('data-row') === String(r), row);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') !== 'scores');
    await page.keyboard.press('ArrowDown');
    await rowIs(3);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    await rowIs(0);
    await page.keyboard.press('ArrowUp'); // past the first row: stays
    await page.keyboard.press('ArrowDown');
    await rowIs(1);
    expect(new URL(await linkUrl(page)).hash).toContain('row=1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after a head is picked in the top bar, → moves to the next step (not to the next head), ↑ / ↓ still pick the head', async () => {
    const { page, errors } = await present('/?v=1&present=1&step=weights&causal=1&heads=4', 1280, 720);
    const head = page.getByTestId('view-picker').getByLabel('Head');
    await head.selectOption('1');
    await page.waitForFunction(() => /[#&?]vh=1\b/.test(window.location.href));
    await head.focus(); // as after a choice made with the mouse
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') === 'output');
    expect(await head.inputValue()).toBe('1');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => /[#&?]vh=2\b/.test(window.location.href));
    expect(await page.getByTestId('present-view').getAttribute('data-step')).toBe('output');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a 1024 × 768 tablet the wrapped step list ends a line with an arrow, never starts one with it: each → beside the step before it', async () => {
    const { page, errors } = await present('/?v=1&step=weights', 1024, 768, '[data-testid="step-nav"]');
    const rows = await page.getByTestId('step-nav').locator('.step-arrow').evaluateAll((arrows) => arrows.map((a) => {
      const before = a.previousElementSibling;
      return before instanceof HTMLElement && before.classList.contains('step-button') ? Math.abs(before.getBoundingClientRect().top - a.getBoundingClientRect().top) < 20 : false;
    }));
    expect(rows).toEqual(Array.from({ length: 7 }, () => true)); // 8 steps, 7 arrows
    const tops = await page.getByTestId('step-nav').locator('.step-button').evaluateAll((b) => b.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBeGreaterThan(1); // the list does wrap at this width
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the legend holds its whole title: "Weight ÷ row maximum" at 20 px is not cut at the bar’s width', async () => {
    const { page, errors } = await present('/?v=1&present=1&step=weights&causal=1&wscale=row', 1280, 720);
    const title = page.locator('.present-side .legend .ms-legend-title');
    await title.waitFor();
    expect(await title.textContent()).toBe('Weight ÷ row maximum');
    const [text, svg] = await title.evaluate((t) => [t.getBoundingClientRect().right, t.closest('svg')!.getBoundingClientRect().right]);
    expect(text).toBeLessThanOrEqual(svg!);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('21 words on a 1280 × 720 projector: every query and key is labelled with its word (no index ticks), and the heatmap fills the height', async () => {
    const words = 'The quick brown fox jumps over the lazy dog while the teacher explains attention masks to a classroom of students today'.split(' ');
    const { page, errors } = await present(`/#v=2&q=${words.join('+')}&present=1&step=weights&causal=1`, 1280, 720);
    const heatmap = page.getByTestId('heatmap-weights');
    const texts = await heatmap.locator('svg text').allTextContents();
    for (const word of new Set(words)) expect(texts.filter((t) => t === word).length).toBe(2 * words.filter((w) => w === word).length);
    expect(texts.filter((t) => /^\d+$/.test(t))).toEqual([]);
    const [shown, room] = await heatmap.evaluate((h) => [h.getBoundingClientRect().height, h.closest('.present-stage')!.getBoundingClientRect().height]);
    expect(shown).toBeGreaterThan(room! - 60);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the read-out of a cell pointed at in presentation mode is whole on a 1280 × 720 projector, over the end of the explanation', async () => {
    const { page, errors } = await present('/?v=1&present=1&step=weights', 1280, 720);
    const canvas = page.locator('.present-view canvas').first();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.8);
    const readout = page.locator('.present-side [data-testid="readout"]');
    await readout.waitFor();
    await expect.poll(() => readout.textContent()).toContain('Blocked');
    const [top, bottom, sideTop, sideBottom] = await readout.evaluate((r) => {
      const side = r.closest('.present-side')!.getBoundingClientRect();
      const own = r.getBoundingClientRect();
      return [own.top, own.bottom, side.top, side.bottom];
    });
    expect(bottom).toBeLessThanOrEqual(Math.min(sideBottom!, 720) + 0.5);
    expect(top).toBeGreaterThanOrEqual(sideTop!);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link with a mistake says so in presentation mode too (step=weight is not a step)', async () => {
    const { page, errors } = await present('/?v=1&present=1&step=weight', 1280, 720, '[data-testid="present-view"]');
    expect(await page.getByTestId('url-warnings').textContent()).toContain('step=weight is not valid');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cross-attention with 2 query lines and 1 key line, presented: the note that a batch item is left out shows here too', async () => {
    const { page, errors } = await present('/#v=2&attn=cross&q=Where+is+the+station%0AHi&k=Wo+ist+der+Bahnhof&heads=1&present=1&step=weights', 1280, 720, '[data-testid="present-view"]');
    await expect.poll(() => page.getByTestId('input-notes').locator('li').allTextContents()).toEqual([
      'The query side has more lines than the other: only the first line of each side is used. Give both sides one line per batch item.',
    ]);
    expect(await page.getByTestId('input-notes').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the encoder–decoder view presented: → shows the three weights (step=weights), ← the three masks, and the toggle does the same', async () => {
    const { page, errors } = await present('/?v=1&present=1&attn=encdec&causal=1', 1280, 720, '[data-testid="encdec-cross-mask"] canvas');
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="encdec-cross-weights"] canvas').waitFor();
    expect(await linkUrl(page)).toContain('step=weights');
    expect(await page.locator('[data-testid="encdec-cross-mask"]').count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await page.locator('[data-testid="encdec-cross-mask"] canvas').waitFor();
    await page.getByTestId('encdec-stage-toggle').getByRole('button', { name: 'Weights' }).click();
    await page.waitForFunction(() => window.location.hash.includes('step=weights'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('GPT-style (key padding off) with a left-padded line: the mask step says how many real queries may attend a <pad> key; right padding + causal: none may', async () => {
    const left = await present('/?v=1&q=The+cat+sat+on+the+mat%0AA+dog+barked&causal=1&kpad=0&qpad=0&pad=left&vb=1&present=1&step=mask', 1280, 720);
    // "A", "dog" and "barked" each allow the three <pad> keys before them (causal, key padding off)
    expect(await left.page.getByTestId('step-explainer').textContent()).toContain('Key padding is off: 3 real queries may attend a <pad> key here');
    await left.page.close();
    const right = await present('/?v=1&q=The+cat+sat+on+the+mat%0AA+dog+barked&causal=1&kpad=0&qpad=0&vb=1&present=1&step=mask', 1280, 720);
    expect(await right.page.getByTestId('step-explainer').textContent()).not.toContain('Key padding is off');
    await right.page.close();
    const zh = await present('/?v=1&q=The+cat+sat+on+the+mat%0AA+dog+barked&causal=1&kpad=0&pad=left&vb=1&present=1&step=mask&lang=zh', 1280, 720);
    expect(await zh.page.getByTestId('step-explainer').textContent()).toContain('键填充掩码已关闭：这里有 3 个真实查询可以关注 <pad> 键');
    await zh.page.close();
  });

  it('in Chinese: the step, its explanation and the exit button are Chinese', async () => {
    const { page, errors } = await present('/?v=1&present=1&step=weights&lang=zh', 1280, 720);
    expect(await page.getByTestId('step-explainer').textContent()).toContain('权重');
    expect(await page.getByTestId('step-explainer').textContent()).toContain('和为 1');
    expect(await page.getByTestId('present-exit').textContent()).toBe('退出（Esc）');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the language is switched in the bar without leaving presentation mode, and the link keeps it; hide=lang removes the select there too', async () => {
    const { page, errors } = await present('/?v=1&present=1&step=weights', 1280, 720);
    const select = page.getByRole('combobox', { name: 'Language' });
    expect(await select.inputValue()).toBe('en');
    await select.selectOption('zh');
    await page.waitForFunction(() => document.querySelector('[data-testid="present-exit"]')?.textContent === '退出（Esc）');
    expect(await page.getByTestId('present-view').getAttribute('data-step')).toBe('weights');
    expect(await page.getByTestId('step-explainer').textContent()).toContain('和为 1');
    expect(await page.getByRole('combobox', { name: '语言' }).inputValue()).toBe('zh');
    const link = await linkUrl(page);
    expect(link).toContain('lang=zh');
    expect(link).toContain('present=1');
    expect(errors).toEqual([]);
    await page.close();
    const hidden = await present('/?v=1&present=1&step=weights&hide=lang', 1280, 720);
    expect(await hidden.page.getByTestId('present-language').count()).toBe(0);
    await hidden.page.close();
  });
});

describe('the pipeline outside presentation mode', () => {
  it('on a 1024 × 768 tablet (中文) the Q, K, V card fits the strip and the next arrow and card show beside it: more stages follow; the eight steps stay on one line', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&lang=zh');
    await page.setViewportSize({ width: 1024, height: 768 });
    await waitForResult(page);
    const box = (selector: string) => page.locator(selector).first().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="stage-strip"]')!.getBoundingClientRect().width < 720);
    const strip = await box('[data-testid="stage-strip"]');
    const qkv = await box('[data-stage="qkv"]');
    const arrow = await box('[data-testid="stage-strip"] .stage-arrow');
    const scores = await box('[data-stage="scores"]');
    expect(qkv.right).toBeLessThanOrEqual(strip.right);
    expect(arrow.right).toBeLessThanOrEqual(strip.right);
    expect(scores.left).toBeLessThan(strip.right - 8); // an edge of the next card, not only the arrow
    // the eight steps above it (Chinese labels) stay on one line, "输出" not wrapped alone
    const rows = await page.locator('[data-testid="step-nav"] .step-button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r.top).toBeLessThan(rows[0]!.bottom); // each overlaps the first vertically: one line
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the Q, K and V heatmaps name their rows for screen readers: queries for Q, keys for K and V, in English and Chinese', async () => {
    const labels = async (lang: string) => {
      const { page, errors } = await openPage(harness, `/#v=2&step=qkv&lang=${lang}`);
      await page.waitForSelector('[data-testid="heatmap-v"] canvas', { timeout: 60_000 });
      const seen = await Promise.all(['q', 'k', 'v'].map((id) => page.getByTestId(`heatmap-${id}`).getAttribute('aria-label')));
      expect(errors).toEqual([]);
      await page.close();
      return seen;
    };
    const [q, k, v] = await labels('en');
    expect([q, k, v].map((l) => /: \d+ (queries|keys) ×/.exec(l ?? '')?.[1])).toEqual(['queries', 'keys', 'keys']);
    const zh = await labels('zh');
    expect(zh.map((l) => /(\d+ 个(查询|键)) ×/.exec(l ?? '')?.[2])).toEqual(['查询', '键', '键']);
  });

  it('the stages read left to right in pipeline order, with an arrow before each but the first', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&alibi=1');
    await waitForResult(page);
    const cards = await page.locator('[data-testid="stage-strip"] > .stage-step').evaluateAll((steps) => steps.map((s) => ({
      stage: s.querySelector('figure')?.getAttribute('data-stage'),
      left: s.getBoundingClientRect().left,
      top: s.getBoundingClientRect().top,
      arrow: s.querySelector('.stage-arrow')?.textContent ?? null,
    })));
    expect(cards.map((c) => c.stage)).toEqual(['qkv', 'scores', 'scaled', 'logits', 'mask', 'masked', 'weights', 'output']);
    expect(cards.every((c, i) => i === 0 || (c.left > cards[i - 1]!.left && c.top === cards[0]!.top))).toBe(true);
    expect(cards.map((c) => c.arrow)).toEqual([null, '→', '→', '→', '→', '→', '→', '→']);
    expect(await page.locator('[data-testid="heatmap-q"] canvas').count()).toBe(1); // Q, K, V and the raw scores have heatmaps
    expect(await page.locator('[data-testid="heatmap-scores"] canvas').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('choosing a step explains it (formula and text) and marks its card; the step is in the URL', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&causal=1');
    await waitForResult(page);
    await page.getByTestId('step-nav').getByRole('button', { name: 'Masked', exact: true }).click();
    await page.waitForFunction(() => window.location.hash.includes('step=masked'));
    expect(await page.getByTestId('step-explainer').getAttribute('data-step')).toBe('masked');
    expect(await page.locator('[data-stage="masked"]').getAttribute('aria-current')).toBe('step');
    await page.locator('[data-testid="step-formula"].formula-tex .katex').waitFor();
    expect(Number(await page.getByTestId('heatmap-masked').locator('[data-outlined]').getAttribute('data-outlined'))).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the row inspector', () => {
  it('clicking a cell selects its query row: the inspector shows that row’s weights and masked logits with its sum, and the row is outlined in every stage', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&causal=1&step=weights');
    await waitForResult(page);
    const weights = page.getByTestId('heatmap-weights');
    await weights.scrollIntoViewIfNeeded();
    const box = (await weights.locator('canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * (1.5 / 6), box.y + box.height * (2.5 / 6)); // row 2 "barked", key 1
    await page.getByTestId('row-inspector').waitFor();
    expect(await page.getByTestId('row-inspector').getAttribute('data-row')).toBe('2');
    await page.waitForFunction(() => window.location.hash.includes('row=2'));
    expect(await page.getByTestId('row-sum').textContent()).toContain('1.0000');
    const selected = await page.locator('[data-testid="stage-strip"] [data-selected-row]').evaluateAll((els) => els.map((el) => el.getAttribute('data-selected-row')));
    expect(selected.length).toBeGreaterThanOrEqual(6); // scores, scaled, mask, masked, weights, output
    expect(new Set(selected)).toEqual(new Set(['2']));
    // the same cell again closes it
    await page.mouse.click(box.x + box.width * (1.5 / 6), box.y + box.height * (2.5 / 6));
    await page.getByTestId('row-inspector').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('row=999 in a link (6 query rows): says there is no such row, names the rows, and Close drops it from the link; the same in presentation mode, in Chinese', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&causal=1&row=999');
    await waitForResult(page);
    const note = page.getByTestId('row-beyond');
    expect(await note.textContent()).toBe('There is no query row 999: the rows are 0–5. Click a cell to inspect its row. Close');
    expect(await page.getByTestId('row-inspector').count()).toBe(0);
    await note.getByRole('button', { name: 'Close' }).click();
    await note.waitFor({ state: 'detached' });
    expect(await linkUrl(page)).not.toContain('row=');
    expect(errors).toEqual([]);
    await page.close();
    const { page: zh, errors: zhErrors } = await present('/#v=2&causal=1&row=6&present=1&step=weights&lang=zh', 1280, 720);
    await zh.getByTestId('row-beyond').waitFor();
    expect(await zh.getByTestId('row-beyond').textContent()).toContain('没有查询行 6：行号为 0–5。');
    expect(zhErrors).toEqual([]);
    await zh.close();
  });

  it('on a 1024 × 768 tablet in Chinese, a cell clicked in presentation mode brings the row inspector into view in the side column; the page itself does not move', async () => {
    const { page, errors } = await present('/?v=1&present=1&step=weights&causal=1&pad=left&lang=zh', 1024, 768);
    const heatmap = page.getByTestId('heatmap-weights').locator('canvas');
    const box = (await heatmap.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.45);
    await page.getByTestId('row-inspector').waitFor();
    // taller than the side column (its charts and table): scrolled to its top, not left under the explanation
    await page.waitForFunction(() => {
      const side = document.querySelector('.present-side')!.getBoundingClientRect();
      const inspector = document.querySelector('[data-testid="row-inspector"]')!.getBoundingClientRect();
      return inspector.height > side.height && Math.abs(inspector.top - side.top) <= 1;
    });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await heatmap.boundingBox()).toEqual(box);
    // its labels (行和, 允许的键, 最大权重) each on one line, however long the value beside them
    const lines = await page.locator('.ri-stats dt').evaluateAll((dts) => dts.map((dt) => dt.getClientRects().length === 1 && dt.getBoundingClientRect().height < 1.6 * parseFloat(getComputedStyle(dt).fontSize)));
    expect(lines).toEqual([true, true, true]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Enter on a focused heatmap selects the row of its active cell, Esc twice there clears the cell then closes the inspector; row=0 in a link opens the inspector in presentation mode', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&causal=1');
    await waitForResult(page);
    await page.getByTestId('heatmap-masked').focus(); // selects (0, 0)
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('row-inspector').waitFor();
    expect(await page.getByTestId('row-inspector').getAttribute('data-row')).toBe('1');
    // "Esc closes", from the heatmap too: the first Esc clears its cell, the next one closes the inspector
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('[data-testid="readout"]')?.textContent?.startsWith('Hover or tap a cell'));
    expect(await page.getByTestId('row-inspector').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('row-inspector').waitFor({ state: 'detached' });
    expect(await linkUrl(page)).not.toContain('row=');
    await page.close();
    const { page: shown } = await present('/?v=1&present=1&step=weights&row=0&causal=1', 1280, 720);
    await shown.getByTestId('row-inspector').waitFor();
    expect(await shown.getByTestId('row-sum').textContent()).toContain('1.0000');
    expect(await shown.getByTestId('heatmap-weights').locator('[data-selected-row]').getAttribute('data-selected-row')).toBe('0');
    expect(errors).toEqual([]);
    await shown.close();
  });
});

describe('links that land where the lesson is', () => {
  it('focus=weights scrolls the weights heatmap into view on load', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&focus=weights');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForSelector('[data-stage="weights"][data-landed]');
    // landed, and kept there while the page settles (a formula typeset above moves it)
    await page.waitForFunction(() => {
      const top = document.querySelector('[data-stage="weights"]')!.getBoundingClientRect().top;
      return top >= 0 && top < 100;
    });
    const box = (await page.locator('[data-stage="weights"]').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(720);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + 100).toBeLessThan(1280);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('open=frameworks opens that panel and folds the others; a folded panel opens with one click and the URL follows', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&open=frameworks');
    await waitForResult(page);
    await page.locator('[data-testid="frameworks"] .frameworks-body').waitFor();
    expect(await page.getByLabel('Causal mask').isVisible()).toBe(false);
    await page.locator('[data-panel="masks"]').getByRole('button', { name: 'Masks' }).click();
    await page.getByLabel('Causal mask').waitFor({ state: 'visible' });
    await page.waitForFunction(() => new URLSearchParams(window.location.hash.slice(1)).get('open') === 'masks,frameworks');
    expect(await page.locator('[data-panel="masks"] .fold-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('focus=fully-masked alone opens the frameworks panel it lies in; shutting the panel drops the landing from the link', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&pad=left&causal=1&focus=fully-masked');
    await page.waitForSelector('[data-testid="masked-row-table"][data-landed]');
    await page.locator('[data-testid="frameworks"] summary').click();
    await page.waitForFunction(() => !window.location.hash.includes('focus='));
    expect(await page.locator('[data-testid="frameworks"]').getAttribute('open')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the “fully masked rows” preset opens the frameworks panel on its fully-masked-row outcomes', async () => {
    const { page, errors } = await openPage(harness, '/?v=1');
    await page.setViewportSize({ width: 1280, height: 720 });
    await waitForResult(page);
    await page.getByLabel('Start from a preset').selectOption('fully-masked');
    await page.waitForSelector('[data-testid="masked-row-table"][data-landed]');
    const box = (await page.getByTestId('masked-row-table').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(720);
    expect(await page.getByTestId('masked-row-table').textContent()).toContain('NaN');
    expect(await page.getByTestId('status-fully-masked').textContent()).toContain('3 of 6 rows here are fully masked');
    expect(errors).toEqual([]);
    await page.close();
  });
});
