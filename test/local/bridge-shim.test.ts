/**
 * requestJira from the real, unmodified @forge/bridge through the workspace's bridge host (local/bridge-host/main.ts)
 * to the emulator, GET and PUT, acting as the frame's user. Runs the host in Node with the few browser globals it
 * touches, so no browser is needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameConfig } from '../../local/bridge-host/frame-config';
import { SEED_BASE_DATE, startWorkspace } from '../../local/server/start-workspace';

let dir: string;
let ws: Awaited<ReturnType<typeof startWorkspace>>;
let requestJira: typeof import('@forge/bridge').requestJira;
const g = globalThis as Record<string, unknown>;
const saved = { fetch: globalThis.fetch, Request: globalThis.Request };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt-bridge-'));
  ws = await startWorkspace({ dataPath: join(dir, 'jira.json'), port: 0, seedDate: SEED_BASE_DATE, now: () => SEED_BASE_DATE });
  const frame: FrameConfig = { frameId: 'f1', resourceKey: 'regression-panel', moduleKey: 'qa-regression-panel', functionKey: null, accountId: 'rt-qa-hiro', context: {} };
  // The browser globals the host uses: window (= globalThis, where @forge/bridge looks for __bridge), its parent and
  // origin, and a fetch that resolves the host's same-origin paths against the workspace.
  Object.assign(g, {
    window: globalThis,
    __RT_FRAME__: frame,
    parent: { postMessage: () => undefined },
    location: { origin: ws.url },
    addEventListener: () => undefined,
    // The page's <meta name="rt-local-token">, as the workspace serves it to each frame.
    document: { documentElement: { scrollHeight: 0 }, querySelector: (sel: string) => (sel.includes('rt-local-token') ? { getAttribute: () => ws.localToken } : null) },
    ResizeObserver: class { observe() {} },
    fetch: (input: string, init?: RequestInit) => saved.fetch(new URL(input, ws.url), init),
    // @forge/bridge builds `new Request('')`, which a page resolves against its own URL.
    Request: class extends saved.Request {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input === '' ? ws.url : input, init);
      }
    },
  });
  jest.isolateModules(() => {
    require('../../local/bridge-host/main');
    requestJira = (require('@forge/bridge') as typeof import('@forge/bridge')).requestJira;
  });
});
afterAll(async () => {
  globalThis.fetch = saved.fetch;
  globalThis.Request = saved.Request;
  for (const k of ['window', '__RT_FRAME__', '__bridge', 'parent', 'location', 'addEventListener', 'document', 'ResizeObserver']) delete g[k];
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

test('GET through requestJira returns Jira’s JSON', async () => {
  const res = await requestJira('/rest/api/3/issue/RT-1?fields=summary,labels', { headers: { Accept: 'application/json' } });
  expect(res.status).toBe(200);
  const issue = (await res.json()) as { key: string; fields: { summary: string } };
  expect(issue.key).toBe('RT-1');
  expect(typeof issue.fields.summary).toBe('string');
});

test('PUT through requestJira edits the issue as the frame’s user', async () => {
  const res = await requestJira('/rest/api/3/issue/RT-1', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ fields: { labels: ['via-bridge'] } }),
  });
  expect(res.status).toBe(204);
  const after = (await (await requestJira('/rest/api/3/issue/RT-1?fields=labels&expand=changelog')).json()) as {
    fields: { labels: string[] };
    changelog: { histories: Array<{ author?: { accountId: string }; items: Array<{ field: string }> }> };
  };
  expect(after.fields.labels).toEqual(['via-bridge']);
  const labelChange = after.changelog.histories.filter((h) => h.items.some((i) => i.field === 'labels')).pop();
  expect(labelChange?.author?.accountId).toBe('rt-qa-hiro');
});
