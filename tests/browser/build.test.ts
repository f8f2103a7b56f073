/**
 * `vite build` gives a static site that works from a plain static file server, from a
 * sub-folder (relative asset paths), and requests nothing from any other origin.
 */
import { createServer, type Server } from 'node:http';
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
});
