import { setup, USERS } from './harness';
import { SPRINT_FIELD_ID } from '../../../local/emulator/state';

type Obj = Record<string, any>;

describe('auth and errors', () => {
  it('answers 401 in Jira shape without credentials or with an unknown user', async () => {
    const { call } = await setup();
    const none = await call(null, 'GET', '/rest/api/3/myself');
    expect(none.status).toBe(401);
    expect((none.body as Obj).errorMessages[0]).toMatch(/authenticat/i);
    expect((await call('nobody', 'GET', '/rest/api/3/myself')).status).toBe(401);
  });
  it('accepts basic auth with a demo email and any token, and the app actor', async () => {
    const { call } = await setup();
    const basic = 'Basic ' + Buffer.from('grace.lee@demo.local:anything').toString('base64');
    const me = await call(null, 'GET', '/rest/api/3/myself', undefined, { Authorization: basic });
    expect(me.status).toBe(200);
    expect((me.body as Obj).accountId).toBe('rt-dev-grace');
    const empty = 'Basic ' + Buffer.from('grace.lee@demo.local:').toString('base64');
    expect((await call(null, 'GET', '/rest/api/3/myself', undefined, { Authorization: empty })).status).toBe(401);
    expect((await call('app', 'GET', '/rest/api/3/myself')).status).toBe(200);
  });
  it('requires the token from hooks.token when set', async () => {
    const { call } = await setup({ token: 's3cret' });
    const auth = (t: string) => ({ Authorization: 'Basic ' + Buffer.from('grace.lee@demo.local:' + t).toString('base64') });
    expect((await call(null, 'GET', '/rest/api/3/myself', undefined, auth('wrong'))).status).toBe(401);
    expect((await call(null, 'GET', '/rest/api/3/myself', undefined, auth('s3cret'))).status).toBe(200);
  });
  it('answers 404 for unimplemented endpoints and 410 for the old search', async () => {
    const { call } = await setup();
    const r = await call(USERS.dev, 'GET', '/rest/api/3/dashboard');
    expect(r.status).toBe(404);
    expect((r.body as Obj).errorMessages[0]).toBe('Emulator does not implement GET /rest/api/3/dashboard');
    expect((await call(USERS.dev, 'POST', '/rest/api/3/search', { jql: 'project = RT' })).status).toBe(410);
    expect((await call(USERS.dev, 'GET', '/rest/api/3/search?jql=project=RT')).status).toBe(410);
  });
  it('mypermissions needs the permissions parameter and reflects roles', async () => {
    const { call } = await setup();
    expect((await call(USERS.qa, 'GET', '/rest/api/3/mypermissions?projectKey=RT')).status).toBe(400);
    const qa = (await call(USERS.qa, 'GET', '/rest/api/3/mypermissions?projectKey=RT&permissions=ADMINISTER_PROJECTS,EDIT_ISSUES')).body as Obj;
    expect(qa.permissions.ADMINISTER_PROJECTS.havePermission).toBe(false);
    expect(qa.permissions.EDIT_ISSUES).toMatchObject({ key: 'EDIT_ISSUES', havePermission: true, type: 'PROJECT' });
    const rte = (await call(USERS.rte, 'GET', '/rest/api/3/mypermissions?projectKey=RT&permissions=ADMINISTER_PROJECTS,SCHEDULE_ISSUES')).body as Obj;
    expect(rte.permissions.ADMINISTER_PROJECTS.havePermission).toBe(true);
    expect(rte.permissions.SCHEDULE_ISSUES.havePermission).toBe(true);
    const roles = (await call(USERS.rte, 'GET', '/rest/api/3/project/RT/roledetails?currentMember=true')).body as Obj[];
    expect(roles.map((r) => r.name).sort()).toEqual(['Administrators', 'RTE']);
    // Reading roles needs Administer Projects, as in Jira: a QA engineer is refused, the app (all permissions) is not.
    expect((await call(USERS.qa, 'GET', '/rest/api/3/project/RT/roledetails?currentMember=true')).status).toBe(403);
    expect((await call(USERS.qa, 'GET', `/rest/api/3/project/RT/role/${roles[0]!.id}`)).status).toBe(403);
    expect((await call(USERS.app, 'GET', '/rest/api/3/project/RT/roledetails')).status).toBe(200);
    expect((await call(USERS.app, 'GET', `/rest/api/3/project/RT/role/${roles[0]!.id}`)).status).toBe(200);
  });
  it('hides a project the user cannot browse (404) and refuses writes without permission (403)', async () => {
    const { call } = await setup();
    expect((await call(USERS.dev, 'GET', '/rest/api/3/issue/SUP-1')).status).toBe(404);
    expect((await call(USERS.l2, 'GET', '/rest/api/3/issue/SUP-1')).status).toBe(200);
    const denied = await call(USERS.qa, 'PUT', '/rest/api/3/version/10011', { released: true });
    expect(denied.status).toBe(403);
    expect((denied.body as Obj).errorMessages[0]).toMatch(/administrator/);
    expect((await call(USERS.dev, 'POST', '/rest/agile/1.0/sprint/5/issue', { issues: ['RT-1'] })).status).toBe(403);
  });
});

describe('search/jql', () => {
  it('pages every RT bug with nextPageToken and returns only the requested fields', async () => {
    const { call } = await setup();
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'project = RT AND issuetype = Bug ORDER BY key ASC', fields: ['summary', 'status'], maxResults: 40, ...(token ? { nextPageToken: token } : {}) });
      expect(r.status).toBe(200);
      const body = r.body as Obj;
      pages++;
      for (const i of body.issues) {
        expect(Object.keys(i.fields).sort()).toEqual(['status', 'summary']);
        keys.push(i.key);
      }
      token = body.nextPageToken;
      expect(body.isLast).toBe(token === undefined);
    } while (token);
    expect(keys.length).toBe(150);
    expect(new Set(keys).size).toBe(150);
    expect(pages).toBe(4);
    const count = (await call(USERS.dev, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = RT AND issuetype = Bug' })).body as Obj;
    expect(count.count).toBe(150);
  });
  it('defaults to id only, caps maxResults at 100 with fields and 5000 without', async () => {
    const { call } = await setup();
    const idsOnly = (await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'project = RT', maxResults: 5000 })).body as Obj;
    expect(idsOnly.issues.length).toBeGreaterThan(150);
    expect(idsOnly.issues[0].fields).toEqual({});
    const capped = (await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'project = RT', fields: ['*all'], maxResults: 5000 })).body as Obj;
    expect(capped.issues.length).toBe(100);
    expect(capped.issues[0].fields).toHaveProperty('customfield_10020');
    expect(capped.nextPageToken).toEqual(expect.any(String));
  });
  it('rejects a token from another query, unbounded and unsupported JQL with Jira-like 400s', async () => {
    const { call } = await setup();
    const first = (await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'project = RT', maxResults: 10 })).body as Obj;
    const wrong = await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'project = OPS', nextPageToken: first.nextPageToken });
    expect(wrong.status).toBe(400);
    const unbounded = await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'ORDER BY created' });
    expect((unbounded.body as Obj).errorMessages[0]).toMatch(/Unbounded JQL/);
    const bad = await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'project = RT AND status WAS Open' });
    expect(bad.status).toBe(400);
    expect((bad.body as Obj).errorMessages[0]).toMatch(/WAS/);
    const unknown = await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'flavour = vanilla' });
    expect((unknown.body as Obj)).toEqual({ errorMessages: ["Field 'flavour' does not exist or you do not have permission to view it."], errors: {} });
  });
  it('expands changelog in search results', async () => {
    const { call } = await setup();
    const r = (await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'project = RT AND status = Done', fields: ['status'], expand: 'changelog', maxResults: 5 })).body as Obj;
    const h = r.issues[0].changelog.histories;
    expect(h.length).toBeGreaterThan(0);
    expect(h[0]).toMatchObject({ id: expect.any(String), author: { accountId: expect.any(String) }, created: expect.any(String), items: expect.any(Array) });
  });
});

describe('issues, transitions and changelog', () => {
  const openBug = async (call: Awaited<ReturnType<typeof setup>>['call']) => {
    const r = (await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: 'project = RT AND status = Open AND issuetype = Bug ORDER BY key ASC', maxResults: 1, fields: ['key'] })).body as Obj;
    return r.issues[0].key as string;
  };
  it('a failing validator hook blocks the transition and changes nothing', async () => {
    const seen: unknown[] = [];
    const { call } = await setup({ runValidators: async (t) => (seen.push(t), { ok: false, errorMessage: 'Add the expected result.' }) });
    const key = await openBug(call);
    const before = (await call(USERS.l2, 'GET', `/rest/api/3/issue/${key}?expand=changelog`)).body as Obj;
    const r = await call(USERS.l2, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '21' } });
    expect(r).toEqual({ status: 400, body: { errorMessages: ['Add the expected result.'], errors: {} } });
    expect(seen[0]).toMatchObject({ issueKey: key, transitionId: '21', fromStatusId: '10001', toStatusId: '10002', modifiedFields: {} });
    // The demo's rules on Triage (issue 17: one function validator whose configuration chooses them).
    const rules = (seen[0] as Obj).validators.find((v: Obj) => v.key === 'transition-rules-validator') as Obj;
    expect(Object.keys(JSON.parse(rules.configuration as string).rules)).toContain('repro-steps-clear');
    const after = (await call(USERS.l2, 'GET', `/rest/api/3/issue/${key}?expand=changelog`)).body as Obj;
    expect(after).toEqual(before);
  });
  it('lists no transition to a user without Transition Issues (a viewer), as Jira does, and refuses the move', async () => {
    const { call } = await setup({ runValidators: async () => ({ ok: true }) });
    const key = await openBug(call);
    const listed = (await call(USERS.viewer, 'GET', `/rest/api/3/issue/${key}/transitions`)).body as Obj;
    expect(listed.transitions).toEqual([]);
    const issue = (await call(USERS.viewer, 'GET', `/rest/api/3/issue/${key}?expand=transitions`)).body as Obj;
    expect(issue.key).toBe(key);
    expect(issue.transitions).toEqual([]);
    expect((await call(USERS.viewer, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '21' } })).status).toBe(403);
  });
  it('a passing transition records status (and resolution) in the changelog', async () => {
    const { call } = await setup({ runValidators: async () => ({ ok: true }) });
    const key = await openBug(call);
    const transitions = (await call(USERS.l2, 'GET', `/rest/api/3/issue/${key}/transitions`)).body as Obj;
    expect(transitions.transitions.map((t: Obj) => t.id)).toEqual(['21', '31', '41', '51', '61']);
    expect((await call(USERS.qa, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '61' } })).status).toBe(204);
    const log = (await call(USERS.qa, 'GET', `/rest/api/3/issue/${key}/changelog?startAt=0&maxResults=100`)).body as Obj;
    const last = log.values[log.values.length - 1];
    expect(last.author.accountId).toBe(USERS.qa);
    expect(last.items).toEqual([
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10001', fromString: 'Open', to: '10006', toString: 'Done' },
      { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
    ]);
    const issue = (await call(USERS.qa, 'GET', `/rest/api/3/issue/${key}?fields=status,resolution`)).body as Obj;
    expect(issue.fields.status.statusCategory.key).toBe('done');
    expect(issue.fields.resolution.name).toBe('Done');
  });
  it('creates issues after the create validators, edits labels and links them', async () => {
    let createSeen: Obj | undefined;
    const { call } = await setup({ runCreateValidators: async (c) => ((createSeen = c), { ok: true }) });
    const created = await call(USERS.qa, 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Regression: cart empties', labels: ['found-in-regression'], versions: [{ name: '4.3.0-rc.1' }], customfield_10040: { value: 'Major' }, description: { type: 'doc', version: 1, content: [] } },
    });
    expect(created.status).toBe(201);
    const { key } = created.body as Obj;
    expect(createSeen).toMatchObject({ projectKey: 'RT', issueTypeName: 'Bug', transitionId: '1', toStatusId: '10001' });
    expect((await call(USERS.qa, 'PUT', `/rest/api/3/issue/${key}`, { update: { labels: [{ add: 'ios' }, { remove: 'found-in-regression' }] } })).status).toBe(204);
    expect((await call(USERS.qa, 'POST', '/rest/api/3/issueLink', { type: { name: 'Relates' }, inwardIssue: { key: 'RT-1' }, outwardIssue: { key } })).status).toBe(201);
    const issue = (await call(USERS.qa, 'GET', `/rest/api/3/issue/${key}?expand=changelog`)).body as Obj;
    expect(issue.fields.labels).toEqual(['ios']);
    expect(issue.fields.versions[0].name).toBe('4.3.0-rc.1');
    expect(issue.fields.customfield_10040.value).toBe('Major');
    expect(issue.fields.issuelinks).toEqual([expect.objectContaining({ type: expect.objectContaining({ name: 'Relates' }), inwardIssue: expect.objectContaining({ key: 'RT-1' }) })]);
    expect(issue.changelog.histories.some((h: Obj) => h.items.some((i: Obj) => i.field === 'labels' && i['toString'] === 'ios'))).toBe(true);
    const bad = await call(USERS.qa, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'x', description: 'plain text' } });
    expect(bad.status).toBe(400);
    expect((bad.body as Obj).errors.description).toMatch(/Atlassian Document/);
  });
  it('a failing create validator creates nothing', async () => {
    const { call, store } = await setup({ runCreateValidators: async () => ({ ok: false, errorMessage: 'Link the fix.' }) });
    const before = store.get().issues.length;
    const r = await call(USERS.qa, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'x' } });
    expect(r.status).toBe(400);
    expect(store.get().issues.length).toBe(before);
  });
});

describe('entity properties', () => {
  it('round-trips a property, lists and deletes it, and refuses values over 32,768 characters', async () => {
    const { call } = await setup();
    expect((await call(USERS.qa, 'GET', '/rest/api/3/issue/RT-5/properties/rt-regression')).status).toBe(404);
    expect((await call(USERS.qa, 'PUT', '/rest/api/3/issue/RT-5/properties/rt-regression', { verdict: 'passed', checks: [1, 2] })).status).toBe(201);
    expect((await call(USERS.qa, 'PUT', '/rest/api/3/issue/RT-5/properties/rt-regression', { verdict: 'failed' })).status).toBe(200);
    expect((await call(USERS.qa, 'GET', '/rest/api/3/issue/RT-5/properties/rt-regression')).body).toEqual({ key: 'rt-regression', value: { verdict: 'failed' } });
    expect(((await call(USERS.qa, 'GET', '/rest/api/3/issue/RT-5/properties')).body as Obj).keys.map((k: Obj) => k.key)).toEqual(['rt-regression']);
    const search = (await call(USERS.qa, 'POST', '/rest/api/3/search/jql', { jql: 'project = RT AND issue.property[rt-regression].verdict = failed', fields: ['key'] })).body as Obj;
    expect(search.issues.map((i: Obj) => i.key)).toEqual(['RT-5']);
    const big = await call(USERS.qa, 'PUT', '/rest/api/3/issue/RT-5/properties/big', { blob: 'x'.repeat(32_760) });
    expect(big.status).toBe(400);
    expect((big.body as Obj).errorMessages[0]).toMatch(/32768/);
    expect((await call(USERS.qa, 'DELETE', '/rest/api/3/issue/RT-5/properties/rt-regression')).status).toBe(204);
    expect((await call(USERS.qa, 'GET', '/rest/api/3/issue/RT-5/properties/rt-regression')).status).toBe(404);
  });
});

describe('agile and versions', () => {
  it('lists the board, its configuration and sprints by state', async () => {
    const { call } = await setup();
    const boards = (await call(USERS.planner, 'GET', '/rest/agile/1.0/board?projectKeyOrId=RT')).body as Obj;
    expect(boards.values).toEqual([expect.objectContaining({ id: 1, name: 'RT board', type: 'scrum' })]);
    expect(((await call(USERS.planner, 'GET', '/rest/agile/1.0/board/1/configuration')).body as Obj).estimation.field.fieldId).toBe('customfield_10016');
    const closed = (await call(USERS.planner, 'GET', '/rest/agile/1.0/board/1/sprint?state=closed')).body as Obj;
    expect(closed.values.map((s: Obj) => s.id)).toEqual([1, 2, 3]);
    const page = (await call(USERS.planner, 'GET', '/rest/agile/1.0/board/1/sprint?state=active,future&maxResults=2')).body as Obj;
    expect(page.values.map((s: Obj) => s.state)).toEqual(['active', 'future']);
    expect(page.isLast).toBe(false);
  });
  it('moves issues into a sprint with the Sprint changelog item, refusing 51 keys and closed sprints', async () => {
    const { call } = await setup();
    const fiftyOne = Array.from({ length: 51 }, (_, i) => `RT-${i + 1}`);
    expect((await call(USERS.planner, 'POST', '/rest/agile/1.0/sprint/5/issue', { issues: fiftyOne })).status).toBe(400);
    const closed = await call(USERS.planner, 'POST', '/rest/agile/1.0/sprint/2/issue', { issues: ['RT-1'] });
    expect(closed.status).toBe(400);
    const found = (await call(USERS.planner, 'POST', '/rest/api/3/search/jql', { jql: 'project = RT AND sprint in closedSprints() AND sprint in openSprints() AND statusCategory != Done', fields: [SPRINT_FIELD_ID] })).body as Obj;
    const issue = found.issues[0];
    const before = issue.fields[SPRINT_FIELD_ID].map((s: Obj) => s.id) as number[];
    expect((await call(USERS.planner, 'POST', '/rest/agile/1.0/sprint/5/issue', { issues: [issue.key] })).status).toBe(204);
    const after = (await call(USERS.planner, 'GET', `/rest/api/3/issue/${issue.key}?fields=${SPRINT_FIELD_ID}&expand=changelog`)).body as Obj;
    const closedIds = before.filter((id) => id <= 3);
    expect(after.fields[SPRINT_FIELD_ID].map((s: Obj) => s.id)).toEqual([...closedIds, 5]);
    const item = after.changelog.histories.at(-1).items[0];
    expect(item).toMatchObject({ field: 'Sprint', fieldId: SPRINT_FIELD_ID, from: before.join(', '), to: [...closedIds, 5].join(', '), toString: expect.stringContaining('RT Sprint 25') });
    expect((await call(USERS.planner, 'POST', '/rest/agile/1.0/backlog/issue', { issues: [issue.key] })).status).toBe(204);
    const back = (await call(USERS.planner, 'GET', `/rest/api/3/issue/${issue.key}?fields=${SPRINT_FIELD_ID}`)).body as Obj;
    expect(back.fields[SPRINT_FIELD_ID].map((s: Obj) => s.id)).toEqual(closedIds);
  });
  it('creates and releases versions as an RTE; duplicates are 400', async () => {
    const { call } = await setup();
    const dup = await call(USERS.rte, 'POST', '/rest/api/3/version', { name: '4.3.0-rc.2', projectId: 10000 });
    expect(dup.status).toBe(400);
    expect((dup.body as Obj).errors.name).toMatch(/already exists/);
    const created = await call(USERS.rte, 'POST', '/rest/api/3/version', { name: '4.3.0', projectId: 10000 });
    expect(created.status).toBe(201);
    const released = await call(USERS.rte, 'PUT', `/rest/api/3/version/10012`, { released: true, releaseDate: '2026-11-16' });
    expect(released.body).toMatchObject({ id: '10012', name: '4.3.0-rc.2', released: true, releaseDate: '2026-11-16', projectId: 10000 });
    const list = (await call(USERS.qa, 'GET', '/rest/api/3/project/RT/versions')).body as Obj[];
    expect(list.map((v) => v.name)).toEqual(['4.2.0', '4.3.0-rc.1', '4.3.0-rc.2', '4.3.0']);
  });
});

describe('fault injection', () => {
  it('answers the next N matching calls with the injected status and Retry-After', async () => {
    const { call, emulator } = await setup();
    emulator.failNext({ path: '/rest/api/3/myself', status: 429, retryAfterSeconds: 2, times: 2 });
    const a = await call(USERS.dev, 'GET', '/rest/api/3/myself');
    expect(a.status).toBe(429);
    expect(a.headers?.['Retry-After']).toBe('2');
    expect((await call(USERS.dev, 'GET', '/rest/api/3/myself')).status).toBe(429);
    expect((await call(USERS.dev, 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect(emulator.calls.filter((c) => c.path === '/rest/api/3/myself').map((c) => c.status)).toEqual([429, 429, 200]);
  });
});
