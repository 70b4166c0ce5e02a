/**
 * Plain input/output types of the RC-readiness model. The wire schemas in src/contracts/rc-promotion.ts are
 * declared with `satisfies` against these. Inputs are precomputed by the caller (e.g. the RTE-review and
 * regression facts per bug), so this area imports no other domain area.
 */

export type RegressionVerdictForRc = 'passed' | 'failed' | 'incomplete' | 'none';

export type RcIssue = {
  key: string;
  /** Issue type name, e.g. "Bug", "Story". */
  type: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
  isDone: boolean;
  /** The bug went through RTE review after its latest Dev stage (from the bug-flow history). */
  rteReviewedAfterLatestDev: boolean;
  /** The bug's focused-regression verdict for the RC being looked at. */
  regressionVerdict: RegressionVerdictForRc;
  reproConfirmed: boolean;
  /** RCs in whose regression this issue was found (its Affects versions when labelled found-in-regression). */
  foundInRegressionOf?: string[];
  summary?: string;
};

/** A Jira version, reduced to what the trains need. */
export type VersionLite = { id: string; name: string; released: boolean; archived?: boolean; releaseDate?: string };

export type GateId = 'issues-done' | 'rte-reviewed' | 'regression-passed' | 'no-open-regression-bugs' | 'repro-confirmed' | 'earlier-candidates-done' | 'changed-areas-regressed' | 'development-clean' | `jql:${string}`;

export type GateResult = {
  id: GateId;
  title: string;
  passed: boolean;
  /** The issues that fail the gate (sorted, at most MAX_EVIDENCE); empty when it passes. */
  evidence: string[];
  /** One sentence with the counts. */
  detail: string;
  /** 'warn': shown with its evidence but does not block promotion (a gate configured off / warn / block). */
  severity?: 'warn';
};

/** An admin JQL gate as run by the caller: it passes when the query returns nothing. */
export type AdminGateRun = { name: string; jql: string; resultKeys: string[]; error?: string };

export type Actor = { accountId: string; name: string };
