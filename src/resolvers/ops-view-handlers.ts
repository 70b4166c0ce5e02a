import { opsProjectPageProcedures, type HandoffRow } from '../contracts/ops-handoff';
import { compileConvention, nextCandidate, type Train } from '../domain/rc-readiness';
import { outcomeOf, trainOutcomes } from '../domain/delivery';
import { JiraError } from '../jira/errors';
import type { JiraGateway } from '../jira/gateway';
import { AppError } from './app-error';
import type { HandlerContext, Handlers } from './define-resolver';
import { opsProjectHidden } from './ops-handoff/ops-visibility';
import { handoffsOfProjectJql, handoffsOfTrainsJql, searchHandoffs, type FoundHandoff } from './ops-handoff/handoff-search';
import { loadTrains } from './rc-promotion/candidate';
import { checkProjectRole } from './rc-promotion/promoter-role';
import { loadConfig, promotionStore } from './rc-promotion/store';

export { opsProjectPageProcedures };

/**
 * The ops view (project page "Ops hand-offs") and the ops outcome read back on the RC page. Jira is read as the
 * caller: the ops view works for someone who sees the ops project and not the bug project (it reads only hand-off
 * issues and their properties, never the bug project's versions).
 */
/** Recent (reported) hand-offs shown under the pending ones. */
const RECENT = 50;

function caller(input: { projectKey: string }, ctx: HandlerContext) {
  if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Jira did not say who you are; reload the page and try again.');
  if (ctx.projectKey && ctx.projectKey !== input.projectKey) throw new AppError('BAD_REQUEST', `This page belongs to project ${ctx.projectKey}, not ${input.projectKey}.`);
  return { jira: ctx.services.jira('user', ctx.accountId), app: ctx.services.jira('app'), accountId: ctx.accountId };
}

/** A search the caller may not run (a project they cannot see named in JQL) reads as "nothing visible", said plainly. */
async function visibleHandoffs(jira: JiraGateway, jql: string) {
  try {
    return await searchHandoffs(jira, jql);
  } catch (e) {
    if (e instanceof JiraError && (e.kind === 'bad-request' || e.kind === 'forbidden' || e.kind === 'not-found'))
      throw new AppError('NOT_FOUND', 'Jira did not let Release Train list the hand-offs of this project: you may not be able to see the project or its ops project.');
    throw e;
  }
}

const latestAt = (row: HandoffRow) => Date.parse(row.outcome.latest?.at ?? row.promotedAt) || 0;

function row({ handoff, issue }: FoundHandoff): HandoffRow {
  const f = issue.fields as { summary?: string; status?: { name?: string }; assignee?: { displayName?: string } | null };
  return {
    issueKey: handoff.issueKey,
    summary: (f.summary ?? handoff.issueKey).slice(0, 500),
    statusName: f.status?.name ?? '',
    ...(f.assignee?.displayName ? { assignee: f.assignee.displayName } : {}),
    projectKey: handoff.record.projectKey,
    train: handoff.record.train,
    productionVersionName: handoff.record.productionVersionName,
    candidateName: handoff.record.candidateName,
    promotedAt: handoff.record.promotedAt,
    outcome: outcomeOf(handoff.reports),
  };
}

export const opsViewHandlers: Handlers<typeof opsProjectPageProcedures> = {
  async 'ops/handoffs'(input, ctx) {
    const { jira } = caller(input, ctx);
    const config = await loadConfig(promotionStore(ctx.services.storage), input.projectKey);
    const [found, hidden] = await Promise.all([
      visibleHandoffs(jira, handoffsOfProjectJql(input.projectKey)),
      // In a bug project whose hand-offs go to an ops project the caller cannot see, the lists are empty for them: say why.
      config.opsProjectKey && config.opsProjectKey !== input.projectKey ? opsProjectHidden(jira, config.opsProjectKey, 'its hand-offs are not listed for you.') : undefined,
    ]);
    const rows = found.found.map(row);
    const pending = rows.filter((r) => r.outcome.status === 'awaiting' || r.outcome.status === 'failed').sort((a, b) => Date.parse(a.promotedAt) - Date.parse(b.promotedAt));
    const recent = rows.filter((r) => !pending.includes(r)).sort((a, b) => latestAt(b) - latestAt(a)).slice(0, RECENT);
    return { projectKey: input.projectKey, pending, recent, unreadable: found.unreadable, truncated: found.truncated, ...(hidden ? { hidden } : {}) };
  },

  async 'ops/train-outcomes'(input, ctx) {
    const { jira } = caller(input, ctx);
    const store = promotionStore(ctx.services.storage);
    const [found, config] = await Promise.all([visibleHandoffs(jira, handoffsOfTrainsJql(input.projectKey)), loadConfig(store, input.projectKey)]);
    const outcomes = trainOutcomes(found.found.map((f) => f.handoff).filter((h) => h.record.projectKey === input.projectKey));
    const reopened = outcomes.filter((o) => o.status === 'reopened');
    // Only a reopened train needs its candidates (which next candidate to cut): no version read otherwise.
    const trains = reopened.length ? (await loadTrains(jira, input.projectKey, config)).grouped.trains : [];
    const convention = compileConvention(config.namingPattern);
    const handoffOf = new Map(found.found.map((f) => [f.handoff.issueKey, f.handoff]));
    return {
      outcomes: outcomes.map((o) => {
        const train = trains.find((t) => t.release === o.train);
        const promoted = handoffOf.get(o.handoffKey)!.record.candidateVersionId;
        const next = o.status === 'reopened' && train ? nextCandidate(train, promoted, convention) : undefined;
        return { ...o, ...(next ? (next.existing ? { cutCandidateName: next.name } : { nextCandidateName: next.name }) : {}) };
      }),
      unreadable: found.unreadable,
    };
  },

  /** The RTE cuts the next candidate of a train ops rolled back; a second click finds the one already cut. */
  async 'ops/cut-next-candidate'(input, ctx) {
    const { jira, app, accountId } = caller(input, ctx);
    const store = promotionStore(ctx.services.storage);
    const config = await loadConfig(store, input.projectKey);
    const role = await checkProjectRole(app, input.projectKey, config.promoterRole, accountId);
    if (!role.member) throw new AppError('FORBIDDEN', `Only members of the ${config.promoterRole} project role in ${input.projectKey} can cut a release candidate.${role.problem ? ` ${role.problem}` : ''}`);
    const found = await visibleHandoffs(jira, handoffsOfTrainsJql(input.projectKey));
    const outcome = trainOutcomes(found.found.map((f) => f.handoff).filter((h) => h.record.projectKey === input.projectKey)).find((o) => o.train === input.train);
    if (!outcome) throw new AppError('NOT_FOUND', `No hand-off of release ${input.train} to ops was found.`);
    if (outcome.status !== 'reopened') throw new AppError('CONFLICT', `Release ${input.train} was not rolled back (its hand-off ${outcome.handoffKey} says ${outcome.status}); there is no reopened train to cut a candidate for.`);
    const promoted = found.found.find((f) => f.handoff.issueKey === outcome.handoffKey)!.handoff.record.candidateVersionId;
    const convention = compileConvention(config.namingPattern);
    const nextOf = async () => {
      const train: Train = (await loadTrains(jira, input.projectKey, config)).grouped.trains.find((t) => t.release === input.train) ?? { release: input.train, candidates: [] };
      return nextCandidate(train, promoted, convention);
    };
    const next = await nextOf();
    if (next.existing) return { version: { id: next.existing.id, name: next.existing.name }, created: false };
    const project = await jira.getProject(input.projectKey);
    try {
      const v = await jira.createVersion({ name: next.name, projectId: Number(project.id), description: `Release candidate ${next.n} of ${input.train}, cut after ops rolled back ${outcome.candidateName} (${outcome.handoffKey}).` });
      return { version: { id: v.id, name: v.name }, created: true };
    } catch (e) {
      // Two RTEs at once: Jira refuses the second version of the same name; answer the one that was created.
      const again = await nextOf();
      if (again.existing) return { version: { id: again.existing.id, name: again.existing.name }, created: false };
      if (e instanceof JiraError && e.kind === 'forbidden') throw new AppError('FORBIDDEN', `Jira refused to create ${next.name}: creating versions needs Administer Projects in ${input.projectKey}.`);
      throw e;
    }
  },
};
