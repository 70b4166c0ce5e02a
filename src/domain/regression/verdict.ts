import { findCycle } from './cycles';
import type { CheckResult, RegressionCheck, RegressionRecord } from './types';

export type RegressionVerdict = 'passed' | 'failed' | 'incomplete';
/** 'none': the bug has no regression cycle for that RC at all. */
export type RcRegressionVerdict = RegressionVerdict | 'none';

export type ResultCounts = Record<CheckResult, number> & { total: number };

export function countResults(checks: readonly RegressionCheck[]): ResultCounts {
  const counts: ResultCounts = { 'not-run': 0, passed: 0, failed: 0, blocked: 0, total: checks.length };
  for (const c of checks) counts[c.result] += 1;
  return counts;
}

/**
 * failed: any check failed (even if others are still to run: the fix goes back either way).
 * passed: at least one check and every check passed. Anything else (not run, blocked, no checks): incomplete.
 */
export function verdictOfChecks(checks: readonly RegressionCheck[]): RegressionVerdict {
  const counts = countResults(checks);
  if (counts.failed > 0) return 'failed';
  if (counts.total > 0 && counts.passed === counts.total) return 'passed';
  return 'incomplete';
}

export type RcVerdictReport = { rc: string; verdict: RcRegressionVerdict; counts: ResultCounts };

export function verdictFor(record: RegressionRecord, rc: string): RcVerdictReport {
  const cycle = findCycle(record, rc);
  if (!cycle) return { rc, verdict: 'none', counts: countResults([]) };
  return { rc, verdict: verdictOfChecks(cycle.checks), counts: countResults(cycle.checks) };
}

/** Verdict of every cycle, oldest first: the panel's history. */
export function verdictHistory(record: RegressionRecord): RcVerdictReport[] {
  return record.cycles.map((c) => ({ rc: c.rc, verdict: verdictOfChecks(c.checks), counts: countResults(c.checks) }));
}
