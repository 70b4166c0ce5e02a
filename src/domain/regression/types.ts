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
  /** Last change to any field of this check (ISO 8601). */
  updatedAt: string;
  /** accountId of whoever changed it last. */
  updatedBy: string;
  /** Display name of whoever changed it last (absent in records written before it was kept). */
  updatedByName?: string;
  /**
   * Per field group, when and by whom it was last changed after the check was created: the clocks of the
   * field-by-field merge. A group without an entry was not changed since the check was created. Records written
   * before clocks existed have no `clocks` at all: each group's clock is then (updatedAt, updatedBy), and the
   * first edit writes them out.
   */
  clocks?: Partial<Record<CheckFieldGroup, FieldClock>>;
};

/**
 * The independently merged parts of a check: `text` = area + title, `result` = result + tester + time,
 * `note`, `bug` = reportedBugKey. Two testers changing different groups of one check both keep their change.
 */
export const checkFieldGroups = ['text', 'result', 'note', 'bug'] as const;
export type CheckFieldGroup = (typeof checkFieldGroups)[number];

/** When and by whom a field group was last changed. */
export type FieldClock = { at: string; by: string; name?: string };

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
