/**
 * Every gateway operation, through the plain-HTTP adapter against the emulator, checked against Atlassian's
 * published OpenAPI specs (../shared/specs): each request's method, path, query parameters and JSON body, and
 * each reply, validated with Ajv. `cases` must name every gateway operation (TypeScript and the last test both
 * insist), so a new operation without a spec check fails this suite. Without ../shared the suite is skipped with a
 * note; .ci/run sets RT_REQUIRE_SHARED=1, which turns a missing copy into a failure.
 */
import { createJiraGateway, type JiraGateway } from '../../src/jira/gateway';
import { httpTransport } from '../../src/jira/http-transport';
import type { JiraTransport } from '../../src/jira/transport';
import { seedIds } from '../../local/seed';
import { emulatorEnv, serveOverHttp, type EmulatorEnv } from '../support/emulator-env';
import { SPEC_DEVIATIONS, SpecChecker, specsAvailable, type Exchange } from './support/openapi';

const available = specsAvailable();
const suite = available ? describe : describe.skip;

type Case = (gw: JiraGateway) => Promise<unknown>;
/** One spec-checked call (or more) per gateway operation; `callCount` is the gateway's own counter, not a Jira call. */
const cases: { [K in Exclude<keyof JiraGateway, 'callCount'>]: Case } = {
  myself: (gw) => gw.myself(),
  myPermissions: (gw) => gw.myPermissions({ projectKey: 'RT' }, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']),
  searchPage: (gw) => gw.searchPage('project = RT ORDER BY key ASC', ['summary', 'status'], 5, undefined, true, ['release-train-regression']),
  searchAll: (gw) => gw.searchAll({ jql: 'project = RT AND issuetype = Bug ORDER BY key ASC', fields: ['summary'], pageSize: 40, maxIssues: 80 }),
  approximateCount: (gw) => gw.approximateCount('project = RT'),
  getIssue: (gw) => gw.getIssue('RT-1', { fields: ['summary', 'status', 'description'], changelog: true }),
  getChangelog: (gw) => gw.getChangelog('RT-1', 1),
  getTransitions: (gw) => gw.getTransitions('RT-3'),
  transitionIssue: async (gw) => {
    const created = await gw.createIssue({ project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Spec check: transition' });
    const to = (await gw.getTransitions(created.key)).find((t) => t.to.name === 'In Progress')!;
    await gw.transitionIssue(created.key, to.id);
  },
  editIssue: (gw) => gw.editIssue('RT-2', { fields: { labels: ['spec-check'] } }),
  createIssue: (gw) => gw.createIssue({ project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Spec check: create' }),
  linkIssues: (gw) => gw.linkIssues('Relates', 'RT-1', 'RT-2'),
  getIssueLinkTypes: (gw) => gw.getIssueLinkTypes(),
  getIssueProperty: async (gw) => {
    await gw.getIssueProperty('RT-2', 'spec-check');
    return gw.getIssueProperty('RT-2', 'no-such-property');
  },
  setIssueProperty: (gw) => gw.setIssueProperty('RT-2', 'spec-check', { ok: true }),
  getProjectProperty: async (gw) => {
    await gw.setProjectProperty('RT', 'spec-check', { ok: true });
    await gw.getProjectProperty('RT', 'spec-check');
    return gw.getProjectProperty('RT', 'no-such-property');
  },
  setProjectProperty: (gw) => gw.setProjectProperty('RT', 'spec-check', { ok: true }),
  getProject: (gw) => gw.getProject('RT'),
  getProjectStatuses: (gw) => gw.getProjectStatuses('RT'),
  listProjectRoles: (gw) => gw.listProjectRoles('RT'),
  getProjectRoleActors: async (gw) => gw.getProjectRoleActors('RT', (await gw.listProjectRoles('RT'))[0]!.id),
  getUserGroups: (gw) => gw.getUserGroups('rt-rte-chloe'),
  getMyProjectRoles: (gw) => gw.getMyProjectRoles('RT'),
  listVersions: (gw) => gw.listVersions('RT'),
  getVersion: (gw) => gw.getVersion(seedIds.VERSION.RC2),
  createVersion: (gw) => gw.createVersion({ name: '9.8.0', projectId: Number(seedIds.PROJECT.RT), description: 'Spec check', released: true, releaseDate: '2026-11-20' }),
  updateVersion: async (gw) => gw.updateVersion((await gw.createVersion({ name: '9.8.1-rc.1', projectId: Number(seedIds.PROJECT.RT) })).id, { description: 'updated' }),
  releaseVersion: async (gw) => gw.releaseVersion((await gw.createVersion({ name: '9.8.2-rc.1', projectId: Number(seedIds.PROJECT.RT) })).id, '2026-11-21'),
  listFields: (gw) => gw.listFields(),
  listBoards: (gw) => gw.listBoards('RT'),
  getBoardConfiguration: (gw) => gw.getBoardConfiguration(seedIds.BOARD_ID),
  listSprints: (gw) => gw.listSprints(seedIds.BOARD_ID),
  moveIssues: async (gw) => {
    const future = (await gw.listSprints(seedIds.BOARD_ID, ['future']))[0]!;
    await gw.moveIssues(future.id, ['RT-1', 'RT-2']);
    await gw.moveIssues('backlog', ['RT-1', 'RT-2']);
  },
};

suite("gateway operations against Atlassian's specs", () => {
  let env: EmulatorEnv;
  let server: Awaited<ReturnType<typeof serveOverHttp>>;
  let checker: SpecChecker;
  let exchanges: Exchange[] = [];
  let gw: JiraGateway;

  /** The plain-HTTP adapter, recording each exchange (request as sent, reply as received). */
  function recording(inner: JiraTransport): JiraTransport {
    return {
      async send(request, options) {
        const response = await inner.send(request, options);
        const text = await response.text();
        const url = new URL(request.path, 'http://site.invalid');
        exchanges.push({ method: request.method, path: url.pathname, query: url.searchParams, body: request.body, status: response.status, reply: text ? (JSON.parse(text) as unknown) : undefined });
        return { ...response, text: async () => text };
      },
    };
  }

  beforeAll(async () => {
    checker = new SpecChecker();
    env = await emulatorEnv({ prefix: 'rt-spec-', services: false });
    server = await serveOverHttp(env);
    gw = createJiraGateway(recording(httpTransport({ baseUrl: server.baseUrl, email: 'chloe.martin@demo.local', apiToken: 'local-token' })));
  });
  afterAll(async () => {
    await server?.close();
    env?.close();
  });
  beforeEach(() => void (exchanges = []));

  it.each(Object.keys(cases) as Array<keyof typeof cases>)('%s: every request and reply fits the spec', async (name) => {
    await cases[name](gw);
    expect(exchanges.length).toBeGreaterThan(0);
    expect(exchanges.flatMap((x) => checker.check(x))).toEqual([]);
  });

  it('the checker is not a rubber stamp: a wrong path, parameter, body or reply is reported', () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(checker.check({ method: 'GET', path: '/rest/api/3/no-such-thing', query: q(''), body: undefined, status: 200, reply: {} })).toEqual([expect.stringContaining('no operation')]);
    expect(checker.check({ method: 'GET', path: '/rest/api/3/mypermissions', query: q('projectKey=RT&permisions=X'), body: undefined, status: 200, reply: { permissions: {} } })).toEqual(
      expect.arrayContaining([expect.stringContaining("'permisions' is not in the spec")]),
    );
    expect(checker.check({ method: 'POST', path: '/rest/api/3/search/jql', query: q(''), body: { jql: 'x', maxResults: 'ten' }, status: 200, reply: { issues: [] } })).toEqual([expect.stringContaining('request body')]);
    expect(checker.check({ method: 'GET', path: '/rest/api/3/user/groups', query: q('accountId=a'), body: undefined, status: 200, reply: [{ name: 7 }] })).toEqual([expect.stringContaining('200 reply')]);
    expect(checker.check({ method: 'GET', path: '/rest/agile/1.0/board', query: q('startAt=x'), body: undefined, status: 200, reply: { values: [] } })).toEqual([expect.stringContaining('query startAt=x')]);
    // groupId: null is what the spec allows (and what the gateway's zod schema must accept too).
    expect(checker.check({ method: 'GET', path: '/rest/api/3/user/groups', query: q('accountId=a'), body: undefined, status: 200, reply: [{ name: 'site-admins', groupId: null }] })).toEqual([]);
  });

  it('spec deviations are listed with a reason each', () => {
    for (const d of SPEC_DEVIATIONS) expect(d.reason.length).toBeGreaterThan(40);
  });

  it('every gateway operation has a spec check', () => {
    const operations = Object.entries(gw).filter(([k, v]) => typeof v === 'function' && k !== 'callCount').map(([k]) => k).sort();
    expect(operations).toEqual(Object.keys(cases).sort());
  });
});

if (!available) test('spec contract suite skipped: ../shared/specs is not next to this clone', () => expect(process.env['RT_REQUIRE_SHARED']).not.toBe('1'));
