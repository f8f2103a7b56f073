/**
 * GPT-2's vocabulary in the built site (issue #12 §5): bundled as a chunk of its own, not in the
 * JavaScript of the first paint, and loaded from the app's own origin when a link asks for it.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForResult } from './harness';
import { serveBuiltApp, type StaticSite } from './staticSite';

/** A GPT-2 vocabulary entry (token 43453) that appears in no other code of the app. */
const VOCABULARY_MARK = 'SolidGoldMagikarp';

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

describe('GPT-2 vocabulary in the build', () => {
  it('the vocabulary is in a chunk of the build, and in none of the first paint’s scripts', async () => {
    const html = await readFile(join(site.outDir, 'index.html'), 'utf8');
    const firstPaint = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(firstPaint.length).toBeGreaterThan(0);
    for (const script of firstPaint) expect((await readFile(join(site.outDir, script), 'utf8')).includes(VOCABULARY_MARK)).toBe(false);
    const chunks = (await readdir(join(site.outDir, 'assets'))).filter((f) => f.endsWith('.js'));
    const holding = [];
    for (const chunk of chunks) if ((await readFile(join(site.outDir, 'assets', chunk), 'utf8')).includes(VOCABULARY_MARK)) holding.push(chunk);
    expect(holding.length).toBeGreaterThan(0);
  });

  it('a tok=gpt2 link on the built site: Hello, ␣world on the axis, every request to the app’s origin', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${site.origin}/#v=2&q=Hello+world&tok=gpt2&heads=1`);
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="heatmap-weights"] .ms-col-labels text')].map((n) => n.textContent).join('|') === 'Hello|␣world',
      null,
      { timeout: 60_000 },
    );
    await waitForResult(page);
    expect(requests.some((url) => /r50k_+base/.test(url))).toBe(true);
    expect(requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
