/**
 * Resolver of the "Reproduction steps" custom field (function repro-field-fn): the live check beside the editor,
 * the check of an existing issue (its field when set, its description otherwise), and paste → steps.
 * Jira is read as the calling user, so Jira's own permissions apply (403/404 come back as FORBIDDEN/NOT_FOUND).
 */
import {
  clampReproFieldValue,
  findReproFieldId,
  reproFieldProcedures,
  reproStepsFieldValueSchema,
  type ReproCheckIssueOutput,
} from '../contracts/repro-steps';
import { analyseReproSteps, isFieldFilled, splitIntoSteps, unplacedSentences } from '../domain/repro-steps';
import { customField } from '../jira/gateway';
import { AppError } from './app-error';
import { defineResolver, type HandlerContext, type Handlers } from './define-resolver';

const FIELD_ID = /^customfield_[0-9]{1,12}$/;

/** The field this frame belongs to (Jira puts it in the custom field's context), else the one Jira lists for the app. */
async function reproFieldId(requested: string | undefined, ctx: HandlerContext, gateway: ReturnType<HandlerContext['services']['jira']>) {
  if (requested) return requested;
  const fromFrame = ctx.extension['fieldId'];
  if (typeof fromFrame === 'string' && FIELD_ID.test(fromFrame)) return fromFrame;
  return findReproFieldId(await gateway.listFields()) ?? null;
}

/**
 * The summary of the issue the editor is open on (inline edit on the issue view: Jira's frame context names the
 * issue, not its summary), read as the user, so "a single step that repeats the summary" fires while writing. The
 * create dialog has no issue yet and its context carries no summary: the check then runs without one. A failed
 * read only loses that finding, never the check.
 */
async function frameIssueSummary(ctx: HandlerContext): Promise<string | undefined> {
  if (!ctx.issueKey || !ctx.accountId) return undefined;
  try {
    const issue = await ctx.services.jira('user', ctx.accountId).getIssue(ctx.issueKey, { fields: ['summary'] });
    const summary = (issue.fields as Record<string, unknown>)['summary'];
    return typeof summary === 'string' ? summary : undefined;
  } catch {
    return undefined;
  }
}

export const reproFieldHandlers: Handlers<typeof reproFieldProcedures> = {
  'repro/analyse': async (input, ctx) => ({
    analysis: analyseReproSteps({
      summary: input.summary ?? (await frameIssueSummary(ctx)),
      description: input.description ?? null,
      field: input.value ?? null,
    }),
  }),

  'repro/check-issue': async (input, ctx): Promise<ReproCheckIssueOutput> => {
    const issueKey = input.issueKey ?? ctx.issueKey;
    if (!issueKey) throw new AppError('BAD_REQUEST', 'Name the issue to check: this field is not shown on an existing issue.');
    if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Sign in to Jira to check this issue.');
    const jira = ctx.services.jira('user', ctx.accountId);
    const fieldId = await reproFieldId(input.fieldId, ctx, jira);
    const issue = await jira.getIssue(issueKey, { fields: ['summary', 'description', ...(fieldId ? [fieldId] : [])] });
    const fields = issue.fields as Record<string, unknown>;
    const stored = fieldId ? customField(issue, fieldId, reproStepsFieldValueSchema) : undefined;
    const value = stored && isFieldFilled(stored) ? stored : null;
    const summary = typeof fields['summary'] === 'string' ? fields['summary'] : undefined;
    return {
      issueKey: issue.key ?? issueKey,
      fieldId,
      value,
      analysis: analyseReproSteps({ summary, description: fields['description'] ?? null, field: value }),
    };
  },

  'repro/split': async (input) => {
    const value = clampReproFieldValue(splitIntoSteps(input.text));
    return { value, unplaced: unplacedSentences(input.text, value) };
  },
};

export const reproFieldResolver = defineResolver(reproFieldProcedures, reproFieldHandlers);
