/**
 * The engine worker's script URL, made through a Trusted Types policy where the browser has one.
 * Under `require-trusted-types-for 'script'` (our Content-Security-Policy, vite.config.ts) a Worker
 * accepts only a TrustedScriptURL; a plain string throws and the page would stay blank.
 * The policy `maskscope-worker` creates exactly one URL, the engine worker bundled by Vite
 * (`?worker&url`), and refuses any other. Source: W3C Trusted Types, `createScriptURL`;
 * Vite, "Web Workers: import with query suffixes".
 */
import engineWorkerUrl from '../worker/engineWorker.ts?worker&url';

/** The policy's name, listed in the CSP's `trusted-types` directive. */
export const WORKER_POLICY_NAME = 'maskscope-worker';

/** What a TrustedScriptURL is to us: an opaque value the Worker constructor accepts. */
type ScriptUrl = string & { readonly __trustedScriptUrl?: never };

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): { createScriptURL(input: string): unknown };
}

let policy: { createScriptURL(input: string): unknown } | null | undefined;

/**
 * The engine worker's URL for `new Worker(…, { type: 'module' })`: a TrustedScriptURL where
 * Trusted Types exist (created once per page), else the plain string.
 * @throws TypeError from the policy for any URL but the engine worker's (never with this module's own).
 */
export function engineWorkerScriptUrl(): ScriptUrl {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    policy = factory
      ? factory.createPolicy(WORKER_POLICY_NAME, {
          createScriptURL(input) {
            if (input !== engineWorkerUrl) throw new TypeError(`${WORKER_POLICY_NAME}: only the engine worker's URL may load as a script, not ${input}`);
            return input;
          },
        })
      : null;
  }
  // A TrustedScriptURL is accepted wherever the DOM types say `string | URL`.
  return (policy ? policy.createScriptURL(engineWorkerUrl) : engineWorkerUrl) as ScriptUrl;
}
