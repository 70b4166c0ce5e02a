import { DEPLOYMENT_PROPERTY_KEY, HANDOFF_PROPERTY_KEY, type DeploymentReport } from '../contracts/handoff';
import { opsHandoffPanelProcedures, type OpsPanelView } from '../contracts/ops-handoff';
import { addReport, outcomeOf, readHandoff, type Handoff } from '../domain/delivery';
import { JiraError } from '../jira/errors';
import type { JiraGateway } from '../jira/gateway';
import { AppError } from './app-error';
import type { HandlerContext, Handlers } from './define-resolver';
import { moveToOutcomeStatus, opsHandoffConfigs } from './ops-handoff/outcome-transition';

export { opsHandoffPanelProcedures };

/**
 * The hand-off issue panel: ops reads the hand-off and records the outcome (deployed / failed / rolled back). Every
 * Jira call acts as the user, so Jira's permissions apply; only people with Edit Issues on the hand-off may report
 * (checked with mypermissions before writing, and Jira refuses the property write to anyone else anyway).
 */
type Scope = { jira: JiraGateway; accountId: string; issueKey: string };

function scope(input: { issueKey: string }, ctx: HandlerContext): Scope {
  if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Jira did not say who you are; reload the issue and try again.');
  if (ctx.issueKey && ctx.issueKey !== input.issueKey) throw new AppError('BAD_REQUEST', `This panel belongs to ${ctx.issueKey}, not ${input.issueKey}.`);
  return { jira: ctx.services.jira('user', ctx.accountId), accountId: ctx.accountId, issueKey: input.issueKey };
}

/** Reads both properties as the user; an issue the user cannot see is NOT_FOUND with a sentence, not Jira's words. */
async function load(s: Scope) {
  try {
    const [record, history] = await Promise.all([s.jira.getIssueProperty(s.issueKey, HANDOFF_PROPERTY_KEY), s.jira.getIssueProperty(s.issueKey, DEPLOYMENT_PROPERTY_KEY)]);
    // Jira answers 404 for a missing property and for an issue the user cannot see alike: tell them apart.
    if (record === undefined) await s.jira.getIssue(s.issueKey, { fields: ['summary'] });
    return readHandoff(s.issueKey, record, history);
  } catch (e) {
    if (e instanceof JiraError && (e.kind === 'not-found' || e.kind === 'forbidden')) throw new AppError('NOT_FOUND', `${s.issueKey} does not exist or you cannot see it in Jira.`);
    throw e;
  }
}

async function canReport(s: Scope): Promise<{ canReport: boolean; refusal?: string }> {
  const p = await s.jira.myPermissions({ issueKey: s.issueKey }, ['EDIT_ISSUES']);
  return p['EDIT_ISSUES'] ? { canReport: true } : { canReport: false, refusal: `Only people who can edit ${s.issueKey} in Jira can report the deployment. Ask the ops project's admin for the Edit Issues permission.` };
}

function view(handoff: Handoff, permission: { canReport: boolean; refusal?: string }, transition?: { moved: boolean; message: string }): OpsPanelView {
  return { state: 'handoff', issueKey: handoff.issueKey, record: handoff.record, reports: handoff.reports, outcome: outcomeOf(handoff.reports), ...permission, ...(transition ? { transition } : {}) };
}

const sameReport = (a: DeploymentReport, b: DeploymentReport) => a.reportedAt === b.reportedAt && a.reportedBy === b.reportedBy && a.at === b.at && a.outcome === b.outcome;
const historyValue = (reports: DeploymentReport[]) => {
  const o = outcomeOf(reports);
  return { reports, index: { status: o.status, ...(o.deployedAt ? { deployedAt: o.deployedAt } : {}) } };
};

export const opsHandoffPanelHandlers: Handlers<typeof opsHandoffPanelProcedures> = {
  async 'ops/handoff'(input, ctx) {
    const s = scope(input, ctx);
    const read = await load(s);
    if (read.kind === 'not-handoff') return { state: 'not-handoff', issueKey: s.issueKey };
    if (read.kind === 'unreadable') return { state: 'unreadable', issueKey: s.issueKey, problem: read.problem };
    return view(read.handoff, await canReport(s));
  },

  async 'ops/report'(input, ctx) {
    const s = scope(input, ctx);
    const permission = await canReport(s);
    if (!permission.canReport) throw new AppError('FORBIDDEN', permission.refusal ?? 'You cannot report on this hand-off.');
    const read = await load(s);
    if (read.kind === 'not-handoff') throw new AppError('NOT_FOUND', `${s.issueKey} is not a Release Train hand-off: there is nothing to report on.`);
    // An unreadable history is never overwritten: the report would replace what is stored.
    if (read.kind === 'unreadable') throw new AppError('CONFLICT', `${read.problem} Nothing was recorded, so nothing stored is lost; ask a Jira admin to repair or remove the property.`);
    const me = await s.jira.myself();
    const added = addReport(read.handoff, input, { accountId: s.accountId }, ctx.services.now().toISOString());
    if (!added.ok) throw new AppError(added.code, added.message);
    const mine = { ...added.data.at(-1)!, ...(me.displayName ? { reportedByName: me.displayName.slice(0, 255) } : {}) };
    let reports = [...read.handoff.reports, mine];
    await s.jira.setIssueProperty(s.issueKey, DEPLOYMENT_PROPERTY_KEY, historyValue(reports));
    // Jira's properties have no version check: re-read once, and if another report landed meanwhile, merge ours back.
    const again = await load(s);
    if (again.kind === 'handoff' && !again.handoff.reports.some((r) => sameReport(r, mine))) {
      reports = [...again.handoff.reports, mine];
      await s.jira.setIssueProperty(s.issueKey, DEPLOYMENT_PROPERTY_KEY, historyValue(reports));
    } else if (again.kind === 'handoff') reports = again.handoff.reports;
    const config = await opsHandoffConfigs(ctx.services.storage).get(s.issueKey.replace(/-\d+$/, ''));
    const transition = await moveToOutcomeStatus(s.jira, s.issueKey, input.outcome, config);
    return view({ ...read.handoff, reports }, permission, transition);
  },
};
