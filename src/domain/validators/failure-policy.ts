import type { OnJiraError, OnPermanentError, ValidatorKind } from './kinds';
import type { ValidatorDecision } from './issue-snapshot';

/** What the caller stores in app storage whenever a validator could not read Jira. */
export type FailureRecord = {
  at: string;
  validator: ValidatorKind;
  issueKey: string;
  error: string;
  decision: 'blocked' | 'allowed';
};

/**
 * transient: a timeout, a network error, 429 or 5xx, the store failing: retrying later can succeed, so the
 * admin's failure policy (`onJiraError`) applies. permanent: 401/403/404/400, a reply that is not JSON or not
 * Jira's shape, a stored value that cannot be read: retrying cannot help, so it blocks with a message for the
 * admin unless the admin explicitly allowed it (`onPermanentError`).
 */
export type FaultClass = 'transient' | 'permanent';

export type JiraReadFailureInput = {
  validator: ValidatorKind;
  issueKey: string;
  /** What went wrong, e.g. "Jira answered 503" or an Error. Shortened and flattened for the message. */
  error: unknown;
  onJiraError: OnJiraError;
  /** ISO time of the event (no clock inside the domain). */
  now: string;
  /** Default 'transient' (the policy of older callers). */
  fault?: FaultClass;
  /** Default 'block'. */
  onPermanentError?: OnPermanentError;
};

const MAX_ERROR = 200;

export function describeError(error: unknown): string {
  const raw =
    error instanceof Error ? error.message : typeof error === 'string' ? error : error === undefined || error === null ? 'unknown error' : safeJson(error);
  const flat = raw.replace(/\s+/g, ' ').trim() || 'unknown error';
  return flat.length > MAX_ERROR ? `${flat.slice(0, MAX_ERROR - 1)}…` : flat;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The documented failure policy: when Jira cannot be read the transition is blocked with a message saying
 * verification failed and to retry, unless the admin chose "allow and record". Either way the event is recorded.
 */
export function decideOnJiraError(input: JiraReadFailureInput): { decision: ValidatorDecision; record: FailureRecord } {
  const error = describeError(input.error);
  const permanent = input.fault === 'permanent';
  const allowed = permanent ? input.onPermanentError === 'allow-and-record' : input.onJiraError === 'allow-and-record';
  const cause = permanent ? `lasting fault (a retry will not help): ${error}` : error;
  const record: FailureRecord = { at: input.now, validator: input.validator, issueKey: input.issueKey, error: cause, decision: allowed ? 'allowed' : 'blocked' };
  const decision: ValidatorDecision = allowed
    ? { result: true }
    : permanent
      ? {
          result: false,
          errorMessage:
            `Release Train could not verify this transition (${error}), and retrying will not help, so it is blocked. ` +
            `For your Jira admin: check the app's access to this project and the project's Release Train settings (Release Train → Stage mapping), ` +
            `then retry; the event is listed on the rule's configuration page under "When Jira could not be read".`,
        }
      : { result: false, errorMessage: `Release Train could not verify this transition (${error}); retry in a moment.` };
  return { decision, record };
}

/**
 * Anything other than Jira or app storage failing is a fault in Release Train itself: the transition is blocked
 * whatever the failure policy says (so "allow and record" cannot let a bug wave transitions through), and recorded.
 */
export function decideOnInternalError(input: Omit<JiraReadFailureInput, 'onJiraError'>): { decision: ValidatorDecision; record: FailureRecord } {
  const error = describeError(input.error);
  const record: FailureRecord = { at: input.now, validator: input.validator, issueKey: input.issueKey, error: `internal error: ${error}`, decision: 'blocked' };
  const decision: ValidatorDecision = {
    result: false,
    errorMessage: `Release Train hit an internal error while checking this transition (${error}), so it is blocked; retry, and tell your Jira admin if it keeps happening.`,
  };
  return { decision, record };
}
