/** The validators' own retry budget over the app's transport: one short retry per validation, only for reads. */
import type { JiraRawResponse, JiraTransport } from '../../src/jira/transport';
import type { Services } from '../../src/runtime/services';
import { memoryStore } from '../../src/storage/key-value-store';
import { validatorJira, validatorRetry } from '../../src/validators/validator-jira';

const reply = (status: number, body: unknown = {}, headers: Record<string, string> = {}): JiraRawResponse => ({ status, header: (n) => headers[n.toLowerCase()] ?? null, text: async () => JSON.stringify(body) });
const issue = { id: '1', key: 'RT-1', fields: {} };
function servicesWith(answers: Array<JiraRawResponse | Error>): { svc: Services; sent: () => number } {
  let i = 0;
  const transport: JiraTransport = {
    async send() {
      const a = answers[Math.min(i++, answers.length - 1)];
      if (a instanceof Error) throw a;
      return a!;
    },
  };
  const svc: Services = { jira: () => { throw new Error('validators use appTransport'); }, appTransport: () => transport, storage: memoryStore(), now: () => new Date(0) };
  return { svc, sent: () => i };
}

let slept: number[];
beforeEach(() => {
  slept = [];
  jest.spyOn(validatorRetry, 'sleep').mockImplementation(async (ms) => void slept.push(ms));
});
afterEach(() => jest.restoreAllMocks());

it('a network error on a read is retried once', async () => {
  const { svc, sent } = servicesWith([new Error('socket hang up'), reply(200, issue)]);
  const v = validatorJira(svc);
  await expect(v.jira.getIssue('RT-1')).resolves.toMatchObject({ key: 'RT-1' });
  expect([sent(), v.sends(), slept.length]).toEqual([2, 2, 1]);
});

it('the budget is per validation: a second failing call is not retried', async () => {
  const { svc } = servicesWith([reply(503), reply(200, issue), reply(503)]);
  const v = validatorJira(svc);
  await v.jira.getIssue('RT-1');
  await expect(v.jira.getIssue('RT-1')).rejects.toMatchObject({ status: 503 });
  expect(v.sends()).toBe(3);
});

it('a 429 with a short Retry-After is waited for; a 5xx on a write is not repeated', async () => {
  const limited = servicesWith([reply(429, {}, { 'retry-after': '0' }), reply(200, issue)]);
  await validatorJira(limited.svc).jira.getIssue('RT-1');
  expect(slept).toEqual([0]);
  const write = servicesWith([reply(500), reply(201, { id: '2', key: 'RT-2' })]);
  await expect(validatorJira(write.svc).jira.createIssue({})).rejects.toMatchObject({ status: 500 });
  expect(write.sent()).toBe(1);
});
