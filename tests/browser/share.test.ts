/**
 * Links a teacher shapes (issue #12 §1), in real Chromium: `hide=` removes the named controls and
 * panels, `lock=` disables them (mouse and keyboard) and says why; the Share panel's ticks write
 * those keys; its QR code decodes (jsQR, on the canvas pixels) to exactly the link it shows; a
 * link past a QR code's capacity gets a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import jsQR from 'jsqr';
import { openPage, startHarness, waitForResult, type Harness, linkUrl } from './harness';
import { decodeScenario } from '../../src/state/urlCodec';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** The scenario in the page's own address. */
async function pageScenario(page: Page) {
  return decodeScenario(new URL(await linkUrl(page)).hash).scenario;
}

/** The QR code on canvas `testId`, decoded by jsQR from its pixels (null when it does not decode). */
async function decodeQr(page: Page, testId: string): Promise<string | null> {
  const { width, height, base64 } = await page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"]`)!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: canvas.width, height: canvas.height, base64: btoa(binary) };
  }, testId);
  const pixels = new Uint8ClampedArray(Buffer.from(base64, 'base64'));
  return jsQR(pixels, width, height)?.data ?? null;
}

describe('hide= and lock= in the page', () => {
  it('hide=seed,frameworks,share: those are not in the page; lock=causal,heads: disabled, with the note, showing their values', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&causal=1&heads=2&hide=seed,frameworks,share&lock=causal,heads');
    await waitForResult(page);
    expect(await page.locator('[data-control="seed"]').count()).toBe(0);
    expect(await page.getByTestId('frameworks').count()).toBe(0);
    expect(await page.getByTestId('share-open').count()).toBe(0);
    // the model panel's other controls are still there and free
    expect(await page.locator('[data-control="dk"] input').isEnabled()).toBe(true);
    const causal = page.locator('[data-control="causal"] input[type="checkbox"]');
    expect(await causal.isDisabled()).toBe(true);
    expect(await causal.isChecked()).toBe(true);
    const heads = page.locator('[data-control="heads"] input');
    expect(await heads.isDisabled()).toBe(true);
    expect(await heads.inputValue()).toBe('2');
    const note = await page.locator('[data-control="causal"]').evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(note).toBe("locked by the teacher's link");
    expect(await page.locator('[data-control="causal"] .lock-badge').getAttribute('title')).toBe("locked by the teacher's link");
    // still so after a reload: it is in the link
    await page.reload();
    await waitForResult(page);
    expect(await page.locator('[data-control="seed"]').count()).toBe(0);
    expect(await page.locator('[data-control="causal"] input[type="checkbox"]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a locked control ignores the keyboard and clicks: Tab never reaches it, Space and arrows change nothing', async () => {
    const { page } = await openPage(harness, '/#v=2&lock=causal,heads');
    await waitForResult(page);
    // walk the whole page by Tab: the focus never lands inside a locked control
    const focusedLocked: string[] = [];
    await page.locator('body').focus();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const inLocked = await page.evaluate(() => document.activeElement?.closest('[data-locked="true"]')?.getAttribute('data-control') ?? null);
      if (inLocked) focusedLocked.push(inLocked);
    }
    expect(focusedLocked).toEqual([]);
    // focus() on a disabled input does nothing; keys then go elsewhere
    await page.locator('[data-control="heads"] input').focus().catch(() => undefined);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('9');
    await page.locator('[data-control="causal"] label').click({ force: true });
    await page.keyboard.press('Space');
    const s = await pageScenario(page);
    expect([s.causal, s.heads]).toEqual([false, 4]);
    expect(await page.locator('[data-control="causal"] input').isChecked()).toBe(false);
    await page.close();
  });

  it('lock=vh,vb: the head thumbnails show every head but pick none (with the lock), and presentation mode’s Batch item and Head are locked too', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&causal=1&lock=vh,vb');
    await waitForResult(page);
    const thumbs = page.locator('.head-strip button');
    await expect.poll(() => thumbs.count()).toBe(4);
    for (let h = 0; h < 4; h++) expect(await thumbs.nth(h).isDisabled()).toBe(true);
    expect(await page.getByTestId('head-strip').locator('h2 .lock-badge').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Present' }).click();
    const picker = page.getByTestId('view-picker');
    await picker.waitFor();
    expect(await picker.locator('fieldset[data-locked="true"]').count()).toBe(2);
    expect(await picker.getByLabel('Head').isDisabled()).toBe(true);
    expect(await picker.getByLabel('Batch item').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('present=1&lock=present keeps students in presentation mode and says so: Exit is disabled with the lock, the hint drops "Esc leaves", Esc changes nothing', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&causal=1&present=1&step=mask&lock=present');
    const exit = page.getByTestId('present-exit');
    await exit.waitFor();
    expect(await exit.isDisabled()).toBe(true);
    expect(await page.locator('.present-bar fieldset[data-locked="true"][data-control="present"] .lock-badge').count()).toBe(1);
    expect(await page.locator('.present-keys').textContent()).toBe('← → move between steps');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight'); // a key the page acts on after the Esc: it was not left
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-step') === 'masked');
    expect(await page.getByTestId('present-view').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
    // without the lock: an enabled Exit and the Esc hint
    const open = await openPage(harness, '/#v=2&causal=1&present=1&step=mask');
    await open.page.getByTestId('present-exit').waitFor();
    expect(await open.page.getByTestId('present-exit').isDisabled()).toBe(false);
    expect(await open.page.locator('.present-keys').textContent()).toBe('← → move between steps · Esc leaves');
    await open.page.close();
  });

  it('lock=masks locks every control of the Masks panel (its fold button still works); hide=model removes the Model panel', async () => {
    const { page } = await openPage(harness, '/#v=2&lock=masks&hide=model');
    await waitForResult(page);
    expect(await page.locator('[data-panel="model"]').count()).toBe(0);
    const states = await page.locator('[data-panel="masks"] .fold-body').evaluate((body) =>
      [...body.querySelectorAll('input, select, textarea, button')].map((el) => el.matches(':disabled')));
    expect(states.length).toBeGreaterThan(5);
    expect(states.every(Boolean)).toBe(true);
    const toggle = page.locator('[data-panel="masks"] .fold-toggle');
    await toggle.click();
    await page.waitForFunction(() => document.querySelector('[data-panel="masks"]')?.getAttribute('data-open') === 'false');
    await page.close();
  });

  it('an unknown id: a warning naming it and the valid ids; the rest of the link applies and the app computes', async () => {
    const { page } = await openPage(harness, '/#v=2&hide=nonsense,seed');
    await waitForResult(page);
    const text = await page.getByTestId('url-warnings').textContent();
    expect(text).toContain('nonsense');
    for (const id of ['causal', 'heads', 'masks', 'frameworks']) expect(text).toContain(id);
    expect(await page.locator('[data-control="seed"]').count()).toBe(0);
    await page.close();
  });
});

describe('the Share panel', () => {
  it('ticks → hide= and lock=, landing → present= and step=; the QR code decodes to exactly the link shown; Esc closes', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(new URL('/#v=2&causal=1', harness.baseUrl).toString());
    await waitForResult(page);
    await page.getByTestId('share-open').click();
    await page.getByTestId('share-causal-locked').check();
    await page.getByTestId('share-model-hidden').check();
    await page.getByTestId('share-vh-locked').check();
    await page.getByTestId('share-present').check();
    await page.getByTestId('share-step').selectOption('weights');
    const link = await page.getByTestId('share-link').inputValue();
    const shared = decodeScenario(new URL(link).hash);
    expect(shared.warnings).toEqual([]);
    expect(shared.scenario).toMatchObject({ causal: true, hide: 'model', lock: 'causal,vh', present: true, step: 'weights' });
    expect(link.startsWith(new URL('/', harness.baseUrl).toString())).toBe(true);
    // served from 127.0.0.1: the panel says students' devices cannot open it
    expect(await page.getByTestId('share-local-only').textContent()).toContain(`(${new URL(harness.baseUrl).host})`);
    // the page itself is unchanged until the link is opened
    expect((await pageScenario(page)).lock).toBe('');

    await page.waitForFunction((l) => document.querySelector('[data-testid="qr-code"]')?.getAttribute('data-text') === l, link);
    expect(await decodeQr(page, 'qr-code')).toBe(link);
    const box = await page.getByTestId('qr-code').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(320);

    await page.getByTestId('qr-show-large').click();
    await page.waitForFunction((l) => document.querySelector('[data-testid="qr-code-large"]')?.getAttribute('data-text') === l, link);
    expect(await decodeQr(page, 'qr-code-large')).toBe(link);
    const large = await page.getByTestId('qr-code-large').boundingBox();
    expect(large!.height).toBeGreaterThan(0.8 * 900);
    await page.keyboard.press('Escape');
    await page.getByTestId('qr-large').waitFor({ state: 'detached' });
    expect(await page.getByTestId('share-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);

    await page.getByTestId('share-copy').click();
    await page.getByText('Copied', { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(document.querySelector('[data-testid="share-dialog"]') as HTMLDialogElement).open);
    await context.close();
  });

  it('"Open this link here" applies it: presentation mode, the Model panel gone after leaving it, causal locked', async () => {
    const { page } = await openPage(harness, '/#v=2');
    await waitForResult(page);
    await page.getByTestId('share-open').click();
    await page.getByTestId('share-causal-locked').check();
    await page.getByTestId('share-model-hidden').check();
    await page.getByTestId('share-present').check();
    await page.getByTestId('share-open-link').click();
    await page.getByTestId('present-view').waitFor();
    await page.getByTestId('present-exit').click();
    await waitForResult(page);
    expect(await page.locator('[data-panel="model"]').count()).toBe(0);
    expect(await page.locator('[data-control="causal"] input').isDisabled()).toBe(true);
    await page.close();
  });

  it('a link too long for a QR code: a clear message instead of the code, and the panel keeps working', async () => {
    // text that lz-string cannot shrink much: a pseudo-random walk over 90 ASCII characters
    let x = 7;
    const noise = Array.from({ length: 4000 }, () => String.fromCharCode(33 + ((x = (x * 1103515245 + 12345) % 2 ** 31) % 90))).join('');
    const { page, errors } = await openPage(harness, `/#v=2&q=${encodeURIComponent(noise)}`);
    await waitForResult(page);
    await page.getByTestId('share-open').click();
    await page.getByTestId('qr-too-long').waitFor();
    expect(await page.getByTestId('qr-too-long').textContent()).toMatch(/too long for a QR code/);
    expect(await page.getByTestId('qr-code').count()).toBe(0);
    await page.getByTestId('share-seed-hidden').check();
    expect(decodeScenario(new URL(await page.getByTestId('share-link').inputValue()).hash).scenario.hide).toBe('seed');
    expect(errors).toEqual([]);
    await page.close();
  });
});
