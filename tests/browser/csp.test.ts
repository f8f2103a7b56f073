/**
 * Issue #11 §5: the built app under its own Content-Security-Policy (vite.config.ts) — given both
 * as the `<meta>` in index.html and as a response header, which also governs the engine worker —
 * with Trusted Types enforced: it computes on the JS path and on tfjs WebGL in the worker, KaTeX
 * formulas render, the service worker (issue #12 §4) registers and serves the reload, and no violation is reported (securitypolicyviolation events, console, CDP log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, waitForResult } from './harness';
import { serveBuiltApp, type StaticSite } from './staticSite';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

let site: StaticSite;
let browser: Browser;
let policy = '';

beforeAll(async () => {
  site = await serveBuiltApp({ headers: () => ({ 'content-security-policy': policy }) });
  const html = await readFile(join(site.outDir, 'index.html'), 'utf8');
  policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'") ?? '';
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens the built app at `search`, recording every violation, console error and page error. */
async function open(search: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => entry.level === 'error' && problems.push(`log (${entry.source}): ${entry.text}`));
  await cdp.send('Log.enable');
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  await page.goto(`${site.url}${search}`);
  return { page, problems };
}

describe('the built app under its Content-Security-Policy and Trusted Types', () => {
  it('index.html carries the policy: no inline script, no eval (WebAssembly compilation only), Trusted Types required, one policy', () => {
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    // 'wasm-unsafe-eval': the JS path's SIMD kernels (src/engine/wasm/); a refused compilation
    // is a violation (the engine=js test below)
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(directives.get('trusted-types')).toEqual(['maskscope-worker', 'maskscope-sw']);
    expect(directives.get('worker-src')).toEqual(["'self'"]); // the engine worker and the service worker
  });

  it('default view: computes, the step formula is typeset by KaTeX, no violation; HTML strings and inline scripts are refused', async () => {
    const { page, problems } = await open('?v=1&causal=1&step=weights');
    await waitForResult(page);
    await page.locator('[data-testid="step-formula"].formula-tex .katex .katex-html').waitFor();
    expect(await page.locator('[data-testid="step-formula"] .katex-mathml math').count()).toBe(1);
    expect(await page.getByTestId('heatmap-weights').locator('canvas').count()).toBeGreaterThan(0);
    // the policy is in force: an HTML string and an inline script are refused (eval cannot be
    // tried from here: code evaluated by DevTools is exempt; script-src above has no 'unsafe-eval')
    const refused = await page.evaluate(() => {
      const attempts: Record<string, () => void> = {
        innerHTML: () => { document.createElement('div').innerHTML = '<b>x</b>'; },
        inlineScript: () => { document.createElement('script').textContent = 'document.title = "ran"'; },
      };
      return Object.fromEntries(Object.entries(attempts).map(([name, f]) => { try { f(); return [name, false]; } catch { return [name, true]; } }));
    });
    expect(refused).toEqual({ innerHTML: true, inlineScript: true });
    // those two deliberate attempts are the only violations
    expect(problems.filter((p) => p.startsWith('violation')).length).toBeLessThanOrEqual(2);
    expect(problems.filter((p) => !/TrustedHTML|TrustedScript|require-trusted-types-for/i.test(p))).toEqual([]);
    await page.close();
  });

  it('presentation mode with a formula, untouched: no violation at all', async () => {
    const { page, problems } = await open('?v=1&present=1&step=scaled&lq=5');
    await page.locator('[data-testid="step-formula"].formula-tex .katex').waitFor({ timeout: 60_000 });
    await page.locator('.present-view canvas').first().waitFor({ timeout: 60_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the service worker registers (through the policy maskscope-sw) and controls the page; reloaded from its cache, the app computes; no violation', async () => {
    const { page, problems } = await open('?v=1&causal=1&step=weights');
    await waitForResult(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null && document.documentElement.dataset.offline === 'ready', null, { timeout: 60_000 });
    await page.reload();
    await waitForResult(page);
    await page.locator('[data-testid="step-formula"].formula-tex .katex').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}sw.js`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('engine=js, L = 128, dK = 16, computed on the page: the WebAssembly SIMD kernels compile under the policy, no violation', async () => {
    // Lk·(dK + dV) = 4096 ≥ KERNEL_MIN_ROW_WORK: the kernels run. Without 'wasm-unsafe-eval' this
    // view reports two "script-src wasm-eval" violations (and falls back to the JS loops). The
    // engine worker runs the same loader under the same policy (the header), but its violations
    // reach neither the page's events nor its console: the next test checks it by its result.
    const { page, problems } = await open('?v=1&engine=js&mode=lengths&lq=128&lk=128&heads=1&dk=16&causal=1&step=output');
    await waitForResult(page, 90_000);
    const status = page.getByTestId('status-backend');
    expect(await status.getAttribute('data-path')).toBe('js');
    expect(await status.evaluate((e) => e.parentElement?.textContent ?? '')).toContain('on the page');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('engine=js, L = 512 (in the engine worker): the worker compiles and runs the WebAssembly SIMD kernels under the header policy', async () => {
    // 2^18 cells > PAGE_CELLS: the worker computes it; Lk·(dK + dV) = 16,384: its kernels run there,
    // which the result reports (RunInfo.simd, counted by the worker's kernelHeadCount)
    const { page, problems } = await open('?v=1&engine=js&mode=lengths&lq=512&lk=512&heads=1&dk=16&causal=1');
    await waitForResult(page, 90_000);
    const status = page.getByTestId('status-backend');
    expect(await status.getAttribute('data-path')).toBe('js');
    expect(await page.getByTestId('status-on-page').count()).toBe(0);
    expect(await status.getAttribute('data-simd')).toBe('true');
    expect(await page.getByTestId('status-simd').textContent()).toContain('WebAssembly SIMD');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('engine=webgl: tfjs runs on WebGL inside the worker under the header policy, no violation', async () => {
    const { page, problems } = await open('?v=1&engine=webgl&heads=2&lq=16&lk=16&causal=1');
    await waitForResult(page, 90_000);
    expect(await page.getByTestId('status-backend').getAttribute('data-path')).toBe('webgl');
    expect(problems).toEqual([]);
    await page.close();
  });
});
