/**
 * The built app (`vite build` into a temporary folder) served by a plain static file server, for
 * browser tests of what ships: from a sub-folder (relative asset paths), with response headers
 * (e.g. the Content-Security-Policy as a header, which also covers the worker scripts, where a
 * `<meta>` policy does not reach), and refusing long request lines with 414 as nginx does.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

export interface StaticSiteOptions {
  /** Response headers added to every file, by its path under the mount. */
  headers?: (path: string) => Record<string, string>;
  /** Where the site is mounted, e.g. '/some/sub-folder/' (default '/'); anything else is 404. */
  mount?: string;
  /** The longest request line answered (`GET /… HTTP/1.1`); a longer one gets 414. Default: no limit. */
  maxRequestLine?: number;
  /** Told of every request: its request line's length and the status answered. */
  onRequest?: (lineLength: number, status: number) => void;
}

export interface StaticSite {
  /** The mount's address, e.g. http://127.0.0.1:4321/ */
  url: string;
  /** e.g. http://127.0.0.1:4321 */
  origin: string;
  outDir: string;
  close(): Promise<void>;
}

/** Builds the app into a temporary folder and serves it; `close()` stops the server and removes the folder. */
export async function serveBuiltApp(options: StaticSiteOptions = {}): Promise<StaticSite> {
  const outDir = await mkdtemp(join(tmpdir(), 'maskscope-site-'));
  const root = fileURLToPath(new URL('../..', import.meta.url));
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await listen(outDir, options);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}${options.mount ?? '/'}`,
    origin,
    outDir,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** A plain static file server for the folder `root`, as `options` say. */
function listen(root: string, { headers = () => ({}), mount = '/', maxRequestLine = Infinity, onRequest }: StaticSiteOptions): Promise<Server> {
  const server = createServer({ maxHeaderSize: 1 << 20 }, async (req, res) => {
    const lineLength = `${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}`.length;
    const answer = (status: number, body: Buffer | string = '', head: Record<string, string> = {}) => {
      onRequest?.(lineLength, status);
      res.writeHead(status, head).end(body);
    };
    if (lineLength > maxRequestLine) return answer(414, 'Request-URI Too Large');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(mount)) return answer(404);
    const inside = path.slice(mount.length);
    const file = normalize(join(root, inside === '' || inside.endsWith('/') ? join(inside, 'index.html') : inside));
    if (!file.startsWith(root)) return answer(404);
    try {
      answer(200, await readFile(file), { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers(inside) });
    } catch {
      answer(404);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
