import { fail, ok, type Result } from '../../contracts/result';
import { blocks } from './gates';
import { sortKeys } from './issue-keys';
import type { Actor, GateId, GateResult } from './types';

/**
 * Promoting a release candidate ships its TRAIN: the production version (e.g. "4.3.0") is created if missing,
 * carries the done issues of the promoted candidate and of the earlier candidates, and is released; the candidate's
 * own name is never released as the production release. The promotion is one per train: its id is derived from
 * project + train, so promotes of any candidate of the train (double clicks, retries, concurrent users) find the
 * same state, and once it is done every other candidate is superseded.
 *
 * Order: unfinished issues roll into the next train's candidate first (so the release carries finished work
 * only); then the production version is created, the shipped issues get it as fix version, it is released with the
 * cumulative notes as its description; optionally the train's candidates are archived; then the audit entry, right
 * after the act it records; last the ops hand-off.
 */

export const promotionSteps = [
  'move-unfinished-to-next-rc',
  'create-production-version',
  'carry-issues',
  'release-production-version',
  'archive-candidates',
  'record-audit',
  'create-ops-handoff',
] as const;
export type PromotionStep = (typeof promotionSteps)[number];
export type PromotionStatus = 'in-progress' | 'done' | 'failed';

export const stepTitles: Readonly<Record<PromotionStep, string>> = {
  'move-unfinished-to-next-rc': 'Roll unfinished issues into the next candidate',
  'create-production-version': 'Create the production version',
  'carry-issues': 'Add the shipped issues to the production version',
  'release-production-version': 'Release the production version',
  'archive-candidates': "Archive the train's candidates",
  'record-audit': 'Record the audit entry',
  'create-ops-handoff': 'Create the hand-off issue for ops',
};

export type PromotionOverride = { by: Actor; reason: string; at: string };

export type StepResult = {
  productionVersionId?: string;
  productionVersionName?: string;
  nextRcVersionId?: string;
  movedIssueKeys?: string[];
  archivedVersionIds?: string[];
  auditKey?: string;
  handoffIssueKey?: string;
  note?: string;
};

/** A candidate of the train as the promotion remembers it. */
export type TrainCandidateRef = { id: string; name: string; n: number };

export type PromotionState = {
  id: string;
  projectKey: string;
  /** The promoted candidate. */
  versionId: string;
  versionName: string;
  /** The train (its release name, e.g. "4.3.0"). */
  release: string;
  /** The production version's name (from the project's production naming, e.g. "4.3.0"). */
  productionName: string;
  /** The train's candidates when the promotion started, in order; those up to the promoted one ship. */
  candidates: TrainCandidateRef[];
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
  /** The candidate to promote. */
  version: { id: string; name: string; released: boolean };
  /** The train's release name and its candidates in order. */
  release: string;
  candidates: readonly TrainCandidateRef[];
  /** The production version's name and, when it exists in Jira, whether it is released. */
  production: { name: string; existing?: { id: string; released: boolean } };
  gates: readonly GateResult[];
  /** Issues of the promoted candidate and of the earlier candidates that are not done. */
  unfinishedKeys: readonly string[];
  /** Where unfinished issues go: the next train's candidate (created by the step when it has no id yet). */
  nextRc?: { id?: string; name: string };
  override?: PromotionOverride;
  /** Archive the train's candidates once the production version is released. */
  archiveCandidates?: boolean;
  /** The ops project for the hand-off; without one there is no hand-off step. */
  opsProjectKey?: string;
};

export type PlannedStep = { step: PromotionStep; title: string; idempotencyKey: string; detail: string };
export type PromotionPlan = { id: string; steps: PlannedStep[]; input: PromotionPlanInput };

export const MIN_OVERRIDE_REASON = 10;

/**
 * Deterministic, storage-key safe: every candidate of the same project + train gives the same promotion. The
 * release name is kept readable and a short hash of it keeps two names that clean to the same text apart.
 */
export function promotionId(projectKey: string, release: string): string {
  const safe = (s: string) => s.trim().replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 100);
  return `promotion:${safe(projectKey).toUpperCase()}:train:${safe(release)}:${hash(release.trim())}`;
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The steps a promotion will take, or why it is refused. */
export function planPromotion(input: PromotionPlanInput): Result<PromotionPlan> {
  const id = promotionId(input.projectKey, input.release);
  if (input.production.existing?.released) {
    return fail('CONFLICT', `${input.release} has already shipped: ${input.production.name} is released in Jira, so ${input.version.name} is superseded and cannot be promoted.`);
  }
  const latest = input.candidates[input.candidates.length - 1];
  if (latest && latest.id !== input.version.id) {
    return fail('CONFLICT', `${input.version.name} is not the latest candidate of ${input.release}: ${latest.name} is newer. Promote ${latest.name}, the build ops would deploy.`);
  }
  if (input.version.released) {
    return fail('CONFLICT', `${input.version.name} is released in Jira as a version of its own; a released candidate cannot be promoted again.`);
  }
  const failing = input.gates.filter(blocks);
  const unfinished = sortKeys(input.unfinishedKeys);
  if (input.override) {
    if (input.override.reason.trim().length < MIN_OVERRIDE_REASON) {
      return fail('BAD_REQUEST', `An override needs a reason of at least ${MIN_OVERRIDE_REASON} characters; it is recorded in the audit entry.`);
    }
  } else {
    if (unfinished.length > 0) {
      return fail('CONFLICT', `${plural(unfinished.length, 'issue')} of ${input.release} ${unfinished.length === 1 ? 'is' : 'are'} not done (${list(unfinished)}). Finish ${unfinished.length === 1 ? 'it' : 'them'}, or override to roll ${unfinished.length === 1 ? 'it' : 'them'} into the next candidate, giving a reason.`);
    }
    if (failing.length > 0) {
      return fail('CONFLICT', `${plural(failing.length, 'readiness gate')} not passed: ${failing.map((g) => g.title).join('; ')}. Promotion needs every gate, or an override with a reason.`);
    }
  }
  if (unfinished.length > 0 && !input.nextRc?.name.trim()) {
    return fail('BAD_REQUEST', 'Unfinished issues must roll into a next candidate, and none was given.');
  }

  const shipping = input.candidates.filter((c) => c.n <= (input.candidates.find((x) => x.id === input.version.id)?.n ?? Number.POSITIVE_INFINITY));
  const names = (shipping.length > 0 ? shipping : [{ name: input.version.name }]).map((c) => c.name).join(', ');
  const prod = input.production.name;
  const steps: PlannedStep[] = [];
  const add = (step: PromotionStep, detail: string) => steps.push({ step, title: stepTitles[step], idempotencyKey: `${id}:${step}`, detail });
  if (unfinished.length > 0 && input.nextRc) {
    add('move-unfinished-to-next-rc', `Move ${plural(unfinished.length, 'unfinished issue')} (${list(unfinished)}) to ${input.nextRc.name}${input.nextRc.id ? '' : ' (created)'}; the override reason is recorded.`);
  }
  add('create-production-version', input.production.existing ? `Use the existing version ${prod}.` : `Create version ${prod} in Jira.`);
  add('carry-issues', `Add ${prod} as fix version to every done issue of ${names}.`);
  add('release-production-version', `Release ${prod} with today's date and the cumulative release notes as its description.`);
  if (input.archiveCandidates) add('archive-candidates', `Archive ${input.candidates.map((c) => c.name).join(', ') || input.version.name} (their issues keep them).`);
  add('record-audit', 'Record who promoted, when, the gates with their evidence and any override.');
  if (input.opsProjectKey) add('create-ops-handoff', `Create the hand-off issue in ${input.opsProjectKey} with the deployment checklist, rollback notes, release notes and links back.`);
  return ok({ id, steps, input });
}

/** The state to persist when a promotion starts. */
export function startPromotion(plan: PromotionPlan, at: string, by: Actor): PromotionState {
  const { input } = plan;
  const failingGates = input.gates.filter(blocks).map((g) => g.id);
  return {
    id: plan.id,
    projectKey: input.projectKey,
    versionId: input.version.id,
    versionName: input.version.name,
    release: input.release,
    productionName: input.production.name,
    candidates: input.candidates.map((c) => ({ ...c })),
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
      ? `${state.versionName} was promoted: ${state.productionName} is released (${plural(done.length, 'step')} done).`
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
      return `Moved ${plural(n, 'unfinished issue')} to ${state.nextRcName ?? 'the next candidate'}.`;
    }
    case 'create-production-version':
      return r.note ? `${r.note}` : `Created version ${r.productionVersionName ?? state.productionName}.`;
    case 'carry-issues': {
      const n = r.movedIssueKeys?.length;
      return n === undefined ? `Added the shipped issues to ${state.productionName}.` : `Added ${plural(n, 'shipped issue')} to ${state.productionName}.`;
    }
    case 'release-production-version':
      return `Released ${state.productionName} (from ${state.versionName}).`;
    case 'archive-candidates': {
      const n = r.archivedVersionIds?.length ?? 0;
      return n === 0 ? 'No candidate needed archiving.' : `Archived ${plural(n, 'candidate')}.`;
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
  /** The production version the train shipped as. */
  productionName?: string;
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
    productionName: state.productionName,
    by: state.startedBy,
    at: state.startedAt,
    ready: !gates.some(blocks),
    gates: gates.map((g) => ({ ...g, evidence: [...g.evidence] })),
    ...(state.override ? { override: state.override } : {}),
    ...(state.nextRcName ? { nextRcName: state.nextRcName } : {}),
  };
}

function list(keys: readonly string[], max = 10): string {
  return keys.length <= max ? keys.join(', ') : `${keys.slice(0, max).join(', ')} and ${keys.length - max} more`;
}
