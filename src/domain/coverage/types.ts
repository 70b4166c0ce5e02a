/**
 * Plain types of the regression-coverage model: what a release candidate changed (areas) against what was
 * regressed in it (areas of the checks run, bug checklists and area suites), the area suites themselves, QA
 * sign-off of features, and the development state Jira reports. No I/O: the resolvers precompute the inputs.
 */
import type { CheckResult, Person, RegressionRecord } from '../regression/types';

/** One issue of a candidate as coverage needs it. `areas`: its components, area labels and area-field values. */
export type CoverageIssue = {
  key: string;
  type: string;
  isBug: boolean;
  areas: string[];
  /** When it was resolved (ISO), if it is: a fix landing between a failure and a pass is "a new fix". */
  resolvedAt?: string;
  /** Its focused-regression record (bugs), when readable. */
  regression?: RegressionRecord;
  /** Areas of issues linked to it as "broken by" (that this issue broke, or that broke it). */
  brokenByAreas?: string[];
};

/** One result recorded on an area-suite check: the suite's run log, from which flaky checks are told apart. */
export type SuiteRun = { rc: string; checkId: string; result: CheckResult; at: string; by: string };

/** The area regression of one area: a checklist with cycles per candidate (like a bug's) and its run log. */
export type AreaSuite = { schemaVersion: 1; area: string; record: RegressionRecord; runs: SuiteRun[] };

export type CandidateInput = { name: string; issues: CoverageIssue[] };

export type CheckCounts = { run: number; passed: number; failed: number; blocked: number; notRun: number };

export type FlakyCheck = { area: string; checkId: string; title: string; failedAt: string; passedAt: string };

export type AreaCoverage = {
  area: string;
  /** Issues of the candidate that changed the area (sorted keys). */
  changedBy: string[];
  changed: boolean;
  /** Checks of this area in the candidate (bug checklists and the area suite together). */
  checks: CheckCounts;
  regressed: boolean;
  failed: boolean;
  /** The area suite's own share in this candidate: checks run of the suite's checks (null: no suite). */
  suite: { total: number; run: number } | null;
  /** The checks run in this area in the candidate (failed first; at most MAX_RAN_PER_AREA): what, result, by whom, where. */
  ran: RanCheck[];
  flaky: FlakyCheck[];
};

/** A check run in a candidate: its result, the tester and time, and where it ran (a bug's key, or "area suite"). */
export type RanCheck = { title: string; result: 'passed' | 'failed' | 'blocked'; by?: string; at?: string; source: string };

export type CandidateCoverage = {
  rc: string;
  areas: AreaCoverage[];
  changedCount: number;
  changedRegressedCount: number;
  /** Share of changed areas that were regressed (null when nothing changed). */
  share: number | null;
  /** Changed areas without a run check: the gate's evidence. */
  unregressed: Array<{ area: string; changedBy: string[] }>;
  /** "Full regression": every check of every area suite; how much of it ran in this candidate. */
  full: { suites: number; checks: number; run: number; share: number | null };
  /** Checks run whose area is none of the known areas (e.g. "The fix"): focused on a fix, not an area. */
  unmappedChecks: number;
};

export type CoverageReport = {
  /** Oldest first: the candidates looked at (the window), the selected one last. */
  candidates: CandidateCoverage[];
  selected: CandidateCoverage;
  /** Known areas with no check run in any candidate of the window. */
  neverRegressed: string[];
  window: number;
};

export type SignoffDecision = 'signed-off' | 'rejected';
export type SignoffEntry = { id: string; rc: string; decision: SignoffDecision; by: Person; at: string; note?: string };
export type SignoffRecord = { schemaVersion: 1; entries: SignoffEntry[]; revision: number };
