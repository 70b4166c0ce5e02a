/**
 * Where real Jira is less kind than the emulator used to be: changelogs cut at the inline cap (and `total` that
 * cannot be trusted), agile pages without `isLast`, `released` ignored on create, and calls that never answer.
 */
import { changelogTruncated, withWholeChangelog } from '../../src/jira/changelog';
import { withDeadline } from '../../src/jira/deadline';
import { agileHasMore, createJiraGateway } from '../../src/jira/gateway';
import type { JiraIssue } from '../../src/jira/schemas';
import type { JiraRawResponse, JiraRequest, JiraTransport, RetryPolicy } from '../../src/jira/transport';

const policy: RetryPolicy = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5, sleep: async () => undefined };
const reply = (status: number, body?: unknown): JiraRawResponse => ({ status, header: () => null, text: async () => (body === undefined ? '' : JSON.stringify(body)) });
function scripted(answer: (r: JiraRequest) => JiraRawResponse | Promise<JiraRawResponse>): JiraTransport & { sent: JiraRequest[] } {
  const sent: JiraRequest[] = [];
  return { sent, send: async (r) => (sent.push(r), answer(r)) };
}
const history = (n: number) => ({ id: String(n), created: `2026-11-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`, items: [{ field: 'status', from: null, to: String(n), toString: null }] });
const issueWith = (count: number, extra: Record<string, unknown> = {}): JiraIssue => ({ id: '1', key: 'RT-1', fields: {}, changelog: { histories: Array.from({ length: count }, (_, i) => history(i)), ...extra } });

describe('changelog truncation', () => {
  it('a changelog at the search cap (40) is possibly cut even when total says it is whole', () => {
    expect(changelogTruncated(issueWith(40, { startAt: 0, maxResults: 40, total: 40 }))).toBe(true);
    expect(changelogTruncated(issueWith(39, { startAt: 0, maxResults: 40, total: 39 }))).toBe(false);
    expect(changelogTruncated(issueWith(39, { startAt: 0, maxResults: 100, total: 39 }), 100)).toBe(false);
    expect(changelogTruncated(issueWith(100, { startAt: 0, maxResults: 100, total: 100 }), 100)).toBe(true);
  });
  it('a changelog without total is possibly cut', () => {
    expect(changelogTruncated(issueWith(3))).toBe(true);
  });
  it('the rest is read from where the inline part ended, not from 0, and merged without duplicates', async () => {
    const t = scripted((r) => {
      const startAt = Number(new URL(r.path, 'http://x').searchParams.get('startAt'));
      const values = Array.from({ length: Math.max(0, Math.min(100, 130 - startAt)) }, (_, i) => history(startAt + i));
      return reply(200, { values, startAt, maxResults: 100, total: values.length, isLast: startAt + values.length >= 130 });
    });
    const whole = await withWholeChangelog(createJiraGateway(t, policy), issueWith(40, { startAt: 0, maxResults: 40, total: 40 }));
    expect(t.sent.map((r) => r.path)).toEqual(['/rest/api/3/issue/RT-1/changelog?startAt=40&maxResults=100']);
    expect(whole.changelog!.histories.map((h) => h.id)).toEqual(Array.from({ length: 130 }, (_, i) => String(i)));
  });
  it('pages without isLast stop on a short page, not on total (the count on the page)', async () => {
    const t = scripted((r) => {
      const startAt = Number(new URL(r.path, 'http://x').searchParams.get('startAt'));
      const values = Array.from({ length: startAt < 200 ? 100 : 5 }, (_, i) => history(startAt + i));
      return reply(200, { values, startAt, maxResults: 100, total: values.length });
    });
    expect(await createJiraGateway(t, policy).getChangelog('RT-1')).toHaveLength(205);
    expect(t.sent).toHaveLength(3);
  });
});

it('a changelog item without its own toString (Jira may omit it) is not read as Object.prototype.toString', async () => {
  const t = scripted(() => reply(200, { values: [{ id: '1', created: '2026-11-01T00:00:00.000Z', items: [{ field: 'labels', from: null, to: null }] }], startAt: 0, maxResults: 100, total: 1, isLast: true }));
  expect((await createJiraGateway(t, policy).getChangelog('RT-1'))[0]!.items[0]).toMatchObject({ field: 'labels', toString: undefined });
});

describe('agile pagination without isLast', () => {
  it('follows startAt/total, and a full page when there is no total', async () => {
    expect(agileHasMore({ values: [1, 2], startAt: 0, total: 5 }, 0, 2)).toBe(true);
    expect(agileHasMore({ values: [1], startAt: 4, total: 5 }, 4, 2)).toBe(false);
    expect(agileHasMore({ values: [1, 2] }, 0, 2)).toBe(true);
    expect(agileHasMore({ values: [1] }, 0, 2)).toBe(false);
    expect(agileHasMore({ values: [1, 2], isLast: true, total: 99 }, 0, 2)).toBe(false);
    const boards = Array.from({ length: 120 }, (_, i) => ({ id: i, name: `B${i}`, type: 'scrum' }));
    const t = scripted((r) => {
      const q = new URL(r.path, 'http://x').searchParams;
      const startAt = Number(q.get('startAt'));
      return reply(200, { values: boards.slice(startAt, startAt + 50), startAt, maxResults: 50, total: boards.length });
    });
    expect(await createJiraGateway(t, policy).listBoards('RT')).toHaveLength(120);
    expect(t.sent).toHaveLength(3);
  });
});

describe('versions', () => {
  it('createVersion with released: true creates without it, then releases with a PUT', async () => {
    const t = scripted((r) => (r.method === 'POST' ? reply(201, { id: '7', name: '4.3.0', released: false }) : reply(200, { id: '7', name: '4.3.0', released: true, releaseDate: '2026-11-20' })));
    const v = await createJiraGateway(t, policy).createVersion({ name: '4.3.0', projectId: 1, released: true, releaseDate: '2026-11-20' });
    expect(v).toMatchObject({ released: true, releaseDate: '2026-11-20' });
    expect(t.sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/rest/api/3/version', { name: '4.3.0', projectId: 1, releaseDate: '2026-11-20' }],
      ['PUT', '/rest/api/3/version/7', { released: true, releaseDate: '2026-11-20' }],
    ]);
  });
});

describe('timeouts', () => {
  const stalled = () => scripted(() => new Promise<JiraRawResponse>(() => undefined));
  it('a call that never answers fails after the per-call limit, is not retried, and aborts the request', async () => {
    let signal: AbortSignal | undefined;
    const t: JiraTransport = { send: (_r, o) => ((signal = o?.signal), new Promise<JiraRawResponse>(() => undefined)) };
    // A limit that did not fire would leave this test to Jest's own timeout: no wall-clock bound needed here.
    const failure = createJiraGateway(t, { ...policy, timeoutMs: 50 }).myself();
    // The message says what the app was doing (operationPhrase), never the internal operation name.
    await expect(failure).rejects.toMatchObject({ kind: 'network', operation: 'getMyself', message: 'Jira did not answer the request to read your Jira profile within 0 s. The site may be slow or unreachable; try again in a moment.' });
    expect(signal?.aborted).toBe(true);
  });
  it('inside an invocation deadline, later calls fail at once once it has passed', async () => {
    const t = stalled();
    // The per-call limit (10 s) is longer than Jest's test timeout: only the 80 ms deadline can end these calls.
    const gw = createJiraGateway(t, { ...policy, timeoutMs: 10_000 });
    await withDeadline(80, async () => {
      await expect(gw.myself()).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('before the time Jira calls may take in one request ran out') });
      const later = gw.getProject('RT');
      await expect(later).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('did not answer the request to read the project before the time') });
      await expect(later).rejects.not.toMatchObject({ message: expect.stringContaining('getProject') });
    });
    expect(t.sent).toHaveLength(1);
  });
});
