import { trainOutcomes } from '../../domain/delivery';
import { stepResult, type PromotionState } from '../../domain/rc-readiness';
import type { JiraGateway } from '../../jira/gateway';
import { handoffsOfTrainsJql, searchHandoffs } from '../ops-handoff/handoff-search';
import type { PromotionStore, ReopenedRound } from './store';

/**
 * Reopening a train after ops rolled its production release back (see docs/rc-promotion.md, "Reopened train").
 *
 * A train is reopened when the latest hand-off of its promotion says "rolled back". Nothing is written when ops
 * reports it; the promotion page reads it from the hand-off, and the next promote of a later candidate (under the
 * train's claim) reopens the train for good, in an order that a retry resumes:
 * 1. the production version is unreleased in Jira (it keeps its issues; the next promotion adds the new
 *    candidate's issues and releases it again, with the new date and cumulative notes);
 * 2. the finished promotion (state, evidence, audit) is appended to `rc-promotion:reopened:<promotionId>`, with
 *    the hand-off and what ops wrote, then removed from the train's live keys, so the train's id is free for the
 *    next promotion. The first promotion's audit history stays readable there.
 */
export type Rollback = { handoffKey: string; candidateVersionId: string; candidateName: string; promotedAt: string; at: string; note: string };

/** The trains of `projectKey` whose latest hand-off was rolled back, by release. One search (as the caller). */
export async function rolledBackTrains(jira: JiraGateway, projectKey: string): Promise<Map<string, Rollback>> {
  const found = await searchHandoffs(jira, handoffsOfTrainsJql(projectKey));
  const handoffs = found.found.map((f) => f.handoff).filter((h) => h.record.projectKey === projectKey);
  const records = new Map(handoffs.map((h) => [h.issueKey, h.record]));
  const out = new Map<string, Rollback>();
  for (const o of trainOutcomes(handoffs)) {
    const record = records.get(o.handoffKey);
    if (o.status !== 'reopened' || !record) continue;
    out.set(o.train, { handoffKey: o.handoffKey, candidateVersionId: record.candidateVersionId, candidateName: record.candidateName, promotedAt: record.promotedAt, at: o.latest?.at ?? '', note: o.latest?.note ?? '' });
  }
  return out;
}

/** Best effort for reading pages: a caller who cannot search the hand-offs sees no train as reopened. */
export async function rolledBackTrainsOrNone(jira: JiraGateway, projectKey: string): Promise<Map<string, Rollback>> {
  return rolledBackTrains(jira, projectKey).catch(() => new Map<string, Rollback>());
}

/** Whether `rollback` undoes this finished promotion (and not an earlier one of the same train). */
export const rolledBackBy = (state: PromotionState | undefined, rollback: Rollback | undefined): boolean =>
  !!state && !!rollback && state.status === 'done' && rollback.candidateVersionId === state.versionId && rollback.promotedAt === state.startedAt;

/** The latest rolled-back promotion moved aside for a train, when there is one. */
export async function lastReopened(store: PromotionStore, id: string): Promise<ReopenedRound | undefined> {
  return (await store.reopened.get(id))?.rounds.at(-1);
}

/** Step 1 of a reopen (alone for a train shipped without a promotion in app storage, e.g. released in Jira). */
export async function unreleaseProduction(jira: JiraGateway, versionId: string): Promise<void> {
  const version = await jira.getVersion(versionId);
  if (version.released) await jira.updateVersion(versionId, { released: false });
}

/** Reopens the train of a rolled-back finished promotion (run under the train's claim; a retry resumes). */
export async function reopenTrain(env: { jira: JiraGateway; store: PromotionStore; now: () => Date; accountId: string }, id: string, state: PromotionState, rollback: Rollback): Promise<void> {
  const prod = stepResult(state, 'create-production-version')?.productionVersionId;
  if (prod) await unreleaseProduction(env.jira, prod);
  const record = (await env.store.reopened.get(id)) ?? { rounds: [] };
  if (!record.rounds.some((r) => r.state.startedAt === state.startedAt && r.state.versionId === state.versionId)) {
    const [evidence, audit] = await Promise.all([env.store.evidence.get(id), env.store.audits.get(id)]);
    const round: ReopenedRound = {
      state,
      evidence: evidence ?? null,
      audit: audit ?? null,
      handoffKey: rollback.handoffKey,
      rolledBackAt: rollback.at,
      note: rollback.note.slice(0, 5000),
      reopenedAt: env.now().toISOString(),
      reopenedBy: env.accountId,
    };
    await env.store.reopened.set(id, { rounds: [...record.rounds, round].slice(-50) });
  }
  await Promise.all([env.store.states.delete(id), env.store.evidence.delete(id), env.store.audits.delete(id)]);
}
