/**
 * Time limits of Jira calls. Forge stops an invocation after 25 s; a stalled site must not hold a resolver that
 * long. Each attempt of a Jira call gives up after `JIRA_CALL_TIMEOUT_MS`, and a resolver invocation runs under a
 * deadline (`withDeadline`) that every call made inside it, however many, respects: once it has passed, calls fail
 * at once with a clear error instead of starting.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** One attempt of one Jira call. */
export const JIRA_CALL_TIMEOUT_MS = 10_000;
/** Time a resolver invocation leaves for Jira calls: under Forge's 25 s, with room to build the reply. */
export const INVOCATION_BUDGET_MS = 22_000;

const current = new AsyncLocalStorage<{ deadline: number }>();

/** Runs `work` with every Jira call inside it bounded by `Date.now() + budgetMs` (an outer, earlier deadline wins). */
export function withDeadline<T>(budgetMs: number, work: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  const outer = current.getStore()?.deadline ?? Number.POSITIVE_INFINITY;
  return current.run({ deadline: Math.min(outer, now() + budgetMs) }, work);
}

/** Milliseconds left before the current deadline (Infinity outside one). */
export function timeLeftMs(now: () => number = Date.now): number {
  const store = current.getStore();
  return store ? store.deadline - now() : Number.POSITIVE_INFINITY;
}

export class CallTimeout extends Error {
  constructor(readonly afterMs: number, readonly deadlinePassed: boolean) {
    super(deadlinePassed ? 'the time left for this request ran out' : `no answer within ${Math.round(afterMs / 1000)} s`);
  }
}

/**
 * Settles like `work` unless `ms` pass first: then rejects with CallTimeout and aborts `controller` (so fetch stops).
 */
export async function timed<T>(ms: number, deadlinePassed: boolean, controller: AbortController, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new CallTimeout(ms, deadlinePassed));
    }, Math.max(0, ms));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
