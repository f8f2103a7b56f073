/**
 * The Share panel on the built site, under its own Content-Security-Policy with Trusted Types
 * (vite.config.ts, the `<meta>` of index.html): the QR code is drawn on a canvas — no HTML string,
 * no inline style sheet — and decodes to the link shown, with no violation reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import jsQR from 'jsqr';
import { launchChromium, waitForResult } from './harness';
import { serveBuiltApp, type StaticSite } from './staticSite';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveBuiltApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the Share panel under the CSP and Trusted Types', () => {
  it('the QR code draws and decodes to the link; no violation, no error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.exposeFunction('reportViolation', (text: string) => problems.push(`violation: ${text}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(`${site.url}#v=2&causal=1&lock=causal`);
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toContain('trusted-types');
    await waitForResult(page);
    await page.getByTestId('share-open').click();
    await page.getByTestId('share-heads-hidden').check();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toContain('hide=heads');
    await page.waitForFunction((l) => document.querySelector('[data-testid="qr-code"]')?.getAttribute('data-text') === l, link);
    const { width, height, pixels } = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="qr-code"]')!;
      return { width: canvas.width, height: canvas.height, pixels: Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data) };
    });
    expect(jsQR(new Uint8ClampedArray(pixels), width, height)?.data).toBe(link);
    expect(problems).toEqual([]);
    await page.close();
  });
});
