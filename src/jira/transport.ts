import { CallTimeout, JIRA_CALL_TIMEOUT_MS, timed, timeLeftMs } from './deadline';
import { operationPhrase } from './operation-phrases';
import { JiraError, errorForStatus, isForgePassThroughError } from './errors';

/**
 * The port both adapters implement: one raw HTTP exchange with Jira (path is already encoded). `idempotent`
 * marks a POST that may be repeated safely (a JQL search); GET, PUT and DELETE are idempotent by definition.
 */
export type JiraRequest = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown; idempotent?: boolean };
export type JiraRawResponse = { status: number; header(name: string): string | null; text(): Promise<string> };
export interface JiraTransport {
  /** `signal` aborts the exchange when the call times out (adapters pass it to fetch / requestJira). */
  send(request: JiraRequest, options?: { signal?: AbortSignal }): Promise<JiraRawResponse>;
}

export type RetryPolicy = {
  /** Retries after the first attempt, for 429 and 5xx only. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Retries shared by every request made with this policy (e.g. one validation's), on top of `maxRetries` each. */
  budget?: { retriesLeft: number };
  /** One attempt's time limit (default JIRA_CALL_TIMEOUT_MS); the invocation's deadline (deadline.ts) may cut it shorter. */
  timeoutMs?: number;
};

/** Whether a retry is allowed after `attempt` (0-based), and if so takes it from the shared budget. */
function takeRetry(policy: RetryPolicy, attempt: number): boolean {
  if (attempt >= policy.maxRetries) return false;
  if (policy.budget) {
    if (policy.budget.retriesLeft <= 0) return false;
    policy.budget.retriesLeft--;
  }
  return true;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 300,
  maxDelayMs: 5000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Jira's Retry-After (seconds), or undefined when absent or not a number. */
export function retryAfterSecondsOf(header: string | null): number | undefined {
  const seconds = header === null || header.trim() === '' ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

/**
 * Delay before retry `attempt` (1-based): Retry-After as Jira sent it (not capped: the caller stops retrying when
 * it is longer than `maxDelayMs`), else exponential backoff capped at `maxDelayMs`.
 */
export function retryDelayMs(attempt: number, retryAfterHeader: string | null, policy: RetryPolicy): number {
  const seconds = retryAfterSecondsOf(retryAfterHeader);
  if (seconds !== undefined) return seconds * 1000;
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

/**
 * Whether sending `request` again is safe when the first attempt's outcome is unknown (a 5xx or a network error:
 * Jira may have acted, e.g. created the issue, before failing). A 429 is always retryable: Jira did not process it.
 */
const repeatable = (request: JiraRequest) => request.method !== 'POST' || request.idempotent === true;
const retryable = (status: number, request: JiraRequest) => status === 429 || (status >= 500 && repeatable(request));

export type JsonReply = { status: number; body: unknown };

/**
 * Sends a request, retrying 429 (and 5xx or network errors when the request is idempotent) a bounded number of
 * times (not when Jira's Retry-After exceeds `maxDelayMs`), and returns the parsed JSON body of a 2xx reply.
 * Any other outcome is thrown as a typed JiraError naming `operation`.
 */
export async function exchange(
  transport: JiraTransport,
  operation: string,
  request: JiraRequest,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<JsonReply> {
  const limitMs = policy.timeoutMs ?? JIRA_CALL_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    let response: JiraRawResponse;
    let text: string;
    try {
      const left = timeLeftMs();
      if (left <= 0) throw new CallTimeout(0, true);
      const controller = new AbortController();
      ({ response, text } = await timed(Math.min(limitMs, left), left < limitMs, controller, sendAndRead(transport, request, controller.signal)));
    } catch (e) {
      if (isForgePassThroughError(e)) throw e;
      // A stalled call is not repeated: another wait could outlast the invocation.
      if (e instanceof CallTimeout) {
        const why = e.deadlinePassed ? 'before the time Jira calls may take in one request ran out' : `within ${Math.round(e.afterMs / 1000)} s`;
        throw new JiraError('network', operation, `Jira did not answer the request to ${operationPhrase(operation)} ${why}. The site may be slow or unreachable; try again in a moment.`);
      }
      if (repeatable(request) && takeRetry(policy, attempt) && retryDelayMs(attempt + 1, null, policy) < timeLeftMs()) {
        await policy.sleep(retryDelayMs(attempt + 1, null, policy));
        continue;
      }
      throw new JiraError('network', operation, `Could not reach Jira to ${operationPhrase(operation)}: ${(e as Error).message ?? String(e)}. Check the connection and try again.`);
    }
    const body = parseJson(text);
    if (response.status >= 200 && response.status < 300) return { status: response.status, body };
    const canRetry = retryable(response.status, request);
    const retryAfter = canRetry ? response.header('retry-after') : null;
    const delay = retryDelayMs(attempt + 1, retryAfter, policy);
    // A Retry-After longer than the policy allows (or than the time left) is not waited for: the error says how long.
    if (canRetry && delay <= policy.maxDelayMs && delay < timeLeftMs() && takeRetry(policy, attempt)) {
      await policy.sleep(delay);
      continue;
    }
    throw errorForStatus(operation, response.status, body, retryAfterSecondsOf(retryAfter));
  }
}

async function sendAndRead(transport: JiraTransport, request: JiraRequest, signal: AbortSignal) {
  const response = await transport.send(request, { signal });
  return { response, text: await response.text() };
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
