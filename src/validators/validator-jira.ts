import { createJiraGateway, type JiraGateway } from '../jira/gateway';
import type { JiraTransport, RetryPolicy } from '../jira/transport';
import type { Services } from '../runtime/services';

/**
 * The retry budget of ONE validation, across all its Jira requests. Jira waits for the validator's answer, so a
 * failing Jira must reach the failure policy quickly: at most one retry, after at most `maxDelayMs`; a Retry-After
 * longer than that is not waited for (no retry). Exported so tests can replace `sleep`.
 */
export const validatorRetry: Pick<RetryPolicy, 'maxRetries' | 'baseDelayMs' | 'maxDelayMs' | 'sleep'> = {
  maxRetries: 1,
  baseDelayMs: 250,
  maxDelayMs: 500,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Jira waits for a validator's answer, and Forge stops an invocation after 25 s. One validation makes at most a
 * few requests (the issue read, rarely the statuses or the rest of a changelog, one retry), so each request gets
 * `requestTimeoutMs` and the whole validation `totalBudgetMs`: a Jira that hangs reaches the failure policy as a
 * transient fault (a network error, "timed out") well inside the limit instead of the invocation being killed.
 */
export const validatorTimeouts = { requestTimeoutMs: 4000, totalBudgetMs: 10_000 };

/** Rejects when `promise` takes longer than `ms` (the transport's own request is left to finish and is ignored). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type ValidatorJira = { jira: JiraGateway; /** HTTP requests sent to Jira so far (retries included). */ sends(): number };

/**
 * A gateway for one validation: the app's transport with the validator budget above, counting every request
 * sent, retries included. Services without a raw transport (fakes) get `jira('app')`, whose
 * logical calls are counted instead.
 */
export function validatorJira(svc: Services): ValidatorJira {
  const raw = svc.appTransport?.();
  if (!raw) {
    const jira = svc.jira('app');
    const start = jira.callCount();
    return { jira, sends: () => jira.callCount() - start };
  }
  let sends = 0;
  const started = svc.now().getTime();
  const counting: JiraTransport = {
    send(request) {
      sends++;
      // Each request gets its own timeout, never more than what is left of the validation's budget.
      const left = validatorTimeouts.totalBudgetMs - (svc.now().getTime() - started);
      const ms = Math.max(1, Math.min(validatorTimeouts.requestTimeoutMs, left));
      return withTimeout(raw.send(request), ms, `Jira request ${request.method} ${request.path.split('?')[0] ?? ''}`);
    },
  };
  // The gateway's own retry rules (reads and idempotent requests only; no wait past maxDelayMs), with one budget
  // for the whole validation. `sleep` is looked up at call time so tests can replace validatorRetry.sleep.
  const policy: RetryPolicy = { ...validatorRetry, sleep: (ms) => validatorRetry.sleep(ms), budget: { retriesLeft: validatorRetry.maxRetries } };
  return { jira: createJiraGateway(counting, policy), sends: () => sends };
}
