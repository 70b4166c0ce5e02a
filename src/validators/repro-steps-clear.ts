import { analyseReproSteps, isFieldFilled } from '../domain/repro-steps';
import { effectiveField, type IssueSnapshot } from '../domain/validators/issue-snapshot';
import { decideReproStepsClear, reproStepsSource, type ReproAnalysisSummary, type ReproStepsClearConfig } from '../domain/validators/repro-steps-clear';
import { snapshotOfNewIssue } from './issue-reader';
import type { ValidatorDefinition } from './run-validator';

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

const decide = (config: ReproStepsClearConfig, issue: IssueSnapshot) => decideReproStepsClear({ config, issue, analysis: analyseSource(config, issue) });

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
   * Text changed on the transition screen is analysed without reading the issue when the screen also holds the
   * summary (the analyser compares the steps with the title; without it the same text could pass on the screen and
   * fail once stored). A pass needs nothing else; a failure needs the issue type (unless every type is checked or
   * the screen names it), so only then is it read.
   */
  withoutRead(config, request) {
    if (!screenHasSource(config, request.modifiedFields) || !Object.prototype.hasOwnProperty.call(request.modifiedFields, 'summary')) return undefined;
    const issue = { ...snapshotOfNewIssue(request.modifiedFields), key: request.issueKey ?? '' };
    const decision = decide({ ...config, issueTypes: [] }, issue);
    if (decision.result) return decision;
    return config.issueTypes.length === 0 || issue.issueType !== '' ? decide(config, issue) : undefined;
  },
  decideOnCreate: (config, issue) => decide(config, issue),
  read: (config) => ({ fields: ['summary', 'description', 'issuetype', ...(config.field.source === 'field' ? [config.field.fieldId] : [])], changelog: false }),
  needsLoop: () => false,
  decide: (config, issue) => decide(config, issue),
};
