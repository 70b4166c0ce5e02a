/**
 * The read models' background build over Forge's async events queue: forgeJobQueue pushes `{ body }` events (the
 * `Queue.push` signature of @forge/events), and each event is delivered, as Forge delivers it, to the consumer the
 * manifest names (readModelsConsumer). A step that throws is delivered again (Forge's retry) and resumes from the
 * stored progress; the page shows the progress meanwhile.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PushEvent } from '@forge/events';
import { createJiraEmulator } from '../../local/emulator/handler';
import { FileStore } from '../../local/emulator/store';
import { createSeedState, SEED_BASE_DATE } from '../../local/seed';
import { scaleBugs } from '../../local/seed/scale';
import { localServices } from '../../local/server/local-services';
import { readManifest } from '../../local/manifest/read-manifest';
import { forgeJobQueue, READ_MODELS_QUEUE_KEY, type QueuePort } from '../../src/read-models/forge-job-queue';
import type { ReadModelJob } from '../../src/read-models/job-queue';
import { readModelsConsumer } from '../../src';
import { planningStore } from '../../src/read-models/planning/store';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { sprintPlanningHandlers, sprintPlanningProcedures } from '../../src/resolvers/sprint-planning-handlers';
import { installServices } from '../../src/runtime/services';
import { memoryStore } from '../../src/storage/key-value-store';
import type { PlanView } from '../../src/contracts/sprint-planning';

/** A stand-in for `new Queue({ key })`: records what was pushed, as Forge's queue would hold it. */
function recordingQueue() {
  const events: Array<PushEvent<ReadModelJob>> = [];
  const port: QueuePort = { push: async (e) => (events.push(...(Array.isArray(e) ? e : [e])), { jobId: `job-${events.length}` }) };
  return { port, events };
}

describe('forgeJobQueue (the @forge/events adapter)', () => {
  it('pushes the job as the event body, with a whole-second delay capped at 900', async () => {
    const q = recordingQueue();
    const queue = forgeJobQueue(q.port);
    await queue.push({ kind: 'planning-reconcile', projectKey: 'RT' });
    await queue.push({ kind: 'planning-build-step', projectKey: 'RT', generation: 2 }, { delaySeconds: 1.2 });
    await queue.push({ kind: 'planning-reconcile', projectKey: 'RT' }, { delaySeconds: 5000 });
    expect(q.events).toEqual([
      { body: { kind: 'planning-reconcile', projectKey: 'RT' } },
      { body: { kind: 'planning-build-step', projectKey: 'RT', generation: 2 }, delayInSeconds: 2 },
      { body: { kind: 'planning-reconcile', projectKey: 'RT' }, delayInSeconds: 900 },
    ]);
  });
  it('refuses a job the consumer could not read, before pushing it', async () => {
    const q = recordingQueue();
    await expect(forgeJobQueue(q.port).push({ kind: 'planning-build-step', projectKey: '', generation: -1 } as ReadModelJob)).rejects.toThrow();
    expect(q.events).toHaveLength(0);
  });
  it('uses the queue key the manifest consumer listens to, and that consumer runs readModelsConsumer', () => {
    const m = readManifest();
    const consumer = (m.modules as unknown as { consumer: Array<{ queue: string; function: string }> }).consumer.find((c) => c.queue === READ_MODELS_QUEUE_KEY);
    expect(consumer).toBeDefined();
    expect(m.modules.function.find((f) => f.key === consumer!.function)?.handler).toBe('index.readModelsConsumer');
  });
});

describe('the planning build over queue events', () => {
  it('each event is one step; a failed step is redelivered and resumes from the stored progress; the page shows progress', async () => {
    const store = new FileStore({ path: join(mkdtempSync(join(tmpdir(), 'rt-rm-forge-')), 'jira.json'), seed: () => createSeedState(SEED_BASE_DATE, [scaleBugs(2_500)]) });
    await store.load();
    const emulator = createJiraEmulator(store, { now: () => SEED_BASE_DATE });
    const q = recordingQueue();
    const kv = memoryStore();
    installServices(localServices(emulator.handle, kv, () => SEED_BASE_DATE, forgeJobQueue(q.port)));
    const load = async (): Promise<PlanView> => {
      const r = await runProcedure(sprintPlanningProcedures, sprintPlanningHandlers, 'sprint/load', { payload: { input: {} }, context: { accountId: 'rt-planner-jonas', extension: { project: { key: 'RT', id: '10000' } } } });
      if (!r.ok) throw new Error(r.message);
      return r.data as PlanView;
    };
    /** Forge delivers an event: an AsyncEvent with the body, queue name and ids (retryContext on a redelivery). */
    const deliver = (e: PushEvent<ReadModelJob>, retryCount = 0) =>
      readModelsConsumer({ ...e, queueName: READ_MODELS_QUEUE_KEY, jobId: 'job', eventId: `ev-${Math.random()}`, ...(retryCount > 0 ? { retryContext: { retryCount, retryReason: 'FUNCTION_ERROR', retryData: null } } : {}) });

    const first = await load();
    expect(first.readModel).toMatchObject({ status: 'building', read: 0 });
    expect(q.events).toHaveLength(1);

    await deliver(q.events.shift()!);
    expect((await planningStore(kv, 'RT').meta())!.progress).toMatchObject({ read: 1_000, steps: 1 });
    expect((await load()).warnings[0]).toMatch(/1,000 of about/);

    const second = q.events.shift()!;
    emulator.failNext({ path: '/rest/api/3/search/jql', status: 500, times: 10 });
    await expect(deliver(second)).rejects.toThrow();
    emulator.clearFaults();
    expect((await planningStore(kv, 'RT').meta())!.progress).toMatchObject({ read: 1_000, failures: 1 });
    expect(q.events).toHaveLength(0); // a failed step queues nothing: Forge redelivers it

    await deliver(second, 1);
    let guard = 0;
    while (q.events.length > 0 && guard++ < 20) await deliver(q.events.shift()!);
    const ready = (await planningStore(kv, 'RT').meta())!;
    expect(ready.status).toBe('ready');
    expect(ready.progress.read).toBe(first.readModel && 'total' in first.readModel ? first.readModel.total : -1);
    expect((await load()).readModel?.status).toBe('ready');
  }, 90_000);

  it('an event without a body, or with a body that is not a job, fails loudly (Forge records the failure)', async () => {
    await expect(readModelsConsumer({ queueName: READ_MODELS_QUEUE_KEY })).rejects.toThrow(/without a body/);
    await expect(readModelsConsumer({ body: { kind: 'drop-tables' } })).rejects.toThrow();
  });
});
