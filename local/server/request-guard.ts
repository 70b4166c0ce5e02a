/**
 * What keeps the local workspace's server from being driven by other web pages. The server holds power: in
 * real-site mode its /rest/ proxy adds the user's API token to every request, and in emulator mode
 * `x-rt-account-id: app` acts as the app. Any page the user visits can make the browser send requests to
 * 127.0.0.1, so:
 * - Host: only the server's own names (localhost, 127.0.0.1, [::1], the configured host) with its port. A DNS
 *   rebinding attack reaches 127.0.0.1 under the attacker's name, which shows in the Host header.
 * - OPTIONS is never served (no preflight succeeds, so no cross-origin request with custom headers or a JSON
 *   content type is ever sent) and never forwarded.
 * - API routes (/rest/ and /__*): an `Origin` must be the server's own, `Sec-Fetch-Site` must be same-origin
 *   (pages and assets may also be opened directly: `none`), and API calls must carry the per-start token that the
 *   server writes into the pages it serves (a page of another origin cannot read it).
 * - Request bodies are parsed only when sent as application/json (a cross-origin form or `text/plain` POST needs
 *   no preflight, so it must not be read as JSON).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LOCAL_TOKEN_HEADER } from '../security/local-token';

export { LOCAL_TOKEN_HEADER };

export type Refusal = { status: number; message: string };

/** A fresh secret per server start. */
export const newLocalToken = () => randomBytes(24).toString('base64url');

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
/** Hosts that mean "every interface": not a name a browser would use for this server. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** The `host:port` values (lower-case) this server answers to. */
export function allowedHosts(port: number, configuredHost?: string): Set<string> {
  const names = [...LOOPBACK_NAMES];
  if (configuredHost && !WILDCARDS.has(configuredHost)) names.push(configuredHost.includes(':') && !configuredHost.startsWith('[') ? `[${configuredHost}]` : configuredHost);
  return new Set(names.map((n) => `${n.toLowerCase()}:${port}`));
}

/** Routes that act or read data (as opposed to the shell's and the apps' pages and assets). */
export function isApiPath(path: string): boolean {
  if (path.startsWith('/rest/')) return true;
  if (path === '/__app/frame' || path.startsWith('/__app/static/') || path.startsWith('/__local/bridge-host.js')) return false;
  return path.startsWith('/__');
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why the request is refused, or undefined when it may be served. */
export function refusalOf(req: IncomingMessage, path: string, options: { hosts: Set<string>; token: string }): Refusal | undefined {
  const host = (header(req, 'host') ?? '').toLowerCase();
  if (!options.hosts.has(host)) {
    return { status: 421, message: `This server answers only to ${[...options.hosts].join(', ')}, not to Host '${host.slice(0, 100)}'.` };
  }
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return { status: 405, message: 'The local workspace answers no preflight (OPTIONS) requests and forwards none.' };
  const underscore = path.startsWith('/__');
  if (!isApiPath(path) && !underscore) return undefined;
  const origin = header(req, 'origin');
  if (origin !== undefined && !options.hosts.has(originHost(origin))) {
    return { status: 403, message: `Requests from ${origin.slice(0, 100)} are refused: only the workspace's own pages may call it.` };
  }
  const site = header(req, 'sec-fetch-site');
  const api = isApiPath(path);
  if (site !== undefined && site !== 'same-origin' && !(site === 'none' && !api)) {
    return { status: 403, message: `Cross-site requests (Sec-Fetch-Site: ${site.slice(0, 30)}) are refused: only the workspace's own pages may call it.` };
  }
  if (!api) return undefined;
  const token = header(req, LOCAL_TOKEN_HEADER);
  if (token === undefined || !sameSecret(token, options.token)) {
    return { status: 403, message: `Missing or wrong ${LOCAL_TOKEN_HEADER}: only the workspace's own pages (which carry this start's token) may call ${path.startsWith('/rest/') ? 'the REST API' : 'the workspace API'}.` };
  }
  return undefined;
}

/** `host:port` of an Origin header value (lower-case; '' when it is not an http URL, e.g. the string "null"). */
function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:') return '';
    return `${url.hostname.toLowerCase()}:${url.port || '80'}`;
  } catch {
    return '';
  }
}

/**
 * Headers on every reply. The guard above stops other pages' requests, but a page of another origin could still
 * show the workspace itself in an iframe and trick the user into clicking its buttons (clickjacking): the shell's
 * own requests then carry the token. Only the workspace's own pages may frame it (the shell frames the app's
 * Custom UI); `nosniff` keeps a JSON error that echoes a path from being read as a script or a page.
 */
export const FRAME_GUARD_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy': "frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
};

/**
 * Whether `host` (what the server listens on) is reachable from this machine only. Other machines are not
 * browsers: they can send any Host header, so the guard above does not stop them, and in real-site mode the
 * server must not be reachable from the network at all.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Whether a request's body may be read as JSON: its content type must say so. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}
