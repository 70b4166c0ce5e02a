import { rcPromotionProcedures, type PromotionConfig } from '../contracts/rc-promotion';
import type { Result } from '../contracts/result';
import {
  compileConvention,
  DEFAULT_WINDOW_DAYS,
  describeProgress,
  nextCandidate,
  planPromotion,
  promotionId,
  releaseMetrics,
  releaseNotes,
  startOrResume,
  stepResult,
  type GateResult,
  type Actor,
  type MetricsBug,
  type MetricsRelease,
  type PromotionPlan,
  type PromotionState,
  type VersionLite,
} from '../domain/rc-readiness';
import type { JiraGateway } from '../jira/gateway';
import { AppError } from './app-error';
import type { Handlers, HandlerContext } from './define-resolver';
import { projectStageMapping } from './project-stage-mapping';
import { assessCandidate, evidenceSummaries, withFullChangelogs, loadProjectFacts, loadTrains, stageDurations, type CandidateReadiness, type MappingSource } from './rc-promotion/candidate';
import { runPromotion } from './rc-promotion/execute';
import { missingPermissions, neededPermissions } from './rc-promotion/permissions';
import { checkProjectRole, type RoleCheck } from './rc-promotion/promoter-role';
import { claimPromotion, DEFAULT_LEASE, leaseLive, type LeaseOptions } from './rc-promotion/lease';
import { readSettings, saveSettings, type SettingsCaller } from './rc-promotion/settings';
import { loadConfig, promotionStore, type PromotionStore } from './rc-promotion/store';
import { METRICS_MAX_BUGS, metricsJql } from './rc-promotion/metrics-query';

export { rcPromotionProcedures };

/**
 * The RC-promotion page's resolvers. Jira is read and written as the calling user (Jira's permissions apply);
 * who may promote is the configured project role, checked through the user's own roles, never from the page.
 */

/** Most bugs the metrics read; tests lower it to see the truncation. */
let metricsLimit = METRICS_MAX_BUGS;
export function setMetricsLimit(limit?: number): void {
  metricsLimit = limit ?? METRICS_MAX_BUGS;
}

/** Lease timing of concurrent promotes; tests shorten the settle time. */
let leaseOptions: Omit<LeaseOptions, 'now'> = DEFAULT_LEASE;
export function setPromotionLeaseOptions(options: Partial<Omit<LeaseOptions, 'now'>>): void {
  leaseOptions = { ...DEFAULT_LEASE, ...options };
}

type Env = {
  jira: JiraGateway;
  /** The app's own gateway: only for reading the promoter role's members (see promoter-role.ts). */
  app: JiraGateway;
  store: PromotionStore;
  accountId: string;
  projectKey: string;
  config: PromotionConfig;
  now: () => Date;
  /** The admin's status → stage mapping (or the derived default), read at most once per call. */
  mapping: MappingSource;
};

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}

/** Who is calling, for which project (the page's own), with the user's and the app's gateways. */
function callerFor(input: { projectKey: string }, ctx: HandlerContext): SettingsCaller & { app: JiraGateway } {
  const accountId = ctx.accountId;
  if (!accountId) throw new AppError('UNAUTHORIZED', 'Sign in to Jira to use the RC promotion page.');
  if (ctx.projectKey && ctx.projectKey !== input.projectKey) {
    throw new AppError('BAD_REQUEST', `This page belongs to project ${ctx.projectKey}, not ${input.projectKey}.`);
  }
  return { jira: ctx.services.jira('user', accountId), app: ctx.services.jira('app'), store: promotionStore(ctx.services.storage), accountId, projectKey: input.projectKey };
}

async function envFor(input: { projectKey: string }, ctx: HandlerContext): Promise<Env> {
  const caller = callerFor(input, ctx);
  return {
    ...caller,
    mapping: once(() => projectStageMapping(ctx, caller.jira, input.projectKey)),
    config: await loadConfig(caller.store, input.projectKey),
    now: () => ctx.services.now(),
  };
}

const versionOut = (v: VersionLite) => ({ id: v.id, name: v.name, released: v.released, ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}) });

/** Whether the caller holds the promoter role in the project (names compared case-insensitively). */
const promoterCheck = (env: Env): Promise<RoleCheck> => checkProjectRole(env.app, env.projectKey, env.config.promoterRole, env.accountId);

const refusal = (env: Env, check?: RoleCheck) =>
  `Only members of the ${env.config.promoterRole} project role in ${env.projectKey} can promote a release candidate. Ask a Jira admin to add you to the role, or ask a member of ${env.config.promoterRole} to promote.${check?.problem ? ` ${check.problem}` : ''}`;

function planFor(env: Env, a: CandidateReadiness, override?: { reason: string; by: Actor; at: string }): Result<PromotionPlan> {
  const next = a.unfinishedKeys.length > 0 ? nextCandidate(a.train, a.candidate.version.id, compileConvention(env.config.namingPattern)) : undefined;
  return planPromotion({
    projectKey: env.projectKey,
    version: { id: a.candidate.version.id, name: a.candidate.version.name, released: a.candidate.version.released },
    release: a.train.release,
    mode: env.config.mode,
    gates: a.gates,
    unfinishedKeys: a.unfinishedKeys,
    ...(next ? { nextRc: { name: next.name, ...(next.existing ? { id: next.existing.id } : {}) } } : {}),
    ...(override ? { override } : {}),
    ...(env.config.opsProjectKey ? { opsProjectKey: env.config.opsProjectKey } : {}),
  });
}

async function actor(env: Env): Promise<Actor> {
  const me = await env.jira.myself();
  return { accountId: env.accountId, name: (me.displayName ?? '').slice(0, 255) };
}

/** A promotion as the page shows it. `running` defaults to whether a live lease holds the promotion. */
async function view(store: PromotionStore, id: string, now: () => Date, known: { state?: PromotionState | null; running?: boolean } = {}) {
  const s = known.state === undefined ? ((await store.states.get(id)) ?? null) : known.state;
  const running = known.running ?? (s?.status === 'in-progress' && (await leaseLive(store, id, now)));
  return { state: s, audit: (await store.audits.get(id)) ?? null, progress: s ? describeProgress(s, { running }) : null, running };
}

export const rcPromotionHandlers: Handlers<typeof rcPromotionProcedures> = {
  async 'rc/trains'(input, ctx) {
    const env = await envFor(input, ctx);
    const { grouped } = await loadTrains(env.jira, env.projectKey, env.config);
    return {
      trains: grouped.trains.map((t) => ({
        release: t.release,
        ...(t.releaseVersion ? { releaseVersion: versionOut(t.releaseVersion) } : {}),
        candidates: t.candidates.map((c) => ({ version: versionOut(c.version), n: c.n, source: c.source })),
      })),
      unmatched: grouped.unmatched.map(versionOut),
      warnings: grouped.warnings,
      pattern: compileConvention(env.config.namingPattern).pattern,
    };
  },

  async 'rc/readiness'(input, ctx) {
    const env = await envFor(input, ctx);
    const id = promotionId(env.projectKey, input.versionId);
    const [a, role, state, audit] = await Promise.all([
      assessCandidate(env.jira, env.projectKey, input.versionId, env.config, env.mapping),
      promoterCheck(env),
      env.store.states.get(id),
      env.store.audits.get(id),
    ]);
    return {
      version: versionOut(a.candidate.version),
      release: a.train.release,
      issueCount: a.issues.length,
      gates: a.gates,
      ready: a.ready,
      convergence: a.convergence,
      promotion: state ?? null,
      audit: audit ?? null,
      canPromote: role.member,
      promoterRole: env.config.promoterRole,
      ...(role.member ? {} : { refusal: refusal(env, role) }),
      releaseNotes: releaseNotes({
        release: a.train.release,
        rc: a.candidate.version.name,
        issues: a.issues.filter((i) => i.fields.status?.statusCategory?.key === 'done').map((i) => ({ key: i.key, summary: i.fields.summary ?? '', type: i.fields.issuetype?.name ?? 'Other' })),
      }).text,
      summaries: { ...evidenceSummaries(audit?.gates.flatMap((g) => g.evidence) ?? [], a.known), ...a.summaries },
    };
  },

  async 'rc/metrics'(input, ctx) {
    const env = await envFor(input, ctx);
    const [{ versions, grouped }, facts] = await Promise.all([loadTrains(env.jira, env.projectKey, env.config), loadProjectFacts(env.jira, env.mapping)]);
    const now = env.now().toISOString();
    const windowDays = input.windowDays ?? DEFAULT_WINDOW_DAYS;
    const jql = metricsJql(env.projectKey, env.config.bugTypes, versions, new Date(Date.parse(now) - windowDays * 86_400_000));
    const found = jql
      ? await env.jira.searchAll({ jql, fields: ['created', 'fixVersions', 'versions', 'status'], expandChangelog: true, maxIssues: metricsLimit, pageSize: Math.min(100, metricsLimit) })
      : { issues: [], truncated: false };
    const bugs: MetricsBug[] = (await withFullChangelogs(env.jira, found.issues)).map((i) => ({
      key: i.key,
      createdAt: i.fields.created ?? now,
      fixVersions: (i.fields.fixVersions ?? []).map((v) => v.name),
      affectsVersions: (i.fields.versions ?? []).map((v) => v.name),
      stageDurationsMs: stageDurations(i, facts, now),
    }));
    // Loops of a release: how many candidates its train needed (a released candidate counts its own number).
    const loops = new Map<string, number>();
    for (const t of grouped.trains) {
      if (t.releaseVersion) loops.set(t.releaseVersion.name, t.candidates.length);
      for (const c of t.candidates) loops.set(c.version.name, c.n);
    }
    const releases: MetricsRelease[] = versions.map((v) => ({
      name: v.name,
      released: v.released,
      ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}),
      ...(loops.has(v.name) ? { candidateCount: loops.get(v.name) } : {}),
    }));
    return { ...releaseMetrics({ now, windowDays, bugs, releases }), sample: { bugs: bugs.length, limit: metricsLimit, truncated: found.truncated } };
  },

  async 'rc/promote-preview'(input, ctx) {
    const env = await envFor(input, ctx);
    const [a, role, me] = await Promise.all([assessCandidate(env.jira, env.projectKey, input.versionId, env.config, env.mapping), promoterCheck(env), actor(env)]);
    const plan = planFor(env, a, input.override ? { reason: input.override.reason, by: me, at: env.now().toISOString() } : undefined);
    const steps = plan.ok ? plan.data.steps.map((s) => ({ step: s.step, title: s.title, detail: s.detail })) : [];
    if (!role.member) return { allowed: false, refusal: refusal(env, role), steps };
    if (!plan.ok) return { allowed: false, refusal: plan.message, steps };
    const missing = await missingPermissions(env.jira, neededPermissions(plan.data.steps.map((s) => s.step), env.projectKey, env.config.opsProjectKey));
    if (missing.length > 0) return { allowed: false, refusal: `Jira would refuse this promotion: ${missing.join(' ')}`, steps };
    return { allowed: true, steps };
  },

  async 'rc/promote'(input, ctx) {
    const env = await envFor(input, ctx);
    const role = await promoterCheck(env);
    if (!role.member) throw new AppError('FORBIDDEN', refusal(env, role));
    const id = promotionId(env.projectKey, input.versionId);
    const existing = await env.store.states.get(id);
    // A finished promotion is answered as it is: a second click or a retry never acts twice.
    if (existing?.status === 'done') return view(env.store, id, env.now, { state: existing, running: false });

    const claim = await claimPromotion(env.store, id, env.accountId, { ...leaseOptions, now: env.now });
    if (!claim.ok) {
      throw new AppError('CONFLICT', `This promotion is already running (started ${claim.holder.accountId === env.accountId ? 'by you' : 'by someone else'}). Wait a moment and reload: the page shows its progress.`);
    }
    try {
      const me = await actor(env);
      const at = env.now().toISOString();
      // Re-read under the claim: the state may have moved on while we were claiming. A stored state is resumed
      // as it is (its plan, evidence and override were fixed when it started); otherwise judge and plan now.
      let state = await env.store.states.get(id);
      let gates: GateResult[] | undefined;
      if (!state) {
        const a = await assessCandidate(env.jira, env.projectKey, input.versionId, env.config, env.mapping);
        const started = startOrResume(undefined, () => planFor(env, a, input.override ? { reason: input.override.reason, by: me, at } : undefined), at, me);
        if (!started.ok) throw new AppError(started.code, started.message);
        state = started.data.state;
        gates = a.gates;
      } else if (env.config.opsProjectKey && state.opsProjectKey && state.opsProjectKey !== env.config.opsProjectKey && !stepResult(state, 'create-ops-handoff')) {
        // The hand-off has not been created yet and an admin has since corrected the ops project: use it.
        state = { ...state, opsProjectKey: env.config.opsProjectKey };
      }
      const done = new Set(state.completedSteps.map((c) => c.step));
      const missing = await missingPermissions(env.jira, neededPermissions(state.steps.filter((s) => !done.has(s)), state.projectKey, state.opsProjectKey));
      if (missing.length > 0) throw new AppError('FORBIDDEN', `Nothing was done: Jira would refuse this promotion. ${missing.join(' ')}`);
      if (gates) await env.store.evidence.set(id, gates);
      await env.store.states.set(id, state);
      const after = await runPromotion(state, { jira: env.jira, store: env.store, now: env.now, stillHeld: claim.stillHeld });
      return view(env.store, id, env.now, { state: after, running: false });
    } finally {
      await claim.release().catch(() => undefined);
    }
  },

  /**
   * Gives up a stopped promotion (failed, or interrupted with no run holding it) so the candidate is free again, e.g.
   * after a wrong plan. Nothing in Jira is undone; the state and any audit entry are kept in the abandoned record.
   */
  async 'rc/promotion-abandon'(input, ctx) {
    const env = await envFor(input, ctx);
    const role = await promoterCheck(env);
    if (!role.member) throw new AppError('FORBIDDEN', refusal(env, role));
    const id = promotionId(env.projectKey, input.versionId);
    const claim = await claimPromotion(env.store, id, env.accountId, { ...leaseOptions, now: env.now });
    if (!claim.ok) throw new AppError('CONFLICT', 'This promotion is running right now; it can only be abandoned once it has stopped.');
    try {
      const state = await env.store.states.get(id);
      if (!state) throw new AppError('NOT_FOUND', 'There is no promotion of this candidate to abandon.');
      if (state.status === 'done') throw new AppError('CONFLICT', `The promotion of ${state.versionName} is finished; a finished promotion cannot be abandoned.`);
      const at = env.now().toISOString();
      const audit = (await env.store.audits.get(id)) ?? null;
      await env.store.abandoned.set(`${id}:${at}`, { promotionId: id, by: await actor(env), at, reason: input.reason, state, audit });
      await Promise.all([env.store.states.delete(id), env.store.evidence.delete(id), env.store.audits.delete(id)]);
      return { state: null, audit: null, progress: null, running: false };
    } finally {
      await claim.release().catch(() => undefined);
    }
  },

  'rc/config': async (input, ctx) => readSettings(callerFor(input, ctx)),
  'rc/config-save': async (input, ctx) => saveSettings(callerFor(input, ctx), input.config),

  async 'rc/promotion'(input, ctx) {
    const env = await envFor(input, ctx);
    return view(env.store, promotionId(env.projectKey, input.versionId), env.now);
  },
};
