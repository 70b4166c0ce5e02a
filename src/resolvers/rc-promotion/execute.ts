import {
  buildAuditEntry,
  completeStep,
  failStep,
  nextStep,
  releaseNotes,
  stepResult,
  type PromotionState,
  type PromotionStep,
  type StepResult,
} from '../../domain/rc-readiness';
import { JiraError } from '../../jira/errors';
import type { JiraGateway } from '../../jira/gateway';
import { AppError } from '../app-error';
import type { PromotionStore } from './store';

/**
 * Runs a promotion's remaining steps through the gateway, saving the state after every step, so a failure at
 * any step leaves a state that the next promote resumes from. Every step first looks at Jira and skips work
 * already done (a step whose effect landed but whose state write did not is not repeated):
 * - move-unfinished-to-next-rc: the next RC is found by name before it is created; only issues that still have
 *   the candidate as fix version are edited.
 * - release-version: an already released version is left as it is.
 * - create-production-version: found by name before it is created.
 * - move-issues: only issues still on the candidate are edited.
 * - record-audit: an audit entry already stored is kept.
 * - create-ops-handoff: the hand-off carries a label unique to the promotion and is searched by it first.
 */
export type ExecuteEnv = {
  jira: JiraGateway;
  store: PromotionStore;
  now: () => Date;
  /** Checked before every step: false stops the run (someone else holds the promotion now). */
  stillHeld: () => Promise<boolean>;
};

export const handoffLabel = (state: Pick<PromotionState, 'projectKey' | 'versionId'>) => `rt-promotion-${state.projectKey}-${state.versionId}`.toLowerCase();

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

async function issuesOn(jira: JiraGateway, projectKey: string, versionId: string): Promise<string[]> {
  const result = await jira.searchAll({ jql: `project = "${projectKey}" AND fixVersion = ${versionId} ORDER BY key ASC`, fields: ['summary'] });
  return result.issues.map((i) => i.key);
}

async function moveFixVersion(jira: JiraGateway, keys: readonly string[], from: string, to: string): Promise<void> {
  for (const key of keys) await jira.editIssue(key, { update: { fixVersions: [{ remove: { id: from } }, { add: { id: to } }] } });
}

/** A version of the project by name (case-insensitive, as Jira compares them), created when absent. */
async function ensureVersion(jira: JiraGateway, projectKey: string, name: string, create: { description: string; released?: boolean; releaseDate?: string }) {
  const existing = (await jira.listVersions(projectKey)).find((v) => v.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (existing) return { version: existing, created: false };
  const project = await jira.getProject(projectKey);
  return { version: await jira.createVersion({ name, projectId: Number(project.id), ...create }), created: true };
}

async function runStep(step: PromotionStep, s: PromotionState, env: ExecuteEnv): Promise<StepResult> {
  const { jira } = env;
  switch (step) {
    case 'move-unfinished-to-next-rc': {
      const name = s.nextRcName;
      if (!name) throw new AppError('INTERNAL', 'The promotion has unfinished issues to move but no next release candidate.');
      const { version: next } = await ensureVersion(jira, s.projectKey, name, { description: `Next release candidate after ${s.versionName} (created by Release Train when ${s.versionName} was promoted).` });
      const planned = new Set(s.override?.unfinishedKeys ?? []);
      const still = (await issuesOn(jira, s.projectKey, s.versionId)).filter((k) => planned.has(k));
      await moveFixVersion(jira, still, s.versionId, next.id);
      const already = planned.size - still.length;
      return { nextRcVersionId: next.id, movedIssueKeys: [...planned], ...(already > 0 ? { note: `${already} had already moved.` } : {}) };
    }
    case 'release-version': {
      const version = await jira.getVersion(s.versionId);
      if (version.released) return { releasedVersionId: version.id, note: `${version.name} was already released.` };
      await jira.releaseVersion(s.versionId, isoDay(env.now()));
      return { releasedVersionId: s.versionId };
    }
    case 'create-production-version': {
      const day = isoDay(env.now());
      const { version, created } = await ensureVersion(jira, s.projectKey, s.release, { description: `Production release of ${s.versionName} (Release Train).`, released: true, releaseDate: day });
      if (!created && !version.released) await jira.releaseVersion(version.id, day);
      return { productionVersionId: version.id, productionVersionName: version.name };
    }
    case 'move-issues': {
      const prod = stepResult(s, 'create-production-version')?.productionVersionId;
      if (!prod) throw new AppError('INTERNAL', 'The production version is not known; the step creating it did not record it.');
      const keys = await issuesOn(jira, s.projectKey, s.versionId);
      await moveFixVersion(jira, keys, s.versionId, prod);
      return { movedIssueKeys: keys.slice(0, 1000) };
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

async function ensureHandoff(s: PromotionState, env: ExecuteEnv): Promise<string> {
  const ops = s.opsProjectKey;
  if (!ops) throw new AppError('INTERNAL', 'No ops project is configured for the hand-off.');
  const { jira } = env;
  const label = handoffLabel(s);
  const found = await jira.searchPage(`project = "${ops}" AND labels = "${label}" ORDER BY created ASC`, ['summary'], 1);
  if (found.issues[0]) return found.issues[0].key;

  const prod = stepResult(s, 'create-production-version')?.productionVersionId;
  const shippedOn = s.mode === 'release-version' ? s.versionId : (prod ?? s.versionId);
  const shipped = await jira.searchAll({ jql: `project = "${s.projectKey}" AND fixVersion = ${shippedOn} ORDER BY key ASC`, fields: ['summary', 'issuetype'], maxIssues: 1000 });
  const version = await jira.getVersion(s.versionId);
  const self = typeof version['self'] === 'string' ? version['self'] : undefined;
  const origin = self ? safeOrigin(self) : undefined;
  const notes = releaseNotes({
    release: s.release,
    rc: s.versionName,
    issues: shipped.issues.map((i) => ({ key: i.key, summary: i.fields.summary ?? '', type: i.fields.issuetype?.name ?? 'Other' })),
    ...(origin ? { baseUrl: origin } : {}),
  });
  const back = origin ? `${origin}/projects/${encodeURIComponent(s.projectKey)}/versions/${encodeURIComponent(s.versionId)}` : undefined;
  const intro = `${s.startedBy.name || s.startedBy.accountId} promoted ${s.versionName} to production release ${s.release} on ${s.startedAt.slice(0, 10)}. Deploy it to production.`;
  const linkPara = back
    ? [{ type: 'paragraph', content: [{ type: 'text', text: 'Release in Jira: ' }, { type: 'text', text: `${s.projectKey} ${s.versionName}`, marks: [{ type: 'link', attrs: { href: back } }] }] }]
    : [];
  const description = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: intro }] }, ...linkPara, ...notes.adf.content] };
  const created = await jira.createIssue({
    project: { key: ops },
    issuetype: { name: 'Task' },
    summary: `Deploy ${s.release} to production (from ${s.versionName})`.slice(0, 255),
    description,
    labels: ['release-train', label],
  });
  return created.key;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

