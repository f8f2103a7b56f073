/**
 * The real app in real Chromium (WebGL): type a sentence, turn on the causal mask and padding,
 * hover cells, export JSON and check every exported number against the float64 reference,
 * reload the shared URL, and recover from bad input.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { referenceAttention } from '../../src/engine/reference';
import { deriveInputs } from '../../src/scenario/derive';
import type { ExportDocument } from '../../src/ui/exportJson';
import { ERROR_PAUSE_MS } from '../../src/ui/CustomMaskField';
import { HISTORY_PAUSE_MS } from '../../src/ui/useScenarioUrl';
import { expectArraysClose } from '../helpers/arrays';
import { exportJson, expectMatchesReference } from './exportCheck';
import { openPage, pauseClock, readoutPlacement, settle, startHarness, type Harness, waitForResult, linkUrl, linkUrlOnPausedClock } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** The `q` URL value of two sentences of `n` words w0 … w(n−1) each (a classroom-size batch of 2). */
function twoLongLines(n: number): string {
  const words = Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  return encodeURIComponent(`${words}\n${words}`);
}

describe('Maskscope app', () => {
  let page: Page;
  let errors: string[];
  let doc: ExportDocument;

  beforeAll(async () => {
    ({ page, errors } = await openPage(harness, '/'));
    await waitForResult(page);
  });

  it('auto: on this software WebGL renderer the plain-JS path runs, and the status line says why; the first result is computed on the page', async () => {
    const status = page.getByTestId('status-backend');
    await expect(status.getAttribute('data-path')).resolves.toBe('js');
    // said once the worker has probed the device (the first result may come before: see below): by
    // the rule for a software renderer, or — once the device is measured (calibration.test.ts) — by the measurement
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/software renderer \(SwiftShader\)|measured on this device: plain JavaScript is faster/);
    // the cold start's first result was computed on the page, without waiting for the worker to start
    await expect(page.getByTestId('status-on-page').getAttribute('data-kind')).resolves.toBe('whole');
  });

  it('typing two sentences and turning on the causal mask: weights above the diagonal are 0, rows sum to 1', async () => {
    await page.getByTestId('query-text').fill('The cat sat on the mat\nThe dog barked');
    await page.getByLabel('Causal mask').check();
    await expect(page.getByLabel('Key padding').isChecked()).resolves.toBe(true);
    await waitForResult(page);
    doc = await exportJson(page);
    expect(doc.backend).toBe('js'); // auto on SwiftShader
    expect(doc).toMatchObject({ path: 'js', precision: 'float32' });
    await expect(page.getByTestId('status-precision').getAttribute('data-precision')).resolves.toBe('float32');
    expect(doc.tokens.query[0]).toEqual(['The', 'cat', 'sat', 'on', 'the', 'mat']);
    expect(doc.tokens.query[1]).toEqual(['The', 'dog', 'barked', '<pad>', '<pad>', '<pad>']);
    for (const head of doc.weights[0]!) {
      head.forEach((row, q) => {
        row.forEach((w, k) => k > q && expect(w).toBe(0));
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      });
    }
  });

  it('a padded key’s column is blocked and has weight 0 in every row of its batch item', () => {
    for (const [h, head] of doc.weights[1]!.entries()) {
      head.forEach((row, q) => {
        for (const k of [3, 4, 5]) {
          expect(row[k]).toBe(0);
          expect(doc.mask[1]![h]![q]![k]).toBe(false);
        }
      });
    }
    expect(doc.paddedQueryRows).toEqual([{ batch: 1, query: 3 }, { batch: 1, query: 4 }, { batch: 1, query: 5 }]);
  });

  it('exported q, scores (Q·Kᵀ), scaled, logits, weights and output match the float64 reference; no NaN anywhere', () => {
    expectMatchesReference(doc);
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity|null/);
    expect(doc.format).toBe('maskscope-attention/2');
  });

  it('hovering (keyboard) a cell above the diagonal reads weight 0, blocked by the causal mask', async () => {
    await page.getByTestId('heatmap-weights').focus(); // focus selects cell (0, 0)
    await expect(page.getByTestId('readout').textContent()).resolves.toContain('k = 0');
    await page.keyboard.press('ArrowRight');
    const readout = page.getByTestId('readout');
    await expect(readout.textContent()).resolves.toContain('q = 0');
    await expect(readout.textContent()).resolves.toContain('k = 1');
    expect(await page.getByTestId('readout-weight').textContent()).toBe('0.0000');
    expect(await page.getByTestId('readout-blocked').textContent()).toContain('causal');
    const decisive = await page.getByTestId('why-tree').locator('li.blocking').allTextContents();
    expect(decisive.some((text) => text.includes('causal: k <= q + (Lk - Lq)'))).toBe(true);
  });

  it('hovering with the mouse shows the query and key tokens of the cell', async () => {
    const box = (await page.getByTestId('heatmap-weights').locator('canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * (0.5 / 6), box.y + box.height * (5.5 / 6)); // row 5 'mat', col 0 'The'
    // a pointer move is rendered in a task of its own (React's continuous-event priority)
    await page.waitForFunction(() => document.querySelector('[data-testid="readout"]')?.textContent?.includes('q = 5'));
    const text = await page.getByTestId('readout').textContent();
    expect(text).toContain('q = 5');
    expect(text).toContain('k = 0');
    expect(text).toContain('mat');
    expect(await page.getByTestId('readout-blocked').textContent()).toBe('allowed');
    expect(await page.getByTestId('readout').textContent()).not.toContain('Blocked by');
  });

  it('on short laptop screens, once the read-out’s top has scrolled away, a one-line read-out sticks to the top with the same values; never on a tall screen', async () => {
    const { page: laptop, errors: laptopErrors } = await openPage(harness, '/?causal=1');
    await laptop.setViewportSize({ width: 1366, height: 768 });
    await waitForResult(laptop);
    expect((await readoutPlacement(laptop)).away).toBe(false); // at the top the full read-out is in view …
    expect(await laptop.getByTestId('readout-line').count()).toBe(0); // … and no line
    await laptop.evaluate(() => window.scrollTo(0, 900));
    // the page has seen the read-out go (data-readout-away): the line would show now if a cell were hovered
    await laptop.waitForSelector('[data-testid="result"][data-readout-away="true"]');
    expect(await laptop.getByTestId('readout-line').count()).toBe(0); // scrolled away, but no cell hovered yet: nothing covers the page
    await laptop.getByTestId('heatmap-weights').focus(); // scrolls the weights into view, selects (0, 0)
    await laptop.keyboard.press('ArrowRight');
    const line = laptop.getByTestId('readout-line');
    await line.waitFor();
    const box = (await line.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(2);
    const text = await line.textContent();
    expect(text).toContain('(q = 0)');
    expect(text).toContain('(k = 1)');
    expect(text).toContain(`Weight ${await laptop.getByTestId('readout-weight').textContent()}`);
    expect(text).toContain('Blocked by causal mask');
    expect(text).not.toContain('padded query');
    for (let i = 0; i < 3; i++) await laptop.keyboard.press('ArrowDown'); // row 3: <pad>
    await expect.poll(() => line.textContent()).toContain('(q = 3)');
    expect(await line.textContent()).toContain('padded query (row ignored)');
    // the focused heatmap is not under the line
    const heatmap = (await laptop.getByTestId('heatmap-weights').boundingBox())!;
    expect(heatmap.y).toBeGreaterThanOrEqual(box.y + box.height);
    await laptop.setViewportSize({ width: 1400, height: 1000 }); // tall: the whole read-out is sticky
    await laptop.getByTestId('heatmap-weights').focus();
    await laptop.keyboard.press('ArrowRight');
    expect(await laptop.getByTestId('readout').textContent()).toMatch(/q = \d+[^]*k = \d+/); // a cell is hovered
    // the page has caught up with the new size and scroll (data-readout-away agrees with where the read-out is)
    const tall = await readoutPlacement(laptop);
    expect(tall.away).toBe(false);
    expect(tall.lines).toBe(0);
    expect(await laptop.getByTestId('readout-line').count()).toBe(0);
    expect(laptopErrors).toEqual([]);
    await laptop.close();
  });

  it('arrow keys scroll the page so that the active cell stays on screen (below the one-line read-out)', async () => {
    const { page: laptop, errors: laptopErrors } = await openPage(harness, '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1');
    await laptop.setViewportSize({ width: 1366, height: 768 });
    await waitForResult(laptop);
    const weights = laptop.getByTestId('heatmap-weights');
    await weights.focus(); // selects (0, 0)
    for (let i = 0; i < 40; i++) await laptop.keyboard.press('ArrowDown');
    // scroll so that the heatmap's top rows are above the screen, then walk back up to row 0
    await laptop.evaluate(() => window.scrollBy(0, 400));
    for (let i = 0; i < 40; i++) await laptop.keyboard.press('ArrowUp');
    expect(await laptop.getByTestId('readout').textContent()).toContain('q = 0');
    // the page has caught up with the scroll (data-readout-away): the line is there if it is to be
    const placement = await readoutPlacement(laptop);
    const canvas = (await weights.locator('canvas').boundingBox())!;
    const line = await laptop.getByTestId('readout-line').boundingBox();
    expect(line !== null).toBe(placement.lines === 1);
    // row 0 is the canvas's top row: on screen and not under the line
    expect(canvas.y).toBeGreaterThanOrEqual(line ? line.y + line.height : 0);
    expect(canvas.y).toBeLessThan(768);
    expect(laptopErrors).toEqual([]);
    await laptop.close();
  });

  it('on a 1366×650 viewport, wherever focus scrolls the page, the values are in view: in the full read-out or the line', async () => {
    const { page: laptop, errors: laptopErrors } = await openPage(harness, '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1');
    await laptop.setViewportSize({ width: 1366, height: 650 });
    await waitForResult(laptop);
    for (const stage of ['scaled', 'masked', 'weights', 'output']) {
      await laptop.getByTestId(`heatmap-${stage}`).focus();
      await laptop.keyboard.press('ArrowDown');
      expect(await laptop.getByTestId('readout').textContent()).toMatch(/q = \d+/); // a cell is hovered
      // read once the page has caught up with the scroll (data-readout-away agrees with where the read-out is)
      const { readoutTop, lines } = await readoutPlacement(laptop);
      expect([stage, readoutTop >= 0 ? 'full read-out' : lines === 1 ? 'line' : 'nothing']).not.toEqual([stage, 'nothing']);
    }
    expect(laptopErrors).toEqual([]);
    await laptop.close();
  });

  it('the shared URL reproduces the same view and the same numbers', async () => {
    const { page: second, errors: secondErrors } = await openPage(harness, await linkUrl(page));
    await waitForResult(second);
    const again = await exportJson(second);
    expect(again.scenario).toEqual(doc.scenario);
    expect(again.weights).toEqual(doc.weights);
    expect(secondErrors).toEqual([]);
    await second.close();
  });

  it('an invalid number keeps the last valid value and says what to enter', async () => {
    const heads = page.getByLabel('Heads', { exact: true });
    await heads.fill('99');
    await expect(page.getByRole('alert').filter({ hasText: 'from 1 to 16. Still using 4.' }).count()).resolves.toBe(1);
    // emptied, or a fraction: the same range, never "plain digits" (nothing like 1e3 was typed)
    for (const typed of ['', '2.5']) {
      await heads.fill(typed);
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Still using 4.' }).allTextContents()).toEqual(['Enter a whole number from 1 to 16. Still using 4.']);
    }
    await heads.fill('2');
    await heads.press('Enter');
    await waitForResult(page);
    expect(await page.locator('.thumb').count()).toBe(2);
  });

  it('the Chinese example splits per character', async () => {
    await page.getByRole('button', { name: 'Chinese example (中文)' }).click();
    await waitForResult(page);
    const tokens = await page.getByTestId('tokens').locator('.token').allTextContents();
    expect(tokens).toEqual(['猫', '坐', '在', '垫', '子', '上']);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('Maskscope history (page.clock: a pause between changes is the clock moved on, not waited for)', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openPage(harness, '/?causal=1', harness.browser, { clock: true }));
    await waitForResult(page);
    await linkUrl(page); // loading wrote the canonical URL (#v=2&causal=1): the app's last URL write
    // From here the page's time moves only when a test moves it: a typed value's commit delay
    // (400 ms) never runs out on its own, however slow the machine.
    await pauseClock(page);
  });
  afterAll(async () => page?.close());

  it('Back undoes a toggle made after a pause, and the view follows', async () => {
    const causal = page.getByLabel('Causal mask');
    await expect(causal.isChecked()).resolves.toBe(true);
    await page.clock.fastForward(HISTORY_PAUSE_MS + 100); // a change after a pause is a new history entry
    await causal.uncheck();
    await waitForResult(page);
    expect(await linkUrlOnPausedClock(page)).not.toContain('causal=1');
    await page.goBack();
    await page.waitForFunction(() => window.location.hash.includes('causal=1'));
    await expect(causal.isChecked()).resolves.toBe(true);
  });

  it('an edit right after Back is a new history entry: the entry gone back to is not rewritten', async () => {
    expect(await linkUrl(page)).toContain('causal=1');
    await page.getByLabel('Seed').fill('7');
    await page.getByLabel('Seed').press('Enter');
    expect(await linkUrlOnPausedClock(page)).toContain('seed=7');
    await page.goBack();
    await page.waitForFunction(() => !window.location.hash.includes('seed=7'));
    expect(await linkUrl(page)).toContain('causal=1');
    await expect(page.getByLabel('Seed').inputValue()).resolves.toBe('42');
  });

  it('Back drops a typed value that was not applied yet (it belonged to the page left)', async () => {
    await page.clock.fastForward(HISTORY_PAUSE_MS + 100);
    await page.getByLabel('Causal mask').uncheck();
    expect(await linkUrlOnPausedClock(page)).not.toContain('causal=1');
    await page.clock.fastForward(HISTORY_PAUSE_MS + 100);
    await page.getByLabel('Seed').fill('5'); // applied only after a pause (the clock stands still: not before Back)
    await page.goBack();
    await page.waitForFunction(() => window.location.hash.includes('causal=1'));
    // the pause after typing runs out now: a typed value still waiting would be applied …
    await page.clock.runFor(1000);
    await settle(page); // … and rendered, and written to the URL, by now
    expect(await page.evaluate(() => window.location.hash)).not.toContain('seed=5');
    // … nor is a link write waiting for the next frame (the clock stands still)
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-link-pending'))).toBe(false);
    await expect(page.getByLabel('Seed').inputValue()).resolves.toBe('42');
    await expect(page.getByLabel('Causal mask').isChecked()).resolves.toBe(true);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('Maskscope app, edge cases', () => {
  it('a link with broken percent-encoding or tfjs flags still loads, warns, and leaves the engine alone', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&q=%E7%8C%AB%E5%9D&tfjsflags=WEBGL_FORCE_F16_TEXTURES:true&engine=webgl');
    await waitForResult(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="status-backend"]')?.getAttribute('data-path') === 'webgl', null, { timeout: 60_000 });
    expect(await page.getByTestId('status').textContent()).toContain('float32');
    expect(await page.getByTestId('url-warnings').textContent()).toContain('tfjsflags');
    expect(await page.getByTestId('query-text').inputValue()).toBe('猫\uFFFD'); // incomplete UTF-8 → U+FFFD (WHATWG URL)
    expect(errors).toEqual([]);
    await page.close();
  });

  it('weights colour "÷ row maximum" is said in the legend; long token lists are summarised', async () => {
    const { page } = await openPage(harness, '/?v=1&mode=lengths&lq=64&heads=1&wscale=row');
    await waitForResult(page);
    expect(await page.locator('[data-stage="weights"] .legend').textContent()).toContain('Weight ÷ row maximum');
    expect(await page.getByTestId('tokens').locator('.token').count()).toBe(48);
    expect(await page.getByTestId('tokens').textContent()).toContain('… and 16 more');
    await page.close();
  });

  it('Chinese key labels stand upright above their columns (not rotated sideways); Latin ones are rotated', async () => {
    const { page, errors } = await openPage(harness, `/?lang=zh&heads=1&q=${encodeURIComponent('猫 坐\nthe cat sat on')}`);
    await waitForResult(page);
    const labels = await page.locator('[data-stage="weights"] svg text').evaluateAll((texts) => texts
      .filter((t) => t.getAttribute('transform')?.startsWith('translate') && ['猫', '<pad>'].includes(t.textContent ?? ''))
      .map((t) => ({ text: t.textContent, mode: getComputedStyle(t).writingMode, box: t.getBoundingClientRect().toJSON() as DOMRect })));
    const cat = labels.find((l) => l.text === '猫');
    const pad = labels.find((l) => l.text === '<pad>');
    expect(cat?.mode).toBe('vertical-rl');
    expect(pad?.mode).toBe('horizontal-tb');
    // both end just above the heatmap: the same bottom edge
    expect(Math.abs((cat?.box.bottom ?? 0) - (pad?.box.bottom ?? 99))).toBeLessThan(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the mask legend shows the faded swatch of padded query rows only when there are some', async () => {
    const { page, errors } = await openPage(harness, '/?causal=1'); // sentences of different lengths: padded rows
    await waitForResult(page);
    expect(await page.locator('[data-stage="mask"] .mask-legend').textContent()).toContain('padded query (row ignored)');
    await page.goto(new URL('/?v=1&mode=lengths&lq=4&heads=1', harness.baseUrl).toString());
    await waitForResult(page);
    expect(await page.locator('[data-stage="mask"] .mask-legend').textContent()).not.toContain('padded query');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('colour-bar tick labels never run into each other, in any stage legend', async () => {
    for (const url of ['/?causal=1', '/?v=1&mode=lengths&lq=12&heads=2&dk=64&alibi=1&cap=2', '/?v=1&mode=lengths&attn=cross&lq=3&lk=9&heads=1&seed=3']) {
      const { page } = await openPage(harness, url);
      await waitForResult(page);
      const overlaps = await page.evaluate(() => [...document.querySelectorAll('[data-stage] .legend')].flatMap((legend) => {
        const boxes = [...legend.querySelectorAll('.tick text')].map((t) => t.getBoundingClientRect()).sort((a, b) => a.left - b.left);
        return boxes.slice(1).filter((box, i) => box.left < (boxes[i] as DOMRect).right + 2).map(() => legend.textContent);
      }));
      expect([url, overlaps]).toEqual([url, []]);
      await page.close();
    }
  });

  it('a custom mask formula is and-ed into the mask; a wrong one is marked where it goes wrong', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&mode=lengths&lq=5&heads=1', harness.browser, { clock: true });
    await waitForResult(page);
    await page.getByLabel('Custom mask (formula)').fill('k <= q && q - k < 2');
    await page.waitForFunction(() => window.location.hash.includes('cm='));
    await waitForResult(page);
    const doc = await exportJson(page);
    expect(doc.mask[0]![0]!.map((row) => row.map(Number))).toEqual([
      [1, 0, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [0, 1, 1, 0, 0],
      [0, 0, 1, 1, 0],
      [0, 0, 0, 1, 1],
    ]);
    expectMatchesReference(doc);
    // the tree: custom └ AND ├ k <= q └ q - k < 2 (lengths mode has no key padding term)
    expect(await page.getByTestId('composition').textContent()).toMatch(/customANDk <= qq - k < 2$/);
    expect(await page.getByTestId('composition').textContent()).not.toContain('key padding'); // lengths mode: no padding term
    // the page's clock stands still: the pause in typing after which a wrong formula counts is the clock moved on below
    await linkUrl(page);
    await pauseClock(page);
    await page.getByLabel('Custom mask (formula)').fill('k <= q +');
    const error = page.getByTestId('custom-mask-error');
    // while typing, a formula that does not parse is neither applied (the last one stays) nor an error yet
    expect(await error.count()).toBe(0);
    expect(decodeURIComponent(await linkUrl(page))).toContain('cm=k <= q && q - k < 2'.replace(/ /g, '+'));
    await page.clock.runFor(ERROR_PAUSE_MS); // typing pauses
    await error.waitFor();
    expect(decodeURIComponent(await linkUrlOnPausedClock(page, 'cm=k+%3C%3D+q+%2B'))).toContain('cm=k <= q +'.replace(/ /g, '+'));
    expect(await error.locator('mark').textContent()).toBe('+');
    expect(await error.textContent()).toContain('at character 8');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ALiBi and soft-capping: a logits heatmap appears, logits stay within ±c and match the reference', async () => {
    const { page } = await openPage(harness, '/?v=1&alibi=1&cap=2&temp=0.5&causal=1');
    await waitForResult(page);
    expect(await page.getByTestId('heatmap-logits').count()).toBe(1);
    await expect(page.getByText('QKᵀ / (τ·√dK), τ = 0.5').count()).resolves.toBe(1); // the scaled stage's title follows τ
    expect(await page.locator('.formula').textContent()).toBe('Attention(Q, K, V) = softmax(mask(QKᵀ / (τ·√dK))) · V, τ = 0.5');
    await expect(page.getByText('scaled + ALiBi bias, then soft-capped with c = 2').count()).resolves.toBe(1);
    await page.getByLabel('ALiBi position bias').uncheck();
    await waitForResult(page);
    await expect(page.getByText('scaled, soft-capped: c·tanh(s / c), c = 2').count()).resolves.toBe(1); // the logits title names what is on
    const doc = await exportJson(page);
    expect(Math.max(...doc.logits.flat(3).map(Math.abs))).toBeLessThanOrEqual(2);
    expectMatchesReference(doc);
    const derived = deriveInputs(doc.scenario);
    if (!derived.ok) throw new Error(derived.error);
    expectArraysClose(doc.logits.flat(3), referenceAttention(derived.inputs).logits, 1e-4);
    await page.close();
  });

  it('fully masked rows: the status line counts those in view and in all, and says so when none is in view', async () => {
    // batch item 1 attends to nothing: its 3 rows in each of 2 heads are fully masked
    const { page, errors } = await openPage(harness, `/?mode=lengths&lq=3&b=2&heads=2&cm=${encodeURIComponent('b == 0')}&vb=1`);
    await waitForResult(page);
    expect(await page.getByTestId('status-fully-masked').textContent()).toBe('3 of 3 rows here are fully masked (weights 0); 6 in all batch items and heads');
    await page.getByRole('button', { name: /^0:/ }).click();
    await waitForResult(page);
    expect(await page.getByTestId('status-fully-masked').textContent()).toBe('no row here is fully masked; 6 fully masked rows are in other batch items or heads (weights 0)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a URL with bad values shows warnings and uses sane values', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&heads=99&dk=abc&causal=maybe&bogus=1');
    await waitForResult(page);
    const warnings = await page.getByTestId('url-warnings').textContent();
    expect(warnings).toContain('bogus');
    expect(warnings).toContain('heads=99');
    expect(await page.getByLabel('Heads', { exact: true }).inputValue()).toBe('16');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cross-attention with Lq=2, Lk=4, causal bottom-right: mask rows [1,1,1,0] and [1,1,1,1]', async () => {
    const { page } = await openPage(harness, '/?v=1&mode=lengths&attn=cross&lq=2&lk=4&causal=1&heads=1');
    await waitForResult(page);
    const doc = await exportJson(page);
    expect(doc.mask[0]![0]).toEqual([
      [true, true, true, false],
      [true, true, true, true],
    ]);
    expectMatchesReference(doc);
    await page.close();
  });

  it('cross-attention batch tabs count the padding of both sides: "A dog" (1 query pad) against "Un chien" (5 key pads); self-attention counts one side', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&attn=cross&q=The+cat+sat%0AA+dog&k=Le+chat+est+assis+sur+le+tapis%0AUn+chien&heads=1');
    await waitForResult(page);
    const tabs = page.locator('.batch-tabs button');
    await expect.poll(() => tabs.allTextContents()).toEqual(['0: The cat sat', '1: A dog (1 query, 5 key pads)']);
    await page.getByRole('radio', { name: /Self-attention/ }).check();
    await waitForResult(page);
    await expect.poll(() => tabs.allTextContents()).toEqual(['0: The cat sat', '1: A dog (1 pad)']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cross-attention with 2 query lines and 1 key line: the note names the side with more lines and what to do', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&attn=cross&q=Where+is+the+station%0AHi&k=Wo+ist+der+Bahnhof&heads=1');
    await waitForResult(page);
    expect(await page.getByTestId('input-notes').locator('li').allTextContents()).toEqual([
      'The query side has more lines than the other: only the first line of each side is used. Give both sides one line per batch item.',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an empty query side shows what to fix and keeps the previous heatmaps', async () => {
    const { page } = await openPage(harness, '/');
    await waitForResult(page);
    await page.getByTestId('query-text').fill('   ');
    await expect(page.getByRole('alert').filter({ hasText: 'type at least one word' }).count()).resolves.toBe(1);
    expect(await page.getByTestId('heatmap-weights').count()).toBe(1);
    expect(await page.getByTestId('result').getAttribute('data-stale')).toBe('true');
    await page.close();
  });

  it('a link whose query side is empty: the status line says nothing was computed (not "starting the engine…" forever)', async () => {
    const { page } = await openPage(harness, '/?q=%20&attn=cross&k=a%20b');
    await expect(page.getByRole('alert').filter({ hasText: 'type at least one word' }).count()).resolves.toBe(1);
    await page.waitForFunction(() => document.querySelector('.status')?.textContent?.includes('nothing computed yet'));
    expect(await page.getByTestId('result').count()).toBe(0);
    await page.close();
  });

  it('choosing the WebGL engine runs tfjs on WebGL2 (after preparing its shaders), with the same numbers', async () => {
    const { page, errors } = await openPage(harness, '/?causal=1');
    await waitForResult(page);
    // Record every status text, to see the "preparing" state go by.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { statusTexts: seen });
      new MutationObserver(() => seen.push(document.querySelector('[data-testid="status"]')?.textContent ?? '')).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('engine-select').selectOption('webgl');
    await page.waitForFunction(() => document.querySelector('[data-testid="status-backend"]')?.getAttribute('data-path') === 'webgl', null, { timeout: 60_000 });
    await waitForResult(page);
    const status = page.getByTestId('status-backend');
    expect(await status.textContent()).toContain('WebGL2 (TensorFlow.js)');
    expect(await status.textContent()).toContain('chosen in the settings');
    expect(await linkUrl(page)).toContain('engine=webgl');
    const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    expect(texts.some((text) => text.includes('preparing the GPU engine (compiling shaders)'))).toBe(true);
    const webglDoc = await exportJson(page);
    expect(webglDoc).toMatchObject({ backend: 'webgl', path: 'webgl', precision: 'float32' }); // SwiftShader renders to float32
    await expect(page.getByTestId('status-precision').getAttribute('data-precision')).resolves.toBe('float32');
    expectMatchesReference(webglDoc);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without WebGL (even in the worker) auto runs plain JS, a WebGL choice says why it cannot, and tfjs CPU still works', async () => {
    const context = await harness.browser.newContext();
    const refuseWebgl = `for (const proto of [globalThis.HTMLCanvasElement?.prototype, globalThis.OffscreenCanvas?.prototype]) {
      if (!proto) continue;
      const original = proto.getContext;
      Object.defineProperty(proto, 'getContext', { value(id, ...rest) { return String(id).includes('webgl') ? null : original.call(this, id, ...rest); } });
    }`;
    // A browser with no WebGL: every canvas, on the page and in the engine worker, refuses WebGL contexts.
    await context.addInitScript(refuseWebgl);
    await context.route(/engineWorker/, async (route) => {
      // a loaded machine can reset the dev server's connection (ECONNRESET), and a navigation cancels a
      // fetch in flight: try again, and give the request up only when every try failed
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await route.fetch();
          await route.fulfill({ response, body: `${refuseWebgl}\n${await response.text()}` });
          return;
        } catch (error) {
          if (attempt < 3 && /ECONNRESET/.test(String(error))) continue;
          await route.abort().catch(() => undefined);
          return;
        }
      }
    });
    try {
      const page = await context.newPage();
      for (const [engine, path, text] of [['auto', 'js', 'no WebGL'], ['webgl', 'js', 'no WebGL'], ['cpu', 'cpu', 'CPU (TensorFlow.js)']] as const) {
        await page.goto(`${harness.baseUrl}?causal=1&engine=${engine}`);
        await waitForResult(page);
        await page.waitForFunction((p) => document.querySelector('[data-testid="status-backend"]')?.getAttribute('data-path') === p, path, { timeout: 60_000 });
        // the reason is said once the worker has probed the device (a cold start's first result may come before)
        await expect.poll(() => page.getByTestId('status-backend').textContent(), { timeout: 30_000 }).toContain(text);
        expectMatchesReference(await exportJson(page));
      }
    } finally {
      await context.close();
    }
  });
});

describe('Maskscope at classroom size', () => {
  it('a mask toggle is recomputed on the page: the head on screen’s new weights are drawn in the click’s own task, the other heads after that frame, nothing dims, and the export matches the reference', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1', harness.browser, { clock: true });
    await waitForResult(page);
    const seen = await page.evaluate(() => {
      const result = document.querySelector('[data-testid="result"]');
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="heatmap-weights"] canvas');
      const causal = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('Causal mask'))?.querySelector('input');
      if (!result || !canvas || !causal) throw new Error('page not ready');
      const dimmed: boolean[] = [];
      new MutationObserver(() => dimmed.push(result.classList.contains('stale'))).observe(result, { attributes: true, attributeFilter: ['class'] });
      (window as unknown as { dimmed: boolean[] }).dimmed = dimmed;
      const before = canvas.toDataURL();
      causal.click(); // React handles a click in this task; the heatmaps are drawn in its commit
      return {
        redrawn: canvas.toDataURL() !== before, stale: result.getAttribute('data-stale'), status: document.querySelector('[data-testid="status-time"]')?.textContent,
        // read in the click's task: the head on screen first (B·H·Lq·Lk·dV ≥ FOCUS_FIRST_MACS), the other heads after that frame
        kind: document.querySelector('[data-testid="status-on-page"]')?.getAttribute('data-kind'),
      };
    });
    expect(seen).toEqual({ redrawn: true, stale: 'false', status: expect.stringMatching(/\d ms$/), kind: 'focus' });
    // past the dimming delay (150 ms, App.tsx) on the page's clock: a dimming timer set by the click has run …
    await page.clock.runFor(400);
    await settle(page); // … and its render is done
    expect(await page.evaluate(() => (window as unknown as { dimmed: boolean[] }).dimmed)).toEqual([]);
    expect(await page.getByTestId('status-on-page').getAttribute('data-kind')).toBe('mask');
    expect(await page.getByTestId('status-on-page').textContent()).toContain('only masks or modifiers changed: Q, K, V and scores kept');
    const doc = await exportJson(page);
    expect(doc.scenario.causal).toBe(false);
    expectMatchesReference(doc);
    // Back to causal: again from the kept Q, K, V and scores.
    await page.getByLabel('Causal mask').check();
    await waitForResult(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="status-on-page"]')?.getAttribute('data-kind') === 'mask');
    expectMatchesReference(await exportJson(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a mask toggle repaints only the heatmaps whose numbers changed, a head switch all but the shared mask; neither measures a layout again', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1');
    await waitForResult(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="result"]')?.getAttribute('data-complete') === 'true');
    // which stage heatmaps clear their canvas (every paint starts with clearRect, heatmapCanvas.ts), and their layout counts
    await page.evaluate(() => {
      const w = window as unknown as { painted: string[] };
      w.painted = [];
      const clearRect = CanvasRenderingContext2D.prototype.clearRect;
      CanvasRenderingContext2D.prototype.clearRect = function (this: CanvasRenderingContext2D, ...args: [number, number, number, number]) {
        const id = this.canvas.closest('[data-testid^="heatmap-"]')?.getAttribute('data-testid');
        if (id) w.painted.push(id.replace('heatmap-', ''));
        return clearRect.apply(this, args);
      };
    });
    const layouts = () => page.evaluate(() => [...document.querySelectorAll('[data-testid^="heatmap-"] .ms-heatmap')].map((e) => `${e.closest('[data-testid]')?.getAttribute('data-testid')} ${(e as HTMLElement).dataset.layouts}`));
    const painted = async () => page.evaluate(() => {
      const w = window as unknown as { painted: string[] };
      const seen = [...new Set(w.painted)].sort();
      w.painted = [];
      return seen;
    });
    const before = await layouts();
    expect(before.length).toBeGreaterThanOrEqual(9);
    await page.getByLabel('Causal mask').uncheck();
    await page.waitForFunction(() => document.querySelector('[data-testid="status-on-page"]')?.getAttribute('data-kind') === 'mask');
    await settle(page);
    expect(await painted()).toEqual(['mask', 'masked', 'output', 'weights']);
    await page.locator('.head-strip button').nth(1).click();
    await expect(page.locator('.head-strip button').nth(1).getAttribute('aria-pressed')).resolves.toBe('true');
    await settle(page);
    expect(await painted()).toEqual(['k', 'masked', 'output', 'q', 'scaled', 'scores', 'v', 'weights']);
    expect(await layouts()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a repaint leaves nothing of the one before: causal unchecked shows, pixel for pixel, the canvases of a page opened without it', async () => {
    const canvases = (page: Page) => page.evaluate(() => Object.fromEntries(['masked', 'weights', 'mask'].map((id) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="heatmap-${id}"] canvas`);
      return [id, canvas === null ? null : `${canvas.width}×${canvas.height} ${canvas.toDataURL()}`];
    })));
    const { page: fresh } = await openPage(harness, '/?mode=lengths&lq=64&b=2&heads=8&dk=64');
    await waitForResult(fresh);
    await settle(fresh);
    const expected = await canvases(fresh);
    await fresh.close();
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1');
    await waitForResult(page);
    await settle(page);
    const hatched = await canvases(page);
    await page.getByLabel('Causal mask').uncheck();
    await page.waitForFunction(() => document.querySelector('[data-testid="status-on-page"]')?.getAttribute('data-kind') === 'mask');
    await settle(page);
    const repainted = await canvases(page);
    expect(Object.values(expected).every((v) => v !== null)).toBe(true);
    expect(hatched.weights).not.toBe(expected.weights);
    expect(repainted).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a new seed at classroom size: the head on screen is computed and drawn in the key press’s own task, the other heads right after that frame; the export matches the reference', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1&vh=3');
    await waitForResult(page);
    const seen = await page.evaluate(async () => {
      const weights = () => document.querySelector<HTMLCanvasElement>('[data-testid="heatmap-weights"] canvas')?.toDataURL();
      const result = document.querySelector('[data-testid="result"]');
      const before = weights();
      // React renders the typing and then the key press in microtasks of this task: the head on
      // screen is computed and drawn in that commit, before any frame
      const seed = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith('Seed'))?.control;
      if (!(seed instanceof HTMLInputElement)) throw new Error('no Seed field');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(seed, '77');
      seed.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      seed.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await Promise.resolve();
      return {
        redrawn: weights() !== before,
        stale: result?.getAttribute('data-stale'),
        complete: result?.getAttribute('data-complete'),
        kind: document.querySelector('[data-testid="status-on-page"]')?.getAttribute('data-kind'),
        placeholders: document.querySelectorAll('.thumb-pending').length,
        weightsAfter: weights(),
      };
    });
    expect(seen).toMatchObject({ redrawn: true, stale: 'false', complete: 'false', kind: 'focus', placeholders: 0 });
    expect(await page.getByTestId('status-on-page').textContent()).toContain('small enough to skip the worker');
    await page.waitForFunction(() => document.querySelector('[data-testid="result"]')?.getAttribute('data-complete') === 'true', null, { timeout: 10_000 });
    expect(await page.getByTestId('status-on-page').getAttribute('data-kind')).toBe('whole');
    // completing the other heads keeps the head on screen as it was drawn
    expect(await page.evaluate(() => document.querySelector<HTMLCanvasElement>('[data-testid="heatmap-weights"] canvas')?.toDataURL())).toBe(seen.weightsAfter);
    const doc = await exportJson(page);
    expect(doc.scenario.seed).toBe(77);
    expectMatchesReference(doc);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a new seed and, in the same moment, an empty sequence: the head computed first is completed anyway (no placeholders left), the error says what to fix', async () => {
    const { page, errors } = await openPage(harness, `/?q=${twoLongLines(60)}&heads=8&dk=64`);
    await waitForResult(page);
    const kind = await page.evaluate(async () => {
      const field = (label: string) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(label))?.control;
      const type = async (el: Element | null | undefined, value: string, proto: HTMLInputElement | HTMLTextAreaElement) => {
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(proto), 'value')?.set?.call(el, value);
        el?.dispatchEvent(new Event('input', { bubbles: true }));
        await Promise.resolve();
      };
      const seed = field('Seed');
      await type(seed, '5', document.createElement('input'));
      seed?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await Promise.resolve();
      const kindNow = document.querySelector('[data-testid="status-on-page"]')?.getAttribute('data-kind');
      await type(field('Sequence'), '', document.createElement('textarea'));
      return kindNow;
    });
    expect(kind).toBe('focus');
    await page.getByText('The query side has no token').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="status-on-page"]')?.getAttribute('data-kind') === 'whole', null, { timeout: 10_000 });
    expect(await page.locator('.thumb-pending').count()).toBe(0);
    // the last result stays browsable meanwhile: another head can be shown
    await page.locator('.head-strip button').nth(3).click();
    await expect(page.locator('.head-strip button').nth(3).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await page.getByLabel('Head', { exact: true }).inputValue()).toBe('3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Export pressed right after typing a new seed (the click applies it): the file follows, with the new numbers', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1', harness.browser, { clock: true });
    await waitForResult(page);
    // The page's clock stands still: the typed value's own commit delay (400 ms) cannot apply it, only the click can.
    await pauseClock(page);
    await page.getByLabel('Seed').fill('123'); // not applied yet: leaving the field applies it
    expect(await linkUrl(page)).not.toContain('seed=123');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    await page.clock.resume(); // the other heads (after a frame) and the file follow in real time
    const doc = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as ExportDocument;
    expect(doc.scenario.seed).toBe(123);
    expectMatchesReference(doc);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Export waiting for a compute: the wait is dropped (note and all) when the inputs turn invalid, and no file comes later', async () => {
    // the CPU backend of TensorFlow.js: the new seed is computed in the worker, not on the page
    const { page, errors } = await openPage(harness, `/?q=${twoLongLines(100)}&heads=16&dk=64&engine=cpu`);
    await waitForResult(page, 120_000);
    let downloads = 0;
    page.on('download', () => downloads++);
    // A new seed, Export, then an empty sequence, in one task of the page: its result cannot land in
    // between (it would come in a later task), so Export is pressed while the new seed is computing.
    const noteWhileComputing = await page.evaluate(async () => {
      const field = (label: string) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(label))?.control;
      const type = (el: Element | null | undefined, value: string) => {
        if (!el) throw new Error('no such field');
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set?.call(el, value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const seed = field('Seed');
      type(seed, '9');
      await Promise.resolve(); // React renders each of these in a microtask of this task
      seed?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await Promise.resolve();
      document.querySelector<HTMLButtonElement>('[data-testid="export-json"]')?.click();
      await Promise.resolve();
      const note = document.querySelector('[data-testid="export-note"]')?.textContent;
      type(field('Sequence'), '');
      await Promise.resolve();
      return note;
    });
    expect(noteWhileComputing).toContain('Still computing the new settings: the file follows');
    await page.getByText('The query side has no token').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="export-note"]')?.textContent === '');
    // From here, a note (e.g. "Preparing the file…") or a file could only come from the dropped wait: record every note.
    await page.evaluate(() => {
      const note = document.querySelector('[data-testid="export-note"]');
      const seen: string[] = [];
      (window as unknown as { exportNotes: string[] }).exportNotes = seen;
      if (note) new MutationObserver(() => seen.push(note.textContent ?? '')).observe(note, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('Sequence').fill('the cat sat');
    await waitForResult(page, 120_000);
    // The new settings' result is current: a wait still armed would have exported in that render's
    // effects ("Preparing the file…", then the file); they have run once the page has settled.
    await settle(page);
    expect((await page.evaluate(() => (window as unknown as { exportNotes: string[] }).exportNotes)).filter(Boolean)).toEqual([]);
    expect(downloads).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('causal alignment: greyed for self-attention (with why); in cross-attention it follows the causal box; toggling causal moves nothing below', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=8&heads=1');
    await waitForResult(page);
    const alignment = page.getByRole('radiogroup', { name: /Causal alignment/ });
    const topLeft = alignment.getByRole('radio', { name: /top-left/ });
    expect(await alignment.getAttribute('aria-disabled')).toBe('true');
    expect(await topLeft.isDisabled()).toBe(true);
    await expect(page.getByText('Self-attention has Lq = Lk').isVisible()).resolves.toBe(true);
    const keyPaddingY = async () => (await page.getByLabel('Key padding').boundingBox())?.y;
    const y0 = await keyPaddingY();
    await page.getByLabel('Causal mask').check();
    expect(await keyPaddingY()).toBe(y0);
    expect(await topLeft.isDisabled()).toBe(true);
    await page.getByRole('radio', { name: 'Cross-attention' }).check();
    await waitForResult(page);
    expect(await topLeft.isDisabled()).toBe(false);
    expect(await alignment.getAttribute('aria-disabled')).toBeNull();
    await page.getByLabel('Causal mask').uncheck();
    expect(await topLeft.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Maskscope presets', () => {
  it('choosing the Packed documents preset sets the text and the mask, and the numbers match the reference', async () => {
    const { page, errors } = await openPage(harness, '/');
    await waitForResult(page);
    await page.getByLabel('Start from a preset').selectOption('packed');
    await page.waitForFunction(() => window.location.hash.includes('document-causal'));
    await waitForResult(page);
    const doc = await exportJson(page);
    expect(doc.tokens.query[0]!.slice(0, 4)).toEqual(['the', 'cat', 'sat', '|']);
    // 'a' (index 4, second document) attends only within its document
    expect(doc.mask[0]![0]![4]!.map(Number)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expectMatchesReference(doc);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Maskscope global tokens', () => {
  it('Longformer preset: clicking a token makes it global, so its row and column are allowed', async () => {
    const { page } = await openPage(harness, '/');
    await waitForResult(page);
    await page.getByLabel('Start from a preset').selectOption('longformer');
    await waitForResult(page);
    await page.getByTestId('tokens').getByRole('button', { name: 't5', exact: true }).click();
    await page.waitForFunction(() => window.location.hash.includes('global=0%2C5'));
    await waitForResult(page);
    const doc = await exportJson(page);
    expect(doc.mask[0]![0]![5]!.every(Boolean)).toBe(true);
    expect(doc.mask[0]![0]!.every((row) => row[5])).toBe(true);
    expectMatchesReference(doc);
    await page.close();
  });
});

describe('Maskscope painting', () => {
  it('painting a cell (keyboard) blocks it, keeps it in the URL, and a drag with the mouse allows cells; while painting, the Mask heatmap’s name says Space paints', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&mode=lengths&lq=4&heads=1&causal=1');
    await waitForResult(page);
    const maskName = () => page.getByTestId('heatmap-mask').getAttribute('aria-label');
    expect(await maskName()).not.toContain('Space');
    await page.getByRole('radiogroup', { name: 'Paint cells on the Mask heatmap' }).getByLabel('block').check();
    // its name says that Space paints now, and what
    await expect.poll(maskName).toContain('Paint cells on the Mask heatmap: block. Click or drag on the Mask heatmap, or focus it, move with the arrow keys and press Space.');
    await page.getByTestId('heatmap-mask').focus(); // cell (0, 0)
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.location.hash.includes('paint=0.0.0'));
    await waitForResult(page);
    let doc = await exportJson(page);
    expect(doc.mask[0]![0]![0]).toEqual([false, false, false, false]);
    expect(await page.getByTestId('heatmap-mask').locator('g.ms-marks circle').count()).toBe(1);
    expect(doc.fullyMaskedRows).toEqual([{ batch: 0, head: 0, query: 0 }]);

    await page.getByRole('radiogroup', { name: 'Paint cells on the Mask heatmap' }).getByLabel('allow').check();
    const box = (await page.getByTestId('heatmap-mask').locator('canvas').boundingBox())!;
    const at = (row: number, col: number) => [box.x + box.width * ((col + 0.5) / 4), box.y + box.height * ((row + 0.5) / 4)] as const;
    await page.mouse.move(...at(1, 2));
    await page.mouse.down();
    await page.waitForFunction(() => window.location.hash.includes('1.2.1'));
    await waitForResult(page); // let the recompute land before the pointer moves on
    await page.mouse.move(...at(1, 3), { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => window.location.hash.includes('1.3.1'));
    await waitForResult(page);
    doc = await exportJson(page);
    expect(doc.mask[0]![0]![1]).toEqual([true, true, true, true]);
    expect(doc.scenario.paint).toBe('0.0.0,1.2.1,1.3.1'); // exactly the cells under the pointer
    expectMatchesReference(doc);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Maskscope frameworks panel', () => {
  it('opening the panel shows PyTorch code and the conventions of the current mask, and the three fully-masked-row outcomes', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&mode=lengths&lq=3&heads=1&causal=1');
    await waitForResult(page);
    await page.getByTestId('frameworks').locator('summary').click();
    // The body renders on the details' toggle event, which fires after the click.
    await page.waitForFunction(() => document.querySelector('[data-testid="frameworks"] .frameworks-body') !== null);
    const text = await page.getByTestId('frameworks').textContent();
    expect(text).toContain('import torch');
    expect(text).toContain('def mask_mod(b, h, q_idx, kv_idx)');
    expect(await page.locator('[data-convention="pytorch-sdpa"] .matrix').textContent()).toBe('T F F\nT T F\nT T T');
    expect(await page.locator('[data-convention="pytorch-mha-attn-mask"] .matrix').textContent()).toBe('F T T\nF F T\nF F F');
    const rows = await page.getByTestId('masked-row-table').locator('tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows.some((r) => r.includes('NaN'))).toBe(true);
    expect(rows[1]).toContain('Naive softmax of −∞ → NaN');
    expect(await page.locator('[data-convention="pytorch-sdpa"]').textContent()).toContain('is_causal=True alone is top-left causal');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Chinese, the conventions, their caveats and the fully-masked-row outcomes are in Chinese', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&mode=lengths&lq=3&heads=2&causal=1&m=window(W%3D1)&lang=zh');
    await waitForResult(page);
    await page.getByTestId('frameworks').locator('summary').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="frameworks"] .frameworks-body') !== null);
    expect(await page.locator('[data-convention="pytorch-mha-attn-mask"]').textContent()).toContain('与 SDPA 相反');
    expect(await page.locator('[data-convention="pytorch-sdpa"]').textContent()).toContain('左上对齐的因果掩码');
    const rows = await page.getByTestId('masked-row-table').locator('tr').allTextContents();
    expect(rows[1]).toContain('朴素 softmax 遇到 −∞ → NaN');
    expect(await page.locator('[data-convention="additive"] h4').textContent()).toContain('加性浮点掩码');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Maskscope composition tree', () => {
  it('adding an OR group with two masks inside, then NOT on one of them, writes the tree to the URL and computes it', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&mode=lengths&lq=6&heads=1');
    await waitForResult(page);
    const list = page.getByTestId('mask-list');
    await list.getByRole('button', { name: 'Add a group (AND / OR)' }).click();
    await page.getByLabel('Add to this group').selectOption('window');
    await page.getByLabel('Add to this group').selectOption('prefix-lm');
    await page.waitForFunction(() => decodeURIComponent(window.location.hash).includes('m=or(window(W=4),prefix-lm(P=3))'));
    await page.getByLabel('NOT Prefix-LM').check();
    await page.waitForFunction(() => decodeURIComponent(window.location.hash).includes('!prefix-lm(P=3)'));
    await waitForResult(page);
    const doc = await exportJson(page);
    expect(doc.scenario.masks).toBe('or(window(W=4),!prefix-lm(P=3))');
    expectMatchesReference(doc);
    expect(await page.getByTestId('composition').textContent()).toContain('OR');
    expect(errors).toEqual([]);
    await page.close();
  });
});
