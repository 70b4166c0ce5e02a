import { hasRteReviewAfterLatestDev, stageHistory } from '../domain/bug-flow/changelog';
import { stageOf, type StatusStageMapping } from '../domain/bug-flow/status-mapping';
import type { IssueSnapshot } from '../domain/validators/issue-snapshot';

/**
 * Jira inlines only the latest 100 changelog entries with an issue. Decides whether that window gives the same
 * answer as the whole history for what the validators ask of it (the stage the bug is in, and "an RTE review
 * after the latest Dev stage"), so the whole changelog is read only when it could change the decision:
 * - the window must start in a mapped status (else the stage at its start is unknown);
 * - for a move into QA: a Dev stage inside the window settles it, and so does a review inside it (it is after
 *   the latest Dev, which is earlier); a window with neither cannot see an earlier review.
 */
export function windowDecides(issue: IssueSnapshot, fromStatusId: string, mapping: StatusStageMapping, entersQa: boolean): boolean {
  const window = stageHistory(issue.created, fromStatusId, issue.statusChanges, mapping);
  if (window.length === 0 || window[0]?.unmapped) return false;
  if (!entersQa) return true;
  return window.some((i) => i.stage === 'DEV') || hasRteReviewAfterLatestDev(window);
}

export function entersQa(fromStatusId: string | undefined, toStatusId: string, mapping: StatusStageMapping): boolean {
  const from = stageOf(fromStatusId, mapping);
  return stageOf(toStatusId, mapping) === 'QA' && from !== 'QA' && from !== 'DONE';
}
