import { analyseReproSteps, isFieldFilled } from '../domain/repro-steps';
import { effectiveField, type IssueSnapshot } from '../domain/validators/issue-snapshot';
import { stageOf } from '../domain/bug-flow/status-mapping';
import { decideReproStepsClear, reproStepsSource, type ReproAnalysisSummary, type ReproLoopContext, type ReproStepsClearConfig } from '../domain/validators/repro-steps-clear';
import { snapshotOfNewIssue } from './issue-reader';
import type { Loop, ValidatorDefinition } from './run-validator';

/** The repro-steps analyser on the configured source (structured field, text field, or description). */
export function analyseSource(config: ReproStepsClearConfig, issue: IssueSnapshot): ReproAnalysisSummary {
  const source = reproStepsSource(config, issue);
  const rawSummary = effectiveField(issue, 'summary');
  const summary = typeof rawSummary === 'string' ? rawSummary : undefined;
  const analysis =
    source.fieldId !== 'description' && isFieldFilled(source.value)
      ? analyseReproSteps({ summary, field: source.value })
      : analyseReproSteps({ summary, description: source.value ?? null });
  return { score: analysis.score, has: analysis.has, findings: analysis.findings };
}

const decide = (config: ReproStepsClearConfig, issue: IssueSnapshot, loop?: ReproLoopContext, toStatusId?: string) =>
  decideReproStepsClear({ config, issue, analysis: analyseSource(config, issue), ...(loop ? { loop } : {}), ...(toStatusId !== undefined ? { toStatusId } : {}) });

/** The stage of the transition's from status, for the message (the changelog is not read: an unmapped status has none). */
function loopContext(fromStatusId: string | undefined, loop: Loop | undefined): ReproLoopContext | undefined {
  const stage = loop ? stageOf(fromStatusId, loop.mapping) : undefined;
  return loop && stage ? { stage, mapping: loop.mapping, statuses: loop.statuses } : undefined;
}

/** Whether the transition screen holds the value the analyser would read (so the stored issue is not needed). */
function screenHasSource(config: ReproStepsClearConfig, modified: Record<string, unknown>): boolean {
  const has = (id: string) => Object.prototype.hasOwnProperty.call(modified, id);
  if (config.field.source === 'description') return has('description');
  if (!has(config.field.fieldId)) return false;
  if (isFieldFilled(modified[config.field.fieldId]) || !config.field.fallbackToDescription) return true;
  return has('description');
}

export const reproStepsClear: ValidatorDefinition<'repro-steps-clear'> = {
  kind: 'repro-steps-clear',
  /**
   * Text changed on the transition screen that passes is not checked against the stored issue, when the screen
   * also holds the summary (the analyser compares the steps with the title; without it the same text could pass on
   * the screen and fail once stored). A failure reads the issue (its type: does the rule apply; its project: the
   * stage mapping, so the message says where the bug is and its next step), still one call.
   */
  withoutRead(config, request) {
    if (!screenHasSource(config, request.modifiedFields) || !Object.prototype.hasOwnProperty.call(request.modifiedFields, 'summary')) return undefined;
    const issue = { ...snapshotOfNewIssue(request.modifiedFields), key: request.issueKey ?? '' };
    const decision = decide({ ...config, issueTypes: [] }, issue);
    return decision.result ? decision : undefined;
  },
  decideOnCreate: (config, issue) => decide(config, issue),
  read: (config) => ({ fields: ['summary', 'description', 'issuetype', 'project', ...(config.field.source === 'field' ? [config.field.fieldId] : [])], changelog: false }),
  needsLoop: () => false,
  // Only a failure's message uses the stage mapping (app storage; no Jira call once cached).
  loopForMessage: true,
  decide: (config, issue, request, loop) => decide(config, issue, loopContext(request.fromStatusId, loop), request.toStatusId),
};
