import { createJiraGateway, JiraError } from '../../src/jira';
import { exchange, type RetryPolicy } from '../../src/jira/transport';
import { scriptedTransport } from './fake-transport';

/**
 * Retries must never repeat a write whose outcome is unknown: after a 5xx or a network error Jira may already have
 * acted (created the issue, the link, the version). Only idempotent requests are repeated then; 429 is always
 * safe (Jira did not process the request).
 */
const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 10, sleep: async () => undefined };
const created = { status: 201, body: { id: '1', key: 'OPS-1' } };

describe('non-idempotent writes', () => {
  it.each([504, 500, 503])('creating an issue is not repeated after a %i', async (status) => {
    const { transport, requests } = scriptedTransport([{ status }, created]);
    await expect(createJiraGateway(transport, policy).createIssue({ summary: 'x' })).rejects.toBeInstanceOf(JiraError);
    expect(requests).toHaveLength(1);
  });

  it('creating an issue is not repeated after a network error', async () => {
    const { transport, requests } = scriptedTransport([new Error('socket hang up'), created]);
    await expect(createJiraGateway(transport, policy).createIssue({ summary: 'x' })).rejects.toMatchObject({ kind: 'network' });
    expect(requests).toHaveLength(1);
  });

  it('links and versions are not repeated after a 502 either', async () => {
    const { transport, requests } = scriptedTransport(() => ({ status: 502 }));
    const jira = createJiraGateway(transport, policy);
    await expect(jira.linkIssues('Relates', 'RT-1', 'RT-2')).rejects.toBeInstanceOf(JiraError);
    await expect(jira.createVersion({ name: '1.0', projectId: 1 })).rejects.toBeInstanceOf(JiraError);
    await expect(jira.transitionIssue('RT-1', '31')).rejects.toBeInstanceOf(JiraError);
    expect(requests.map((r) => r.path)).toEqual(['/rest/api/3/issueLink', '/rest/api/3/version', '/rest/api/3/issue/RT-1/transitions']);
  });

  it('a 429 on a create is retried (Jira did not process it)', async () => {
    const { transport, requests } = scriptedTransport([{ status: 429, headers: { 'retry-after': '0' } }, created]);
    await expect(createJiraGateway(transport, policy).createIssue({ summary: 'x' })).resolves.toMatchObject({ key: 'OPS-1' });
    expect(requests).toHaveLength(2);
  });

  it('an unmarked POST sent through exchange is treated as a write', async () => {
    const { transport, requests } = scriptedTransport(() => ({ status: 503 }));
    await expect(exchange(transport, 'custom', { method: 'POST', path: '/rest/api/3/whatever', body: {} }, policy)).rejects.toBeInstanceOf(JiraError);
    expect(requests).toHaveLength(1);
  });
});

describe('idempotent requests keep their retries', () => {
  it('the JQL search (a read-only POST, marked idempotent) is retried after a 504 and a network error', async () => {
    const { transport, requests } = scriptedTransport([{ status: 504 }, new Error('ECONNRESET'), { status: 200, body: { issues: [], isLast: true } }]);
    await expect(createJiraGateway(transport, policy).searchPage('project = RT', ['summary'], 10)).resolves.toMatchObject({ issues: [] });
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/search/jql', idempotent: true });
  });

  it('GET and PUT are retried after a 503', async () => {
    const { transport, requests } = scriptedTransport([{ status: 503 }, { status: 200, body: { id: '10', name: '1.0', released: true } }, { status: 503 }, { status: 200, body: { accountId: 'u1' } }]);
    const jira = createJiraGateway(transport, policy);
    await expect(jira.releaseVersion('10', '2026-11-16')).resolves.toMatchObject({ released: true });
    await expect(jira.myself()).resolves.toMatchObject({ accountId: 'u1' });
    expect(requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'GET', 'GET']);
  });
});
