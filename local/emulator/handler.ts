/**
 * The Jira Cloud REST emulator as one request handler (no HTTP here: the local server and in-process adapters
 * call `handle`). Same paths, statuses and JSON shapes as Jira Cloud REST v3 and the agile 1.0 API, for the
 * subset Release Train uses. Reads see the store's live state; writes go through `store.update`.
 */
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors';
import { Renderer } from './render';
import { DataFileChangedError, type FileStore } from './store';
import type { EmuValidatorRef, EmulatorState } from './state';
import type { Actor } from './permissions';
import { issueRoutes } from './routes/issues';
import { editmetaRoutes } from './routes/editmeta';
import { searchRoutes } from './routes/search';
import { agileRoutes } from './routes/agile';
import { metaRoutes } from './routes/meta';
import { projectPropertyRoutes } from './routes/project-properties';

export type EmulatorRequest = { method: string; path: string; query: URLSearchParams; headers: Record<string, string | undefined>; body: unknown };
export type EmulatorResponse = { status: number; headers?: Record<string, string>; body?: unknown };

export type ValidatorOutcome = { ok: true } | { ok: false; errorMessage: string };
export type TransitionValidation = {
  issueKey: string;
  issueId: string;
  transitionId: string;
  fromStatusId: string;
  toStatusId: string;
  /** The fields sent with the transition (Jira's `modifiedFields`). */
  modifiedFields: Record<string, unknown>;
  /** The workflow rules configured on this transition. */
  validators: EmuValidatorRef[];
  accountId: string;
};
export type CreateValidation = {
  projectKey: string;
  issueTypeId: string;
  issueTypeName: string;
  /** The workflow's create transition (id "1") and the status new issues start in. */
  transitionId: string;
  toStatusId: string;
  fields: Record<string, unknown>;
  validators: EmuValidatorRef[];
  accountId: string;
};
export type EmulatorHooks = {
  /** Runs before a transition is applied; a failure answers 400 with its message and changes nothing. */
  runValidators?(t: TransitionValidation): Promise<ValidatorOutcome>;
  /** Runs before an issue is created; a failure answers 400 and creates nothing. */
  runCreateValidators?(c: CreateValidation): Promise<ValidatorOutcome>;
  /** Clock for timestamps (tests pin it). */
  now?: () => Date;
  /** Base of `self` links; default from the Host header, else http://localhost:8080. */
  baseUrl?: string;
  /** API token basic auth must carry; default env LOCAL_JIRA_TOKEN, else any non-empty token. */
  token?: string;
};

/** Makes the next `times` calls matching method/path answer `status` (429 with Retry-After, 500, 503…). */
export type Fault = { method?: string; path: string | RegExp; times?: number; status: number; retryAfterSeconds?: number; body?: unknown };
export type CallRecord = { method: string; path: string; status: number; accountId: string | null };

export type RouteContext = {
  req: EmulatorRequest;
  params: string[];
  actor: Actor;
  store: FileStore;
  /** The state at the start of the request (read-only; writes go through store.update). */
  state: EmulatorState;
  hooks: EmulatorHooks;
  now: () => Date;
  render: Renderer;
  base: string;
};
export type Route = { method: string; pattern: RegExp; run(ctx: RouteContext): Promise<EmulatorResponse> | EmulatorResponse; auth?: false };

export const APP_ACTOR_HEADER_VALUE = 'app';

function authenticate(req: EmulatorRequest, state: EmulatorState, token: string | undefined): Actor {
  const header = (name: string) => {
    for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === name) return v;
    return undefined;
  };
  const unauthorized = (m: string) => new ApiError(401, [m], {}, { 'WWW-Authenticate': 'Basic realm="Jira emulator"' });
  const asId = header('x-rt-account-id');
  if (asId !== undefined && asId !== '') {
    if (asId === APP_ACTOR_HEADER_VALUE) return { accountId: state.appAccountId, isApp: true };
    if (state.users.some((u) => u.accountId === asId && u.active && u.accountType === 'atlassian')) return { accountId: asId, isApp: false };
    throw unauthorized(`No demo user has the account id '${asId}'.`);
  }
  const auth = header('authorization');
  if (!auth) throw unauthorized('You are not authenticated. Authentication required to perform this operation.');
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(auth.trim());
  if (!m) throw unauthorized('Only basic authentication (email:api-token) is supported by the emulator.');
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const email = colon >= 0 ? decoded.slice(0, colon) : '';
  const secret = colon >= 0 ? decoded.slice(colon + 1) : '';
  const user = state.users.find((u) => u.emailAddress.toLowerCase() === email.toLowerCase() && u.accountType === 'atlassian');
  const tokenOk = token ? secret.length === token.length && timingSafeEqual(Buffer.from(secret), Buffer.from(token)) : secret.length > 0;
  if (!user || !tokenOk) throw unauthorized('Client must be authenticated to access this resource.');
  return { accountId: user.accountId, isApp: false };
}

export function createJiraEmulator(store: FileStore, hooks: EmulatorHooks = {}) {
  const routes: Route[] = [...searchRoutes, ...issueRoutes, ...editmetaRoutes, ...agileRoutes, ...metaRoutes, ...projectPropertyRoutes];
  const faults: Array<Fault & { remaining: number }> = [];
  const calls: CallRecord[] = [];
  const now = hooks.now ?? (() => new Date());

  function takeFault(req: EmulatorRequest): EmulatorResponse | undefined {
    const i = faults.findIndex(
      (f) => (!f.method || f.method.toUpperCase() === req.method.toUpperCase()) && (typeof f.path === 'string' ? f.path === req.path : f.path.test(req.path)),
    );
    if (i < 0) return undefined;
    const f = faults[i]!;
    if (--f.remaining <= 0) faults.splice(i, 1);
    const headers: Record<string, string> = f.retryAfterSeconds !== undefined ? { 'Retry-After': String(f.retryAfterSeconds) } : {};
    const message = f.status === 429 ? 'Rate limit exceeded.' : `Injected fault: HTTP ${f.status}.`;
    return { status: f.status, headers, body: f.body ?? { errorMessages: [message], errors: {} } };
  }

  async function dispatch(req: EmulatorRequest): Promise<{ reply: EmulatorResponse; actor: Actor | null }> {
    const method = req.method.toUpperCase();
    let path = req.path;
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    await store.reloadIfChanged(); // `npm run reset` may have replaced the file while the server runs
    const state = store.get();
    const token = hooks.token ?? process.env['LOCAL_JIRA_TOKEN'] ?? undefined;
    let actor: Actor | null = null;
    try {
      const fault = takeFault(req);
      if (fault) return { reply: fault, actor };
      for (const route of routes) {
        if (route.method !== method) continue;
        const m = route.pattern.exec(path);
        if (!m) continue;
        actor = authenticate(req, state, token);
        const host = req.headers['host'];
        const base = hooks.baseUrl ?? (host ? `http://${host}` : 'http://localhost:8080');
        const params = m.slice(1).map((p) => {
          try {
            return decodeURIComponent(p ?? '');
          } catch {
            throw new ApiError(400, [`Malformed path segment '${p ?? ''}'.`]);
          }
        });
        const reply = await route.run({ req: { ...req, method, path }, params, actor, store, state, hooks, now, render: new Renderer(state, base), base });
        return { reply, actor };
      }
      return { reply: { status: 404, body: { errorMessages: [`Emulator does not implement ${method} ${path}`], errors: {} } }, actor };
    } catch (e) {
      if (e instanceof ApiError) return { reply: { status: e.status, headers: Object.keys(e.headers).length ? e.headers : undefined, body: e.body }, actor };
      if (e instanceof DataFileChangedError) return { reply: { status: 409, body: { errorMessages: [e.message], errors: {} } }, actor };
      return { reply: { status: 500, body: { errorMessages: [`Internal emulator error: ${e instanceof Error ? e.message : String(e)}`], errors: {} } }, actor };
    }
  }

  return {
    async handle(req: EmulatorRequest): Promise<EmulatorResponse> {
      const { reply, actor } = await dispatch(req);
      calls.push({ method: req.method.toUpperCase(), path: req.path, status: reply.status, accountId: actor?.accountId ?? null });
      if (calls.length > 10_000) calls.splice(0, calls.length - 10_000);
      return reply;
    },
    failNext(fault: Fault) {
      faults.push({ ...fault, remaining: Math.max(1, fault.times ?? 1) });
    },
    clearFaults() {
      faults.length = 0;
    },
    /** Every call answered (newest last, at most 10,000), for call-count tests. */
    calls,
    resetCalls() {
      calls.length = 0;
    },
  };
}
export type JiraEmulator = ReturnType<typeof createJiraEmulator>;
