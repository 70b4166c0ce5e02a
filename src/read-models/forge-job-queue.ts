/**
 * The job-queue port on Forge's async events API (`@forge/events`): each job is one event of the `read-models`
 * queue, consumed by the manifest's `consumer` module `read-models-consumer` → function `rm-job-fn` →
 * `readModelsConsumer` (handlers.ts), one invocation per event (so one build step per invocation). Forge retries an
 * event whose consumer throws; every step keeps its progress in app storage, so a retry resumes where it stopped.
 * Only the Forge runtime imports this module (src/runtime/services.ts loads it lazily).
 */
import { Queue } from '@forge/events';
import { readModelJobSchema, type JobQueue, type ReadModelJob } from './job-queue';

/** The queue key of the manifest's consumer module. */
export const READ_MODELS_QUEUE_KEY = 'read-models';

/** What the adapter needs of `Queue` (its real signature; a test passes a recording fake). */
export type QueuePort = Pick<Queue<ReadModelJob>, 'push'>;

export function forgeJobQueue(queue: QueuePort = new Queue<ReadModelJob>({ key: READ_MODELS_QUEUE_KEY })): JobQueue {
  return {
    async push(job, options) {
      // A job that would not parse in the consumer is refused here, where the caller can still report it.
      const body = readModelJobSchema.parse(job);
      const delay = options?.delaySeconds;
      // Forge's delay is whole seconds, 0–900.
      await queue.push({ body, ...(delay !== undefined && delay > 0 ? { delayInSeconds: Math.min(900, Math.ceil(delay)) } : {}) });
    },
  };
}
