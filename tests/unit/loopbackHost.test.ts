/** The Share panel's "this computer only" check (src/ui/loopbackHost.ts). */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/ui/loopbackHost';

describe('isLoopbackHost', () => {
  it('loopback names and addresses, as URL.hostname gives them, are this computer only', () => {
    for (const url of ['http://localhost:5173/', 'http://LOCALHOST./', 'http://app.localhost/', 'http://127.0.0.1:4173/', 'http://127.1.2.3/', 'http://[::1]:5173/', 'http://0.0.0.0:5173/']) {
      expect(isLoopbackHost(new URL(url).hostname), url).toBe(true);
    }
  });

  it('network addresses and names are not', () => {
    for (const url of ['http://192.168.1.20:5173/', 'http://10.0.0.7/', 'https://maskscope.example.org/', 'http://localhost.example.org/', 'http://127.0.0.1.nip.io/', 'http://[fe80::1]/']) {
      expect(isLoopbackHost(new URL(url).hostname), url).toBe(false);
    }
  });
});
