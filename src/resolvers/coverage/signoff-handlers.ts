import type { signoffProcedures, SignoffView } from '../../contracts/coverage';
import { addSignoff, signoffFor } from '../../domain/coverage';
import { currentRcOf } from '../../domain/regression';
import type { JiraGateway } from '../../jira/gateway';
import type { JiraIssue } from '../../jira/schemas';
import { AppError } from '../app-error';
import type { HandlerContext, Handlers } from '../define-resolver';
import { nonBugType } from '../regression/panel';
import { loadIssue } from '../regression/record-store';
import { coverageStore } from './store';
import { libraryFor } from './handlers';
import { readSignoff, writeSignoff, type SignoffParse } from './signoff-store';

/**
 * The "QA sign-off" issue panel (stories, tasks: every type that is not a bug) and the check library for the QA
 * regression panel. Signing off needs Jira's Edit Issues on the issue; who and when come from the call, never the payload.
 */
function scope(ctx: HandlerContext): { jira: JiraGateway; accountId: string } {
  if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Jira did not say who you are; reload the issue and try again.');
  return { jira: ctx.services.jira('user', ctx.accountId), accountId: ctx.accountId };
}

const canEdit = async (jira: JiraGateway, key: string) => (await jira.myPermissions({ issueKey: key }, ['EDIT_ISSUES']))['EDIT_ISSUES'] === true;

function view(issue: JiraIssue, stored: SignoffParse, edit: boolean): SignoffView {
  const currentRc = currentRcOf(issue.fields.fixVersions ?? []);
  const record = stored.ok ? stored.record : null;
  return {
    issueKey: issue.key,
    issueType: issue.fields.issuetype?.name ?? 'Unknown',
    isBug: nonBugType(issue) === undefined,
    summary: issue.fields.summary ?? '',
    currentRc,
    record,
    ...(stored.ok ? {} : { storedInvalid: { message: stored.message } }),
    current: record && currentRc ? (signoffFor(record, currentRc) ?? null) : null,
    canEdit: edit && stored.ok,
  };
}

export const signoffHandlers: Handlers<typeof signoffProcedures> = {
  async 'signoff/get'(input, ctx) {
    const { jira } = scope(ctx);
    const [issue, stored, edit] = await Promise.all([loadIssue(jira, input.issueKey), readSignoff(jira, input.issueKey), canEdit(jira, input.issueKey)]);
    return view(issue, stored, edit);
  },

  async 'signoff/record'(input, ctx) {
    const { jira, accountId } = scope(ctx);
    const [issue, edit, me] = await Promise.all([loadIssue(jira, input.issueKey), canEdit(jira, input.issueKey), jira.myself()]);
    if (!edit) throw new AppError('FORBIDDEN', `You cannot sign off ${input.issueKey}: that needs Jira's Edit Issues permission on it, which your account does not have.`);
    if (nonBugType(issue) === undefined) throw new AppError('BAD_REQUEST', `${input.issueKey} is a bug: bugs are signed off by their focused regression in the QA regression panel.`);
    const fixVersions = (issue.fields.fixVersions ?? []).map((v) => v.name);
    if (!fixVersions.includes(input.rc)) throw new AppError('CONFLICT', `${input.issueKey} is no longer in ${input.rc} (its fix versions: ${fixVersions.join(', ') || 'none'}). Reload the panel.`);
    const actor = { accountId, name: (me.displayName ?? accountId).slice(0, 255) };
    const now = ctx.services.now().toISOString();
    const record = await writeSignoff(
      jira,
      input.issueKey,
      (r) => {
        const next = addSignoff(r, { id: input.id, rc: input.rc, decision: input.decision, ...(input.note !== undefined ? { note: input.note } : {}) }, actor, now);
        if (!next.ok) throw new AppError(next.code, next.message);
        return next.data;
      },
      input.id,
    );
    return view(issue, { ok: true, record, found: true }, edit);
  },

  async 'regression/library'(input, ctx) {
    const { jira } = scope(ctx);
    const projectKey = input.issueKey.slice(0, input.issueKey.lastIndexOf('-'));
    return libraryFor(jira, coverageStore(ctx.services.storage), projectKey);
  },
};
