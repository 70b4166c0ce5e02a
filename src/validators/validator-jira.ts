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
  const counting: JiraTransport = {
    send(request) {
      sends++;
      return raw.send(request);
    },
  };
  // The gateway's own retry rules (reads and idempotent requests only; no wait past maxDelayMs), with one budget
  // for the whole validation. `sleep` is looked up at call time so tests can replace validatorRetry.sleep.
  const policy: RetryPolicy = { ...validatorRetry, sleep: (ms) => validatorRetry.sleep(ms), budget: { retriesLeft: validatorRetry.maxRetries } };
  return { jira: createJiraGateway(counting, policy), sends: () => sends };
}
