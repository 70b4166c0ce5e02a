import { operationPhrase } from './operation-phrases';

/**
 * Typed Jira errors: every failure of a Jira call becomes one of these, with a message a person can act on.
 * `operation` names the gateway operation so a bad reply is traced to its call, not to a crash deep in a feature.
 */
export type JiraErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'invalid-response';

export class JiraError extends Error {
  override readonly name = 'JiraError';
  constructor(
    readonly kind: JiraErrorKind,
    readonly operation: string,
    message: string,
    readonly status?: number,
    /** Jira's own messages (errorMessages + errors), when it sent any. */
    readonly jiraMessages: string[] = [],
    /** Jira's Retry-After, in whole seconds, when it sent one with a 429 or 5xx. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const isJiraError = (e: unknown): e is JiraError => e instanceof JiraError;

/**
 * Errors the Forge platform raises itself and must see again, untouched: NEEDS_AUTHENTICATION_ERR (the user has
 * not granted the app access yet; Forge answers it with its "Allow access" prompt) and REQUEST_EGRESS_ALLOWLIST_ERR
 * (a missing manifest permission). Retrying them cannot help and wrapping them hides them from Forge.
 * Matched by `name`, as @forge/api's own isForgePlatformError does, so this module needs no @forge import.
 */
const forgePassThroughNames = new Set(['NEEDS_AUTHENTICATION_ERR', 'REQUEST_EGRESS_ALLOWLIST_ERR']);
export const isForgePassThroughError = (e: unknown): e is Error => e instanceof Error && forgePassThroughNames.has(e.name);

/** Pulls Jira's `{ errorMessages, errors }` apart into plain lines. */
export function jiraMessagesOf(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const out: string[] = [];
  const b = body as { errorMessages?: unknown; errors?: unknown; message?: unknown };
  if (Array.isArray(b.errorMessages)) for (const m of b.errorMessages) if (typeof m === 'string') out.push(m);
  if (b.errors && typeof b.errors === 'object') {
    for (const [field, m] of Object.entries(b.errors as Record<string, unknown>)) if (typeof m === 'string') out.push(`${field}: ${m}`);
  }
  if (typeof b.message === 'string') out.push(b.message);
  return out.slice(0, 10);
}

export function errorForStatus(operation: string, status: number, body: unknown, retryAfterSeconds?: number): JiraError {
  const jira = jiraMessagesOf(body);
  const again = retryAfterSeconds === undefined ? 'try again in a moment' : `try again in ${retryAfterSeconds} s`;
  const detail = jira.length > 0 ? ` Jira said: ${jira.join(' ')}` : '';
  const what = operationPhrase(operation);
  if (status === 401)
    return new JiraError('unauthorized', operation, `Jira did not accept the app's credentials when trying to ${what}. Sign in again or re-grant the app's access.${detail}`, status, jira);
  if (status === 403)
    return new JiraError('forbidden', operation, `You do not have permission in Jira to ${what}. Ask a Jira admin for the permission.${detail}`, status, jira);
  if (status === 404)
    return new JiraError('not-found', operation, `Jira could not find what was needed to ${what}: it may have been deleted, or you cannot see it.${detail}`, status, jira);
  if (status === 409) return new JiraError('conflict', operation, `Jira reported a conflict when trying to ${what}; reload and try again.${detail}`, status, jira);
  if (status === 429) return new JiraError('rate-limited', operation, `Jira is rate-limiting requests; ${again}.`, status, jira, retryAfterSeconds);
  if (status >= 500)
    return new JiraError('server', operation, `Jira is unavailable right now (${status} when trying to ${what}); ${again}.`, status, jira, retryAfterSeconds);
  return new JiraError('bad-request', operation, `Jira refused to ${what} (${status}).${detail}`, status, jira);
}
