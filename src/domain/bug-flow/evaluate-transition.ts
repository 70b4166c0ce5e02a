import { hasRteReviewAfterLatestDev, type StageInterval } from './changelog';
import { classifyMove, defaultLegalMoves, forwardStage, type LegalMove, type MoveKind } from './legal-moves';
import { stageOf, statusForStage, statusName, type JiraStatus, type StatusStageMapping } from './status-mapping';
import { stageLabels, stageOwners, stagePhrase, type Owner, type Stage } from './stages';

export type LoopRule =
  /** Entering QA needs an RTE review after the latest Dev stage (legal move AND changelog). */
  | 'rte-review-before-qa'
  /** A done bug is reopened through RTE triage. */
  | 'reopen-through-triage'
  /** Any other move the loop does not allow. */
  | 'illegal-move';

export type NextStep = { stage: Stage; statusId?: string; statusName: string; owner: Owner };

export type TransitionVerdict =
  | { ok: true; kind: 'same-stage' | MoveKind; fromStage: Stage; toStage: Stage }
  | {
      ok: false;
      rule: LoopRule;
      currentStage: Stage;
      /** The next legal step forward, and who owns the bug once it is taken. */
      nextStep: NextStep;
      /** Who should take the next step now: the owner of the current stage. */
      owner: Owner;
      message: string;
    };

export type TransitionInput = {
  fromStatusId: string;
  toStatusId: string;
  mapping: StatusStageMapping;
  /** stageHistory(...) of the bug, including its current status. */
  history: readonly StageInterval[];
  /** The project's statuses, for real status names in messages. */
  statuses?: readonly JiraStatus[];
  moves?: readonly LegalMove[];
};

/**
 * Decides one transition against the loop.
 * - A status the mapping does not know keeps the bug's stage: moving into it is a same-stage move, and moving
 *   out of it is judged from the stage the history says the bug is in (so "Blocked" cannot launder Dev → QA).
 * - Any move into QA (from outside QA) also needs an RTE review after the latest Dev stage in the history, so
 *   moving statuses around, or a transition without this validator, cannot skip the review.
 */
export function evaluateTransition(input: TransitionInput): TransitionVerdict {
  const { mapping, history, statuses = [], moves = defaultLegalMoves } = input;
  const lastKnown = history[history.length - 1]?.stage;
  const fromStage: Stage = stageOf(input.fromStatusId, mapping) ?? lastKnown ?? 'L2';
  const toStage: Stage = stageOf(input.toStatusId, mapping) ?? fromStage;
  const verdict = classifyMove(fromStage, toStage, moves);

  const next = (stage: Stage): NextStep => {
    const status = statusForStage(stage, mapping, statuses);
    const step: NextStep = { stage, statusName: status.name, owner: stageOwners[stage] };
    if (status.statusId !== undefined) step.statusId = status.statusId;
    return step;
  };
  const fail = (rule: LoopRule, message: string): TransitionVerdict => ({
    ok: false,
    rule,
    currentStage: fromStage,
    nextStep: next(forwardStage[fromStage]),
    owner: stageOwners[fromStage],
    message,
  });
  const name = (stage: Stage) => next(stage).statusName;

  if (toStage === 'QA' && fromStage !== 'QA' && fromStage !== 'DONE') {
    // The bug's own history, or just the stage it is in when there is no history yet.
    const reviewed = hasRteReviewAfterLatestDev(history.length > 0 ? history : [{ stage: fromStage }]);
    if (!verdict.legal || !reviewed) {
      const rule = 'Fixes go to RTE review before QA';
      const message =
        fromStage === 'DEV'
          ? `This bug is in Dev. ${rule}: move it to '${name('RTE_REVIEW')}' and the RTE will pass it to QA.`
          : fromStage === 'RTE_REVIEW'
            ? `This bug's history shows no RTE review after its latest Dev stage. ${rule}: ` +
              `the RTE reviews it in '${name('RTE_REVIEW')}' and then passes it to QA.`
            : `This bug is ${stagePhrase(fromStage)}. ${rule}, and this bug has not been fixed and reviewed yet. ${nextSentence(fromStage, name)}`;
      return fail('rte-review-before-qa', message);
    }
  }
  if (verdict.legal) return { ok: true, kind: verdict.kind, fromStage, toStage };

  const toName = statusName(input.toStatusId, statuses);
  // "'Fixing' (Dev)", but just "'Done'" when the status is named like its stage.
  const target = toName.toLowerCase() === stageLabels[toStage].toLowerCase() ? `'${toName}'` : `'${toName}' (${stageLabels[toStage]})`;
  if (fromStage === 'DONE') {
    return fail('reopen-through-triage', `This bug is Done and cannot move to ${target}. ${nextSentence('DONE', name)}`);
  }
  return fail(
    'illegal-move',
    `This bug is ${stagePhrase(fromStage)}, and the release-train loop (L2 → RTE triage → Dev → RTE review → QA → Done) does not move it to ${target} from there. ${nextSentence(fromStage, name)}`,
  );
}

/**
 * "This bug is in Dev. The developer moves the fix to 'RTE Review', and the RTE will pass it to QA.": where the bug
 * is, its next legal step (real status names) and who takes it. For the other validators' messages.
 */
export function whereAndNext(stage: Stage, mapping: StatusStageMapping, statuses: readonly JiraStatus[] = []): string {
  return `This bug is ${stagePhrase(stage)}. ${nextSentence(stage, (s) => statusForStage(s, mapping, statuses).name)}`;
}

/** What should happen next from each stage, naming real statuses and who owns the step. */
export function nextSentence(stage: Stage, name: (s: Stage) => string): string {
  switch (stage) {
    case 'L2':
      return `L2 support completes it and moves it to '${name('RTE_TRIAGE')}', where the RTE triages it.`;
    case 'RTE_TRIAGE':
      return `The RTE accepts it and moves it to '${name('DEV')}' for a developer, or back to '${name('L2')}' when L2 must add information.`;
    case 'DEV':
      return `The developer moves the fix to '${name('RTE_REVIEW')}', and the RTE will pass it to QA.`;
    case 'RTE_REVIEW':
      return `The RTE passes it to '${name('QA')}' for QA, or sends it back to '${name('DEV')}'.`;
    case 'QA':
      return `QA moves it to '${name('DONE')}' when the focused regression passes, or back to '${name('DEV')}' when the fix fails; anything else found in regression is filed as a new bug.`;
    case 'DONE':
      return `A reopened bug goes back through RTE triage: move it to '${name('RTE_TRIAGE')}' and the RTE will plan the fix.`;
  }
}
