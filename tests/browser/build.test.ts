/**
 * `vite build` gives a static site that works from a plain static file server, from a
 * sub-folder (relative asset paths), and requests nothing from any other origin.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const SUBFOLDER = '/some/sub-folder/';

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;

/** A plain static file server for `root`, mounted at SUBFOLDER. */
function serveStatic(root: string): Promise<Server> {
  const s = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(SUBFOLDER)) return void res.writeHead(404).end();
    const file = normalize(join(root, path.slice(SUBFOLDER.length) || 'index.html'));
    try {
      const body = await readFile(file.endsWith('/') ? join(file, 'index.html') : file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'maskscope-dist-'));
  const root = fileURLToPath(new URL('../..', import.meta.url));
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  server = await serveStatic(outDir);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
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
