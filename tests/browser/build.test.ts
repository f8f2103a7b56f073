/**
 * `vite build` gives a static site that works from a plain static file server, from a
 * sub-folder (relative asset paths), and requests nothing from any other origin.
 */
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness';
import { serveBuiltApp, type StaticSite } from './staticSite';

const SUBFOLDER = '/some/sub-folder/';

let site: StaticSite;
let outDir: string;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  site = await serveBuiltApp({ mount: SUBFOLDER });
  ({ outDir, origin } = site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('npm run build', () => {
  it('the built site works from a sub-folder of a static server and requests only its own origin', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}${SUBFOLDER}?v=1&causal=1`);
    await page.waitForSelector('[data-testid="heatmap-weights"] canvas', { timeout: 60_000 });
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.filter((url) => !url.startsWith(`${origin}${SUBFOLDER}`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the JavaScript before the first paint (the entry and its static imports) is ≤ 400 KB gzip and holds no tfjs', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    let gzipBytes = 0;
    for (const script of scripts) {
      const code = await readFile(join(outDir, script));
      gzipBytes += gzipSync(code).length;
      // flag names registered by tfjs-core and tfjs-backend-webgl
      for (const tfjsFlag of ['IS_BROWSER', 'WEBGL_RENDER_FLOAT32_CAPABLE']) expect(code.toString('utf8')).not.toContain(tfjsFlag);
    }
    expect(gzipBytes).toBeLessThanOrEqual(400 * 1024);
  });

  it('on a software WebGL renderer the default view never loads tfjs (the JS path runs)', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${origin}${SUBFOLDER}?causal=1`);
    await page.waitForSelector('[data-testid="heatmap-weights"] canvas', { timeout: 60_000 });
    expect(await page.getByTestId('status-backend').getAttribute('data-path')).toBe('js');
    const scripts = await Promise.all(requests.filter((u) => u.endsWith('.js')).map(async (u) => (await readFile(join(outDir, new URL(u).pathname.slice(SUBFOLDER.length)))).toString('utf8')));
    expect(scripts.some((code) => code.includes('WEBGL_RENDER_FLOAT32_CAPABLE'))).toBe(false);
    await page.close();
  });
});
