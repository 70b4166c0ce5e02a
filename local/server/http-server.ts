/**
 * The local workspace's HTTP server: the shell, the Jira REST emulator (or a proxy to a real site), the app's
 * Custom UI frames with the bridge host injected, and `/__app/invoke` that runs resolvers in-process.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppHost } from './app-host';
import { formatFieldValue } from './field-formatter';
import { sendStaticFile } from './static-files';
import { allowedHosts, FRAME_GUARD_HEADERS, isJsonContentType, newLocalToken, refusalOf } from './request-guard';
import { localTokenMeta } from '../security/local-token';
import type { EmulatorHandle } from './emulator-transport';
import type { FrameConfig } from '../bridge-host/frame-config';

export type WorkspaceUser = { accountId: string; displayName: string; emailAddress?: string; roles: string[] };
export type TransitionValidators = Array<{ key: string; configuration: string }>;
export type WorkspaceBackend = {
  jira: EmulatorHandle;
  projectInfo(): Promise<{ projectKey: string; projectId: string; projectName: string; users: WorkspaceUser[] }>;
  workflow(): Promise<{ transitions: Array<{ id: string; name: string; toStatusId: string; validators: TransitionValidators }> }>;
  saveTransitionValidators(transitionId: string, validators: TransitionValidators): Promise<void>;
};

const MAX_BODY = 5 * 1024 * 1024;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  // Only a JSON content type is read (a cross-origin text/plain or form POST needs no preflight).
  const declared = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
  if ((declared || req.headers['transfer-encoding'] !== undefined) && !isJsonContentType(req.headers['content-type'])) {
    throw new HttpError(415, 'Request bodies must be sent as content-type: application/json.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  if (!isJsonContentType(req.headers['content-type'])) throw new HttpError(415, 'Request bodies must be sent as content-type: application/json.');
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON.');
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
}

/** Serves a file below `root`, refusing paths that climb out of it (cached and compressed: static-files.ts). */
async function serveFile(req: IncomingMessage, res: ServerResponse, root: string, relative: string, transform?: (html: string) => string) {
  const base = resolve(root);
  const file = resolve(base, normalize(relative || 'index.html'));
  if (file !== base && !file.startsWith(base + sep)) throw new HttpError(403, 'Forbidden path.');
  try {
    await sendStaticFile(req, res, file, transform);
  } catch (e) {
    if (res.headersSent) throw e;
    throw new HttpError(404, `Not found: ${relative}. Did \`npm run build\` run?`);
  }
}

function decodeContext(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new HttpError(400, 'Frame context is not valid base64url JSON.');
  }
}

/** Escapes JSON for an inline <script> so no value can close the tag. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028|\u2029/g, ' ');

/** Methods the /rest/ routes serve (and the real-site proxy forwards); anything else is refused. */
const REST_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

export function createWorkspaceServer(options: {
  backend: WorkspaceBackend;
  appHost: AppHost;
  root?: string;
  /** The per-start token the pages carry (default: a fresh random one; see request-guard.ts). */
  token?: string;
  /** The host the server listens on, accepted as a Host name besides localhost/127.0.0.1/[::1]. */
  host?: string;
}): Server {
  const { backend, appHost } = options;
  const token = options.token ?? newLocalToken();
  const withToken = (html: string) => html.replace('<head>', `<head>\n${localTokenMeta(token)}`);
  const root = options.root ?? process.cwd();
  const manifest = appHost.manifest;
  const resourcePath = new Map(manifest.resources.map((r) => [r.key, r.path]));

  function moduleFunction(moduleKey: string): string | null {
    const m = manifest.modules;
    const all = [...m['jira:issuePanel'], ...m['jira:projectPage'], ...m['jira:customField'], ...m['jira:workflowValidator']];
    return all.find((x) => x.key === moduleKey)?.resolver?.function ?? null;
  }

  async function workspace() {
    const info = await backend.projectInfo();
    const m = manifest.modules;
    return {
      ...info,
      issuePanels: m['jira:issuePanel'].map((p) => ({ key: p.key, title: p.title, resource: p.resource, functionKey: p.resolver?.function ?? null, displayConditions: (p as { displayConditions?: unknown }).displayConditions ?? null })),
      projectPages: m['jira:projectPage'].map((p) => ({ key: p.key, title: p.title, resource: p.resource, functionKey: p.resolver?.function ?? null, pages: p.pages })),
      customFields: m['jira:customField'].map((f) => ({ key: f.key, name: f.name, fieldId: 'customfield_10100', editResource: f.edit?.resource ?? null, viewResource: f.view?.resource ?? null, viewFormatter: Boolean(f.view?.formatter), functionKey: f.resolver?.function ?? null })),
      validators: m['jira:workflowValidator'].map((v) => ({ key: v.key, name: v.name, resource: v.edit.resource, functionKey: v.resolver?.function ?? null })),
      workflow: await backend.workflow(),
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const accountId = String(req.headers['x-rt-account-id'] ?? '');

    if (path.startsWith('/rest/')) {
      if (!REST_METHODS.has(method)) throw new HttpError(405, `${method} is not served on /rest/.`);
      const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
      const reply = await backend.jira({ method, path, query: url.searchParams, headers, body });
      return send(res, reply.status, reply.body, reply.headers);
    }
    if (path === '/__local/workspace' && method === 'GET') return send(res, 200, await workspace());
    const formatMatch = /^\/__local\/fields\/([^/]+)\/format$/.exec(path);
    if (formatMatch && method === 'POST') {
      const body = (await readBody(req)) as { value?: unknown } | null;
      const formatted = formatFieldValue(manifest, decodeURIComponent(formatMatch[1]!), body?.value ?? null);
      if (!formatted.ok) throw new HttpError(400, formatted.message);
      return send(res, 200, { text: formatted.text });
    }
    const validatorsMatch = /^\/__local\/workflow\/transitions\/([^/]+)\/validators$/.exec(path);
    if (validatorsMatch && method === 'PUT') {
      const body = (await readBody(req)) as { validators?: unknown };
      const list = Array.isArray(body?.validators) ? body.validators : null;
      const known = new Set(manifest.modules['jira:workflowValidator'].map((v) => v.key));
      if (!list || !list.every((v: unknown) => typeof v === 'object' && v !== null && known.has((v as { key?: string }).key ?? '') && typeof (v as { configuration?: unknown }).configuration === 'string'))
        throw new HttpError(400, 'Body must be { validators: [{ key: <validator module key>, configuration: <string> }] }.');
      const validators = list as TransitionValidators;
      if (validators.some((v) => v.configuration.length > 32 * 1024)) throw new HttpError(400, 'A validator configuration is over Jira’s 32 KB limit.');
      await backend.saveTransitionValidators(decodeURIComponent(validatorsMatch[1]!), validators);
      return send(res, 204);
    }
    if (path === '/__app/invoke' && method === 'POST') {
      if (!accountId) throw new HttpError(401, 'Missing x-rt-account-id.');
      const body = (await readBody(req)) as { function?: unknown; call?: { functionKey?: unknown; payload?: unknown }; context?: unknown; moduleKey?: unknown };
      if (typeof body?.function !== 'string' || typeof body.call?.functionKey !== 'string') throw new HttpError(400, 'Body must be { function, call: { functionKey, payload }, context }.');
      try {
        const result = await appHost.invokeResolver(body.function, { functionKey: body.call.functionKey, payload: body.call.payload ?? {} }, (body.context ?? {}) as Record<string, unknown>, accountId);
        return send(res, 200, { result });
      } catch (e) {
        return send(res, 500, { error: e instanceof Error ? e.message : String(e) });
      }
    }
    if (path === '/__app/frame' && method === 'GET') {
      const resource = url.searchParams.get('resource') ?? '';
      const moduleKey = url.searchParams.get('module') ?? '';
      const dir = resourcePath.get(resource);
      if (!dir) throw new HttpError(404, `No resource '${resource}' in manifest.yml.`);
      const context = decodeContext(url.searchParams.get('ctx'));
      const frame: FrameConfig = {
        frameId: url.searchParams.get('frameId') ?? moduleKey,
        resourceKey: resource,
        moduleKey,
        functionKey: moduleFunction(moduleKey),
        accountId: url.searchParams.get('accountId') ?? (typeof context['accountId'] === 'string' ? context['accountId'] : ''),
        context,
        route: url.searchParams.get('route') ?? undefined,
        ...(url.searchParams.get('modal') ? { modal: { modalId: url.searchParams.get('modal')! } } : {}),
      };
      const inject = `${localTokenMeta(token)}\n<base href="/__app/static/${resource}/" />\n<script>window.__RT_FRAME__=${inlineJson(frame)};</script>\n<script src="/__local/bridge-host.js"></script>\n`;
      return serveFile(req, res, join(root, dir), 'index.html', (html) => html.replace('<head>', `<head>\n${inject}`));
    }
    const staticMatch = /^\/__app\/static\/([^/]+)\/(.*)$/.exec(path);
    if (staticMatch) {
      const dir = resourcePath.get(staticMatch[1]!);
      if (!dir) throw new HttpError(404, 'Unknown resource.');
      return serveFile(req, res, join(root, dir), staticMatch[2]!);
    }
    if (path === '/__local/bridge-host.js' || path === '/__local/bridge-host.js.map') return serveFile(req, res, join(root, 'local/.build'), path.slice('/__local/'.length));
    if (method === 'GET') return serveFile(req, res, join(root, 'local/.build/shell'), path === '/' ? 'index.html' : path.slice(1), withToken);
    throw new HttpError(404, `No route for ${method} ${path}.`);
  }

  let hosts: Set<string> | undefined;
  const server = createServer((req, res) => {
    hosts ??= allowedHosts((server.address() as AddressInfo).port, options.host);
    for (const [name, value] of Object.entries(FRAME_GUARD_HEADERS)) res.setHeader(name, value);
    const refusal = refusalOf(req, new URL(req.url ?? '/', 'http://localhost').pathname, { hosts, token });
    if (refusal) {
      req.resume();
      return send(res, refusal.status, { errorMessages: [refusal.message], errors: {} }, { connection: 'close' });
    }
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) console.error(e);
      if (!res.headersSent) send(res, status, { errorMessages: [e instanceof Error ? e.message : String(e)], errors: {} });
      else res.end();
    });
  });
  return server;
}
