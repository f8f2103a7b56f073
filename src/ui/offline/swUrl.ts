/**
 * The service worker's script URL (`sw.js`, written by vite-plugin-pwa next to index.html, see
 * vite.config.ts), made through a Trusted Types policy where the browser has one. Under our CSP's
 * `require-trusted-types-for 'script'` (vite.config.ts), `navigator.serviceWorker.register`
 * accepts only a TrustedScriptURL. The policy `maskscope-sw` creates exactly one URL, the service
 * worker beside the page, and refuses any other. Source: W3C Trusted Types, `createScriptURL`;
 * Service Workers, `ServiceWorkerContainer.register(scriptURL)`.
 */

/** The policy's name, listed in the CSP's `trusted-types` directive. */
export const SW_POLICY_NAME = 'maskscope-sw';

/** What a TrustedScriptURL is to us: an opaque value `register` (and workbox-window) accepts. */
export type SwScriptUrl = string & { readonly __trustedScriptUrl?: never };

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): { createScriptURL(input: string): unknown };
}

let policy: { createScriptURL(input: string): unknown } | null | undefined;

/**
 * The absolute URL of `sw.js` in the folder of the page (the app's relative base), e.g.
 * http://host/some/sub-folder/sw.js for a page under /some/sub-folder/. Its scope is that folder.
 */
export function serviceWorkerHref(): string {
  return new URL('sw.js', document.baseURI).href;
}

/**
 * The service worker's URL for `register`: a TrustedScriptURL where Trusted Types exist (the
 * policy is created once per page), else the plain string.
 * @throws TypeError from the policy for any URL but the service worker's (never with this module's own).
 */
export function serviceWorkerScriptUrl(): SwScriptUrl {
  const href = serviceWorkerHref();
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    policy = factory
      ? factory.createPolicy(SW_POLICY_NAME, {
          createScriptURL(input) {
            if (input !== serviceWorkerHref()) throw new TypeError(`${SW_POLICY_NAME}: only the service worker's URL may load as a script, not ${input}`);
            return input;
          },
        })
      : null;
  }
  return (policy ? policy.createScriptURL(href) : href) as SwScriptUrl;
}
