/** Stopping and restarting the local workspace keeps every change: Jira data and app storage alike. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { services } from '../../src/runtime/services';
import { SEED_BASE_DATE, startWorkspace } from '../../local/server/start-workspace';

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'rt-restart-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a change survives a restart', async () => {
  const dataPath = join(dir, 'jira.json');
  const first = await startWorkspace({ dataPath, port: 0, seedDate: SEED_BASE_DATE, now: () => SEED_BASE_DATE });
  const res = await fetch(`${first.url}/rest/api/3/issue/RT-3`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...first.apiHeaders('rt-rte-chloe') },
    body: JSON.stringify({ fields: { labels: ['kept-after-restart'] } }),
  });
  expect(res.status).toBe(204);
  await services().storage.set('restart-check', { value: 42 });
  await first.close();

  const second = await startWorkspace({ dataPath, port: 0, now: () => SEED_BASE_DATE });
  try {
    const issue = (await (await fetch(`${second.url}/rest/api/3/issue/RT-3?fields=labels`, { headers: second.apiHeaders('rt-rte-chloe') })).json()) as { fields: { labels: string[] } };
    expect(issue.fields.labels).toEqual(['kept-after-restart']);
    expect(await services().storage.get('restart-check')).toEqual({ value: 42 });
  } finally {
    await second.close();
  }
});

test('the shell and app frames are served; an unknown resource is a clear 404', async () => {
  const ws = await startWorkspace({ dataPath: join(dir, 'frames.json'), port: 0, seedDate: SEED_BASE_DATE, now: () => SEED_BASE_DATE });
  try {
    const shell = await fetch(`${ws.url}/`);
    expect(shell.status).toBe(200);
    expect(await shell.text()).toContain('<div id="root">');
    const frame = await fetch(`${ws.url}/__app/frame?resource=regression-panel&module=qa-regression-panel`);
    expect(frame.status).toBe(200);
    const html = await frame.text();
    expect(html).toContain('window.__RT_FRAME__=');
    expect(html).toContain('/__local/bridge-host.js');
    // Each served page carries this start's token, which the shell and the bridge host send back.
    expect(html).toContain(`<meta name="rt-local-token" content="${ws.localToken}" />`);
    const missing = await fetch(`${ws.url}/__app/frame?resource=nope`);
    expect(missing.status).toBe(404);
    expect(JSON.stringify(await missing.json())).toContain("No resource 'nope'");
  } finally {
    await ws.close();
  }
});

test('`npm run reset` while the workspace runs is picked up, not undone by the next write', async () => {
  const { resetStore } = await import('../../local/emulator/reset');
  const dataPath = join(dir, 'reset-live.json');
  const ws = await startWorkspace({ dataPath, port: 0, seedDate: SEED_BASE_DATE, now: () => SEED_BASE_DATE });
  const as = { 'content-type': 'application/json', ...ws.apiHeaders('rt-rte-chloe') };
  const labels = async (key: string) => ((await (await fetch(`${ws.url}/rest/api/3/issue/${key}?fields=labels`, { headers: as })).json()) as { fields: { labels: string[] } }).fields.labels;
  const label = (key: string, value: string) => fetch(`${ws.url}/rest/api/3/issue/${key}`, { method: 'PUT', headers: as, body: JSON.stringify({ fields: { labels: [value] } }) });
  try {
    expect((await label('RT-3', 'before-reset')).status).toBe(204);
    await resetStore(dataPath, SEED_BASE_DATE); // what `npm run reset` does, from outside the server
    expect(await labels('RT-3')).not.toContain('before-reset');
    expect((await label('RT-4', 'after-reset')).status).toBe(204);
    const { readFileSync } = await import('node:fs');
    const onDisk = JSON.parse(readFileSync(dataPath, 'utf8')) as { issues: Array<{ key: string; fields: { labels: string[] } }> };
    expect(onDisk.issues.find((i) => i.key === 'RT-3')!.fields.labels).not.toContain('before-reset');
    expect(onDisk.issues.find((i) => i.key === 'RT-4')!.fields.labels).toEqual(['after-reset']);
  } finally {
    await ws.close();
  }
});
