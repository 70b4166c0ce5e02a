/**
 * Real-site mode's proxy holds the user's API token: other web pages must not be able to drive it. A fake Jira
 * site records every request it gets; CSRF (cross-origin text/plain and JSON POSTs), DNS rebinding (a foreign Host)
 * and preflights are fired at the local workspace, and nothing may reach the site. The shell's own requests
 * (same origin, JSON, this start's token) still go through, with the token's basic auth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_BASE_DATE, startWorkspace, type Workspace } from '../../local/server/start-workspace';

type Seen = { method: string; url: string; authorization?: string };
let seen: Seen[] = [];
let site: Server;
let siteUrl: string;
let dir: string;
let ws: Workspace;
const envKeys = ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN', 'RT_PROJECT_KEY'] as const;
const savedEnv = Object.fromEntries(envKeys.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  site = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: '10001', key: 'SITE-1' }));
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accountId: 'site-user', displayName: 'Site User' }));
    });
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'rt-proxy-guard-'));
  Object.assign(process.env, { JIRA_BASE_URL: siteUrl, JIRA_EMAIL: 'dev@example.com', JIRA_API_TOKEN: 'secret-api-token', RT_PROJECT_KEY: 'SITE' });
  ws = await startWorkspace({ dataPath: join(dir, 'jira.json'), port: 0, seedDate: SEED_BASE_DATE, now: () => SEED_BASE_DATE });
});

afterAll(async () => {
  for (const k of envKeys) if (savedEnv[k] === undefined) delete process.env[k];
  else process.env[k] = savedEnv[k];
  await ws.close();
  await new Promise<void>((resolve) => site.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => void (seen = []));

/** A raw HTTP request to the workspace (so Host, Origin and Sec-Fetch-* can be set as a browser would). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: ws.port, method, path, headers: { host: `127.0.0.1:${ws.port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = () => `http://127.0.0.1:${ws.port}`;
const issueBody = JSON.stringify({ fields: { project: { key: 'SITE' }, issuetype: { name: 'Task' }, summary: 'pwned' } });

describe('nothing from another origin reaches the site', () => {
  test('CSRF: a cross-origin text/plain POST (no preflight in browsers) is refused', async () => {
    const r = await send('POST', '/rest/api/3/issue', { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }, issueBody);
    expect(r.status).toBe(403);
    expect(seen).toEqual([]);
  });

  test('CSRF from an old browser (no Origin, no Sec-Fetch-Site): refused without the token, and a text/plain body is never read', async () => {
    const r = await send('POST', '/rest/api/3/issue', { 'content-type': 'text/plain' }, issueBody);
    expect(r.status).toBe(403);
    const withToken = await send('POST', '/rest/api/3/issue', { 'content-type': 'text/plain', ...ws.apiHeaders() }, issueBody);
    expect(withToken.status).toBe(415);
    const form = await send('POST', '/rest/api/3/issue', { 'content-type': 'application/x-www-form-urlencoded', ...ws.apiHeaders() }, 'a=1');
    expect(form.status).toBe(415);
    expect(seen).toEqual([]);
  });

  test('a cross-origin request is refused even when it somehow carries the token', async () => {
    const r = await send('GET', '/rest/api/3/myself', { origin: 'https://evil.example', ...ws.apiHeaders() });
    expect(r.status).toBe(403);
    const nullOrigin = await send('GET', '/rest/api/3/myself', { origin: 'null', ...ws.apiHeaders() });
    expect(nullOrigin.status).toBe(403);
    const sameSite = await send('GET', '/rest/api/3/myself', { 'sec-fetch-site': 'same-site', ...ws.apiHeaders() });
    expect(sameSite.status).toBe(403);
    expect(seen).toEqual([]);
  });

  test('DNS rebinding: a foreign Host header is refused, even "same-origin" with the token', async () => {
    for (const host of [`evil.example:${ws.port}`, 'evil.example', `localhost:${ws.port + 1}`, `127.0.0.1.evil.example:${ws.port}`]) {
      const r = await send('GET', '/rest/api/3/myself', { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin', ...ws.apiHeaders() });
      expect({ host, status: r.status }).toEqual({ host, status: 421 });
    }
    // The shell page (and with it the token) is not served under a foreign name either.
    const page = await send('GET', '/', { host: `evil.example:${ws.port}` });
    expect(page.status).toBe(421);
    expect(page.text).not.toContain(ws.localToken);
    expect(seen).toEqual([]);
  });

  test('preflights are answered with a refusal, no CORS headers, and never forwarded', async () => {
    for (const path of ['/rest/api/3/issue', '/__app/invoke', '/__local/workspace']) {
      const r = await send('OPTIONS', path, { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-rt-account-id' });
      expect({ path, status: r.status }).toEqual({ path, status: 405 });
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    const sameOrigin = await send('OPTIONS', '/rest/api/3/issue', { ...ws.apiHeaders() });
    expect(sameOrigin.status).toBe(405);
    expect(seen).toEqual([]);
  });

  test('methods other than GET, POST, PUT and DELETE are not forwarded', async () => {
    for (const method of ['PATCH', 'TRACE']) {
      const r = await send(method, '/rest/api/3/issue/SITE-1', { origin: own(), 'sec-fetch-site': 'same-origin', ...ws.apiHeaders() });
      expect({ method, status: r.status }).toEqual({ method, status: 405 });
    }
    expect(seen).toEqual([]);
  });

  test('the workspace API and the app invoke route are guarded the same way', async () => {
    expect((await send('GET', '/__local/workspace', {})).status).toBe(403);
    expect((await send('GET', '/__local/workspace', { origin: 'https://evil.example', ...ws.apiHeaders() })).status).toBe(403);
    const invoke = JSON.stringify({ function: 'rc-promotion-fn', call: { functionKey: 'rc/config', payload: {} }, context: {} });
    expect((await send('POST', '/__app/invoke', { 'content-type': 'text/plain', 'x-rt-account-id': 'app' }, invoke)).status).toBe(403);
    expect((await send('POST', '/__app/invoke', { 'content-type': 'application/json', 'x-rt-account-id': 'app', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, invoke)).status).toBe(403);
    expect(seen).toEqual([]);
  });
});

describe("the shell's own requests still work", () => {
  test('a same-origin JSON request with the token is forwarded with the API token, and the answer comes back', async () => {
    const me = await send('GET', '/rest/api/3/myself', { origin: own(), 'sec-fetch-site': 'same-origin', accept: 'application/json', ...ws.apiHeaders() });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.text)).toEqual({ accountId: 'site-user', displayName: 'Site User' });
    const created = await send('POST', '/rest/api/3/issue', { origin: own(), 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', ...ws.apiHeaders() }, issueBody);
    expect(created.status).toBe(201);
    const basic = `Basic ${Buffer.from('dev@example.com:secret-api-token').toString('base64')}`;
    expect(seen).toEqual([
      { method: 'GET', url: '/rest/api/3/myself', authorization: basic },
      { method: 'POST', url: '/rest/api/3/issue', authorization: basic },
    ]);
  });

  test('localhost is the same server as 127.0.0.1; a page opened directly (Sec-Fetch-Site: none) is served with the token in it', async () => {
    const me = await send('GET', '/rest/api/3/myself', { host: `localhost:${ws.port}`, origin: `http://localhost:${ws.port}`, ...ws.apiHeaders() });
    expect(me.status).toBe(200);
    const frame = await send('GET', '/__app/frame?resource=regression-panel&module=qa-regression-panel', { 'sec-fetch-site': 'none', 'sec-fetch-dest': 'document' });
    expect(frame.status).toBe(200);
    expect(frame.text).toContain(ws.localToken);
  });
});
