/**
 * The planning read model against the emulator: the background build (progress, resumption after a failed
 * step), the trigger handlers (created, updated, deleted, replayed out of order, missed and caught by the
 * reconcile), and the same page from the model as from a full read of the same data.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJiraEmulator } from '../../local/emulator/handler';
import { FileStore } from '../../local/emulator/store';
import { createSeedState, SEED_BASE_DATE } from '../../local/seed';
import { scaleBugs } from '../../local/seed/scale';
import { localServices } from '../../local/server/local-services';
import type { JobQueue, ReadModelJob } from '../../src/read-models/job-queue';
import { onIssueChangedForReadModels, reconcileReadModels, runReadModelJob } from '../../src/read-models/handlers';
import { planningStore } from '../../src/read-models/planning/store';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { sprintPlanningHandlers, sprintPlanningProcedures } from '../../src/resolvers/sprint-planning-handlers';
import { installServices, type Services } from '../../src/runtime/services';
import { memoryStore } from '../../src/storage/key-value-store';
import type { PlanView } from '../../src/contracts/sprint-planning';

const PLANNER = 'rt-planner-jonas';
const NOW = SEED_BASE_DATE;
/** The demo (~90 open bugs: one build step), and 2,500 bugs (~1,500 open: two steps of 1,000). */
const seeds = new Map<number, string>();
const seedOf = (bugs: number) => {
  if (!seeds.has(bugs)) seeds.set(bugs, JSON.stringify(createSeedState(NOW, bugs > 150 ? [scaleBugs(bugs)] : [])));
  return JSON.parse(seeds.get(bugs)!) as ReturnType<typeof createSeedState>;
};

async function site(bugs = 150) {
  const store = new FileStore({ path: join(mkdtempSync(join(tmpdir(), 'rt-rm-')), 'jira.json'), seed: () => seedOf(bugs) });
  await store.load();
  const emulator = createJiraEmulator(store, { now: () => NOW });
  const jobs: ReadModelJob[] = [];
  const queue: JobQueue = { push: async (job) => void jobs.push(job) };
  const kv = memoryStore();
  const services: Services = localServices(emulator.handle, kv, () => NOW, queue);
  installServices(services);
  const load = async (): Promise<PlanView> => {
    const r = await runProcedure(sprintPlanningProcedures, sprintPlanningHandlers, 'sprint/load', { payload: { input: {} }, context: { accountId: PLANNER, extension: { project: { key: 'RT', id: '10000' } } } });
    if (!r.ok) throw new Error(r.message);
    return r.data as PlanView;
  };
  const runJobs = async () => {
    while (jobs.length > 0) await runReadModelJob(jobs.shift()!);
  };
  const call = (method: string, path: string, body?: unknown) => {
    const url = new URL(path, 'http://jira.test');
    return emulator.handle({ method, path: url.pathname, query: url.searchParams, headers: { 'x-rt-account-id': PLANNER }, body });
  };
  const rows = async () => {
    const meta = (await planningStore(kv, 'RT').meta())!;
    return new Map((await planningStore(kv, 'RT').allRows(meta)).map((r) => [r.key, r]));
  };
  return { store, emulator, jobs, services, queue, kv, load, runJobs, call, rows };
}

const openBugCount = (s: FileStore) => s.get().issues.filter((i) => i.key.startsWith('RT-') && i.fields.issueTypeId === '10004' && s.get().statuses.find((x) => x.id === i.fields.statusId)?.category !== 'done').length;
/** The parts of the view the bugs decide (stats, warnings and the model's state differ by design). */
const pageOf = (v: PlanView) => ({ bugs: v.bugs, sprints: v.sprints, signals: v.signals, filters: v.filters, velocity: v.velocity });
const event = (eventType: string, issue: { id: string; key: string }) => ({ eventType, issue: { id: issue.id, key: issue.key, fields: { project: { key: 'RT' } } } });

describe('planning read model: background build', () => {
  it('builds in steps with progress, resumes after a failed step, and then serves the same page as a full read', async () => {
    const s = await site(2_500);
    const open = openBugCount(s.store);
    expect(open).toBeGreaterThan(1_000);

    const first = await s.load();
    expect(first.readModel).toMatchObject({ status: 'building', read: 0, total: open });
    expect(first.warnings[0]).toMatch(/Building the planning summary of RT in the background: 0 of about/);
    expect(first.stats.openBugs).toBe(open); // small enough to be read in full meanwhile
    expect(s.jobs).toHaveLength(1);

    await runReadModelJob(s.jobs.shift()!);
    const meta1 = (await planningStore(s.kv, 'RT').meta())!;
    expect(meta1).toMatchObject({ status: 'building', progress: { read: 1_000, steps: 1, failures: 0 } });
    expect(meta1.progress.nextPageToken).toEqual(expect.any(String));
    expect((await s.load()).warnings[0]).toMatch(/1,000 of about/);

    // The next step fails on Jira (every retry answers 500): progress is kept, the failure recorded.
    const step2 = s.jobs.shift()!;
    s.emulator.failNext({ path: '/rest/api/3/search/jql', status: 500, times: 10 });
    await expect(runReadModelJob(step2)).rejects.toThrow();
    s.emulator.clearFaults();
    const failed = (await planningStore(s.kv, 'RT').meta())!;
    expect(failed).toMatchObject({ status: 'building', progress: { read: 1_000, failures: 1, nextPageToken: meta1.progress.nextPageToken } });
    expect(failed.progress.lastError).toMatch(/500|Jira/);

    // The queue's retry runs the same job again: it resumes from the stored token.
    await runReadModelJob(step2);
    await s.runJobs();
    const ready = (await planningStore(s.kv, 'RT').meta())!;
    expect(ready).toMatchObject({ status: 'ready', progress: { read: open } });
    expect((await s.rows()).size).toBe(open);

    const fromModel = await s.load();
    expect(fromModel.readModel?.status).toBe('ready');
    expect(fromModel.stats.searchCalls).toBeLessThan(5); // delta + resolved page, not 15 pages of open bugs
    delete s.services.queue;
    const fullRead = await s.load();
    expect(fullRead.readModel).toEqual({ status: 'off' });
    expect(pageOf(fromModel)).toEqual(pageOf(fullRead));
  }, 60_000);

  it('a stalled build (its job dropped) is queued again by the next page load', async () => {
    const s = await site();
    await s.load();
    s.jobs.length = 0; // the queue gave up on it
    const meta = (await planningStore(s.kv, 'RT').meta())!;
    await planningStore(s.kv, 'RT').setMeta({ ...meta, progress: { ...meta.progress, updatedAt: new Date(NOW.getTime() - 10 * 60_000).toISOString() } });
    await s.load();
    expect(s.jobs).toEqual([{ kind: 'planning-build-step', projectKey: 'RT', generation: meta.generation }]);
  }, 60_000);
});

describe('planning read model: trigger handlers', () => {
  async function built() {
    const s = await site();
    await s.load();
    await s.runJobs();
    return s;
  }

  it('writes the row of a created and of an updated bug, and removes a closed or deleted one', async () => {
    const s = await built();
    const created = await s.call('POST', '/rest/api/3/issue', { fields: { project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Checkout total is wrong after a coupon', priority: { name: 'High' } } });
    expect(created.status).toBe(201);
    const c = created.body as { id: string; key: string };
    expect(await onIssueChangedForReadModels(event('avi:jira:created:issue', c))).toEqual({ outcome: 'written' });
    expect((await s.rows()).get(c.key)?.fields['summary']).toBe('Checkout total is wrong after a coupon');

    expect((await s.call('PUT', `/rest/api/3/issue/${c.key}`, { fields: { summary: 'Checkout total is wrong after two coupons' } })).status).toBe(204);
    expect(await onIssueChangedForReadModels(event('avi:jira:updated:issue', c))).toEqual({ outcome: 'written' });
    expect((await s.rows()).get(c.key)?.fields['summary']).toBe('Checkout total is wrong after two coupons');

    // Closed (statusCategory Done): the row goes.
    const open = [...(await s.rows()).values()].find((r) => r.key !== c.key)!;
    await s.store.update((st) => {
      const issue = st.issues.find((i) => i.id === open.id)!;
      issue.fields.statusId = st.statuses.find((x) => x.category === 'done')!.id;
      issue.fields.updated = '2026-11-16T12:00:00.000+0000';
    });
    expect(await onIssueChangedForReadModels(event('avi:jira:updated:issue', open))).toEqual({ outcome: 'removed' });
    expect((await s.rows()).has(open.key)).toBe(false);

    // Deleted: removed without reading Jira.
    s.emulator.resetCalls();
    expect(await onIssueChangedForReadModels(event('avi:jira:deleted:issue', c))).toEqual({ outcome: 'removed' });
    expect((await s.rows()).has(c.key)).toBe(false);
    expect(s.emulator.calls).toHaveLength(0);
  }, 60_000);

  it('replayed out of order: an older read never replaces a newer row, and a second delivery changes nothing', async () => {
    const s = await built();
    const row = [...(await s.rows()).values()][0]!;
    const store = planningStore(s.kv, 'RT');
    const meta = (await store.meta())!;
    const { shardOf } = await import('../../src/read-models/planning/rows');
    const shard = await store.shard(shardOf(row.id, meta.shards));
    shard.set(row.id, { ...row, updated: row.updated + 60_000, fields: { ...row.fields, summary: 'newer' } });
    await store.setShard(shardOf(row.id, meta.shards), shard);
    expect(await onIssueChangedForReadModels(event('avi:jira:updated:issue', row))).toEqual({ outcome: 'unchanged' });
    expect((await s.rows()).get(row.key)?.fields['summary']).toBe('newer');

    const other = [...(await s.rows()).values()][1]!;
    expect(await onIssueChangedForReadModels(event('avi:jira:updated:issue', other))).toEqual({ outcome: 'unchanged' }); // same as stored
  }, 60_000);

  it('ignores payloads that are not issue events, and projects without a model', async () => {
    const s = await built();
    expect((await onIssueChangedForReadModels({ eventType: 'avi:jira:updated:issue', issue: { id: 'x', key: 'RT-1' } })).outcome).toMatch(/ignored/);
    expect((await onIssueChangedForReadModels(null)).outcome).toMatch(/ignored/);
    const sup = s.store.get().issues.find((i) => i.key.startsWith('SUP-'))!;
    expect(await onIssueChangedForReadModels({ eventType: 'avi:jira:updated:issue', issue: { id: sup.id, key: sup.key, fields: { project: { key: 'SUP' } } } })).toEqual({ outcome: 'skipped' });
    expect((await s.rows()).size).toBe(openBugCount(s.store));
  }, 60_000);

  it('missed events: the page sees edits through the delta, the reconcile drops deleted bugs and adds ones it never heard of', async () => {
    const s = await built();
    const rows = [...(await s.rows()).values()];
    const edited = rows[0]!;
    const deleted = rows[1]!;
    // No events: an edit now, a deletion, and a bug that appears with an old `updated` (imported), all silently.
    await s.store.update((st) => {
      const e = st.issues.find((i) => i.id === edited.id)!;
      e.fields.summary = 'Edited without an event';
      e.fields.updated = '2026-11-16T11:59:00.000+0000';
      st.issues = st.issues.filter((i) => i.id !== deleted.id);
      const template = st.issues.find((i) => i.id === rows[2]!.id)!;
      const imported = JSON.parse(JSON.stringify(template)) as typeof template;
      imported.id = String(st.counters.issueId++);
      imported.key = `RT-${++st.counters.issueNumber['RT']!}`;
      imported.fields.summary = 'Imported long ago';
      imported.fields.updated = '2025-01-01T00:00:00.000+0000';
      st.issues.push(imported);
    });
    const page = await s.load();
    expect(page.bugs.find((b) => b.key === edited.key)?.summary).toBe('Edited without an event');

    const [result] = await reconcileReadModels();
    expect(result).toEqual({ projectKey: 'RT', result: expect.objectContaining({ removed: 1, added: 1 }) });
    const after = await s.rows();
    expect(after.has(deleted.key)).toBe(false);
    expect([...after.values()].some((r) => r.fields['summary'] === 'Imported long ago')).toBe(true);
    expect(after.get(edited.key)?.fields['summary']).toBe('Edited without an event');
    expect(after.size).toBe(openBugCount(s.store));
    const meta = (await planningStore(s.kv, 'RT').meta())!;
    expect(meta.lastSyncAt).toBe(NOW.toISOString());
  }, 60_000);
});
