/**
 * Validators that fail safely: faults retrying cannot fix (403, 404, a reply that is not JSON, a corrupt stored
 * mapping) block under "allow and record" unless `onPermanentError` says otherwise; transient ones (429, 5xx,
 * timeouts) follow `onJiraError`. Every Jira request has a timeout inside the validation's budget. The failure
 * log survives a failed read.
 */
import { followsLoopValidator } from '../../src';
import { JiraError } from '../../src/jira/errors';
import { installServices, services } from '../../src/runtime/services';
import { StorageError, memoryStore } from '../../src/storage/key-value-store';
import { stageMappings } from '../../src/storage/stage-mapping-store';
import { listValidatorFailures, recordValidatorFailure } from '../../src/validators/failure-log';
import { faultClassOf } from '../../src/validators/run-validator';
import { validatorTimeouts, withTimeout } from '../../src/validators/validator-jira';
import { emulatorEnv, payload, S, type Env } from './support';

let env: Env;
beforeAll(async () => {
  env = await emulatorEnv('rt-faults-');
});
afterAll(() => env.close());
afterEach(() => env.emulator.clearFaults());

const allow = { version: 1, onJiraError: 'allow-and-record' };
const issuePath = /^\/rest\/api\/3\/issue\/RT-28$/;

describe('fault classes', () => {
  it.each([
    ['403', { status: 403 }],
    ['404', { status: 404 }],
    ['a reply that is not JSON', { status: 200, body: '<html><body>Atlassian login</body></html>' }],
  ])('%s: blocks under "allow and record" with a message for the admin, and records it as permanent', async (_name, fault) => {
    env.emulator.failNext({ path: issuePath, times: 3, ...fault });
    const r = await followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, allow));
    expect(r.result).toBe(false);
    expect(r.errorMessage).toMatch(/retrying will not help, so it is blocked\. For your Jira admin:/);
    const [latest] = await listValidatorFailures(services().storage, 'RT');
    expect(latest).toMatchObject({ validator: 'follows-loop', issueKey: 'RT-28', decision: 'blocked', error: expect.stringMatching(/^lasting fault \(a retry will not help\): /) });
  });

  it('403 with the explicit "allow and record" for permanent faults: allowed and recorded', async () => {
    env.emulator.failNext({ path: issuePath, status: 403, times: 3 });
    const r = await followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, { ...allow, onPermanentError: 'allow-and-record' }));
    expect(r).toEqual({ result: true });
    const [latest] = await listValidatorFailures(services().storage, 'RT');
    expect(latest).toMatchObject({ decision: 'allowed', error: expect.stringMatching(/^lasting fault \(a retry will not help\): Jira answered 403/) });
  });

  it('503 (transient) under "allow and record": allowed', async () => {
    env.emulator.failNext({ path: issuePath, status: 503, times: 3 });
    expect(await followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, allow))).toEqual({ result: true });
  });

  it('a corrupt stored stage mapping blocks under "allow and record" (it will not heal by retrying)', async () => {
    const store = services().storage;
    const project = await services().jira('app').getProject('RT');
    const key = stageMappings(store).key(project.id);
    const before = await store.get(key);
    await store.set(key, { version: 1, byStatusId: { '10001': 'NOT_A_STAGE' } });
    try {
      const r = await followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, allow));
      expect(r.result).toBe(false);
      expect(r.errorMessage).toMatch(/Stored data at 'stage-mapping:.*' is not valid.*retrying will not help/);
    } finally {
      if (before === undefined) await store.delete(key);
      else await store.set(key, before);
    }
  });

  it('classifies every kind', () => {
    const j = (kind: ConstructorParameters<typeof JiraError>[0]) => new JiraError(kind, 'getIssue', 'x');
    expect(['network', 'rate-limited', 'server', 'conflict'].map((k) => faultClassOf(j(k as never)))).toEqual(['transient', 'transient', 'transient', 'transient']);
    expect(['unauthorized', 'forbidden', 'not-found', 'bad-request', 'invalid-response'].map((k) => faultClassOf(j(k as never)))).toEqual(Array(5).fill('permanent'));
    expect(faultClassOf(new StorageError('KVS down', 'k'))).toBe('transient');
    expect(faultClassOf(new StorageError('bad value', 'k', true))).toBe('permanent');
  });
});

describe('every Jira request has a timeout inside the validation budget', () => {
  it('the per-request timeout fits the budget, and both fit Forge\'s 25 s invocation limit', () => {
    expect(validatorTimeouts.requestTimeoutMs * 2).toBeLessThanOrEqual(validatorTimeouts.totalBudgetMs);
    expect(validatorTimeouts.totalBudgetMs).toBeLessThan(25_000);
  });
  it('withTimeout rejects a request that hangs, and passes a quick one through', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20, 'Jira request GET /x')).rejects.toThrow('Jira request GET /x timed out after 20 ms');
    await expect(withTimeout(Promise.resolve(7), 20, 'x')).resolves.toBe(7);
  });
  it('a Jira that hangs reaches the failure policy as a transient fault ("timed out"), not a killed invocation', async () => {
    const real = services();
    const hanging = { send: () => new Promise<never>(() => undefined) };
    const saved = { ...validatorTimeouts };
    validatorTimeouts.requestTimeoutMs = 30;
    validatorTimeouts.totalBudgetMs = 100;
    installServices({ ...real, appTransport: () => hanging });
    try {
      const blocked = await followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, {}));
      expect(blocked.errorMessage).toMatch(/timed out after 30 ms.*retry in a moment/);
      expect(await followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, allow))).toEqual({ result: true });
    } finally {
      Object.assign(validatorTimeouts, saved);
      installServices(real);
    }
  });
});

describe('the failure log survives a failed read', () => {
  const event = (at: string) => ({ at, validator: 'follows-loop' as const, issueKey: 'RT-1', error: 'Jira answered 503 when asked to read the issue', decision: 'blocked' as const });
  it('a store that fails one read keeps the log, and the event is kept aside and listed', async () => {
    const store = memoryStore();
    await recordValidatorFailure(store, event('2026-12-01T10:00:00.000Z'));
    await recordValidatorFailure(store, event('2026-12-01T11:00:00.000Z'));
    let failOnce = true;
    const flaky = { ...store, get: async (key: string) => {
      if (failOnce && key === 'validator-failures:RT') { failOnce = false; throw new Error('KVS read timed out'); }
      return store.get(key);
    } };
    expect(await recordValidatorFailure(flaky, event('2026-12-01T12:00:00.000Z'))).toBe('kept-aside');
    const listed = await listValidatorFailures(store, 'RT');
    expect(listed.map((e) => e.at)).toEqual(['2026-12-01T12:00:00.000Z', '2026-12-01T11:00:00.000Z', '2026-12-01T10:00:00.000Z']);
  });
  it('a log that does not parse is never overwritten', async () => {
    const store = memoryStore({ 'validator-failures:RT': { events: 'written by something else' } });
    expect(await recordValidatorFailure(store, event('2026-12-01T12:00:00.000Z'))).toBe('kept-aside');
    expect(await store.get('validator-failures:RT')).toEqual({ events: 'written by something else' });
  });
});
