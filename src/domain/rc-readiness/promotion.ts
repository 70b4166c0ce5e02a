import { fail, ok, type Result } from '../../contracts/result';
import { sortKeys } from './issue-keys';
import type { Actor, GateId, GateResult } from './types';

/**
 * Promoting a release candidate to production as an explicit, resumable plan of steps.
 *
 * Order: unfinished issues move to the next RC first (so the release, or the move to the production version,
 * carries finished work only); then the version is released (or the production version created and the RC's
 * issues moved to it); then the audit entry, right after the act it records; last the ops hand-off.
 *
 * Safety under double clicks and retries: the promotion id is derived from project + version, so a second
 * promote finds the same state; a done state has no next step; a failed state resumes at the failed step.
 * Each step also carries an idempotency key the caller uses to detect work already done
 * (e.g. the hand-off issue is searched by it before one is created).
 */

export const promotionSteps = [
  'move-unfinished-to-next-rc',
  'release-version',
  'create-production-version',
  'move-issues',
  'record-audit',
  'create-ops-handoff',
] as const;
export type PromotionStep = (typeof promotionSteps)[number];
export type PromotionMode = 'release-version' | 'create-production-version';
export type PromotionStatus = 'in-progress' | 'done' | 'failed';

export const stepTitles: Readonly<Record<PromotionStep, string>> = {
  'move-unfinished-to-next-rc': 'Move unfinished issues to the next release candidate',
  'release-version': 'Release the version',
  'create-production-version': 'Create the production version',
  'move-issues': "Move the candidate's issues to the production version",
  'record-audit': 'Record the audit entry',
  'create-ops-handoff': 'Create the hand-off issue for ops',
};

export type PromotionOverride = { by: Actor; reason: string; at: string };

export type StepResult = {
  releasedVersionId?: string;
  productionVersionId?: string;
  productionVersionName?: string;
  nextRcVersionId?: string;
  movedIssueKeys?: string[];
  auditKey?: string;
  handoffIssueKey?: string;
  note?: string;
};

export type PromotionState = {
  id: string;
  projectKey: string;
  versionId: string;
  versionName: string;
  /** Production version name (the train's release). */
  release: string;
  mode: PromotionMode;
  steps: PromotionStep[];
  status: PromotionStatus;
  startedAt: string;
  startedBy: Actor;
  override?: PromotionOverride & { failingGates: GateId[]; unfinishedKeys: string[] };
  nextRcName?: string;
  opsProjectKey?: string;
  completedSteps: Array<{ step: PromotionStep; at: string; result: StepResult }>;
  lastError?: { step: PromotionStep; message: string; at: string };
};

export type PromotionPlanInput = {
  projectKey: string;
  version: { id: string; name: string; released: boolean };
  release: string;
  mode: PromotionMode;
  gates: readonly GateResult[];
  /** Issues with the RC as fix version that are not done. */
  unfinishedKeys: readonly string[];
  /** Where unfinished issues go: the next RC (created by the step when it has no id yet). */
  nextRc?: { id?: string; name: string };
  override?: PromotionOverride;
  /** The ops project for the hand-off; without one there is no hand-off step. */
  opsProjectKey?: string;
};

export type PlannedStep = { step: PromotionStep; title: string; idempotencyKey: string; detail: string };
export type PromotionPlan = { id: string; steps: PlannedStep[]; input: PromotionPlanInput };

export const MIN_OVERRIDE_REASON = 10;

/** Deterministic, storage-key safe: the same project + version always gives the same promotion. */
export function promotionId(projectKey: string, versionId: string): string {
  const safe = (s: string) => s.trim().replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 100);
  return `promotion:${safe(projectKey).toUpperCase()}:${safe(versionId)}`;
}

/** The steps a promotion will take, or why it is refused. */
export function planPromotion(input: PromotionPlanInput): Result<PromotionPlan> {
  const id = promotionId(input.projectKey, input.version.id);
  if (input.mode === 'release-version' && input.version.released) {
    return fail('CONFLICT', `${input.version.name} is already released.`);
  }
  const failing = input.gates.filter((g) => !g.passed);
  const unfinished = sortKeys(input.unfinishedKeys);
  if (input.override) {
    if (input.override.reason.trim().length < MIN_OVERRIDE_REASON) {
      return fail('BAD_REQUEST', `An override needs a reason of at least ${MIN_OVERRIDE_REASON} characters; it is recorded in the audit entry.`);
    }
  } else {
    if (unfinished.length > 0) {
      return fail('CONFLICT', `${unfinished.length} issue${unfinished.length === 1 ? ' is' : 's are'} not done (${list(unfinished)}). Finish ${unfinished.length === 1 ? 'it' : 'them'}, or override to move ${unfinished.length === 1 ? 'it' : 'them'} to the next release candidate, giving a reason.`);
    }
    if (failing.length > 0) {
      return fail('CONFLICT', `${failing.length} readiness gate${failing.length === 1 ? '' : 's'} not passed: ${failing.map((g) => g.title).join('; ')}. Promotion needs every gate, or an override with a reason.`);
    }
  }
  if (unfinished.length > 0 && !input.nextRc?.name.trim()) {
    return fail('BAD_REQUEST', 'Unfinished issues must move to a next release candidate, and none was given.');
  }

  const steps: PlannedStep[] = [];
  const add = (step: PromotionStep, detail: string) => steps.push({ step, title: stepTitles[step], idempotencyKey: `${id}:${step}`, detail });
  if (unfinished.length > 0 && input.nextRc) {
    add('move-unfinished-to-next-rc', `Move ${unfinished.length} unfinished issue${unfinished.length === 1 ? '' : 's'} (${list(unfinished)}) to ${input.nextRc.name}${input.nextRc.id ? '' : ' (created)'}.`);
  }
  if (input.mode === 'release-version') {
    add('release-version', `Release ${input.version.name} in Jira.`);
  } else {
    add('create-production-version', `Create version ${input.release} (if it does not exist) and release it.`);
    add('move-issues', `Move the issues of ${input.version.name} to ${input.release}.`);
  }
  add('record-audit', 'Record who promoted, when, the gates with their evidence and any override.');
  if (input.opsProjectKey) add('create-ops-handoff', `Create the hand-off issue in ${input.opsProjectKey} with the release notes and a link back.`);
  return ok({ id, steps, input });
}

/** The state to persist when a promotion starts. */
export function startPromotion(plan: PromotionPlan, at: string, by: Actor): PromotionState {
  const { input } = plan;
  const failingGates = input.gates.filter((g) => !g.passed).map((g) => g.id);
  return {
    id: plan.id,
    projectKey: input.projectKey,
    versionId: input.version.id,
    versionName: input.version.name,
    release: input.release,
    mode: input.mode,
    steps: plan.steps.map((s) => s.step),
    status: plan.steps.length === 0 ? 'done' : 'in-progress',
    startedAt: at,
    startedBy: by,
    ...(input.override ? { override: { ...input.override, failingGates, unfinishedKeys: sortKeys(input.unfinishedKeys) } } : {}),
    ...(input.nextRc && input.unfinishedKeys.length > 0 ? { nextRcName: input.nextRc.name } : {}),
    ...(input.opsProjectKey ? { opsProjectKey: input.opsProjectKey } : {}),
    completedSteps: [],
  };
}

/**
 * A second promote of the same version: a stored state wins over a new plan (resume it, or report it done),
 * so a double click or a retry never starts the work twice.
 */
export function startOrResume(
  existing: PromotionState | undefined,
  plan: () => Result<PromotionPlan>,
  at: string,
  by: Actor,
): Result<{ state: PromotionState; resumed: boolean }> {
  if (existing) return ok({ state: existing, resumed: true });
  const p = plan();
  return p.ok ? ok({ state: startPromotion(p.data, at, by), resumed: false }) : p;
}

export type NextStep = { kind: 'run'; step: PromotionStep; idempotencyKey: string; retry: boolean } | { kind: 'done' };

export function nextStep(state: PromotionState): NextStep {
  const done = new Set(state.completedSteps.map((c) => c.step));
  const step = state.steps.find((s) => !done.has(s));
  if (!step) return { kind: 'done' };
  return { kind: 'run', step, idempotencyKey: `${state.id}:${step}`, retry: state.lastError?.step === step };
}

/** Marks `step` done. Completing a step already done is a no-op (a retried completion); out of order is refused. */
export function completeStep(state: PromotionState, step: PromotionStep, result: StepResult, at: string): Result<PromotionState> {
  if (state.completedSteps.some((c) => c.step === step)) return ok(state);
  const next = nextStep(state);
  if (next.kind === 'done' || next.step !== step) {
    return fail('CONFLICT', `Step '${step}' is not the next step of this promotion (${next.kind === 'done' ? 'it is done' : `next is '${next.step}'`}).`);
  }
  const completedSteps = [...state.completedSteps, { step, at, result }];
  const { lastError: _cleared, ...rest } = state;
  const finished = state.steps.every((s) => completedSteps.some((c) => c.step === s));
  return ok({ ...rest, completedSteps, status: finished ? 'done' : 'in-progress' });
}

/** Records a failed step; the promotion resumes from it next time. */
export function failStep(state: PromotionState, step: PromotionStep, message: string, at: string): Result<PromotionState> {
  const next = nextStep(state);
  if (next.kind === 'done' || next.step !== step) return fail('CONFLICT', `Step '${step}' is not the step this promotion is at.`);
  return ok({ ...state, status: 'failed', lastError: { step, message: message.slice(0, 1000), at } });
}

/** What an earlier step produced (e.g. the production version id for move-issues). */
export function stepResult(state: PromotionState, step: PromotionStep): StepResult | undefined {
  return state.completedSteps.find((c) => c.step === step)?.result;
}

export type ProgressReport = { done: string[]; remaining: string[]; failure?: string; summary: string };

/**
 * Tells the user what was done so far, in sentences. `running: false` says no run holds the promotion now: an
 * in-progress state is then an interrupted run (its resolver was stopped, or its progress could not be saved).
 */
export function describeProgress(state: PromotionState, options: { running?: boolean } = {}): ProgressReport {
  const done = state.completedSteps.map((c) => doneSentence(state, c.step, c.result));
  const completed = new Set(state.completedSteps.map((c) => c.step));
  const remaining = state.steps.filter((s) => !completed.has(s)).map((s) => stepTitles[s]);
  const failure = state.lastError ? `Stopped at "${stepTitles[state.lastError.step]}": ${state.lastError.message}` : undefined;
  const summary =
    state.status === 'done'
      ? `${state.versionName} was promoted: ${done.length} step${done.length === 1 ? '' : 's'} done.`
      : state.status === 'failed'
        ? `The promotion of ${state.versionName} stopped after ${done.length} of ${state.steps.length} steps. Promote again to resume from where it stopped; steps already done are not repeated.`
        : options.running === false
          ? `The promotion of ${state.versionName} was interrupted after ${done.length} of ${state.steps.length} recorded steps. Resume it: each remaining step first checks Jira, so work already done is not repeated.`
          : `Promoting ${state.versionName}: ${done.length} of ${state.steps.length} steps done.`;
  return { done, remaining, ...(failure ? { failure } : {}), summary };
}

function doneSentence(state: PromotionState, step: PromotionStep, r: StepResult): string {
  switch (step) {
    case 'move-unfinished-to-next-rc': {
      const n = r.movedIssueKeys?.length ?? state.override?.unfinishedKeys.length ?? 0;
      return `Moved ${n} unfinished issue${n === 1 ? '' : 's'} to ${state.nextRcName ?? 'the next release candidate'}.`;
    }
    case 'release-version':
      return `Released ${state.versionName}.`;
    case 'create-production-version':
      return `Created and released ${r.productionVersionName ?? state.release}.`;
    case 'move-issues': {
      const n = r.movedIssueKeys?.length;
      return `Moved ${n === undefined ? 'the' : `${n}`} issue${n === 1 ? '' : 's'} of ${state.versionName} to ${state.release}.`;
    }
    case 'record-audit':
      return 'Recorded the audit entry.';
    case 'create-ops-handoff':
      return r.handoffIssueKey ? `Created the ops hand-off ${r.handoffIssueKey}.` : 'Created the ops hand-off.';
  }
}

export type AuditEntry = {
  promotionId: string;
  projectKey: string;
  version: { id: string; name: string };
  release: string;
  mode: PromotionMode;
  by: Actor;
  at: string;
  ready: boolean;
  gates: GateResult[];
  override?: PromotionState['override'];
  nextRcName?: string;
};

/** The audit entry of a promotion: who, when, the gates' evidence snapshot and any override. */
export function buildAuditEntry(state: PromotionState, gates: readonly GateResult[]): AuditEntry {
  return {
    promotionId: state.id,
    projectKey: state.projectKey,
    version: { id: state.versionId, name: state.versionName },
    release: state.release,
    mode: state.mode,
    by: state.startedBy,
    at: state.startedAt,
    ready: gates.every((g) => g.passed),
    gates: gates.map((g) => ({ ...g, evidence: [...g.evidence] })),
    ...(state.override ? { override: state.override } : {}),
    ...(state.nextRcName ? { nextRcName: state.nextRcName } : {}),
  };
}

function list(keys: readonly string[], max = 10): string {
  return keys.length <= max ? keys.join(', ') : `${keys.slice(0, max).join(', ')} and ${keys.length - max} more`;
}
