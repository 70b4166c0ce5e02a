/**
 * Real-site mode, with the "site" being another workspace's emulator over HTTP: JIRA_BASE_URL/JIRA_EMAIL/
 * JIRA_API_TOKEN make the shell's REST proxy (realJiraProxy), the app's gateways (localServices' real branch)
 * and the shell's project and users (RT_PROJECT_KEY) all come from the site, not from the local data file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_BASE_DATE, startWorkspace } from '../../local/server/start-workspace';
import { serveEmulatorSite, type EmulatorSite } from '../../local/emulator/http-site';
import { emulatorEnv, type EmulatorEnv } from '../support/emulator-env';

type Workspace = Awaited<ReturnType<typeof startWorkspace>>;
let dir: string;
let site: EmulatorEnv;
let siteHttp: EmulatorSite;
let local: Workspace;
const envKeys = ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN', 'RT_PROJECT_KEY'] as const;
const savedEnv = Object.fromEntries(envKeys.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt-real-site-'));
  site = await emulatorEnv({ prefix: 'rt-real-site-emulator-', services: false });
  siteHttp = await serveEmulatorSite(site.emulator.handle);
  Object.assign(process.env, { JIRA_BASE_URL: `${siteHttp.baseUrl}/`, JIRA_EMAIL: 'hiro.tanaka@demo.local', JIRA_API_TOKEN: 'local-token', RT_PROJECT_KEY: 'OPS' });
  local = await startWorkspace({ dataPath: join(dir, 'local.json'), port: 0, seedDate: SEED_BASE_DATE, now: () => SEED_BASE_DATE });
});
afterAll(async () => {
  for (const k of envKeys) if (savedEnv[k] === undefined) delete process.env[k];
  else process.env[k] = savedEnv[k];
  await local.close();
  await siteHttp.close();
  site.close();
  rmSync(dir, { recursive: true, force: true });
});

const siteIssue = (ws: Pick<Workspace, 'store'>, key: string) => ws.store.get().issues.find((i) => i.key === key)!;

test('the token’s email is a demo user of the site (the test’s premise)', () => {
  expect(site.store.get().users.some((u) => u.emailAddress === 'hiro.tanaka@demo.local')).toBe(true);
  expect(local.realJira).toBe(true);
});

test('the shell’s REST calls are proxied to the site with the token’s account', async () => {
  site.emulator.resetCalls();
  const res = await fetch(`${local.url}/rest/api/3/issue/RT-2`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...local.apiHeaders('rt-rte-chloe') },
    body: JSON.stringify({ fields: { labels: ['via-real-proxy'] } }),
  });
  expect(res.status).toBe(204);
  expect(siteIssue(site, 'RT-2').fields.labels).toEqual(['via-real-proxy']);
  expect(siteIssue(local, 'RT-2').fields.labels).not.toContain('via-real-proxy');
  const hiro = site.store.get().users.find((u) => u.emailAddress === 'hiro.tanaka@demo.local')!.accountId;
  expect(site.emulator.calls.filter((c) => c.path === '/rest/api/3/issue/RT-2').map((c) => c.accountId)).toEqual([hiro]);
});

test('the app’s gateways (as user and as app) talk to the site over HTTP', async () => {
  await local.services.jira('app').editIssue('RT-5', { fields: { labels: ['via-app-gateway'] } });
  expect(siteIssue(site, 'RT-5').fields.labels).toEqual(['via-app-gateway']);
  const read = await local.services.jira('user', 'rt-rte-chloe').getIssue('RT-5', { fields: ['labels'] });
  expect(read.fields['labels']).toEqual(['via-app-gateway']);
  expect(siteIssue(local, 'RT-5').fields.labels).not.toContain('via-app-gateway');
});

test('the shell’s project is RT_PROJECT_KEY’s on the site, and its one user is the token’s owner', async () => {
  const info = (await (await fetch(`${local.url}/__local/workspace`, { headers: local.apiHeaders() })).json()) as { projectKey: string; projectId: string; projectName: string; users: Array<{ emailAddress?: string }> };
  const ops = site.store.get().projects.find((p) => p.key === 'OPS')!;
  expect({ key: info.projectKey, id: info.projectId, name: info.projectName }).toEqual({ key: 'OPS', id: ops.id, name: ops.name });
  expect(info.users.map((u) => u.emailAddress)).toEqual(['hiro.tanaka@demo.local']);
});
