/**
 * Chinese everywhere (issue #12 §5), in real Chromium: switched to 中文 with the language control,
 * the main views show no English but what visibleText.ts allows by rule (code, formulas, names of
 * libraries, the user's tokens); the page title and <html lang> follow the language; a catalogue
 * mask's description, source and equivalents open from a button (keyboard and touch), and a formula
 * typed with ≤ is understood while a stray symbol is explained in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startHarness, waitForResult, type Harness } from './harness';
import { visibleEnglish } from './visibleText';
import { DEFAULT_SCENARIO } from '../../src/state/scenario';
import { zh } from '../../src/ui/i18n/zh';

let harness: Harness;
let page: Page;
let errors: string[];
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** What the views below type: the default sentences. */
const TYPED = [DEFAULT_SCENARIO.queryText, DEFAULT_SCENARIO.keyText].join('\n');

/** Opens a link's scenario in Chinese on a page of its own and waits for `ready` (default: the result). */
async function show(fragment: string, ready?: string): Promise<void> {
  if (page) await page.close();
  ({ page, errors } = await openPage(harness, `/#v=2&lang=zh&${fragment}`));
  if (ready) await page.waitForSelector(ready, { timeout: 60_000 });
  else await waitForResult(page);
}

async function expectNoEnglish(view: string): Promise<void> {
  const found = await visibleEnglish(page, TYPED);
  expect([view, found]).toEqual([view, []]);
  expect(errors).toEqual([]);
}

describe('中文: no English in the main views', () => {
  it('the language control switches to 中文: <html lang>, the page title and the default view', async () => {
    ({ page, errors } = await openPage(harness, '/'));
    await waitForResult(page);
    expect(await page.title()).toBe('Maskscope — attention masks, stage by stage');
    await page.selectOption('#language-select', 'zh');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.waitForFunction(() => location.hash.includes('lang=zh'));
    expect(await page.title()).toBe('Maskscope — 注意力掩码，逐步可视化');
    await waitForResult(page);
    await expectNoEnglish('default view');
    // the status line's labels and asides in Chinese punctuation: full-width colons and brackets
    const status = (await page.getByTestId('status').textContent()) ?? '';
    expect(status).toMatch(/^引擎：/);
    expect(status).toContain('精度：');
    expect(status).toMatch(/上次计算：[\d.]+ ms/);
    expect(status).not.toMatch(/[\u4e00-\u9fff][:(]|[:(][\u4e00-\u9fff]/);
  });

  it('a padded cross-attention view with causal, ALiBi, a soft-cap, extra masks, a row inspected and a formula error', async () => {
    await show('attn=cross&causal=1&alibi=1&cap=30&m=window(W=4);or(!prefix-lm(P=3),document)&row=1&open=input,masks,modifiers,model');
    await page.getByTestId('custom-mask').fill('k ≤ q 且 q > 0');
    await page.getByTestId('custom-mask').blur();
    await page.getByTestId('custom-mask-error').waitFor();
    expect(await page.getByTestId('custom-mask-error').textContent()).toContain('“且”不是公式符号');
    await expectNoEnglish('padded cross-attention');
  });

  it('the mask catalogue opened, every mask\'s info expanded, and a mask row\'s info', async () => {
    await show('causal=1&m=window(W=4)&open=masks');
    await page.getByTestId('mask-catalogue').locator('summary').click();
    const buttons = page.getByTestId('mask-catalogue').getByTestId('mask-info-button');
    const count = await buttons.count();
    expect(count).toBeGreaterThanOrEqual(18);
    for (let i = 0; i < count; i++) await buttons.nth(i).click();
    await page.locator('[data-mask="window"]').getByTestId('mask-info-button').click();
    expect(await page.getByTestId('mask-info').count()).toBe(count + 1);
    await expectNoEnglish('mask catalogue');
  });

  it('a preset chosen (its description shown) and the why-tree of a blocked cell', async () => {
    await page.selectOption('[data-testid="preset"]', 'longformer');
    await waitForResult(page);
    // under the picker, the preset's name in full (the select cuts long ones), a Chinese colon, its description
    expect(await page.getByTestId('preset-hint').textContent()).toBe(`${zh.presets.longformer.name}：${zh.presets.longformer.description}`);
    await page.getByTestId('heatmap-weights').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('why-tree').waitFor();
    await expectNoEnglish('why-tree');
    // a term and its formula are joined by a full-width colon, as the status line's labels are
    const terms = await page.getByTestId('why-tree').locator('li:has(> code)').allTextContents();
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) expect(term).toMatch(/：\S/);
  });

  it('the frameworks panel opened, with a custom mask and a fully masked row', async () => {
    await show('pad=left&causal=1&cm=k%20%3C%3D%20q%20%7C%7C%20k%20%3D%3D%200&open=masks,frameworks');
    await page.getByTestId('masked-row-table').waitFor();
    await expectNoEnglish('frameworks panel');
  });

  it('presentation mode on the masked step', async () => {
    await show('present=1&step=masked&causal=1', '.present-view canvas');
    await page.getByTestId('step-explainer').waitFor();
    await expectNoEnglish('presentation mode');
  });

  it('the encoder–decoder view', async () => {
    await show('attn=encdec&causal=1');
    await expectNoEnglish('encoder–decoder view');
  });
});

describe('mask info by keyboard', () => {
  it('Tab to a mask\'s ⓘ button and Enter: aria-expanded turns true and its panel shows the source', async () => {
    await show('m=chunked(C=4)&open=masks');
    const button = page.locator('[data-mask="chunked"]').getByTestId('mask-info-button');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`#${await button.getAttribute('aria-controls')}`.replace(/:/g, '\\:'));
    expect(await panel.textContent()).toContain('Llama 4');
    expect(await panel.textContent()).toContain('出处');
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
  });
});
