/**
 * Contract tests: the plain-HTTP adapter and the gateway against the Jira emulator over loopback HTTP, the way
 * the local workspace and the audit CLI use them against a real site. The emulator speaks Jira Cloud's shapes,
 * so every reply here also passes the gateway's zod schemas.
 */
import { JiraError } from '../../src/jira/errors';
import { createJiraGateway, type JiraGateway } from '../../src/jira/gateway';
import { httpTransport } from '../../src/jira/http-transport';
import type { RetryPolicy } from '../../src/jira/transport';
import type { JiraEmulator } from '../../local/emulator/handler';
import type { FileStore } from '../../local/emulator/store';
import { seedIds } from '../../local/seed';
import { emulatorEnv, serveOverHttp, type EmulatorEnv } from '../support/emulator-env';

const fast: RetryPolicy = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5, sleep: () => Promise.resolve() };
let env: EmulatorEnv;
let store: FileStore;
let emulator: JiraEmulator;
let server: Awaited<ReturnType<typeof serveOverHttp>>;
let baseUrl: string;

const gatewayAs = (email: string, apiToken = 'local-token', retry = fast): JiraGateway => createJiraGateway(httpTransport({ baseUrl, email, apiToken }), retry);
let amara: JiraGateway; // L2
let chloe: JiraGateway; // RTE, project admin

beforeAll(async () => {
  env = await emulatorEnv({ prefix: 'rt-contract-', services: false });
  ({ store, emulator } = env);
  server = await serveOverHttp(env);
  ({ baseUrl } = server);
  amara = gatewayAs('amara.okafor@demo.local');
  chloe = gatewayAs('chloe.martin@demo.local');
});

afterAll(async () => {
  await server.close();
  env.close();
});

afterEach(() => emulator.clearFaults());

const errorOf = async (p: Promise<unknown>): Promise<JiraError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof JiraError) return e;
    throw e;
  }
  throw new Error('expected a JiraError');
};

describe('reads', () => {
  it('myself answers the token owner', async () => {
    const me = await amara.myself();
    expect(me.accountId).toBe('rt-l2-amara');
  });

  it('enhanced JQL search pages with nextPageToken and returns only the fields asked for', async () => {
    emulator.resetCalls();
    const all = await amara.searchAll({ jql: 'project = RT ORDER BY key ASC', fields: ['summary', 'status'], pageSize: 40 });
    const searches = emulator.calls.filter((c) => c.path === '/rest/api/3/search/jql');
    expect(all.issues.length).toBeGreaterThan(100);
    expect(all.pages).toBe(Math.ceil(all.issues.length / 40));
    expect(searches).toHaveLength(all.pages);
    expect(new Set(all.issues.map((i) => i.key)).size).toBe(all.issues.length);
    const first = all.issues[0]!;
    expect(Object.keys(first.fields).sort()).toEqual(['status', 'summary']);
    expect(await amara.approximateCount('project = RT')).toBe(all.issues.length);
  });

  it('get issue returns ADF description and the changelog', async () => {
    const issue = await amara.getIssue('RT-1', { fields: ['summary', 'description', 'status'], changelog: true });
    expect(issue.key).toBe('RT-1');
    expect((issue.fields['description'] as { type?: string } | null)?.type).toBe('doc');
    const histories = await amara.getChangelog('RT-1');
    expect(Array.isArray(histories)).toBe(true);
  });

  it('permissions, project, statuses, roles, fields, link types', async () => {
    const perms = await chloe.myPermissions({ projectKey: 'RT' }, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']);
    expect(perms['BROWSE_PROJECTS']).toBe(true);
    expect(perms['ADMINISTER_PROJECTS']).toBe(true);
    const l2perms = await amara.myPermissions({ projectKey: 'RT' }, ['ADMINISTER_PROJECTS']);
    expect(l2perms['ADMINISTER_PROJECTS']).toBe(false);
    expect((await amara.getProject('RT')).id).toBe(seedIds.PROJECT.RT);
    const statuses = await amara.getProjectStatuses('RT');
    expect(JSON.stringify(statuses)).toContain('RTE Review');
    const roles = await chloe.getMyProjectRoles('RT');
    expect(JSON.stringify(roles)).toContain('RTE');
    expect((await amara.listFields()).some((f) => f.id === seedIds.REPRO_STEPS_FIELD_ID)).toBe(true);
    expect((await amara.getIssueLinkTypes()).some((t) => t.name === 'Relates')).toBe(true);
  });

  it('boards, board configuration and sprints through the agile API', async () => {
    const boards = await chloe.listBoards('RT');
    expect(boards.map((b) => b.id)).toContain(seedIds.BOARD_ID);
    const config = await chloe.getBoardConfiguration(seedIds.BOARD_ID);
    expect(config).toBeTruthy();
    const sprints = await chloe.listSprints(seedIds.BOARD_ID);
    expect(sprints.map((s) => s.state).sort()).toEqual(['active', 'closed', 'closed', 'closed', 'future', 'future']);
  });
});

describe('writes', () => {
  it('edit, create, link and entity properties round-trip', async () => {
    await amara.editIssue('RT-2', { fields: { labels: ['contract-test'] } });
    expect((await amara.getIssue('RT-2', { fields: ['labels'] })).fields['labels']).toEqual(['contract-test']);
    const created = await amara.createIssue({ project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Contract test bug' });
    expect(created.key).toMatch(/^RT-\d+$/);
    await amara.linkIssues('Relates', created.key, 'RT-2');
    const linked = await amara.getIssue(created.key, { fields: ['issuelinks'] });
    expect(JSON.stringify(linked.fields['issuelinks'])).toContain('RT-2');
    await amara.setIssueProperty(created.key, 'release-train-regression', { hello: 'world', index: { latestRc: '4.3.0-rc.2' } });
    expect(await amara.getIssueProperty(created.key, 'release-train-regression')).toEqual({ hello: 'world', index: { latestRc: '4.3.0-rc.2' } });
    expect(await amara.getIssueProperty(created.key, 'no-such-property')).toBeUndefined();
  });

  it('links as Jira reads the request: inwardIssue <outward> outwardIssue, in issuelinks and in both changelogs', async () => {
    const blocker = await amara.createIssue({ project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Blocker' });
    const blocked = await amara.createIssue({ project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Blocked' });
    await amara.linkIssues('Blocks', blocker.key, blocked.key);
    type Link = { type: { name: string; inward: string; outward: string }; inwardIssue?: { key: string }; outwardIssue?: { key: string } };
    const linksOf = async (key: string) => ((await amara.getIssue(key, { fields: ['issuelinks'] })).fields['issuelinks'] as Link[]).filter((l) => l.type.name === 'Blocks');
    // Seen from the blocker: the other is the outward issue, labelled "blocks"; from the blocked one: inward, "is blocked by".
    expect((await linksOf(blocker.key)).map((l) => [l.type.outward, l.outwardIssue?.key, l.inwardIssue])).toEqual([['blocks', blocked.key, undefined]]);
    expect((await linksOf(blocked.key)).map((l) => [l.type.inward, l.inwardIssue?.key, l.outwardIssue])).toEqual([['is blocked by', blocker.key, undefined]]);
    const linkChange = async (key: string) =>
      (await amara.getIssue(key, { fields: ['summary'], changelog: true })).changelog?.histories.flatMap((h) => h.items).find((i) => i.field === 'Link')?.toString;
    expect(await linkChange(blocker.key)).toBe(`This issue blocks ${blocked.key}`);
    expect(await linkChange(blocked.key)).toBe(`This issue is blocked by ${blocker.key}`);
  });

  it('transitions an issue in a workflow without validators', async () => {
    const created = await chloe.createIssue({ project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Deploy 4.3.0' });
    const transitions = await chloe.getTransitions(created.key);
    const toProgress = transitions.find((t) => t.to.name === 'In Progress');
    expect(toProgress).toBeDefined();
    await chloe.transitionIssue(created.key, toProgress!.id);
    const after = await chloe.getIssue(created.key, { fields: ['status'] });
    expect((after.fields['status'] as { name: string }).name).toBe('In Progress');
  });

  it('moves issues into a future sprint in batches and reports each batch', async () => {
    const future = (await chloe.listSprints(seedIds.BOARD_ID, ['future']))[0]!;
    const keys = Array.from({ length: 60 }, (_, i) => `RT-${i + 1}`);
    emulator.resetCalls();
    const progress: number[] = [];
    const results = await chloe.moveIssues(future.id, keys, (done) => progress.push(done));
    expect(results.map((r) => r.keys.length)).toEqual([50, 10]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(progress).toEqual([50, 60]);
    expect(emulator.calls.filter((c) => c.path === `/rest/agile/1.0/sprint/${future.id}/issue`)).toHaveLength(2);
    const issue = store.get().issues.find((i) => i.key === 'RT-60')!;
    expect(issue.fields.custom[seedIds.SPRINT_FIELD_ID]).toContain(future.id);
  });

  it('creates, updates and releases a version', async () => {
    const v = await chloe.createVersion({ name: '9.9.9-rc.1', projectId: Number(seedIds.PROJECT.RT) });
    await chloe.releaseVersion(v.id, '2026-11-20');
    const after = await chloe.getVersion(v.id);
    expect(after.released).toBe(true);
    expect(after.releaseDate).toBe('2026-11-20');
    expect((await chloe.listVersions('RT')).some((x) => x.name === '9.9.9-rc.1')).toBe(true);
  });
});

describe('errors become typed, actionable JiraErrors', () => {
  it('401 for a wrong user', async () => {
    const e = await errorOf(gatewayAs('nobody@demo.local').myself());
    expect(e.kind).toBe('unauthorized');
    expect(e.message).toMatch(/sign|auth|token|credential/i);
  });

  it('404 for an issue that does not exist', async () => {
    const e = await errorOf(amara.getIssue('RT-99999', { fields: ['summary'] }));
    expect(e.kind).toBe('not-found');
  });

  it('403 when the user may not do it (L2 cannot release a version)', async () => {
    const e = await errorOf(amara.releaseVersion(seedIds.VERSION.RC2, '2026-11-20'));
    expect(e.kind).toBe('forbidden');
  });

  it('429 with Retry-After is retried and then succeeds', async () => {
    emulator.failNext({ method: 'GET', path: '/rest/api/3/myself', status: 429, retryAfterSeconds: 1, times: 1 });
    emulator.resetCalls();
    const waits: number[] = [];
    const gw = gatewayAs('amara.okafor@demo.local', 'local-token', { ...fast, maxDelayMs: 5000, sleep: async (ms) => void waits.push(ms) });
    expect((await gw.myself()).accountId).toBe('rt-l2-amara');
    expect(emulator.calls.filter((c) => c.path === '/rest/api/3/myself').map((c) => c.status)).toEqual([429, 200]);
    expect(waits).toEqual([1000]);
  });

  it('429 with a Retry-After beyond the retry cap is not waited for: the error says how long', async () => {
    emulator.failNext({ method: 'GET', path: '/rest/api/3/myself', status: 429, retryAfterSeconds: 30, times: 1 });
    emulator.resetCalls();
    const e = await errorOf(amara.myself());
    expect(e).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 30, message: expect.stringContaining('try again in 30 s') });
    expect(emulator.calls.filter((c) => c.path === '/rest/api/3/myself')).toHaveLength(1);
  });

  it('5xx is retried a bounded number of times, then reported', async () => {
    emulator.failNext({ method: 'GET', path: '/rest/api/3/myself', status: 503, times: 10 });
    emulator.resetCalls();
    const e = await errorOf(amara.myself());
    expect(e.kind).toBe('server');
    expect(emulator.calls.filter((c) => c.path === '/rest/api/3/myself')).toHaveLength(fast.maxRetries + 1);
  });
});
