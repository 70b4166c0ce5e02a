/**
 * Plain types of the focused-regression model. The zod schemas in src/contracts/regression.ts are
 * declared with `satisfies z.ZodType<…>` against these, so the two cannot drift apart.
 */
export const checkResults = ['not-run', 'passed', 'failed', 'blocked'] as const;
export type CheckResult = (typeof checkResults)[number];

export type Person = { accountId: string; name: string };

export type RegressionCheck = {
  /** Stable across cycles: a carried-over check keeps its id, so its history can be followed. */
  id: string;
  area: string;
  title: string;
  result: CheckResult;
  tester?: Person;
  /** When the result was recorded (ISO 8601). */
  at?: string;
  note?: string;
  /** The bug reported from this check when it failed. */
  reportedBugKey?: string;
  /** Last change to this check (ISO 8601): the clock of the per-check merge. */
  updatedAt: string;
  /** accountId of whoever changed it last. */
  updatedBy: string;
};

/** One release candidate the fix was regressed in. */
export type RegressionCycle = { rc: string; startedAt: string; checks: RegressionCheck[] };

export type RegressionRecord = {
  schemaVersion: 1;
  /** Chronological: the last cycle is the current one. */
  cycles: RegressionCycle[];
  /** Bugs found while regressing this fix (issue keys), over all cycles. */
  foundBugs: string[];
  /** Bumped on every write; the caller's optimistic-concurrency token. */
  revision: number;
};

/** Who acts and when: every change is stamped with it (rules never read the clock themselves). */
export type EditContext = { now: string; actor: Person };

export type NewCheck = { id: string; area: string; title: string };
