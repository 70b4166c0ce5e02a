import { hasRteReviewAfterLatestDev, latestDevInterval, stageHistory, type StageInterval } from '../bug-flow/changelog';
import { whereAndNext } from '../bug-flow/evaluate-transition';
import { stageOf, statusForStage, type JiraStatus, type StatusStageMapping } from '../bug-flow/status-mapping';
import type { TransitionRef } from './follows-loop';
import { describeFlag, flagAnswered, flagConfirmed } from './flags';
import type { CommonValidatorConfig, FlagSource } from './kinds';
import { appliesToIssueType, block, effectiveFixVersions, pass, type IssueSnapshot, type ValidatorDecision } from './issue-snapshot';
import { compileRcPattern, isReleaseCandidate, rcExample } from './release-candidate';

export type RteReviewCompleteConfig = CommonValidatorConfig & {
  /** Source of a case-insensitive RegExp a release-candidate version name matches. */
  rcPattern: string;
  documentationImpact: FlagSource;
  reproConfirmed: FlagSource;
  /** Also require an RTE review after the latest Dev stage in the changelog. */
  requireRteReviewInHistory: boolean;
};

export type RteReviewCompleteInput = {
  config: RteReviewCompleteConfig;
  issue: IssueSnapshot;
  transition: TransitionRef;
  mapping: StatusStageMapping;
  statuses?: readonly JiraStatus[];
};

/**
 * On the move into QA: RC fix version, documentation impact answered, repro steps confirmed by the developer,
 * and an RTE review after the latest Dev stage. Moves that do not enter QA pass (the validator may sit on a
 * shared transition). Every missing item is listed, so one attempt tells the RTE everything left to do.
 */
export function decideRteReviewComplete(input: RteReviewCompleteInput): ValidatorDecision {
  const { config, issue, transition, mapping, statuses = [] } = input;
  if (!appliesToIssueType(issue, config.issueTypes)) return pass();
  const fromStage = stageOf(transition.fromStatusId, mapping);
  if (stageOf(transition.toStatusId, mapping) !== 'QA' || fromStage === 'QA') return pass();

  const todo: string[] = [];
  const rc = compileRcPattern(config.rcPattern);
  const fixVersions = effectiveFixVersions(issue);
  if (!fixVersions.some((v) => isReleaseCandidate(v, rc))) {
    const current = fixVersions.length > 0 ? fixVersions.map((v) => `'${v}'`).join(', ') : 'none';
    todo.push(`set a Fix version naming ${rcExample(config.rcPattern)} (Fix versions now: ${current})`);
  }
  if (!flagAnswered(issue, config.documentationImpact)) {
    todo.push(`answer the documentation impact with ${describeFlag(config.documentationImpact)}`);
  }
  if (!flagConfirmed(issue, config.reproConfirmed)) {
    todo.push(`the developer confirms the reproduction steps with ${describeFlag(config.reproConfirmed)}`);
  }
  let history: StageInterval[] | undefined;
  if (config.requireRteReviewInHistory) {
    history = stageHistory(issue.created, transition.fromStatusId ?? issue.statusId, issue.statusChanges, mapping);
    if (!hasRteReviewAfterLatestDev(history)) {
      const dev = latestDevInterval(history);
      const since = dev ? ` (it was in Dev from ${dev.enteredAt.slice(0, 10)})` : '';
      todo.push(`the RTE reviews the fix in '${statusForStage('RTE_REVIEW', mapping, statuses).name}' after its latest Dev stage${since}`);
    }
  }
  if (todo.length === 0) return pass();
  const list = todo.map((t, i) => `(${i + 1}) ${t}`).join('; ');
  // The stage it is in: its from status, else (an unmapped status) the last mapped one in its history.
  history ??= stageHistory(issue.created, transition.fromStatusId ?? issue.statusId, issue.statusChanges, mapping);
  const stage = fromStage ?? history[history.length - 1]?.stage ?? 'L2';
  return block(`RTE review is not complete, so this bug cannot go to QA yet. Still to do: ${list}. ${whereAndNext(stage, mapping, statuses)}`);
}
