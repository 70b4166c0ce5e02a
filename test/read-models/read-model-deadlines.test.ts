/**
 * A stalled Jira site cannot hold the read models' Forge invocations (product-event trigger, scheduled reconcile,
 * async-events consumer) past their limit: every Jira call of one invocation shares its deadline, so once it has
 * passed the next call fails at once instead of waiting its own 10 s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createJiraGateway } from '../../src/jira/gateway';
import type { JiraTransport } from '../../src/jira/transport';
import { onIssueChangedForReadModels, readModelBudgets, readModelsConsumer, reconcileReadModels } from '../../src/read-models/handlers';
import { planningStore } from '../../src/read-models/planning/store';
import { installServices } from '../../src/runtime/services';
import { memoryStore } from '../../src/storage/key-value-store';

const NOW = new Date('2026-11-16T10:00:00.000Z');
/** A site that takes every request and never answers (until the caller aborts). */
const stalled: JiraTransport = { send: (_req, options) => new Promise((_, reject) => options?.signal?.addEventListener('abort', () => reject(new Error('aborted')))) };
let calls = 0;
const counting: JiraTransport = { send: (req, options) => (calls++, stalled.send(req, options)) };

const saved = { ...readModelBudgets };
beforeAll(async () => {
  const kv = memoryStore();
  const gw = createJiraGateway(counting);
  installServices({ jira: () => gw, storage: kv, now: () => NOW, queue: { push: async () => undefined } });
  // A ready model of RT, so the trigger and the reconcile both go to Jira.
  await planningStore(kv, 'RT').setMeta({
    version: 1, status: 'ready', generation: 1, shards: 1, fields: {}, fieldsKey: 'k', startedAt: NOW.toISOString(), lastSyncAt: NOW.toISOString(),
    progress: { read: 0, total: 0, nextPageToken: null, steps: 1, failures: 0, updatedAt: NOW.toISOString() },
  });
  Object.assign(readModelBudgets, { triggerMs: 400, consumerMs: 400 });
});
afterAll(() => void Object.assign(readModelBudgets, saved));
beforeEach(() => void (calls = 0));

/**
 * How `work` settled. The per-call limit (10 s) is longer than Jest's test timeout, so only the entry point's own
 * deadline (400 ms here) can end these calls in time: no wall-clock bound needed.
 */
const settled = <T>(work: Promise<T>) => work.then((v) => ({ v }), (e: unknown) => ({ e }));

test('the issue-event trigger gives up when its time is up', async () => {
  const out = await settled(onIssueChangedForReadModels({ eventType: 'avi:jira:updated:issue', issue: { id: '10001', key: 'RT-1', fields: { project: { key: 'RT' } } } }));
  expect(calls).toBe(1);
  expect(String((out as { e?: Error }).e?.message)).toMatch(/time Jira calls may take in one request ran out/);
});

test('the reconcile gives up when its time is up, and says so per project', async () => {
  const out = (await settled(reconcileReadModels())) as { v?: Array<{ projectKey: string; result: { error?: string } }> };
  expect(out.v?.[0]?.projectKey).toBe('RT');
  expect(out.v?.[0]?.result.error).toMatch(/ran out/);
});

test('the consumer gives up when its time is up', async () => {
  const out = await settled(readModelsConsumer({ body: { kind: 'planning-reconcile', projectKey: 'RT' } }));
  expect(calls).toBeGreaterThan(0);
  expect(String((out as { e?: Error }).e?.message)).toMatch(/ran out/);
});

test("the budgets fit Forge's limits: 25 s for triggers, the consumer function's timeoutSeconds", () => {
  expect(saved.triggerMs).toBeLessThan(25_000);
  const manifest = parse(readFileSync(join(__dirname, '../../manifest.yml'), 'utf8')) as { modules: { consumer: Array<{ function: string }>; function: Array<{ key: string; timeoutSeconds?: number }> } };
  const fn = manifest.modules.function.find((f) => f.key === manifest.modules.consumer[0]!.function)!;
  expect(saved.consumerMs).toBeLessThan((fn.timeoutSeconds ?? 25) * 1000);
});
