/**
 * The release-train loop a bug follows: L2 → RTE triage → Dev → RTE review → QA → Done.
 * Sending a bug back (RTE review → Dev, QA → Dev, Done → RTE triage) is a legal move recorded as a reopen;
 * see legal-moves.ts. There is no separate REOPENED stage: a reopened bug is in the stage it was sent to.
 */
export const stages = ['L2', 'RTE_TRIAGE', 'DEV', 'RTE_REVIEW', 'QA', 'DONE'] as const;
export type Stage = (typeof stages)[number];

/** The people who own a stage: the ones who act on a bug while it sits there. */
export const owners = ['L2 support', 'RTE', 'Developer', 'QA'] as const;
export type Owner = (typeof owners)[number];

export const stageLabels: Readonly<Record<Stage, string>> = {
  L2: 'L2',
  RTE_TRIAGE: 'RTE triage',
  DEV: 'Dev',
  RTE_REVIEW: 'RTE review',
  QA: 'QA',
  DONE: 'Done',
};

/**
 * DONE is owned by the RTE: a done bug waits for the RTE to promote its release candidate,
 * and reopening it goes through RTE triage.
 */
export const stageOwners: Readonly<Record<Stage, Owner>> = {
  L2: 'L2 support',
  RTE_TRIAGE: 'RTE',
  DEV: 'Developer',
  RTE_REVIEW: 'RTE',
  QA: 'QA',
  DONE: 'RTE',
};

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (stages as readonly string[]).includes(value);
}

/** Position in the loop (L2 = 0 … DONE = 5), for ordering and "is this a step back" checks. */
export function stageIndex(stage: Stage): number {
  return stages.indexOf(stage);
}

/** "in Dev", "in RTE review", but "Done": for sentences like "This bug is in Dev." */
export function stagePhrase(stage: Stage): string {
  return stage === 'DONE' ? 'Done' : `in ${stageLabels[stage]}`;
}
