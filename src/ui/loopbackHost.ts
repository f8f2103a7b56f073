/**
 * Whether a link to this page opens only on this computer: its host is a loopback name or address.
 * The Share panel warns about such a link (a QR code of http://127.0.0.1:5173/ opens nothing on a
 * student's phone).
 */

/**
 * True for `hostname` as URL.hostname gives it: `localhost` and names under `.localhost`
 * (RFC 6761 §6.3), the IPv4 loopback block 127.0.0.0/8 (RFC 1122), the IPv6 loopback `[::1]`
 * (RFC 4291), and `0.0.0.0` (no address of its own: the browser opens this computer).
 * @example isLoopbackHost('127.0.0.1') // → true;  isLoopbackHost('192.168.1.20') // → false
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]' || host === '0.0.0.0') return true;
  return /^127(\.\d{1,3}){3}$/.test(host);
}
