/**
 * Emulator mode is guarded like real-site mode: `x-rt-account-id: app` acts as the app, so a page of another
 * origin (or under another Host name) must not reach the emulator's REST API or the workspace's own API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowedHosts, isApiPath, isJsonContentType } from '../../local/server/request-guard';
import { SEED_BASE_DATE, startWorkspace, type Workspace } from '../../local/server/start-workspace';

let dir: string;
let ws: Workspace;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt-guard-'));
  ws = await startWorkspace({ dataPath: join(dir, 'jira.json'), port: 0, seedDate: SEED_BASE_DATE, now: () => SEED_BASE_DATE });
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

const labelsOf = (key: string) => ws.store.get().issues.find((i) => i.key === key)!.fields.labels;
const edit = (headers: Record<string, string>) =>
  fetch(`${ws.url}/rest/api/3/issue/RT-4`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ fields: { labels: ['edited-by-app'] } }) });

test('acting as the app from another origin, or without the token, changes nothing', async () => {
  expect((await edit({ 'x-rt-account-id': 'app', origin: 'https://evil.example' })).status).toBe(403);
  expect((await edit({ 'x-rt-account-id': 'app' })).status).toBe(403);
  expect((await edit({ 'x-rt-account-id': 'app', [Object.keys(ws.apiHeaders())[0]!]: 'not-the-token' })).status).toBe(403);
  expect(labelsOf('RT-4')).not.toContain('edited-by-app');
});

test('the same request from the workspace’s own page goes through', async () => {
  expect((await edit({ ...ws.apiHeaders('app'), origin: ws.url, 'sec-fetch-site': 'same-origin' })).status).toBe(204);
  expect(labelsOf('RT-4')).toContain('edited-by-app');
});

test('the guard’s building blocks', () => {
  expect([...allowedHosts(4700)]).toEqual(['localhost:4700', '127.0.0.1:4700', '[::1]:4700']);
  expect(allowedHosts(4700, '0.0.0.0').size).toBe(3);
  expect(allowedHosts(4700, 'devbox.local').has('devbox.local:4700')).toBe(true);
  expect(['/rest/api/3/myself', '/__app/invoke', '/__local/workspace', '/__local/workflow/transitions/1/validators'].every(isApiPath)).toBe(true);
  expect(['/', '/main.js', '/__app/frame', '/__app/static/x/main.js', '/__local/bridge-host.js'].some(isApiPath)).toBe(false);
  expect(['application/json', 'application/json; charset=utf-8', 'Application/JSON'].every(isJsonContentType)).toBe(true);
  expect(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/jsonp', undefined].some(isJsonContentType)).toBe(false);
});
