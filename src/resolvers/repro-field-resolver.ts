/**
 * Resolver of the "Reproduction steps" custom field (function repro-field-fn): the live check beside the editor,
 * the check of an existing issue (its field when set, its description otherwise), and paste → steps.
 * Jira is read as the calling user, so Jira's own permissions apply (403/404 come back as FORBIDDEN/NOT_FOUND).
 */
import {
  clampReproFieldValue,
  findReproFieldId,
  reproFieldProcedures,
  REPRO_MAX_PASTE_CHARS,
  REPRO_MAX_STEP_LENGTH,
  REPRO_MAX_STEPS,
  REPRO_MAX_TEXT_LENGTH,
  reproStepsFieldValueSchema,
  REPRO_TEXT_PARTS,
  type ReproCheckIssueOutput,
  type ReproSplitClipDto,
  type ReproStepsFieldValueDto,
} from '../contracts/repro-steps';
import { adfToText, analyseReproSteps, isFieldFilled, splitIntoSteps, unplacedSentences } from '../domain/repro-steps';
import { matchLabel } from '../domain/repro-steps/labels';
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

/** The paste's non-blank characters, each lower-cased one for one, and where each stands in the paste. */
function visibleChars(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) continue;
    const lower = c.toLowerCase();
    chars += lower.length === 1 ? lower : c;
    at.push(i);
  }
  return { chars, at };
}

/** How much of a kept text is looked up when the whole is not in the paste as one piece (a part joined from two places). */
const TAIL_CHARS = 200;

/**
 * Where a part's kept text ends in the paste, matched without regard to spaces or case (the split joins wrapped lines
 * and capitalises steps): the whole text, else its last characters; -1 when neither is there.
 */
function endInPaste(paste: ReturnType<typeof visibleChars>, kept: string): number {
  const k = visibleChars(kept).chars;
  for (const piece of [k, k.slice(-TAIL_CHARS)]) {
    const p = piece === '' ? -1 : paste.chars.indexOf(piece);
    if (p >= 0) return paste.at[p + piece.length - 1]! + 1;
  }
  return -1;
}

const LIST_ITEM = /^\s*(?:\d{1,3}[.)]|[-*•])\s/;

/**
 * The paste from `from` to the end of its block: a line that opens another part ("Expected: …"), a blank line (unless
 * `until` is 'label'), a list item (when `until` is 'item': the next step).
 */
function restOfBlock(text: string, from: number, until: 'label' | 'blank' | 'item'): string {
  const [first = '', ...next] = text.slice(from).split(/\r\n|\r|\n/);
  const out = [first];
  for (const line of next) {
    if ((until !== 'label' && line.trim() === '') || (until === 'item' && LIST_ITEM.test(line)) || matchLabel(line) !== null) break;
    out.push(line);
  }
  return out.join('\n').trim();
}

/**
 * What the field's limits cut from a split paste, for the editor to list instead of losing it: a part or a step cut
 * at its 2,000 characters (the rest of its block in the paste, or '' when the split's text cannot be found in the
 * paste), and the lines after the last step the field holds. Read from the paste, since the split cuts while it reads.
 */
export function clippedFromPaste(text: string, value: ReproStepsFieldValueDto): ReproSplitClipDto[] {
  const clipped: ReproSplitClipDto[] = [];
  let paste: ReturnType<typeof visibleChars> | undefined;
  const rest = (kept: string, until: 'label' | 'blank' | 'item') => {
    paste ??= visibleChars(text);
    const end = endInPaste(paste, kept);
    return end < 0 ? null : restOfBlock(text, end, until);
  };
  value.steps.forEach((step, i) => {
    if (step.length < REPRO_MAX_STEP_LENGTH) return;
    const left = rest(step, 'item');
    if (left !== '') clipped.push({ part: 'steps', step: i + 1, text: left ?? '' });
  });
  const last = value.steps[value.steps.length - 1];
  if (value.steps.length >= REPRO_MAX_STEPS && last !== undefined) {
    const left = rest(last, 'label');
    if (left) clipped.push({ part: 'steps', text: left });
  }
  for (const k of REPRO_TEXT_PARTS) {
    const kept = value[k];
    if (kept === undefined || kept.length < REPRO_MAX_TEXT_LENGTH) continue;
    const left = rest(kept, 'blank');
    if (left !== '') clipped.push({ part: k, text: left ?? '' });
  }
  return clipped;
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

  'repro/split': async (input) => splitText(input.text),

  /**
   * "Edit" on a bug whose steps live in its description: the description split as a paste is, for the editor to show
   * what goes where before anything is saved. Nothing to bring over (no step, expected or actual result, or the field
   * already filled) is `split: null`.
   */
  'repro/import-description': async (input, ctx) => {
    const issueKey = input.issueKey ?? ctx.issueKey;
    if (!issueKey) throw new AppError('BAD_REQUEST', 'Name the issue whose description to import: this field is not shown on an existing issue.');
    if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Sign in to Jira to read this issue.');
    const jira = ctx.services.jira('user', ctx.accountId);
    const fieldId = await reproFieldId(undefined, ctx, jira);
    const issue = await jira.getIssue(issueKey, { fields: ['description', ...(fieldId ? [fieldId] : [])] });
    const stored = fieldId ? customField(issue, fieldId, reproStepsFieldValueSchema) : undefined;
    const text = adfToText((issue.fields as Record<string, unknown>)['description'] ?? null).slice(0, REPRO_MAX_PASTE_CHARS);
    if ((stored && isFieldFilled(stored)) || text.trim() === '') return { issueKey: issue.key ?? issueKey, split: null };
    const split = splitText(text);
    const found = split.value.steps.length > 0 || split.value.expected !== undefined || split.value.actual !== undefined;
    return { issueKey: issue.key ?? issueKey, split: found ? split : null };
  },
};

/** A paste (or a description) split into the field's value cut to its limits, with what went nowhere and what was cut. */
function splitText(text: string) {
  const value = clampReproFieldValue(splitIntoSteps(text));
  const clipped = clippedFromPaste(text, value);
  // A sentence of a clipped text is listed once, with it.
  const unplaced = unplacedSentences(text, value).filter((u) => !clipped.some((c) => c.text.includes(u)));
  return { value, unplaced, clipped };
}

export const reproFieldResolver = defineResolver(reproFieldProcedures, reproFieldHandlers);
