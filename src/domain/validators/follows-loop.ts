import { stageHistory } from '../bug-flow/changelog';
import { evaluateTransition, type TransitionVerdict } from '../bug-flow/evaluate-transition';
import { legalMovesFor } from '../bug-flow/legal-moves';
import type { JiraStatus, StatusStageMapping } from '../bug-flow/status-mapping';
import type { CommonValidatorConfig } from './kinds';
import { appliesToIssueType, block, pass, type IssueSnapshot, type ValidatorDecision } from './issue-snapshot';

export type FollowsLoopConfig = CommonValidatorConfig & {
  /** Allow a done bug to be reopened straight into Dev (default: reopen through RTE triage). */
  allowDoneToDev: boolean;
};

/** `fromStatusId` is absent on the create transition. */
export type TransitionRef = { fromStatusId?: string; toStatusId: string };

export type FollowsLoopInput = {
  config: FollowsLoopConfig;
  issue: IssueSnapshot;
  transition: TransitionRef;
  mapping: StatusStageMapping;
  statuses?: readonly JiraStatus[];
};

/**
 * The loop model on the transition's from/to statuses and the issue's changelog. Creating an issue is not a
 * move in the loop and passes. `verdict` is returned so the caller can record reopens.
 */
export function decideFollowsLoop(input: FollowsLoopInput): ValidatorDecision & { verdict?: TransitionVerdict } {
  const { config, issue, transition, mapping, statuses } = input;
  if (!appliesToIssueType(issue, config.issueTypes) || transition.fromStatusId === undefined) return pass();
  const history = stageHistory(issue.created, transition.fromStatusId, issue.statusChanges, mapping);
  const verdict = evaluateTransition({
    fromStatusId: transition.fromStatusId,
    toStatusId: transition.toStatusId,
    mapping,
    history,
    moves: legalMovesFor({ allowDoneToDev: config.allowDoneToDev }),
    ...(statuses ? { statuses } : {}),
  });
  return verdict.ok ? { ...pass(), verdict } : { ...block(verdict.message), verdict };
}
