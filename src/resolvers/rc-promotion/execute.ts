import { HANDOFF_PROPERTY_KEY, handoffRecordSchema, type HandoffRecord, type HandoffTemplate } from '../../contracts/handoff';
import {
  buildAuditEntry,
  completeStep,
  dayAfter,
  failStep,
  fitVersionDescription,
  handoffDescription,
  nextStep,
  readableDay,
  releaseNotes,
  shippingIssues,
  stepResult,
  type PromotionState,
  type PromotionStep,
  type ReleaseNotes,
  type StepResult,
} from '../../domain/rc-readiness';
import { JiraError } from '../../jira/errors';
import type { JiraGateway } from '../../jira/gateway';
import { AppError } from '../app-error';
import { toTrainIssue } from './candidate';
import type { PromotionStore } from './store';

/**
 * Runs a train promotion's remaining steps through the gateway, saving the state after every step, so a failure
 * at any step leaves a state that the next promote resumes from. Every step first looks at Jira and skips work
 * already done (a step whose effect landed but whose state write did not is not repeated):
 * - move-unfinished-to-next-rc: the next candidate is found by name before it is created; only planned issues that
 *   still have a shipping candidate as fix version are edited.
 * - create-production-version: found by name before it is created (created unreleased: Jira ignores `released` on
 *   create).
 * - carry-issues: only done issues that do not have the production version yet are edited.
 * - release-production-version: an already released version is left as it is.
 * - archive-candidates: only candidates not archived yet are archived.
 * - record-audit: an audit entry already stored is kept.
 * - create-ops-handoff: the hand-off carries a label unique to the train and is searched by it first; its entity
 *   property is (re)written either way.
 */
export type ExecuteEnv = {
  jira: JiraGateway;
  store: PromotionStore;
  now: () => Date;
  /** Checked before every step: false stops the run (someone else holds the promotion now). */
  stillHeld: () => Promise<boolean>;
  /** How the hand-off issue is made (read from the settings at run time, so a corrected setting is used on resume). */
  handoff: HandoffTemplate;
};

/** One label per train: the hand-off of a train is found by it, whichever candidate shipped. */
export const handoffLabel = (state: Pick<PromotionState, 'projectKey' | 'release'>) =>
  `rt-train-${state.projectKey}-${state.release}`.toLowerCase().replace(/[^a-z0-9_.-]/g, '_').slice(0, 255);

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const message = (e: unknown) => (e instanceof JiraError || e instanceof AppError || e instanceof Error ? e.message : String(e));

export async function runPromotion(state: PromotionState, env: ExecuteEnv): Promise<PromotionState> {
  let current = state;
  for (;;) {
    const next = nextStep(current);
    if (next.kind === 'done') return current;
    if (!(await env.stillHeld())) {
      throw new AppError('CONFLICT', 'Another run of this promotion took over (the previous one took longer than its lease). Reload to see its progress.');
    }
    let result: StepResult;
    try {
      result = await runStep(next.step, current, env);
    } catch (e) {
      const failed = failStep(current, next.step, message(e), env.now().toISOString());
      if (!failed.ok) throw new AppError(failed.code, failed.message);
      await saveQuietly(env, failed.data);
      return failed.data;
    }
    const done = completeStep(current, next.step, result, env.now().toISOString());
    if (!done.ok) throw new AppError(done.code, done.message);
    try {
      await env.store.states.set(current.id, done.data);
    } catch (e) {
      // The step's effect landed but its progress could not be saved: stop here and say what was done. The stored
      // state is behind; a resume repeats this step's checks (every step first looks at Jira), not its effect.
      const after = nextStep(done.data);
      if (after.kind === 'done') return done.data;
      const failed = failStep(done.data, after.step, `The progress could not be saved (${message(e)}); the steps shown as done are done in Jira.`, env.now().toISOString());
      if (!failed.ok) throw new AppError(failed.code, failed.message);
      await saveQuietly(env, failed.data);
      return failed.data;
    }
    current = done.data;
  }
}

/** Best effort: a failure report that cannot be saved is still returned to the caller. */
async function saveQuietly(env: ExecuteEnv, state: PromotionState): Promise<void> {
  await env.store.states.set(state.id, state).catch(() => undefined);
}

const jqlString = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The candidates that ship: the promoted one and the earlier ones. */
function shippingIds(s: PromotionState): string[] {
  const promoted = s.candidates.find((c) => c.id === s.versionId);
  const ids = s.candidates.filter((c) => (promoted ? c.n <= promoted.n : c.id === s.versionId)).map((c) => c.id);
  return ids.length > 0 ? ids : [s.versionId];
}

/** Runs `work` over `items`, a few at a time (each is one Jira call of ~300 ms). */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>, size = 5): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** A version of the project by name (case-insensitive, as Jira compares them), created (unreleased) when absent. */
async function ensureVersion(jira: JiraGateway, projectKey: string, name: string, description: string) {
  const existing = (await jira.listVersions(projectKey)).find((v) => v.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (existing) return { version: existing, created: false };
  const project = await jira.getProject(projectKey);
  return { version: await jira.createVersion({ name, projectId: Number(project.id), description }), created: true };
}

function productionId(s: PromotionState): string {
  const id = stepResult(s, 'create-production-version')?.productionVersionId;
  if (!id) throw new AppError('INTERNAL', 'The production version is not known; the step creating it did not record it.');
  return id;
}

/** The cumulative notes of the train: every issue with the production version, with the candidate it arrived in. */
async function trainNotes(s: PromotionState, jira: JiraGateway, prodId: string, baseUrl?: string): Promise<ReleaseNotes & { keys: string[] }> {
  const found = await jira.searchAll({ jql: `project = ${jqlString(s.projectKey)} AND fixVersion = ${prodId} ORDER BY key ASC`, fields: ['summary', 'issuetype', 'status', 'fixVersions'], maxIssues: 2000 });
  const issues = found.issues.map((i) => ({ ...toTrainIssue(i), done: true }));
  const arrived = new Map(shippingIssues(s.candidates, s.versionId, issues).map((i) => [i.key, i.candidate]));
  const notes = releaseNotes({
    release: s.productionName,
    rc: s.versionName,
    issues: issues.map((i) => ({ key: i.key, summary: i.summary, type: i.type, ...(arrived.get(i.key) ? { candidate: arrived.get(i.key)! } : {}) })),
    ...(baseUrl ? { baseUrl } : {}),
  });
  return { ...notes, keys: issues.map((i) => i.key) };
}

async function runStep(step: PromotionStep, s: PromotionState, env: ExecuteEnv): Promise<StepResult> {
  const { jira } = env;
  switch (step) {
    case 'move-unfinished-to-next-rc': {
      const name = s.nextRcName;
      if (!name) throw new AppError('INTERNAL', 'The promotion has unfinished issues to move but no next candidate.');
      const { version: next } = await ensureVersion(jira, s.projectKey, name, `Next candidate after ${s.release}: unfinished issues rolled over when ${s.versionName} was promoted (Release Train).`);
      const planned = new Set(s.override?.unfinishedKeys ?? []);
      const ships = new Set(shippingIds(s));
      const found = await jira.searchAll({ jql: `project = ${jqlString(s.projectKey)} AND fixVersion in (${[...ships].join(', ')}) ORDER BY key ASC`, fields: ['fixVersions'] });
      const still = found.issues.filter((i) => planned.has(i.key));
      await inBatches(still, async (i) => {
        const remove = (i.fields.fixVersions ?? []).filter((v) => ships.has(v.id)).map((v) => ({ remove: { id: v.id } }));
        await jira.editIssue(i.key, { update: { fixVersions: [...remove, { add: { id: next.id } }] } });
      });
      const already = planned.size - still.length;
      return { nextRcVersionId: next.id, movedIssueKeys: [...planned], ...(already > 0 ? { note: `${already} had already moved.` } : {}) };
    }
    case 'create-production-version': {
      const { version, created } = await ensureVersion(jira, s.projectKey, s.productionName, `Production release of the ${s.release} train (Release Train).`);
      return { productionVersionId: version.id, productionVersionName: version.name, ...(created ? {} : { note: `Used the existing version ${version.name}.` }) };
    }
    case 'carry-issues': {
      const prod = productionId(s);
      const found = await jira.searchAll({
        jql: `project = ${jqlString(s.projectKey)} AND fixVersion in (${shippingIds(s).join(', ')}) AND statusCategory = Done ORDER BY key ASC`,
        fields: ['fixVersions'],
        maxIssues: 2000,
      });
      const missing = found.issues.filter((i) => !(i.fields.fixVersions ?? []).some((v) => v.id === prod));
      await inBatches(missing, (i) => jira.editIssue(i.key, { update: { fixVersions: [{ add: { id: prod } }] } }));
      return { movedIssueKeys: found.issues.map((i) => i.key).slice(0, 1000) };
    }
    case 'release-production-version': {
      const prod = productionId(s);
      const version = await jira.getVersion(prod);
      if (version.released) return { note: `${version.name} was already released.` };
      const notes = await trainNotes(s, jira, prod);
      const description = fitVersionDescription(notes.text, 'the ops hand-off issue has the whole list.');
      // Jira ignores `released` when a version is created: releasing is this update.
      await jira.updateVersion(prod, { released: true, releaseDate: isoDay(env.now()), description });
      return { productionVersionId: prod };
    }
    case 'archive-candidates': {
      const ids = new Set(s.candidates.map((c) => c.id));
      const versions = (await jira.listVersions(s.projectKey)).filter((v) => ids.has(v.id) && !v.archived);
      await inBatches(versions, async (v) => void (await jira.updateVersion(v.id, { archived: true })));
      return { archivedVersionIds: versions.map((v) => v.id) };
    }
    case 'record-audit': {
      const existing = await env.store.audits.get(s.id);
      if (!existing) {
        const gates = (await env.store.evidence.get(s.id)) ?? [];
        await env.store.audits.set(s.id, buildAuditEntry(s, gates));
      }
      return { auditKey: env.store.audits.key(s.id) };
    }
    case 'create-ops-handoff':
      return { handoffIssueKey: await ensureHandoff(s, env) };
  }
}

/** The record the ops side reads from the hand-off issue (see src/contracts/handoff.ts). */
export function handoffRecord(s: PromotionState, prodId: string): HandoffRecord {
  return handoffRecordSchema.parse({
    projectKey: s.projectKey,
    train: s.release,
    productionVersionId: prodId,
    productionVersionName: stepResult(s, 'create-production-version')?.productionVersionName ?? s.productionName,
    candidateVersionId: s.versionId,
    candidateName: s.versionName,
    promotionId: s.id,
    promotedBy: s.startedBy.accountId,
    promotedAt: s.startedAt,
  });
}

async function ensureHandoff(s: PromotionState, env: ExecuteEnv): Promise<string> {
  const ops = s.opsProjectKey;
  if (!ops) throw new AppError('INTERNAL', 'No ops project is configured for the hand-off.');
  const { jira, handoff: template } = env;
  const label = handoffLabel(s);
  const prod = productionId(s);
  const record = handoffRecord(s, prod);
  // The label is the train's: a reopened train (ops rolled back an earlier promotion) has the earlier hand-off with
  // the same label. Only a hand-off of this promotion (its record names this candidate and start), or one whose
  // record was never written (an earlier run of this promotion stopped right after creating it), is reused.
  const found = await jira.searchPage(`project = ${jqlString(ops)} AND labels = ${jqlString(label)} ORDER BY created ASC`, ['summary'], 50, undefined, false, [HANDOFF_PROPERTY_KEY]);
  const ours = found.issues.find((i) => {
    const raw = i.properties?.[HANDOFF_PROPERTY_KEY];
    if (raw === undefined || raw === null) return true;
    const stored = handoffRecordSchema.safeParse(raw);
    return stored.success && stored.data.candidateVersionId === s.versionId && stored.data.promotedAt === s.startedAt;
  });
  if (ours) {
    // Created by an earlier run whose progress was lost: make sure it carries the record.
    await jira.setIssueProperty(ours.key, HANDOFF_PROPERTY_KEY, record);
    return ours.key;
  }

  const version = await jira.getVersion(prod);
  const self = typeof version['self'] === 'string' ? version['self'] : undefined;
  const origin = self ? safeOrigin(self) : undefined;
  const notes = await trainNotes(s, jira, prod, origin);
  const due = template.dueInDays === undefined ? undefined : dayAfter(s.startedAt, template.dueInDays);
  const description = handoffDescription({
    productionName: s.productionName,
    projectKey: s.projectKey,
    candidateName: s.versionName,
    promotedBy: s.startedBy.name || s.startedBy.accountId,
    promotedOn: readableDay(s.startedAt),
    ...(due ? { dueOn: readableDay(due) } : {}),
    ...(origin
      ? {
          versionUrl: `${origin}/projects/${encodeURIComponent(s.projectKey)}/versions/${encodeURIComponent(prod)}`,
          issuesUrl: `${origin}/issues/?jql=${encodeURIComponent(`project = ${jqlString(s.projectKey)} AND fixVersion = ${prod} ORDER BY issuetype, key`)}`,
        }
      : {}),
    checklist: template.checklist,
    rollbackNotes: template.rollbackNotes,
    notes: notes.adf,
    idPrefix: label,
  });
  const created = await jira.createIssue({
    project: { key: ops },
    issuetype: { name: template.issueType },
    summary: `Deploy ${s.productionName} to production${found.issues.length > 0 ? ` again (from ${s.versionName})` : ''}`.slice(0, 255),
    description,
    labels: ['release-train', label],
    ...(template.assigneeAccountId ? { assignee: { accountId: template.assigneeAccountId } } : {}),
    ...(template.component ? { components: [{ name: template.component }] } : {}),
    ...(due ? { duedate: due } : {}),
  });
  // A failure here fails the step; resume finds the issue by its label and writes the record then.
  await jira.setIssueProperty(created.key, HANDOFF_PROPERTY_KEY, record);
  return created.key;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
