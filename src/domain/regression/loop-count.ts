import { verdictOfChecks, type RegressionVerdict } from './verdict';
import type { RegressionRecord } from './types';

export type LoopSummary = {
  /** How many release candidates this fix has been regressed in so far. */
  rcCount: number;
  rcs: string[];
  /** The RC whose regression passed, when the latest cycle passed. */
  passedIn?: string;
  latestVerdict?: RegressionVerdict;
  /** Every bug found while regressing this fix (record-level list plus any reported from a check). */
  foundBugs: string[];
  /** Bugs reported from failed checks, per cycle. */
  foundByRc: Array<{ rc: string; bugKeys: string[] }>;
  /** "Took 3 release candidates; 2 bugs found while regressing it." */
  sentence: string;
};

export function loopSummary(record: RegressionRecord): LoopSummary {
  const rcs = record.cycles.map((c) => c.rc);
  const foundByRc = record.cycles.map((c) => ({
    rc: c.rc,
    bugKeys: [...new Set(c.checks.flatMap((k) => (k.reportedBugKey ? [k.reportedBugKey] : [])))],
  }));
  const foundBugs = [...new Set([...record.foundBugs, ...foundByRc.flatMap((f) => f.bugKeys)])];
  const last = record.cycles[record.cycles.length - 1];
  const latestVerdict = last ? verdictOfChecks(last.checks) : undefined;
  const passedIn = last && latestVerdict === 'passed' ? last.rc : undefined;

  const rcWord = (n: number) => `${n} release candidate${n === 1 ? '' : 's'}`;
  const bugs = foundBugs.length === 0 ? 'no bugs found while regressing it' : `${foundBugs.length} bug${foundBugs.length === 1 ? '' : 's'} found while regressing it`;
  const sentence =
    rcs.length === 0
      ? 'Not regressed yet.'
      : passedIn
        ? `Took ${rcWord(rcs.length)} (passed in ${passedIn}); ${bugs}.`
        : `Regressed in ${rcWord(rcs.length)} so far; ${bugs}.`;

  return { rcCount: rcs.length, rcs, ...(passedIn ? { passedIn } : {}), ...(latestVerdict ? { latestVerdict } : {}), foundBugs, foundByRc, sentence };
}
