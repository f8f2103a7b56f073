/**
 * What bench/run.mjs serves and opens: a Vite dev server for bench/page.html (no file watching,
 * so edits elsewhere never reload the page mid-run), the app built by `vite build` into a
 * temporary folder and served by a tiny static server, and headless Chromium.
 */
import { createServer as createHttpServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, createServer } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Same flags as the browser tests (tests/browser/chromium.json).
const CHROME_ARGS = JSON.parse(readFileSync(new URL('../tests/browser/chromium.json', import.meta.url), 'utf8')).args;

export async function launchBrowser() {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`Chromium not found at ${CHROME_PATH}. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.`);
  }
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
}

/** Dev server for bench/page.html; `url` is its origin. */
export async function startDevServer() {
  const server = await createServer({
    root: ROOT, logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', watch: null, hmr: false },
    optimizeDeps: { entries: ['bench/page.html', 'index.html'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite dev server has no TCP address');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** A plain static file server for `dir` (index.html at /). */
function serveStatic(dir) {
  const server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Bytes (and gzip bytes) of the JavaScript and CSS referenced by index.html (entry chunk, modulepreloads, stylesheets): what loads before the first paint. */
async function entryScripts(dir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const sizes = await Promise.all(files.map(async (f) => {
    const code = await readFile(join(dir, f));
    return { file: f, bytes: code.length, gzipBytes: gzipSync(code).length };
  }));
  return { files: sizes, gzipBytes: sizes.reduce((n, s) => n + s.gzipBytes, 0) };
}

/** Where buildAndServe serves bench/floorPage.html, beside the app. */
export const FLOOR_PAGE = 'bench-floor.html';

/** `vite build` into a temporary folder, served statically (with FLOOR_PAGE); `url` is its origin. */
export async function buildAndServe() {
  const dir = await mkdtemp(join(tmpdir(), 'maskscope-bench-dist-'));
  const t = Date.now();
  // The dev server started earlier in this process set NODE_ENV=development, which would make this
  // a development build (React's dev bundle: larger and several times slower). Build as `vite build` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'error', build: { outDir: dir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const buildMs = Date.now() - t;
  // the interaction floor's page (bench/floorPage.html), served beside the app
  await copyFile(join(ROOT, 'bench', 'floorPage.html'), join(dir, FLOOR_PAGE));
  const server = await serveStatic(dir);
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    buildMs,
    entry: await entryScripts(dir),
    close: async () => {
      server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
