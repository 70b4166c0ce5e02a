/**
 * The planning page's bugs from the read model: the stored rows, plus the bugs changed since the last sync (one
 * small search as the user), plus the one page of recently resolved bugs the signals read, instead of every open
 * bug page by page. While the model is being built (or where no background queue exists) the page reads Jira as
 * before when the project is small enough for one invocation, and otherwise shows the build's progress.
 */
import type { JiraGateway } from '../../jira/gateway';
import { openBugsJql, readBugs, readResolvedBugs, searchFields, toPlanBug, upcomingSprintIds, type BoardContext, type FieldIds, type PlanBugOptions, type ReadBugsResult } from '../../resolvers/sprint-planning/read-jira';
import type { KeyValueStore } from '../../storage/key-value-store';
import type { JobQueue } from '../job-queue';
import { applyToShard, rowFields, rowToIssue, type PlanRow } from './rows';
import { planningStore, type PlanningMeta } from './store';
import { changesFor, deltaJql, fieldsKeyOf, resumeIfStalled, startBuild } from './sync';

/** Open bugs a page may still read directly (page by page) while the model is not ready: ~20 calls, ~6 s at 300 ms. */
export const FULL_READ_LIMIT = 2_000;

export type ReadModelState = { status: 'off' | 'building' | 'ready'; read?: number; total?: number | null; failures?: number; lastError?: string; lastSyncAt?: string };

export type PlanningReadEnv = { user: JiraGateway; app: JiraGateway; kv: KeyValueStore; queue?: JobQueue; now: () => Date };

const stateOf = (meta: PlanningMeta): ReadModelState => ({
  status: meta.status,
  read: meta.progress.read,
  total: meta.progress.total,
  failures: meta.progress.failures,
  ...(meta.progress.lastError ? { lastError: meta.progress.lastError } : {}),
  ...(meta.lastSyncAt ? { lastSyncAt: meta.lastSyncAt } : {}),
});

/** Rows in the order of the open-bug search (created ascending, then newest id first, as Jira breaks ties). */
function inSearchOrder(rows: Iterable<PlanRow>): PlanRow[] {
  const keyed = [...rows].map((row) => ({ row, created: Date.parse(String(row.fields['created'] ?? '')) || 0, id: Number(row.id) }));
  keyed.sort((a, b) => (a.created !== b.created ? a.created - b.created : b.id - a.id));
  return keyed.map((k) => k.row);
}

/** Bugs from a ready model: stored rows with the delta since the last sync applied in memory. */
export async function readBugsFromModel(env: PlanningReadEnv, projectKey: string, board: BoardContext, now: Date, options: PlanBugOptions, meta: PlanningMeta): Promise<ReadBugsResult> {
  const ids = meta.fields as FieldIds;
  const [rows, delta, resolved] = await Promise.all([
    planningStore(env.kv, projectKey).allRows(meta),
    env.user.searchAll({ jql: deltaJql(projectKey, meta.lastSyncAt ?? meta.startedAt, now), fields: rowFields([...searchFields(ids), 'issuetype']), pageSize: 100, maxIssues: 5_000 }),
    readResolvedBugs(env.user, projectKey, board, now, options),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const change of changesFor(delta.issues, ids, now.getTime())) applyToShard(byId, change);
  const open = inSearchOrder(byId.values());
  const clear = new Map(open.map((r) => [r.id, r.clear]));
  const upcoming = upcomingSprintIds(board);
  const withVerdict: PlanBugOptions = { ...options, analysedClear: (issue) => clear.get(issue.id) ?? false };
  return {
    bugs: [...open.map((r) => toPlanBug(rowToIssue(r), board.fields, upcoming, withVerdict)), ...resolved.bugs],
    pages: delta.pages + 1,
    truncated: delta.truncated,
    ...(resolved.resolvedCutoff ? { resolvedCutoff: resolved.resolvedCutoff } : {}),
  };
}

/**
 * The page's bugs: from the model when it is ready (starting or resuming its build otherwise), else read from
 * Jira when the project is small, else only the resolved page with the build's progress for the page to show.
 */
export async function readPlanningBugs(env: PlanningReadEnv, projectKey: string, board: BoardContext, now: Date, options: PlanBugOptions): Promise<ReadBugsResult & { model: ReadModelState }> {
  if (!env.queue || !board.board) return { ...(await readBugs(env.user, projectKey, board, now, options)), model: { status: 'off' } };
  const store = planningStore(env.kv, projectKey);
  let meta = await store.meta();
  const syncEnv = { gw: env.app, kv: env.kv, queue: env.queue, now: env.now };
  if (!meta || meta.fieldsKey !== fieldsKeyOf(board.fields)) meta = await startBuild(syncEnv, projectKey, board.fields, meta);
  else if (meta.status === 'building') await resumeIfStalled(syncEnv, projectKey, meta);
  if (meta.status === 'ready') return { ...(await readBugsFromModel(env, projectKey, board, now, options, meta)), model: stateOf(meta) };
  const total = meta.progress.total ?? (await env.user.approximateCount(openBugsJql(projectKey)));
  if (total <= FULL_READ_LIMIT) return { ...(await readBugs(env.user, projectKey, board, now, options)), model: stateOf(meta) };
  const resolved = await readResolvedBugs(env.user, projectKey, board, now, options);
  return { bugs: resolved.bugs, pages: 1, truncated: true, ...(resolved.resolvedCutoff ? { resolvedCutoff: resolved.resolvedCutoff } : {}), model: stateOf(meta) };
}

/** The page's sentence about a model that is not ready yet. */
export function buildProgressWarning(projectKey: string, model: ReadModelState, listed: boolean): string | undefined {
  if (model.status !== 'building') return undefined;
  const of = model.total ? ` of about ${model.total.toLocaleString('en-US')}` : '';
  const failed = model.failures ? ` (${model.failures} failed step${model.failures === 1 ? '' : 's'} retried${model.lastError ? `: ${model.lastError}` : ''})` : '';
  return `Building the planning summary of ${projectKey} in the background: ${(model.read ?? 0).toLocaleString('en-US')}${of} open bugs read${failed}. ${listed ? 'Until it is ready this page reads every bug from Jira.' : 'The open bugs appear here when it is ready: reload the page in a minute.'}`;
}
