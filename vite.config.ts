import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './vite.pwa';

// `base: './'` makes every asset path relative, so `dist/` works from any static file server
// and from any sub-folder. Nothing is fetched from another origin.
export default defineConfig({
  base: './',
  // The built index.html carries a strict Content-Security-Policy (below); the build also has a
  // service worker and a web app manifest for offline use (vite.pwa.ts).
  plugins: [react(), contentSecurityPolicy(), offlinePlugin()],
  // assetsInlineLimit 0: KaTeX's small fonts stay files, not data: URLs (the CSP's font-src is 'self').
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, assetsInlineLimit: 0 },
  // ES-module workers can split: the engine worker loads tfjs only when a tfjs path runs.
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});

/**
 * The Content-Security-Policy of the built app (issue #11 §5), written into index.html as a
 * `<meta http-equiv>` by a Vite plugin that runs only for `vite build`: the dev server injects
 * inline scripts (React refresh, the HMR client), which this policy forbids.
 *
 * The strictest the app allows, checked in Chromium by tests/browser/csp.test.ts:
 * - scripts, workers, styles, fonts, fetches only from the app's own origin; no inline script,
 *   no eval (KaTeX is typeset with DOM calls, React and d3 set styles through CSSOM, tfjs needs no eval);
 * - images also from data: and blob: (canvas snapshots, exports);
 * - Trusted Types enforced: only the policies `maskscope-worker` (src/compute/workerUrl.ts) and
 *   `maskscope-sw` (the service worker, src/ui/offline/swUrl.ts) may make a script URL, and nothing
 *   writes HTML strings into the DOM.
 * A `<meta>` policy cannot carry frame-ancestors or report-to: a server that wants those sends
 * this policy as a header (docs/reliability.md).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types maskscope-worker maskscope-sw',
].join('; ');

/** Adds the policy as the first element of <head> in the built index.html. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'maskscope-csp',
    apply: 'build',
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
    },
  };
}
