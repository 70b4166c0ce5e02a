import { rcPromotionProcedures, type PromotionConfig } from '../contracts/rc-promotion';
import type { Result } from '../contracts/result';
import {
  candidateName,
  candidateStanding,
  compileConvention,
  describeProgress,
  nextTrainRelease,
  planPromotion,
  productionVersionName,
  standingSentence,
  promotionId,
  releaseNotes,
  startOrResume,
  stepResult,
  type GateResult,
  type Actor,
  type PromotionPlan,
  type PromotionState,
  type Train,
  type TrainShipment,
  type VersionLite,
} from '../domain/rc-readiness';
import type { JiraGateway } from '../jira/gateway';
import { AppError } from './app-error';
import { requireProjectAccess } from './project-access';
import type { Handlers, HandlerContext } from './define-resolver';
import { projectStageMapping } from './project-stage-mapping';
import { assessCandidate, evidenceSummaries, findCandidate, loadTrains, trainRefs, type CandidateReadiness, type MappingSource } from './rc-promotion/candidate';
import { coverageGates, type MoreGates } from './coverage/gates';
import { runPromotion } from './rc-promotion/execute';
import { missingPermissions, neededPermissions } from './rc-promotion/permissions';
import { checkProjectRole, type RoleCheck } from './rc-promotion/promoter-role';
import { claimPromotion, DEFAULT_LEASE, leaseLive, type LeaseOptions } from './rc-promotion/lease';
import { readSettings, saveSettings, type SettingsCaller } from './rc-promotion/settings';
import { loadConfig, promotionStore, type PromotionStore } from './rc-promotion/store';
import { lastReopened, reopenTrain, rolledBackBy, unreleaseProduction, rolledBackTrains, rolledBackTrainsOrNone, type Rollback } from './rc-promotion/reopen';

export { rcPromotionProcedures };

/**
 * The RC-promotion page's resolvers. Jira is read and written as the calling user (Jira's permissions apply);
 * who may promote is the configured project role, checked through the user's own roles, never from the page.
 */

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
  /** The coverage and development gates (src/resolvers/coverage/gates.ts). */
  moreGates: MoreGates;
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
  const config = await loadConfig(caller.store, input.projectKey);
  return {
    ...caller,
    mapping: once(() => projectStageMapping(ctx, caller.jira, input.projectKey)),
    config,
    now: () => ctx.services.now(),
    moreGates: coverageGates(caller.jira, ctx.services.storage, input.projectKey, config),
  };
}

const versionOut = (v: VersionLite) => ({ id: v.id, name: v.name, released: v.released, ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}) });

/** Whether the caller holds the promoter role in the project (names compared case-insensitively). */
const promoterCheck = (env: Env): Promise<RoleCheck> => checkProjectRole(env.app, env.projectKey, env.config.promoterRole, env.accountId);

const refusal = (env: Env, check?: RoleCheck) =>
  `Only members of the ${env.config.promoterRole} project role in ${env.projectKey} can promote a release candidate. Ask a Jira admin to add you to the role, or ask a member of ${env.config.promoterRole} to promote.${check?.problem ? ` ${check.problem}` : ''}`;

/** The production version of a train as Jira has it (by name, case-insensitively), when it exists. */
function productionVersionOf(train: Train, versions: readonly VersionLite[], naming: string): VersionLite | undefined {
  const name = productionVersionName(train.release, naming).toLowerCase();
  return train.releaseVersion?.name.toLowerCase() === name ? train.releaseVersion : versions.find((v) => v.name.trim().toLowerCase() === name);
}

/** The trains ops rolled back, read at most once per call and only when a finished promotion needs it. */
type Rollbacks = () => Promise<Map<string, Rollback>>;
const rollbacksOf = (env: Env): Rollbacks => once(() => rolledBackTrainsOrNone(env.jira, env.projectKey));

/**
 * Whether the train has shipped, is being promoted or was reopened: its promotion in app storage, its production
 * version in Jira, and (for a finished promotion) whether ops rolled it back. A rolled-back promotion not moved aside
 * yet counts as no promotion (`pendingReopen`): the next promote of a later candidate reopens the train.
 */
async function shipmentOf(env: Env, train: Train, versions: readonly VersionLite[], rollbacks: Rollbacks = rollbacksOf(env)): Promise<TrainShipment & { state?: PromotionState; pendingReopen?: Rollback }> {
  const id = promotionId(env.projectKey, train.release);
  const state = await env.store.states.get(id);
  const prod = productionVersionOf(train, versions, env.config.productionNaming);
  const rollback = state?.status === 'done' || (!state && prod?.released) ? (await rollbacks()).get(train.release) : undefined;
  if (state && rollback && rolledBackBy(state, rollback)) {
    return {
      state,
      pendingReopen: rollback,
      rolledBack: { versionId: state!.versionId, versionName: state!.versionName, productionName: state!.productionName },
      ...(prod ? { productionVersion: { name: prod.name, released: false } } : {}),
    };
  }
  if (!state && prod?.released && rollback) {
    // Shipped without a promotion in app storage (e.g. before the app): the production version alone is unreleased.
    return { pendingReopen: rollback, rolledBack: { versionId: rollback.candidateVersionId, versionName: rollback.candidateName, productionName: prod.name }, productionVersion: { name: prod.name, released: false } };
  }
  const earlier = state ? undefined : await lastReopened(env.store, id).catch(() => undefined);
  return {
    ...(state ? { state, promotion: { versionId: state.versionId, versionName: state.versionName, productionName: state.productionName, status: state.status } } : {}),
    ...(prod ? { productionVersion: { name: prod.name, released: prod.released } } : {}),
    ...(earlier ? { rolledBack: { versionId: earlier.state.versionId, versionName: earlier.state.versionName, productionName: earlier.state.productionName } } : {}),
  };
}

/** Where unfinished work rolls: the current candidate of the next train, or its first candidate (created). */
function nextRcFor(env: Env, a: CandidateReadiness, trains: readonly Train[]): { id?: string; name: string } {
  const convention = compileConvention(env.config.namingPattern);
  // A train whose production version is released has shipped: work never rolls into it.
  const open = trains.filter((t) => !productionVersionOf(t, a.versions, env.config.productionNaming)?.released);
  const release = nextTrainRelease(a.train.release, open);
  const next = trains.find((t) => t.release === release);
  const current = next?.candidates.filter((c) => !c.version.released && !c.version.archived).at(-1);
  return current ? { id: current.version.id, name: current.version.name } : { name: candidateName(release, 1, convention) };
}

/** `reopening`: the train is reopened by this promotion, which unreleases the production version first. */
function planFor(env: Env, a: CandidateReadiness, trains: readonly Train[], override?: { reason: string; by: Actor; at: string }, reopening = false): Result<PromotionPlan> {
  const found = productionVersionOf(a.train, a.versions, env.config.productionNaming);
  const prod = found && reopening ? { ...found, released: false } : found;
  return planPromotion({
    projectKey: env.projectKey,
    version: { id: a.candidate.version.id, name: a.candidate.version.name, released: a.candidate.version.released },
    release: a.train.release,
    candidates: trainRefs(a.train),
    production: { name: productionVersionName(a.train.release, env.config.productionNaming), ...(prod ? { existing: { id: prod.id, released: prod.released } } : {}) },
    gates: a.gates,
    unfinishedKeys: a.unfinishedKeys,
    ...(a.unfinishedKeys.length > 0 ? { nextRc: nextRcFor(env, a, trains) } : {}),
    ...(override ? { override } : {}),
    archiveCandidates: env.config.archiveCandidates,
    ...(env.config.opsProjectKey ? { opsProjectKey: env.config.opsProjectKey } : {}),
  });
}

/**
 * Summaries of the keys an audit names: from what the assessment read, and the others (e.g. issues that rolled into
 * the next train since) in one search. Best effort: a key Jira no longer shows goes without a summary.
 */
async function auditSummaries(env: Env, keys: readonly string[], known: ReadonlyMap<string, string>): Promise<Record<string, string>> {
  const missing = [...new Set(keys)].filter((k) => !known.has(k)).slice(0, 200);
  if (missing.length === 0) return evidenceSummaries(keys, known);
  const more = new Map(known);
  try {
    const page = await env.jira.searchPage(`key in (${missing.join(', ')})`, ['summary'], missing.length);
    for (const i of page.issues) if (i.fields.summary) more.set(i.key, i.fields.summary);
  } catch {
    // Without the summaries the chips show the keys only.
  }
  return evidenceSummaries(keys, more);
}

/** The refusal when another candidate's promotion holds the train, or the train has shipped; undefined when free. */
function trainRefusal(candidate: string, versionId: string, train: Train, shipment: TrainShipment): string | undefined {
  const standing = candidateStanding(train, versionId, shipment);
  return standing.kind === 'superseded' || standing.kind === 'promoting' ? standingSentence(candidate, standing) : undefined;
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
    const { versions, grouped } = await loadTrains(env.jira, env.projectKey, env.config);
    const rollbacks = rollbacksOf(env);
    const shipments = await Promise.all(grouped.trains.map((t) => shipmentOf(env, t, versions, rollbacks)));
    return {
      trains: grouped.trains.map((t, i) => {
        const shipment = shipments[i]!;
        const done = shipment.promotion?.status === 'done' ? shipment.promotion : undefined;
        const shipped = done ?? (shipment.productionVersion?.released ? shipment.productionVersion : undefined);
        return {
          release: t.release,
          ...(t.releaseVersion ? { releaseVersion: versionOut(t.releaseVersion) } : {}),
          candidates: t.candidates.map((c) => ({ version: versionOut(c.version), n: c.n, source: c.source, standing: candidateStanding(t, c.version.id, shipment) })),
          productionName: productionVersionName(t.release, env.config.productionNaming),
          ...(shipped
            ? {
                shipped: {
                  productionName: done?.productionName ?? shipment.productionVersion!.name,
                  ...(done ? { fromCandidate: done.versionName } : {}),
                  ...(shipment.state?.status === 'done' ? { on: shipment.state.startedAt } : {}),
                },
              }
            : {}),
        };
      }),
      unmatched: grouped.unmatched.map(versionOut),
      warnings: grouped.warnings,
      pattern: compileConvention(env.config.namingPattern).pattern,
    };
  },

  async 'rc/readiness'(input, ctx) {
    const env = await envFor(input, ctx);
    const [a, role] = await Promise.all([assessCandidate(env.jira, env.projectKey, input.versionId, env.config, env.mapping, env.app, env.moreGates), promoterCheck(env)]);
    const shipment = await shipmentOf(env, a.train, a.versions);
    const id = promotionId(env.projectKey, a.train.release);
    // The train's promotion is shown on the candidate it promoted; the other candidates show their standing.
    const own = shipment.state?.versionId === input.versionId ? shipment.state : undefined;
    const audit = own ? await env.store.audits.get(id) : undefined;
    const standing = candidateStanding(a.train, input.versionId, shipment);
    const sentence = standingSentence(a.candidate.version.name, standing);
    const productionName = own?.productionName ?? productionVersionName(a.train.release, env.config.productionNaming);
    return {
      version: versionOut(a.candidate.version),
      release: a.train.release,
      issueCount: a.issues.length,
      gates: a.gates,
      ready: a.ready,
      convergence: a.convergence,
      promotion: own ?? null,
      audit: audit ?? null,
      canPromote: role.member,
      promoterRole: env.config.promoterRole,
      ...(role.member ? {} : { refusal: refusal(env, role) }),
      standing,
      ...(sentence ? { standingSentence: sentence } : {}),
      productionName,
      releaseNotes: releaseNotes({ release: productionName, rc: a.candidate.version.name, issues: a.shipping }).text,
      summaries: { ...(await auditSummaries(env, audit?.gates.flatMap((g) => g.evidence) ?? [], a.known)), ...a.summaries },
    };
  },

  async 'rc/promote-preview'(input, ctx) {
    const env = await envFor(input, ctx);
    const [a, role, me] = await Promise.all([assessCandidate(env.jira, env.projectKey, input.versionId, env.config, env.mapping, env.app, env.moreGates), promoterCheck(env), actor(env)]);
    const [{ grouped }, shipment] = await Promise.all([loadTrains(env.jira, env.projectKey, env.config), shipmentOf(env, a.train, a.versions)]);
    const plan = planFor(env, a, grouped.trains, input.override ? { reason: input.override.reason, by: me, at: env.now().toISOString() } : undefined, !!shipment.pendingReopen);
    const steps = plan.ok ? plan.data.steps.map((s) => ({ step: s.step, title: s.title, detail: s.detail })) : [];
    if (!role.member) return { allowed: false, refusal: refusal(env, role), steps };
    const blocked = trainRefusal(a.candidate.version.name, input.versionId, a.train, shipment);
    if (blocked) return { allowed: false, refusal: blocked, steps: [] };
    if (!plan.ok) return { allowed: false, refusal: plan.message, steps };
    const missing = await missingPermissions(env.jira, neededPermissions(plan.data.steps.map((s) => s.step), env.projectKey, env.config.opsProjectKey));
    if (missing.length > 0) return { allowed: false, refusal: `Jira would refuse this promotion: ${missing.join(' ')}`, steps };
    return { allowed: true, steps };
  },

  async 'rc/promote'(input, ctx) {
    const env = await envFor(input, ctx);
    const role = await promoterCheck(env);
    if (!role.member) throw new AppError('FORBIDDEN', refusal(env, role));
    const found = await findCandidate(env.jira, env.projectKey, input.versionId, env.config);
    // One promotion per train: every candidate of the train shares its id, its state and its lease.
    const id = promotionId(env.projectKey, found.train.release);
    // A rolled-back train is looked up in the hand-offs as the caller; one who cannot see them is told so.
    const rollbacks = once(() => rolledBackTrains(env.jira, env.projectKey));
    const shipment = await shipmentOf(env, found.train, found.versions, async () => rollbacks().catch(() => new Map()));
    const existing = shipment.pendingReopen ? undefined : shipment.state;
    const refused = () => trainRefusal(found.candidate.version.name, input.versionId, found.train, shipment) ?? `${found.train.release} is being promoted from ${existing?.versionName}.`;
    if (existing && existing.versionId !== input.versionId) throw new AppError('CONFLICT', refused());
    // A finished promotion is answered as it is: a second click or a retry never acts twice.
    if (existing?.status === 'done') return view(env.store, id, env.now, { state: existing, running: false });
    // A reopened train: the rolled-back candidate and the earlier ones stay superseded.
    if (!existing && shipment.rolledBack && trainRefusal(found.candidate.version.name, input.versionId, found.train, shipment)) throw new AppError('CONFLICT', refused());

    const claim = await claimPromotion(env.store, id, env.accountId, { ...leaseOptions, now: env.now });
    if (!claim.ok) {
      throw new AppError('CONFLICT', `${found.train.release} is being promoted right now (started ${claim.holder.accountId === env.accountId ? 'by you' : 'by someone else'}). Wait a moment: the page shows its progress.`);
    }
    try {
      const me = await actor(env);
      const at = env.now().toISOString();
      // Re-read under the claim: the state may have moved on while we were claiming. A stored state is resumed
      // as it is (its plan, evidence and override were fixed when it started); otherwise judge and plan now.
      let state = await env.store.states.get(id);
      let gates: GateResult[] | undefined;
      const rollback = state?.status === 'done' ? (await rollbacks()).get(found.train.release) : undefined;
      if (state && rollback && rolledBackBy(state, rollback)) {
        // Ops rolled the train's release back: move the finished promotion aside and unrelease the production
        // version, so this candidate's promotion ships the train again (see rc-promotion/reopen.ts).
        await reopenTrain(env, id, state, rollback);
        state = undefined;
      } else if (!state && shipment.pendingReopen && !shipment.state) {
        const prod = productionVersionOf(found.train, found.versions, env.config.productionNaming);
        if (prod) await unreleaseProduction(env.jira, prod.id);
      }
      if (state && state.versionId !== input.versionId) {
        throw new AppError('CONFLICT', trainRefusal(found.candidate.version.name, input.versionId, found.train, { promotion: state }) ?? `${found.train.release} is being promoted from ${state.versionName}.`);
      }
      if (state?.status === 'done') return view(env.store, id, env.now, { state, running: false });
      if (!state) {
        const a = await assessCandidate(env.jira, env.projectKey, input.versionId, env.config, env.mapping, env.app, env.moreGates);
        const { grouped } = await loadTrains(env.jira, env.projectKey, env.config);
        const started = startOrResume(undefined, () => planFor(env, a, grouped.trains, input.override ? { reason: input.override.reason, by: me, at } : undefined), at, me);
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
      const after = await runPromotion(state, { jira: env.jira, store: env.store, now: env.now, stillHeld: claim.stillHeld, handoff: env.config.handoff });
      return view(env.store, id, env.now, { state: after, running: false });
    } finally {
      await claim.release().catch(() => undefined);
    }
  },

  /**
   * Gives up a stopped promotion (failed, or interrupted with no run holding it) so the train is free again, e.g.
   * after a wrong plan. Nothing in Jira is undone; the state and any audit entry are kept in the abandoned record.
   */
  async 'rc/promotion-abandon'(input, ctx) {
    const env = await envFor(input, ctx);
    const role = await promoterCheck(env);
    if (!role.member) throw new AppError('FORBIDDEN', refusal(env, role));
    const found = await findCandidate(env.jira, env.projectKey, input.versionId, env.config);
    const id = promotionId(env.projectKey, found.train.release);
    const claim = await claimPromotion(env.store, id, env.accountId, { ...leaseOptions, now: env.now });
    if (!claim.ok) throw new AppError('CONFLICT', 'This promotion is running right now; it can only be abandoned once it has stopped.');
    try {
      const state = await env.store.states.get(id);
      if (!state) throw new AppError('NOT_FOUND', `There is no promotion of ${found.train.release} to abandon.`);
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
    // Answered from app storage: Jira's own permissions do not apply there, so the caller's are checked first.
    await requireProjectAccess(env.jira, env.projectKey);
    const found = await findCandidate(env.jira, env.projectKey, input.versionId, env.config);
    return view(env.store, promotionId(env.projectKey, found.train.release), env.now);
  },
};
