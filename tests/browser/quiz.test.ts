/**
 * Predict, then reveal (`quiz=1`, issue #12 §2) in real Chromium: before Reveal nothing that
 * tells the answer is in the page; painting by mouse, keyboard and touch gives the expected
 * cells; Reveal scores them (counts in words, ✓ / ✗ on the right cells, wrong cells outlined) and
 * shows the real mask and its why-tree; Try again starts over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** Waits until the quiz's answer grid is drawn for the current settings (the page is not computing). */
async function waitForQuiz(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="quiz-answer"] canvas', { timeout: 60_000 });
  await page.waitForFunction(() => {
    const result = document.querySelector('[data-testid="result"]');
    const status = document.querySelector('[data-testid="status-time"]')?.textContent ?? '';
    // presentation mode has no status line: the result's own flag is enough there
    return result ? result.getAttribute('data-stale') === 'false' && /\d ms/.test(status) : document.querySelector('[data-testid="present-view"] [data-testid="quiz"]') !== null;
  }, null, { timeout: 60_000 });
}

/** The centre of cell (row, col) of the answer grid, in page coordinates (rows × cols matrix). */
async function cellCentre(page: Page, rows: number, cols: number, row: number, col: number): Promise<[number, number]> {
  const box = (await page.locator('[data-testid="quiz-answer"] canvas').boundingBox())!;
  return [box.x + ((col + 0.5) * box.width) / cols, box.y + ((row + 0.5) * box.height) / rows];
}

/** For each stroke of the answer grid's highlight outline: whether any of it lies inside cell (row, col). */
async function strokesInside(page: Page, rows: number, cols: number, row: number, col: number): Promise<boolean[]> {
  const box = (await page.locator('[data-testid="quiz-answer"] canvas').boundingBox())!;
  const cell = { left: box.x + (col * box.width) / cols, top: box.y + (row * box.height) / rows, w: box.width / cols, h: box.height / rows };
  return page.locator('[data-testid="quiz-answer"] g.ms-outline rect').evaluateAll((rects, c) => rects.map((el) => {
    const r = el.getBoundingClientRect();
    const half = Number(el.getAttribute('stroke-width')) / 2;
    const eps = 0.01;
    return r.left + half > c.left + eps || r.top + half > c.top + eps || r.right - half < c.left + c.w - eps || r.bottom - half < c.top + c.h - eps;
  }), cell);
}

/** The painted-allowed cells, "q.k" sorted, as the page keeps them. */
const painted = (page: Page) => page.getByTestId('quiz-board').getAttribute('data-painted');

/** The texts in the answer grid's cells, row-major (✓, ✗, or '' where not scored). */
const marks = (page: Page) => page.locator('[data-testid="quiz-answer"] g.ms-values text').allTextContents();

/** Everything that would tell the answer before Reveal. */
const ANSWER_TEST_IDS = ['heatmap-mask', 'heatmap-masked', 'heatmap-weights', 'heatmap-output', 'quiz-mask', 'why-tree', 'quiz-why', 'quiz-score', 'readout-blocked'];

async function answerElements(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const id of ANSWER_TEST_IDS) counts[id] = await page.getByTestId(id).count();
  return counts;
}

const none = Object.fromEntries(ANSWER_TEST_IDS.map((id) => [id, 0]));

describe('quiz=1', () => {
  it('causal 4×4 by mouse: the answer is hidden, drags paint rows, Reveal scores 14 of 16 with ✗ on (0,1) and (3,3), then the mask and its why-tree; Try again starts over', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&quiz=1&mode=lengths&lq=4&causal=1');
    await waitForQuiz(page);
    // a score cell selected (focus from a script selects (0, 0)): the read-out reads no cell while the quiz is open
    await page.getByTestId('heatmap-scores').focus();
    await page.waitForFunction(() => document.querySelector('[data-testid="heatmap-scores"] .ms-heatmap')?.getAttribute('data-highlight') === '0,0');
    expect(await answerElements(page)).toEqual(none);
    for (const step of ['mask', 'masked', 'weights', 'output']) expect(await page.getByTestId(`quiz-cover-${step}`).isVisible()).toBe(true);
    expect(await page.getByTestId('heatmap-scores').count()).toBe(1); // scores may show
    expect(await page.getByRole('button', { name: 'Export JSON' }).count()).toBe(0);

    // a drag along each row paints what the press made (allowed) onto every cell it passes:
    // the lower triangle, with (0,1) too and without (3,3)
    for (const [row, from, to] of [[0, 0, 1], [1, 0, 1], [2, 0, 2], [3, 0, 2]] as const) {
      await page.mouse.move(...(await cellCentre(page, 4, 4, row, from)));
      await page.mouse.down();
      await page.mouse.move(...(await cellCentre(page, 4, 4, row, to)), { steps: 4 });
      await page.mouse.up();
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-board"]')?.getAttribute('data-painted')?.endsWith('3.2'));
    expect(await painted(page)).toBe('0.0,0.1,1.0,1.1,2.0,2.1,2.2,3.0,3.1,3.2');
    expect(await page.getByTestId('quiz-count').textContent()).toBe('10 cells painted allowed');
    // a press on a painted cell unpaints it, and a drag from there erases
    await page.mouse.click(...(await cellCentre(page, 4, 4, 2, 2)));
    await page.waitForFunction(() => !document.querySelector('[data-testid="quiz-board"]')?.getAttribute('data-painted')?.includes('2.2'));
    await page.mouse.click(...(await cellCentre(page, 4, 4, 2, 2)));
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-board"]')?.getAttribute('data-painted')?.includes('2.2'));
    expect(await answerElements(page)).toEqual(none);

    await page.getByTestId('quiz-reveal').click();
    await page.waitForSelector('[data-testid="quiz-mask"] canvas');
    expect(await page.getByTestId('quiz-score').textContent()).toBe('14 of 16 cells right; 1 you painted allowed is blocked by the mask, 1 you left blocked is allowed by the mask');
    expect(await marks(page)).toEqual([
      '✓', '✗', '✓', '✓',
      '✓', '✓', '✓', '✓',
      '✓', '✓', '✓', '✓',
      '✓', '✓', '✓', '✗',
    ]);
    expect(await page.locator('[data-testid="quiz-answer"] .ms-heatmap').getAttribute('data-outlined')).toBe('2');
    // the real mask: in the quiz and back in the pipeline, with its numbers
    expect(await page.locator('[data-testid="quiz-mask"] g.ms-values text').allTextContents()).toEqual('1000110011101111'.split(''));
    expect(await page.getByTestId('heatmap-mask').count()).toBe(1);
    expect(await page.getByTestId('readout-blocked').textContent()).toBe('allowed'); // the score cell (0, 0) selected before
    expect(await page.getByTestId('quiz-cover-mask').count()).toBe(0);
    // the why-tree of the first wrong cell: causal blocks (0, 1)
    const why = page.getByTestId('quiz-why');
    expect(await why.getAttribute('data-cell')).toBe('0,1');
    expect(await why.textContent()).toContain('Why query 0 may not attend key 1');
    expect(await why.getByTestId('why-tree').textContent()).toContain('k <= q');
    // the why-cell's outline lies outside the cell, so its yellow "wrong" frame and ✗ stay whole
    expect(await strokesInside(page, 4, 4, 0, 1)).toEqual([false, false]);

    await page.getByTestId('quiz-try-again').click();
    await page.waitForSelector('[data-testid="quiz-reveal"]');
    expect(await painted(page)).toBe('');
    expect(await answerElements(page)).toEqual(none);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('present=1&step=mask, cross-attention 3×5 causal bottom-right by keyboard: arrows move (not the step), Space toggles, Shift + arrows extend, the cell and answer are said; a top-left answer scores 9 of 15, 6 left blocked that the mask allows', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&quiz=1&present=1&step=mask&mode=lengths&attn=cross&lq=3&lk=5&causal=1&align=br');
    await page.setViewportSize({ width: 1280, height: 720 });
    await waitForQuiz(page);
    expect(await answerElements(page)).toEqual(none);
    // presentation mode hides the controls: the quiz names the mask it asks about
    expect(await page.getByTestId('quiz-masks').textContent()).toBe('The mask: causal (bottom-right).');
    await page.getByTestId('quiz-answer').focus(); // focus from a script: the cursor starts at (0, 0)
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-answer"] .ms-heatmap')?.getAttribute('data-highlight') === '0,0');
    const keys = ['Space', 'ArrowDown', 'Space', 'Shift+ArrowRight', 'ArrowDown', 'Space', 'Shift+ArrowLeft', 'ArrowRight', 'Shift+ArrowRight'];
    for (const key of keys) await page.keyboard.press(key);
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-board"]')?.getAttribute('data-painted')?.includes('2.2'));
    expect(await painted(page)).toBe('0.0,1.0,1.1,2.0,2.1,2.2');
    // a screen reader hears the cursor's cell and the answer there, after moves and flips
    const said = page.getByTestId('quiz-answer-cell');
    await expect.poll(() => said.textContent()).toBe('Query q2 (q = 2), key k2 (k = 2): you painted allowed');
    expect(await said.getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => said.textContent()).toBe('Query q2 (q = 2), key k3 (k = 3): you left blocked');
    expect(await page.getByTestId('present-view').getAttribute('data-step')).toBe('mask');
    // the next step is covered too
    await page.keyboard.press('PageDown');
    await page.waitForSelector('[data-testid="quiz-cover-masked"]');
    expect(await answerElements(page)).toEqual(none);
    await page.keyboard.press('PageUp');
    await page.waitForSelector('[data-testid="quiz-reveal"]');
    await page.getByTestId('quiz-reveal').click();
    await page.waitForSelector('[data-testid="quiz-mask"] canvas');
    expect(await page.getByTestId('quiz-score').textContent()).toBe('9 of 15 cells right; 6 you left blocked are allowed by the mask');
    expect(await marks(page)).toEqual([
      '✓', '✗', '✗', '✓', '✓',
      '✓', '✓', '✗', '✗', '✓',
      '✓', '✓', '✓', '✗', '✗',
    ]);
    // big cells for the room (≥ 60 px), nothing to scroll
    const grid = (await page.locator('[data-testid="quiz-answer"] canvas').boundingBox())!;
    expect(grid.height / 3).toBeGreaterThanOrEqual(60);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a padded batch item by touch (中文): taps paint, a tap on a padded query row paints nothing; padded rows are not scored, the padded key is', async () => {
    const context = await harness.browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // item 1 is "A dog" + 2 pads: causal over its 2 real tokens, key padding blocks keys 2 and 3
    await page.goto(new URL('/#v=2&quiz=1&lang=zh&q=The+cat+sat+down%0AA+dog&vb=1&causal=1', harness.baseUrl).toString());
    await waitForQuiz(page);
    expect(await page.getByTestId('quiz-padded').textContent()).toContain('灰色的 2 行是填充的查询：不计分');
    expect(await page.getByTestId('quiz-masks').textContent()).toBe('掩码：因果（右下对齐） + 键填充。');
    for (const [row, col] of [[0, 0], [1, 0], [1, 1], [1, 2], [2, 0]] as const) {
      await page.touchscreen.tap(...(await cellCentre(page, 4, 4, row, col)));
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-board"]')?.getAttribute('data-painted')?.includes('1.2'));
    expect(await painted(page)).toBe('0.0,1.0,1.1,1.2');
    await page.touchscreen.tap(...(await cellCentre(page, 4, 4, 1, 1)));
    await page.waitForFunction(() => !document.querySelector('[data-testid="quiz-board"]')?.getAttribute('data-painted')?.includes('1.1'));
    await page.touchscreen.tap(...(await cellCentre(page, 4, 4, 1, 1)));
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-board"]')?.getAttribute('data-painted')?.includes('1.1'));
    expect(await answerElements(page)).toEqual(none);
    await page.getByTestId('quiz-reveal').tap();
    await page.waitForSelector('[data-testid="quiz-mask"] canvas');
    expect(await page.getByTestId('quiz-score').textContent()).toBe('8 个格子中答对 7 个；1 个你标为允许的格子被掩码屏蔽');
    expect(await marks(page)).toEqual([
      '✓', '✓', '✓', '✓',
      '✓', '✓', '✗', '✓',
      '', '', '', '',
      '', '', '', '',
    ]);
    expect(await page.getByTestId('quiz-why').getAttribute('data-cell')).toBe('1,2');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('attn=encdec in presentation mode (1024 × 768): the quiz asks about the cross-attention (key padding, never causal), and Reveal scores it there', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&attn=encdec&causal=1&quiz=1&present=1&step=mask');
    await page.setViewportSize({ width: 1024, height: 768 });
    await waitForQuiz(page);
    expect(await page.getByTestId('quiz-masks').textContent()).toBe('The mask: key padding.');
    // item 0: "The dog barked" (3 real queries) over "Le chien a aboyé" + 3 pads: nothing painted gets the 9 blocked cells right
    await page.getByTestId('quiz-reveal').click();
    await page.waitForSelector('[data-testid="quiz-score"]');
    expect(await page.getByTestId('quiz-score').textContent()).toBe('9 of 21 cells right; 12 you left blocked are allowed by the mask');
    expect(await page.getByTestId('present-view').getAttribute('data-step')).toBe('mask');
    expect(await page.getByTestId('encdec').count()).toBe(0); // the steps stay: the score is on the Mask step
    expect(errors).toEqual([]);
    await page.close();
  });
});
