import { isForgePassThroughError } from '../jira/errors';
import { createJiraGateway, type JiraGateway } from '../jira/gateway';
import { defaultRetryPolicy, retryDelayMs, type JiraRawResponse, type JiraRequest, type JiraTransport, type RetryPolicy } from '../jira/transport';
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

/** A 429 was not processed; a 5xx or a network error may have been, so only reads are sent again (validators only read). */
const retryable = (status: number, request: JiraRequest) => status === 429 || (status >= 500 && request.method === 'GET');

/** The wanted delay before the retry (Retry-After in seconds when sent, else the backoff), or undefined past the cap. */
function delayWithinCap(retryAfter: string | null): number | undefined {
  const uncapped = retryDelayMs(1, retryAfter, { ...validatorRetry, maxDelayMs: Number.POSITIVE_INFINITY });
  return uncapped <= validatorRetry.maxDelayMs ? uncapped : undefined;
}

export type ValidatorJira = { jira: JiraGateway; /** HTTP requests sent to Jira so far (retries included). */ sends(): number };

/**
 * A gateway for one validation: the app's transport with the validator budget above, counting every request
 * sent (the gateway itself does no retries). Services without a raw transport (fakes) get `jira('app')`, whose
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
  let retriesLeft = validatorRetry.maxRetries;
  const transport: JiraTransport = {
    async send(request: JiraRequest): Promise<JiraRawResponse> {
      for (;;) {
        sends++;
        let response: JiraRawResponse;
        try {
          response = await raw.send(request);
        } catch (e) {
          if (retriesLeft <= 0 || request.method !== 'GET' || isForgePassThroughError(e)) throw e;
          retriesLeft--;
          await validatorRetry.sleep(validatorRetry.baseDelayMs);
          continue;
        }
        if (!retryable(response.status, request) || retriesLeft <= 0) return response;
        const delay = delayWithinCap(response.header('retry-after'));
        if (delay === undefined) return response;
        retriesLeft--;
        await response.text().catch(() => ''); // drain the failed reply before sending again
        await validatorRetry.sleep(delay);
      }
    },
  };
  return { jira: createJiraGateway(transport, { ...defaultRetryPolicy, maxRetries: 0 }), sends: () => sends };
}
