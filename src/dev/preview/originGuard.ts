// The preview answers only its own page on this computer: a web page elsewhere (another origin, or a
// DNS name rebound to 127.0.0.1) must not read the district or drive the add-on through it.
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The loopback `host:port` names the preview is reached by. */
function ownHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`);
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Why a request is refused, or null when it comes from the preview's own page: `Host` must be a
 * loopback name with the preview's port (against DNS rebinding); an `Origin`, when sent, must be
 * that same origin; anything but GET/HEAD must carry it (browsers send it with every POST), and a
 * browser's cross-site request (`Sec-Fetch-Site`) is refused except opening the page itself.
 */
export function refusalOf(
  method: string,
  pathname: string,
  headers: IncomingHttpHeaders,
  port: number,
): 'host' | 'origin' | null {
  const host = (header(headers, 'host') ?? '').toLowerCase();
  if (!ownHosts(port).includes(host)) return 'host';
  const origin = header(headers, 'origin');
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return 'origin';
  const reading = method === 'GET' || method === 'HEAD';
  if (!reading && origin === undefined) return 'origin';
  const site = header(headers, 'sec-fetch-site');
  const opensPage = reading && pathname === '/' && header(headers, 'sec-fetch-mode') === 'navigate';
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && !opensPage) return 'origin';
  return null;
}
