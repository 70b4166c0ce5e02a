/**
 * What the request guard alone cannot stop: a page of another origin framing the workspace (clickjacking: the
 * framed shell's own requests carry the token), other machines on the network (they send any Host header they
 * like, so in real-site mode the server must not listen beyond this machine), and a stalled site holding the
 * shell's proxied requests open.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLoopbackHost } from '../../local/server/request-guard';
import { realJiraProxy } from '../../local/server/real-jira-proxy';
import { SEED_BASE_DATE, startWorkspace, type Workspace } from '../../local/server/start-workspace';

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'rt-exposure-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no page of another origin may frame the workspace', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await startWorkspace({ dataPath: join(dir, 'frames.json'), port: 0, seedDate: SEED_BASE_DATE, now: () => SEED_BASE_DATE });
  });
  afterAll(() => ws.close());

  it.each([
    ['the shell page', '/'],
    ['an app frame', '/__app/frame?resource=project-pages&module=release-train-project-page'],
    ['a refused API call', '/rest/api/3/myself'],
  ])('%s says so in its headers', async (_what, path) => {
    const res = await fetch(`${ws.url}${path}`);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('real-site mode listens on this machine only', () => {
  const envKeys = ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN'] as const;
  const saved = Object.fromEntries(envKeys.map((k) => [k, process.env[k]]));
  beforeAll(() => void Object.assign(process.env, { JIRA_BASE_URL: 'http://127.0.0.1:9', JIRA_EMAIL: 'dev@example.com', JIRA_API_TOKEN: 'secret-api-token' }));
  afterAll(() => {
    for (const k of envKeys) if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'devbox.local'])('HOST=%s is refused: other machines could read the token', async (host) => {
    await expect(startWorkspace({ dataPath: join(dir, 'real.json'), port: 0, host, seedDate: SEED_BASE_DATE })).rejects.toThrow(/listens on this machine only.*HOST must be 127\.0\.0\.1/);
  });

  it('a loopback HOST starts', async () => {
    const ws = await startWorkspace({ dataPath: join(dir, 'real.json'), port: 0, host: '127.0.0.1', seedDate: SEED_BASE_DATE });
    expect(ws.realJira).toBe(true);
    await ws.close();
  });

  it('loopback names', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '', '10.0.0.1', '127.0.0.1.evil.example', 'localhost.evil.example', '::ffff:10.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

describe('the real-site proxy gives up on a stalled site', () => {
  let site: Server;
  let base: string;
  beforeAll(async () => {
    site = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    site.closeAllConnections();
    await new Promise<void>((resolve) => site.close(() => resolve()));
  });

  it('answers 504 after its time limit instead of waiting for ever', async () => {
    // Without the limit the request would wait until Jest's test timeout: no wall-clock bound needed here.
    const proxy = realJiraProxy({ JIRA_BASE_URL: base, JIRA_EMAIL: 'dev@example.com', JIRA_API_TOKEN: 't' }, { timeoutMs: 300 })!;
    const reply = await proxy({ method: 'GET', path: '/rest/api/3/myself', query: new URLSearchParams(), headers: {}, body: undefined });
    expect(reply.status).toBe(504);
    expect(JSON.stringify(reply.body)).toContain('did not answer GET /rest/api/3/myself within 300 ms');
  });

  it('answers 502 when the site cannot be reached', async () => {
    const proxy = realJiraProxy({ JIRA_BASE_URL: 'http://127.0.0.1:9', JIRA_EMAIL: 'dev@example.com', JIRA_API_TOKEN: 't' })!;
    const reply = await proxy({ method: 'GET', path: '/rest/api/3/myself', query: new URLSearchParams(), headers: {}, body: undefined });
    expect(reply.status).toBe(502);
    expect(JSON.stringify(reply.body)).toContain('could not be reached');
  });
});
