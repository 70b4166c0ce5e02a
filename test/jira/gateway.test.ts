import { createJiraGateway, JiraError, SPRINT_MOVE_BATCH } from '../../src/jira';
import { retryDelayMs, type RetryPolicy } from '../../src/jira/transport';
import { scriptedTransport } from './fake-transport';

const sleeps: number[] = [];
const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 2000, sleep: async (ms) => void sleeps.push(ms) };
beforeEach(() => (sleeps.length = 0));

const issue = (key: string) => ({ id: key.replace(/\D/g, ''), key, fields: { summary: `Bug ${key}` } });

describe('enhanced JQL search', () => {
  it('follows nextPageToken until the last page and asks only for the named fields', async () => {
    const { transport, requests } = scriptedTransport([
      { status: 200, body: { issues: [issue('RT-1'), issue('RT-2')], nextPageToken: 't1', isLast: false } },
      { status: 200, body: { issues: [issue('RT-3')], isLast: true } },
    ]);
    const result = await createJiraGateway(transport, policy).searchAll({ jql: 'project = RT', fields: ['summary', 'status'], pageSize: 2 });
    expect(result.issues.map((i) => i.key)).toEqual(['RT-1', 'RT-2', 'RT-3']);
    expect(result.pages).toBe(2);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = RT', fields: ['summary', 'status'], maxResults: 2 } });
    expect(requests[1]?.body).toMatchObject({ nextPageToken: 't1' });
  });

  it('turns a reply of the wrong shape into an invalid-response error naming the operation', async () => {
    const { transport } = scriptedTransport([{ status: 200, body: { issues: [{ key: 42 }] } }]);
    await expect(createJiraGateway(transport, policy).searchAll({ jql: 'x', fields: [] })).rejects.toMatchObject({
      kind: 'invalid-response',
      operation: 'searchIssues',
    });
  });
});

describe('errors and retries', () => {
  it('retries 429 honouring Retry-After, then succeeds', async () => {
    const { transport, requests } = scriptedTransport([
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 503 },
      { status: 200, body: { accountId: 'u1', displayName: 'Lena' } },
    ]);
    const me = await createJiraGateway(transport, policy).myself();
    expect(me.accountId).toBe('u1');
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 200]);
  });

  it('gives up after the bounded number of retries with a rate-limited error', async () => {
    const { transport, requests } = scriptedTransport(() => ({ status: 429 }));
    await expect(createJiraGateway(transport, policy).myself()).rejects.toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(requests).toHaveLength(policy.maxRetries + 1);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [400, 'bad-request'],
  ])('maps %i to %s without retrying, keeping Jira’s own message', async (status, kind) => {
    const { transport, requests } = scriptedTransport([{ status, body: { errorMessages: ['Nope.'], errors: { summary: 'required' } } }]);
    const error = (await createJiraGateway(transport, policy).getIssue('RT-1').catch((e: unknown) => e)) as JiraError;
    expect(error).toBeInstanceOf(JiraError);
    expect(error.kind).toBe(kind);
    expect(error.jiraMessages).toEqual(['Nope.', 'summary: required']);
    expect(requests).toHaveLength(1);
  });

  it('maps a transport failure to a network error after retries', async () => {
    const { transport } = scriptedTransport(() => new Error('ECONNREFUSED'));
    await expect(createJiraGateway(transport, policy).myself()).rejects.toMatchObject({ kind: 'network' });
  });

  it('caps backoff at maxDelayMs but reports Retry-After as Jira sent it', () => {
    expect(retryDelayMs(10, null, policy)).toBe(2000);
    expect(retryDelayMs(1, '999', policy)).toBe(999_000);
    expect(retryDelayMs(2, 'soon', policy)).toBe(200);
  });

  it('does not wait for a Retry-After beyond maxDelayMs: stops and tells the user how long to wait', async () => {
    const { transport, requests } = scriptedTransport([{ status: 429, headers: { 'retry-after': '30' } }]);
    const error = (await createJiraGateway(transport, policy).myself().catch((e: unknown) => e)) as JiraError;
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: 30 });
    expect(error.message).toContain('Jira is rate-limiting requests; try again in 30 s');
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('reports the last Retry-After when the retries run out, and says "in a moment" when Jira sent none', async () => {
    const { transport } = scriptedTransport(() => ({ status: 503, headers: { 'retry-after': '2' } }));
    await expect(createJiraGateway(transport, policy).myself()).rejects.toMatchObject({ kind: 'server', retryAfterSeconds: 2, message: expect.stringContaining('try again in 2 s') });
    expect(sleeps).toEqual([2000, 2000, 2000]);
    const bare = scriptedTransport(() => ({ status: 429 }));
    const error = (await createJiraGateway(bare.transport, policy).myself().catch((e: unknown) => e)) as JiraError;
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.message).toMatch(/try again in a moment/);
  });
});

describe('operations', () => {
  it('encodes path parameters so input cannot alter the path', async () => {
    const { transport, requests } = scriptedTransport([{ status: 200, body: issue('RT-1') }]);
    await createJiraGateway(transport, policy).getIssue('RT-1/../../admin', { fields: ['summary'], changelog: true });
    expect(requests[0]?.path).toBe('/rest/api/3/issue/RT-1%2F..%2F..%2Fadmin?fields=summary&expand=changelog');
  });

  it('treats a missing entity property as undefined, but other errors as errors', async () => {
    const { transport } = scriptedTransport([{ status: 404, body: { errorMessages: ['not found'] } }, { status: 403 }]);
    const gw = createJiraGateway(transport, policy);
    await expect(gw.getIssueProperty('RT-1', 'p')).resolves.toBeUndefined();
    await expect(gw.getIssueProperty('RT-1', 'p')).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('requires the permissions list for mypermissions, as Jira does', async () => {
    const { transport, requests } = scriptedTransport([{ status: 200, body: { permissions: { EDIT_ISSUES: { havePermission: true } } } }]);
    const gw = createJiraGateway(transport, policy);
    await expect(gw.myPermissions({ issueKey: 'RT-1' }, [])).rejects.toBeInstanceOf(JiraError);
    await expect(gw.myPermissions({ issueKey: 'RT-1' }, ['EDIT_ISSUES', 'LINK_ISSUES'])).resolves.toEqual({ EDIT_ISSUES: true, LINK_ISSUES: false });
    expect(requests[0]?.path).toContain('permissions=EDIT_ISSUES%2CLINK_ISSUES');
  });

  it('moves issues to a sprint in batches of 50 and reports a failed batch without stopping', async () => {
    const keys = Array.from({ length: 120 }, (_, i) => `RT-${i + 1}`);
    const { transport, requests } = scriptedTransport((_req, n) => (n === 1 ? { status: 400, body: { errorMessages: ['Sprint is closed'] } } : { status: 204 }));
    const progress: number[] = [];
    const results = await createJiraGateway(transport, policy).moveIssues(7, keys, (done) => progress.push(done));
    expect(requests.map((r) => (r.body as { issues: string[] }).issues.length)).toEqual([SPRINT_MOVE_BATCH, SPRINT_MOVE_BATCH, 20]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]?.error).toContain('Sprint is closed');
    expect(progress).toEqual([50, 100, 120]);
  });
});

describe('search with issue entity properties', () => {
  it('asks for the named properties and returns them with each issue; omits the key when none are named', async () => {
    const { transport, requests } = scriptedTransport([
      { status: 200, body: { issues: [{ ...issue('RT-1'), properties: { 'release-train-regression': { revision: 3 } } }], isLast: true } },
      { status: 200, body: { issues: [issue('RT-2')], isLast: true } },
    ]);
    const gateway = createJiraGateway(transport, policy);
    const withProps = await gateway.searchAll({ jql: 'project = RT', fields: ['summary'], properties: ['release-train-regression'] });
    expect(requests[0]?.body).toMatchObject({ properties: ['release-train-regression'] });
    expect(withProps.issues[0]?.properties).toEqual({ 'release-train-regression': { revision: 3 } });
    await gateway.searchAll({ jql: 'project = RT', fields: ['summary'] });
    expect(requests[1]?.body).not.toHaveProperty('properties');
  });
});
