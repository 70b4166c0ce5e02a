/**
 * The emulator as a Jira site over HTTP: what a real site is to the plain-HTTP adapter (basic auth with an API
 * token, or the emulator's acting-user header). Used where a test needs "a Jira site" on a socket: the contract
 * suite and the real-site mode tests. It is not the workspace server (local/server), which serves the shell and is
 * guarded against other origins; like Jira, it reads request bodies only as application/json.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorRequest, EmulatorResponse } from './handler';

export type EmulatorSite = { baseUrl: string; server: Server; close(): Promise<void> };
type Handle = (req: EmulatorRequest) => Promise<EmulatorResponse>;

const MAX_BODY = 5 * 1024 * 1024;

async function bodyOf(req: IncomingMessage): Promise<{ body?: unknown; error?: EmulatorResponse }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { error: { status: 413, body: { errorMessages: ['Request body too large.'], errors: {} } } };
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { error: { status: 415, body: { errorMessages: ['Unsupported Media Type: send application/json.'], errors: {} } } };
  try {
    return { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { error: { status: 400, body: { errorMessages: ['Unexpected character in the request body: it is not JSON.'], errors: {} } } };
  }
}

export async function serveEmulatorSite(handle: Handle, options: { host?: string; port?: number } = {}): Promise<EmulatorSite> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const { body, error } = await bodyOf(req);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
      const reply = error ?? (await handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body }));
      const out = reply.body === undefined ? undefined : JSON.stringify(reply.body);
      res.writeHead(reply.status, { ...(out === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }), ...(reply.headers ?? {}) }).end(out);
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errorMessages: [e instanceof Error ? e.message : String(e)], errors: {} }));
      else res.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  return {
    baseUrl: `http://${host}:${(server.address() as AddressInfo).port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
