/**
 * Keeping the planning read model in step with Jira, as the app (asApp: no user is there in triggers and jobs):
 *
 *   build        a queue job per step: up to STEP_PAGES search pages of the open bugs (from the stored
 *                nextPageToken), rows written to their shards, progress stored; the last step marks it ready.
 *                A failed step is retried by the queue and resumes from the stored token.
 *   triggers     issue created / updated / deleted: the bug is read again (one search by id) and its row
 *                written or removed; a read older than the stored row never replaces it (events out of order).
 *   reconcile    scheduled: the changes since the last sync (`updated >= -Nm`), then the open bugs' ids (5,000 a
 *                page) against the rows, to drop the ones deleted or closed without an event reaching the app and
 *                add the ones missing; then the last sync moves on.
 */
import type { JiraGateway } from '../../jira/gateway';
import { isJiraError } from '../../jira/errors';
import type { JiraIssue } from '../../jira/schemas';
import { openBugsJql, searchFields, type FieldIds } from '../../resolvers/sprint-planning/read-jira';
import type { KeyValueStore } from '../../storage/key-value-store';
import type { JobQueue } from '../job-queue';
import { applyToShard, rowFields, shardOf, toPlanRow, type PlanRow } from './rows';
import { planningStore, shardCountFor, type PlanningMeta, type PlanningStore } from './store';

/** Search pages one build step reads (10 × 100 bugs: about 3 s of Jira time at 300 ms a call). */
export const STEP_PAGES = 10;
/** A build whose last progress is older than this has stalled (its job was dropped): a page load resumes it. */
export const STALLED_MS = 2 * 60_000;
/** Changes are read back this far before the last sync, for clocks and JQL's minute precision. */
export const SYNC_MARGIN_MS = 5 * 60_000;

export type SyncEnv = { gw: JiraGateway; kv: KeyValueStore; queue: JobQueue; now: () => Date };

export const fieldsKeyOf = (ids: FieldIds): string => JSON.stringify(Object.entries(ids).sort(([a], [b]) => a.localeCompare(b)));
const modelFields = (ids: FieldIds) => rowFields([...searchFields(ids), 'issuetype']);
const isOpenBug = (issue: JiraIssue) => issue.fields.issuetype?.name === 'Bug' && issue.fields.status?.statusCategory?.key !== 'done';

/** Starts a build (a new generation) and queues its first step. */
export async function startBuild(env: SyncEnv, projectKey: string, ids: FieldIds, previous?: PlanningMeta): Promise<PlanningMeta> {
  const store = planningStore(env.kv, projectKey);
  const total = await env.gw.approximateCount(openBugsJql(projectKey)).catch(() => null);
  const shards = shardCountFor(total ?? 1_000);
  if (previous) await store.clearShards(previous.shards);
  const now = env.now().toISOString();
  const meta: PlanningMeta = {
    version: 1,
    status: 'building',
    generation: (previous?.generation ?? 0) + 1,
    shards,
    fields: { ...ids },
    fieldsKey: fieldsKeyOf(ids),
    startedAt: now,
    progress: { read: 0, total, nextPageToken: null, steps: 0, failures: 0, updatedAt: now },
  };
  await store.setMeta(meta);
  await env.queue.push({ kind: 'planning-build-step', projectKey, generation: meta.generation });
  return meta;
}

/** Queues the next step of a stalled build again (its progress is kept, so it resumes where it stopped). */
export async function resumeIfStalled(env: SyncEnv, projectKey: string, meta: PlanningMeta): Promise<boolean> {
  if (meta.status !== 'building' || env.now().getTime() - Date.parse(meta.progress.updatedAt) < STALLED_MS) return false;
  await planningStore(env.kv, projectKey).setMeta({ ...meta, progress: { ...meta.progress, updatedAt: env.now().toISOString() } });
  await env.queue.push({ kind: 'planning-build-step', projectKey, generation: meta.generation });
  return true;
}

/** Writes changes to their shards (each touched shard read and written once). */
async function writeChanges(store: PlanningStore, shards: number, changes: Array<{ row: PlanRow } | { removeId: string; at?: number }>): Promise<number> {
  const byShard = new Map<number, typeof changes>();
  for (const c of changes) {
    const s = shardOf('row' in c ? c.row.id : c.removeId, shards);
    byShard.set(s, [...(byShard.get(s) ?? []), c]);
  }
  let changed = 0;
  await Promise.all(
    [...byShard].map(async ([s, list]) => {
      const rows = await store.shard(s);
      let dirty = false;
      for (const c of list) if (applyToShard(rows, c)) dirty = true;
      if (dirty) {
        changed += list.length;
        await store.setShard(s, rows);
      }
    }),
  );
  return changed;
}

/** One build step (a queue job). Stale jobs (another generation, or the build is done) do nothing. */
export async function runBuildStep(env: SyncEnv, projectKey: string, generation: number): Promise<PlanningMeta | undefined> {
  const store = planningStore(env.kv, projectKey);
  const meta = await store.meta();
  if (!meta || meta.generation !== generation || meta.status !== 'building') return meta;
  const ids = meta.fields as FieldIds;
  let token = meta.progress.nextPageToken;
  const rows: PlanRow[] = [];
  try {
    for (let p = 0; p < STEP_PAGES; p++) {
      let page;
      try {
        page = await env.gw.searchPage(openBugsJql(projectKey), modelFields(ids), 100, token ?? undefined);
      } catch (e) {
        // Jira no longer accepts the stored token (expired): read again from the start; rows are upserts.
        if (token && isJiraError(e) && e.kind === 'bad-request') {
          token = null;
          rows.length = 0;
          meta.progress.read = 0;
          continue;
        }
        throw e;
      }
      rows.push(...page.issues.map((i) => toPlanRow(i, ids)));
      token = page.isLast === false && page.nextPageToken ? page.nextPageToken : null;
      if (!token) break;
    }
    await writeChanges(store, meta.shards, rows.map((row) => ({ row })));
  } catch (e) {
    const failed: PlanningMeta = { ...meta, progress: { ...meta.progress, failures: meta.progress.failures + 1, lastError: (e instanceof Error ? e.message : String(e)).slice(0, 300), updatedAt: env.now().toISOString() } };
    await store.setMeta(failed);
    throw e; // the queue retries the step; it starts again from the stored token
  }
  const now = env.now().toISOString();
  const progress = { ...meta.progress, read: meta.progress.read + rows.length, nextPageToken: token, steps: meta.progress.steps + 1, updatedAt: now };
  const done = token === null;
  const next: PlanningMeta = done
    ? { ...meta, status: 'ready', lastSyncAt: new Date(Date.parse(meta.startedAt) - SYNC_MARGIN_MS).toISOString(), progress }
    : { ...meta, progress };
  await store.setMeta(next);
  if (!done) await env.queue.push({ kind: 'planning-build-step', projectKey, generation });
  return next;
}

/** Relative JQL date (time-zone free) covering everything since `since`, with the margin. */
export function sinceJql(since: string, now: Date): string {
  const minutes = Math.max(1, Math.ceil((now.getTime() - Date.parse(since) + SYNC_MARGIN_MS) / 60_000));
  return `-${minutes}m`;
}

/** The project's issues changed since the last sync (bugs and issues that stopped being bugs alike). */
export function deltaJql(projectKey: string, since: string, now: Date): string {
  return openBugsJql(projectKey).replace(' AND issuetype = Bug AND statusCategory != Done ORDER BY created ASC', ` AND updated >= "${sinceJql(since, now)}" ORDER BY updated ASC`);
}

/** Changes for a set of re-read issues: rows for the open bugs, removals for the rest. */
export function changesFor(issues: readonly JiraIssue[], ids: FieldIds, readAt: number): Array<{ row: PlanRow } | { removeId: string; at: number }> {
  return issues.map((i) => (isOpenBug(i) ? { row: toPlanRow(i, ids) } : { removeId: i.id, at: readAt }));
}

/** An issue event: the issue is read again and its row written or removed. Projects without a model are skipped. */
export async function onIssueEvent(env: SyncEnv, event: { kind: 'created' | 'updated' | 'deleted'; issueId: string; projectKey: string }): Promise<'skipped' | 'written' | 'removed' | 'unchanged'> {
  const store = planningStore(env.kv, event.projectKey);
  const meta = await store.meta();
  if (!meta) return 'skipped';
  const readAt = env.now().getTime();
  if (event.kind === 'deleted') return (await writeChanges(store, meta.shards, [{ removeId: event.issueId }])) > 0 ? 'removed' : 'unchanged';
  const page = await env.gw.searchPage(`id = ${Number(event.issueId)}`, modelFields(meta.fields as FieldIds), 1);
  const issue = page.issues[0];
  const change = issue && isOpenBug(issue) && issue.key.startsWith(`${event.projectKey}-`) ? { row: toPlanRow(issue, meta.fields as FieldIds) } : { removeId: event.issueId, at: readAt };
  const changed = await writeChanges(store, meta.shards, [change]);
  return changed === 0 ? 'unchanged' : 'row' in change ? 'written' : 'removed';
}

/** The periodic reconcile of one project's model (see the header). Returns what it changed. */
export async function reconcile(env: SyncEnv, projectKey: string): Promise<{ changed: number; removed: number; added: number } | undefined> {
  const store = planningStore(env.kv, projectKey);
  const meta = await store.meta();
  if (!meta || meta.status !== 'ready' || !meta.lastSyncAt) return undefined;
  const ids = meta.fields as FieldIds;
  const startedAt = env.now();
  const delta = await env.gw.searchAll({ jql: deltaJql(projectKey, meta.lastSyncAt, startedAt), fields: modelFields(ids), pageSize: 100, maxIssues: 20_000 });
  const changed = await writeChanges(store, meta.shards, changesFor(delta.issues, ids, startedAt.getTime()));
  // Membership: the open bugs' ids as Jira has them now, against the rows.
  const open = await env.gw.searchAll({ jql: openBugsJql(projectKey), fields: ['id'], pageSize: 5_000, maxIssues: 200_000 });
  const openIds = new Set(open.issues.map((i) => i.id));
  const rows = await store.allRows(meta);
  const stale = rows.filter((r) => !openIds.has(r.id));
  const have = new Set(rows.map((r) => r.id));
  const missing = [...openIds].filter((id) => !have.has(id));
  const fetched: JiraIssue[] = [];
  for (let i = 0; i < missing.length; i += 100) {
    const part = missing.slice(i, i + 100);
    fetched.push(...(await env.gw.searchPage(`id in (${part.map(Number).join(', ')})`, modelFields(ids), 100)).issues);
  }
  await writeChanges(store, meta.shards, [...stale.map((r) => ({ removeId: r.id, at: startedAt.getTime() })), ...changesFor(fetched, ids, startedAt.getTime())]);
  await store.setMeta({ ...meta, lastSyncAt: startedAt.toISOString() });
  return { changed, removed: stale.length, added: fetched.length };
}
