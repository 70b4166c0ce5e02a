import { stageOwners, type Owner, type Stage } from './stages';

/**
 * advance: the normal way forward. send-back: RTE triage returns a bug to L2 for more information.
 * reopen: a fix goes back to Dev (RTE review rejected it, or QA found it failing) or a done bug is reopened;
 * these are what loop counts and lead-time metrics count as reopens.
 */
export type MoveKind = 'advance' | 'send-back' | 'reopen';
export type MoveReason =
  | 'triaged'
  | 'accepted'
  | 'fixed'
  | 'reviewed'
  | 'regression-passed'
  | 'needs-information'
  | 'review-rejected'
  | 'fix-failed'
  | 'reopened-after-done';

export type LegalMove = { from: Stage; to: Stage; kind: MoveKind; reason: MoveReason; by: Owner };

const move = (from: Stage, to: Stage, kind: MoveKind, reason: MoveReason): LegalMove => ({ from, to, kind, reason, by: stageOwners[from] });

/**
 * The default loop. Decisions worth knowing:
 * - QA → DEV only: anything else QA finds during regression is filed as a NEW bug (it starts its own loop).
 * - A done bug is reopened through RTE triage (DONE → RTE_TRIAGE), never straight to Dev, so the RTE knows and
 *   plans it into the train. The follows-loop validator can allow DONE → DEV (config `allowDoneToDev`).
 * - There is no move to DONE other than from QA (no "won't fix" shortcut): leave the loop validator off a
 *   workflow's rejection transitions if the project has them.
 */
export const defaultLegalMoves: readonly LegalMove[] = [
  move('L2', 'RTE_TRIAGE', 'advance', 'triaged'),
  move('RTE_TRIAGE', 'DEV', 'advance', 'accepted'),
  move('RTE_TRIAGE', 'L2', 'send-back', 'needs-information'),
  move('DEV', 'RTE_REVIEW', 'advance', 'fixed'),
  move('RTE_REVIEW', 'QA', 'advance', 'reviewed'),
  move('RTE_REVIEW', 'DEV', 'reopen', 'review-rejected'),
  move('QA', 'DONE', 'advance', 'regression-passed'),
  move('QA', 'DEV', 'reopen', 'fix-failed'),
  move('DONE', 'RTE_TRIAGE', 'reopen', 'reopened-after-done'),
];

/** The optional DONE → DEV reopen (off by default). */
export const doneToDevMove: LegalMove = move('DONE', 'DEV', 'reopen', 'reopened-after-done');

export function legalMovesFor(options: { allowDoneToDev?: boolean } = {}): readonly LegalMove[] {
  return options.allowDoneToDev ? [...defaultLegalMoves, doneToDevMove] : defaultLegalMoves;
}

export type MoveVerdict =
  | { legal: true; kind: 'same-stage' }
  | { legal: true; kind: MoveKind; move: LegalMove }
  | { legal: false };

/** Two statuses of one stage are always a legal move (e.g. "In Progress" → "Fixing"). */
export function classifyMove(from: Stage, to: Stage, moves: readonly LegalMove[] = defaultLegalMoves): MoveVerdict {
  if (from === to) return { legal: true, kind: 'same-stage' };
  const found = moves.find((m) => m.from === from && m.to === to);
  return found ? { legal: true, kind: found.kind, move: found } : { legal: false };
}

export function isReopen(verdict: MoveVerdict): boolean {
  return verdict.legal && verdict.kind === 'reopen';
}

/** The way forward from a stage (DONE's is the reopen through RTE triage). */
export const forwardStage: Readonly<Record<Stage, Stage>> = {
  L2: 'RTE_TRIAGE',
  RTE_TRIAGE: 'DEV',
  DEV: 'RTE_REVIEW',
  RTE_REVIEW: 'QA',
  QA: 'DONE',
  DONE: 'RTE_TRIAGE',
};

export function legalTargets(from: Stage, moves: readonly LegalMove[] = defaultLegalMoves): Stage[] {
  return moves.filter((m) => m.from === from).map((m) => m.to);
}
