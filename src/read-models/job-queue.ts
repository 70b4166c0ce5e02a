/**
 * The background-work port: a queue of small jobs, each run as its own invocation, so large work (the first build
 * of a read model over 50,000 bugs) is split into steps that each stay far below Forge's time limit.
 *
 * In Forge this is the async events API (`@forge/events`): `forgeJobQueue` (forge-job-queue.ts) pushes each job as
 * an event of the `read-models` queue, and the manifest's consumer module (`read-models-consumer` → `rm-job-fn`)
 * calls `readModelsConsumer` (handlers.ts) once per event. Forge retries an event whose consumer throws; each step
 * below is idempotent and keeps its progress in app storage, so a retry (or a later page load) resumes where the
 * last step stopped.
 *
 * Locally (the workspace, tests, the bench) `inProcessJobQueue` runs each job after the current one, in order.
 */
import { z } from 'zod';

export const readModelJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('planning-build-step'), projectKey: z.string().min(1).max(20), generation: z.number().int().min(0) }),
  z.object({ kind: z.literal('planning-reconcile'), projectKey: z.string().min(1).max(20) }),
]);
export type ReadModelJob = z.infer<typeof readModelJobSchema>;

export interface JobQueue {
  push(job: ReadModelJob, options?: { delaySeconds?: number }): Promise<void>;
}

export type JobRunner = (job: ReadModelJob) => Promise<void>;

/**
 * Runs pushed jobs one at a time in this process, like a queue consumer would (a job that throws is tried again
 * up to `retries` times, then dropped: its progress stays in storage for the next page load to resume).
 * `idle()` resolves when nothing is queued or running (tests and the bench wait on it).
 */
export function inProcessJobQueue(run: () => JobRunner, options: { retries?: number; onError?: (job: ReadModelJob, e: unknown) => void } = {}) {
  const queue: Array<{ job: ReadModelJob; attempt: number }> = [];
  let running: Promise<void> | undefined;
  const retries = options.retries ?? 2;
  async function drain() {
    while (queue.length > 0) {
      const next = queue.shift()!;
      try {
        await run()(next.job);
      } catch (e) {
        options.onError?.(next.job, e);
        if (next.attempt < retries) queue.push({ job: next.job, attempt: next.attempt + 1 });
      }
    }
  }
  const jobQueue: JobQueue & { idle(): Promise<void>; pending(): number } = {
    async push(job) {
      queue.push({ job: readModelJobSchema.parse(job), attempt: 0 });
      if (!running) {
        running = new Promise<void>((resolve) => setImmediate(resolve)).then(drain).finally(() => (running = undefined));
      }
    },
    async idle() {
      while (running) await running;
    },
    pending: () => queue.length,
  };
  return jobQueue;
}
