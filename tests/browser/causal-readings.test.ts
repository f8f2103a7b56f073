/**
 * Causal masks in a padded batch (issue #11 §3) in real Chromium: the issue's link shows batch
 * item 0's mask with real lengths (as alone in its batch), the choice of reading switches it to
 * the padded shape, and the cell where the two readings differ is dashed on the Mask heatmap with
 * a note naming the framework calls. Every wait is on a state of the page, never on a delay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startHarness, type Harness, waitForResult } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const BUG = '/?v=1&attn=cross&q=q0+q1%0Aq0+q1&k=k0+k1+k2%0Ak0+k1+k2+k3&causal=1&align=br&heads=1';

/** The numbers written in the Mask heatmap's cells, as rows of Lk. */
async function maskRows(page: Page, Lk: number): Promise<string[][]> {
  const texts = await page.locator('[data-testid="heatmap-mask"] g.ms-values text').allTextContents();
  return Array.from({ length: texts.length / Lk }, (_, r) => texts.slice(r * Lk, (r + 1) * Lk));
}

/** The Mask heatmap's count of dashed cells (null without any) and whether a dashed path is drawn. */
async function dashed(page: Page): Promise<{ count: string | null; drawn: boolean }> {
  const root = page.locator('[data-testid="heatmap-mask"] .ms-heatmap');
  const count = await root.getAttribute('data-dashed');
  const d = await page.locator('[data-testid="heatmap-mask"] path.ms-dashed-line').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
  return { count, drawn: d.length === 1 && (d[0] ?? '') !== '' };
}

describe('causal masks in a padded batch (causallen)', () => {
  it('the issue\'s link: item 0 shows rows 1 1 0 0 / 1 1 1 0 (real lengths), its one differing cell dashed with the calls named; choosing "padded shape" shows 1 1 1 0 / 1 1 1 0', async () => {
    const { page, errors } = await openPage(harness, BUG);
    await waitForResult(page);
    await page.locator('[data-testid="heatmap-mask"] g.ms-values text').first().waitFor();
    expect(await maskRows(page, 4)).toEqual([['1', '1', '0', '0'], ['1', '1', '1', '0']]);
    expect(await dashed(page)).toEqual({ count: '1', drawn: true });
    const note = await page.locator('[data-stage="mask"] figcaption .note').textContent();
    expect(note).toContain('flash_attn_varlen_func');
    expect(note).toContain('flash_attn_func(causal=True)'); // bottom-right: FlashAttention's dense kernel, not SDPA's top-left is_causal
    expect(note).not.toContain('is_causal');

    const readings = page.getByRole('radiogroup', { name: 'In a padded batch, causal uses' });
    expect(await readings.getAttribute('aria-disabled')).toBeNull();
    await readings.getByRole('radio', { name: /^padded shape/ }).check();
    expect(await readings.getByRole('radio', { name: /^padded shape/ }).isChecked()).toBe(true);
    await waitForResult(page);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="heatmap-mask"] g.ms-values text')].map((t) => t.textContent).join('') === '11101110');
    expect(await maskRows(page, 4)).toEqual([['1', '1', '1', '0'], ['1', '1', '1', '0']]);
    expect(await dashed(page)).toEqual({ count: '1', drawn: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('causallen=padded in the link: the padded rows, the differing cell dashed; item 1 (unpadded) has none', async () => {
    const { page, errors } = await openPage(harness, `${BUG}&causallen=padded`);
    await waitForResult(page);
    await page.locator('[data-testid="heatmap-mask"] g.ms-values text').first().waitFor();
    expect(await maskRows(page, 4)).toEqual([['1', '1', '1', '0'], ['1', '1', '1', '0']]);
    expect(await dashed(page)).toEqual({ count: '1', drawn: true });
    await page.goto(new URL(`${BUG}&causallen=padded&vb=1`, harness.baseUrl).toString());
    await waitForResult(page);
    await page.locator('[data-testid="heatmap-mask"] g.ms-values text').first().waitFor();
    expect(await maskRows(page, 4)).toEqual([['1', '1', '1', '0'], ['1', '1', '1', '1']]);
    expect(await dashed(page)).toEqual({ count: null, drawn: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('presentation mode, Mask step: the formula is the real-length rule (not k ≤ q + Lk − Lq) and the explanation names both readings', async () => {
    const { page, errors } = await openPage(harness, `${BUG.replace('/?', '/#')}&present=1&step=mask`);
    await page.locator('[data-testid="step-explainer"][data-step="mask"] [data-testid="step-formula"] .katex').waitFor();
    const tex = await page.locator('[data-testid="step-formula"] annotation').textContent();
    expect(tex).toContain(String.raw`\hat k \le \hat q + L_k^{\text{real}} - L_q^{\text{real}}`);
    expect(tex).not.toContain(String.raw`k \le q + L_k - L_q`);
    const sentence = page.locator('[data-testid="step-explainer"] [data-sentence="readingsReal"]');
    await sentence.waitFor();
    expect(await sentence.textContent()).toContain('1 dashed cell.');
    expect(await dashed(page)).toEqual({ count: '1', drawn: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lengths mode: the reading choice is greyed, with why, and nothing is dashed (both readings are one mask)', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&mode=lengths&attn=cross&lq=2&lk=4&b=2&causal=1');
    await waitForResult(page);
    const readings = page.getByRole('radiogroup', { name: 'In a padded batch, causal uses' });
    expect(await readings.getAttribute('aria-disabled')).toBe('true');
    await expect(page.getByText('Lengths mode has no padding: both readings').isVisible()).resolves.toBe(true);
    expect(await dashed(page)).toEqual({ count: null, drawn: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});
