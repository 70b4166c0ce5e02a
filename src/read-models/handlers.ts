/**
 * The read models' Forge entry points: product-event triggers (issue created / updated / deleted), the async
 * events consumer that runs build steps, and the scheduled reconcile. Each parses what Forge sends with zod and
 * acts as the app (no user is present in these invocations).
 */
import { z } from 'zod';
import { INVOCATION_BUDGET_MS, withDeadline } from '../jira/deadline';
import { services } from '../runtime/services';
import { readModelJobSchema, type JobQueue, type ReadModelJob } from './job-queue';
import { planningProjects } from './planning/store';
import { onIssueEvent, reconcile, runBuildStep, type SyncEnv } from './planning/sync';

const noQueue: JobQueue = {
  push: () => Promise.reject(new Error('No background queue is wired (Forge: add @forge/events and the read-models consumer).')),
};

/**
 * Time each entry point leaves for its Jira calls (every call of the invocation shares it, see jira/deadline.ts),
 * so a stalled site cannot hold an invocation past Forge's limit: the triggers run under Forge's 25 s, the consumer
 * under its function's `timeoutSeconds: 60` (manifest.yml; test/read-models/read-model-deadlines.test.ts keeps them in step).
 */
export const readModelBudgets = { triggerMs: INVOCATION_BUDGET_MS, consumerMs: 55_000 };

function syncEnv(): SyncEnv {
  const s = services();
  return { gw: s.jira('app'), kv: s.storage, queue: s.queue ?? noQueue, now: () => s.now() };
}

/** Runs one queued job (the consumer's body). */
export async function runReadModelJob(body: unknown): Promise<void> {
  const job: ReadModelJob = readModelJobSchema.parse(body);
  const env = syncEnv();
  if (job.kind === 'planning-build-step') await runBuildStep(env, job.projectKey, job.generation);
  else await reconcile(env, job.projectKey);
}

/** manifest `consumer` → function `read-models-job`: an AsyncEvent whose body is a ReadModelJob. */
export async function readModelsConsumer(event: unknown): Promise<void> {
  const parsed = z.object({ body: z.unknown() }).safeParse(event);
  if (!parsed.success) throw new Error('The read-models consumer received an event without a body.');
  await withDeadline(readModelBudgets.consumerMs, () => runReadModelJob(parsed.data.body));
}

const issueEventSchema = z.object({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']),
  issue: z.object({
    id: z.string().regex(/^\d+$/),
    key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/),
    fields: z.looseObject({ project: z.looseObject({ key: z.string() }).optional() }).optional(),
  }),
});

/** manifest `trigger` (avi:jira:created|updated|deleted:issue) → the planning model's row for the issue. */
export async function onIssueChangedForReadModels(event: unknown): Promise<{ outcome: string }> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'ignored: not an issue event this app reads' };
  const { eventType, issue } = parsed.data;
  const projectKey = issue.fields?.project?.key ?? issue.key.replace(/-\d+$/, '');
  const kind = eventType === 'avi:jira:created:issue' ? 'created' : eventType === 'avi:jira:deleted:issue' ? 'deleted' : 'updated';
  return { outcome: await withDeadline(readModelBudgets.triggerMs, () => onIssueEvent(syncEnv(), { kind, issueId: issue.id, projectKey })) };
}

/** manifest `scheduledTrigger` (hourly): catches what missed events left out, project by project. */
export function reconcileReadModels(): Promise<Array<{ projectKey: string; result: unknown }>> {
  return withDeadline(readModelBudgets.triggerMs, reconcileAll);
}

async function reconcileAll(): Promise<Array<{ projectKey: string; result: unknown }>> {
  const env = syncEnv();
  const out: Array<{ projectKey: string; result: unknown }> = [];
  for (const projectKey of await planningProjects(env.kv)) {
    try {
      out.push({ projectKey, result: await reconcile(env, projectKey) });
    } catch (e) {
      out.push({ projectKey, result: { error: e instanceof Error ? e.message : String(e) } });
    }
  }
  return out;
}
