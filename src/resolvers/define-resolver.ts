import Resolver from '@forge/resolver';
import type { z } from 'zod';
import { fail, ok, parseInput, MAX_PAYLOAD_CHARS, type ErrorCode, type Procedures, type Result } from '../contracts';
import { INVOCATION_BUDGET_MS, withDeadline } from '../jira/deadline';
import { JiraError, isForgePassThroughError, type JiraErrorKind } from '../jira/errors';
import { services, type Services } from '../runtime/services';
import { StorageError } from '../storage/key-value-store';
import { AppError } from './app-error';

/** What a handler knows about its call: who, where (from Forge's context), and the platform services. */
export type HandlerContext = {
  accountId: string | undefined;
  projectKey: string | undefined;
  projectId: string | undefined;
  issueKey: string | undefined;
  extension: Record<string, unknown>;
  services: Services;
};

export type Handlers<P extends Procedures> = {
  [K in keyof P]: (input: z.infer<P[K]['input']>, ctx: HandlerContext) => Promise<z.infer<P[K]['output']>>;
};

type ForgeRequest = { payload?: unknown; context?: { accountId?: string; extension?: Record<string, unknown> } };

const jiraCodes: Record<JiraErrorKind, ErrorCode> = {
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  'bad-request': 'JIRA_ERROR',
  conflict: 'CONFLICT',
  'rate-limited': 'RATE_LIMITED',
  server: 'JIRA_UNAVAILABLE',
  network: 'JIRA_UNAVAILABLE',
  'invalid-response': 'INVALID_JIRA_RESPONSE',
};

/** Any thrown error → the envelope; unknown errors are logged and reported without internals. */
export function toFailure(e: unknown): Result<never> {
  if (e instanceof AppError) return fail(e.code, e.message, e.issues);
  if (e instanceof JiraError) return fail(jiraCodes[e.kind], e.message);
  if (e instanceof StorageError) return fail('STORAGE_ERROR', e.message);
  console.error('Unexpected error in resolver', e);
  return fail('INTERNAL', 'Something went wrong in Release Train. Try again; if it keeps happening, tell your Jira admin.');
}

function contextOf(req: ForgeRequest): HandlerContext {
  const extension = (req.context?.extension ?? {}) as Record<string, unknown>;
  const project = extension['project'] as { key?: unknown; id?: unknown } | undefined;
  const issue = extension['issue'] as { key?: unknown } | undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  return {
    accountId: req.context?.accountId,
    projectKey: str(project?.key),
    projectId: str(project?.id),
    issueKey: str(issue?.key),
    extension,
    services: services(),
  };
}

/** Runs one resolver call: size guard → zod parse → handler → parse own output → envelope (Forge platform errors are rethrown). */
export async function runProcedure<P extends Procedures, K extends keyof P & string>(
  procedures: P,
  handlers: Handlers<P>,
  key: K,
  req: ForgeRequest,
): Promise<Result<unknown>> {
  const proc = isProcedureKey(procedures, key) ? procedures[key] : undefined;
  if (!proc) return fail('NOT_FOUND', `Unknown resolver '${String(key)}'.`);
  const payload = (req.payload ?? {}) as { input?: unknown };
  let size = 0;
  try {
    size = JSON.stringify(payload).length;
  } catch {
    return fail('BAD_REQUEST', 'The request could not be read.');
  }
  if (size > MAX_PAYLOAD_CHARS) return fail('BAD_REQUEST', `The request is too large (${size} characters; the limit is ${MAX_PAYLOAD_CHARS}).`);
  const input = parseInput(proc.input, payload.input ?? {});
  if (!input.ok) return input;
  try {
    // Every Jira call of this invocation shares one deadline, under Forge's 25 s limit (see jira/deadline.ts).
    const data = await withDeadline(INVOCATION_BUDGET_MS, () => handlers[key](input.data as z.infer<P[K]['input']>, contextOf(req)));
    const checked = proc.output.safeParse(data);
    if (!checked.success) {
      console.error(`Resolver '${key}' produced output that does not match its contract`, checked.error.issues.slice(0, 5));
      return fail('INTERNAL', 'Release Train produced an unexpected result. Try again.');
    }
    return ok(checked.data);
  } catch (e) {
    // Forge turns NEEDS_AUTHENTICATION_ERR into its "Allow access" prompt only when it leaves the function.
    if (isForgePassThroughError(e)) throw e;
    return toFailure(e);
  }
}

/**
 * Whether `key` is one of the app's own procedures: an own property, so `constructor`, `__proto__`,
 * `hasOwnProperty` and the like (which `key in object` finds on every object) are not.
 */
export function isProcedureKey<P extends Procedures>(procedures: P, key: unknown): key is keyof P & string {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(procedures, key);
}

type ForgeCall = { call?: { functionKey?: unknown } };

/**
 * A Forge resolver function whose every key is a procedure of `procedures`. A key that is not one is refused here,
 * before @forge/resolver looks it up (it uses `key in functions`, which finds Object.prototype's members).
 */
export function defineResolver<P extends Procedures>(procedures: P, handlers: Handlers<P>) {
  const resolver = new Resolver();
  for (const key of Object.keys(procedures)) resolver.define(key, (req: ForgeRequest) => runProcedure(procedures, handlers, key, req));
  const definitions = resolver.getDefinitions();
  return async (request: ForgeCall, backendRuntimePayload?: unknown): Promise<unknown> => {
    const key = request?.call?.functionKey;
    if (!isProcedureKey(procedures, key)) return fail('NOT_FOUND', `Unknown resolver '${typeof key === 'string' ? key.slice(0, 100) : typeof key}'.`);
    return (definitions as (r: unknown, p?: unknown) => Promise<unknown>)(request, backendRuntimePayload);
  };
}
