import { sortKeys } from './issue-keys';
import type { AdminGateRun, GateResult, RcIssue } from './types';

/**
 * The readiness gates of a release candidate, each with its evidence: the issues that fail it.
 * Input facts are precomputed per issue (see RcIssue), so the gates are plain set logic.
 */

export const MAX_EVIDENCE = 200;
export const DEFAULT_BUG_TYPES = ['Bug'];

export type GatesInput = {
  rc: string;
  /** Issues whose fix version is the RC. */
  issues: readonly RcIssue[];
  /** Issues found during this RC's regression that are not in `issues` (their fix version is usually a later RC). */
  regressionFinds?: readonly RcIssue[];
  adminGates?: readonly AdminGateRun[];
  /** Issue type names that count as bugs (case-insensitive). */
  bugTypes?: readonly string[];
  /** The train's candidates before this one, with their issues: unfinished ones block (or roll over with an override). */
  earlier?: ReadonlyArray<{ name: string; issues: readonly RcIssue[] }>;
};

export function isBug(issue: Pick<RcIssue, 'type'>, bugTypes: readonly string[] = DEFAULT_BUG_TYPES): boolean {
  const t = issue.type.trim().toLowerCase();
  return bugTypes.some((b) => b.trim().toLowerCase() === t);
}

export function evaluateGates(input: GatesInput): GateResult[] {
  const bugTypes = input.bugTypes ?? DEFAULT_BUG_TYPES;
  const issues = dedupe(input.issues);
  const bugs = issues.filter((i) => isBug(i, bugTypes));
  const nBugs = plural(bugs.length, 'bug');
  const allBugs = allOf(bugs.length, 'bug');

  const notDone = issues.filter((i) => !i.isDone);
  const notReviewed = bugs.filter((b) => !b.rteReviewedAfterLatestDev);
  const failed = bugs.filter((b) => b.regressionVerdict === 'failed');
  const incomplete = bugs.filter((b) => b.regressionVerdict === 'incomplete');
  const none = bugs.filter((b) => b.regressionVerdict === 'none');
  const found = dedupe([...issues, ...(input.regressionFinds ?? [])]).filter((i) => (i.foundInRegressionOf ?? []).includes(input.rc));
  const openFound = found.filter((i) => !i.isDone);
  const unconfirmed = bugs.filter((b) => !b.reproConfirmed);

  const gates: GateResult[] = [
    gate('issues-done', `Every issue in ${input.rc} is done`, notDone, () =>
      issues.length === 0
        ? `No issues have ${input.rc} as fix version.`
        : notDone.length === 0
          ? `${allOf(issues.length, 'issue')} ${bePresent(issues.length)} done.`
          : `${notDone.length} of ${plural(issues.length, 'issue')} ${notDone.length === 1 ? 'is' : 'are'} not done.`,
    ),
    gate('rte-reviewed', 'Every bug went through RTE review after its latest Dev stage', notReviewed, () =>
      notReviewed.length === 0 ? (bugs.length === 0 ? 'There are no bugs to review.' : `${allBugs} ${bePast(bugs.length)} reviewed by the RTE after ${bugs.length === 1 ? 'its' : 'their'} latest Dev work.`) : `${notReviewed.length} of ${nBugs} left Dev without a later RTE review.`,
    ),
    gate('regression-passed', `Every bug passed its focused regression in ${input.rc}`, [...failed, ...incomplete, ...none], () => {
      if (failed.length + incomplete.length + none.length === 0) return bugs.length === 0 ? 'There are no bugs to regress.' : `${allBugs} passed ${bugs.length === 1 ? 'its' : 'their'} focused regression in ${input.rc}.`;
      const parts = [
        failed.length ? `${failed.length} failed` : '',
        incomplete.length ? `${incomplete.length} incomplete` : '',
        none.length ? `${none.length} not regressed in ${input.rc}` : '',
      ].filter(Boolean);
      return `Of ${nBugs}: ${parts.join(', ')}.`;
    }),
    gate('no-open-regression-bugs', `No open bug found during regression of ${input.rc}`, openFound, () =>
      found.length === 0
        ? `No bugs were found during regression of ${input.rc}.`
        : openFound.length === 0
          ? `${allOf(found.length, 'bug')} found during regression of ${input.rc} ${bePresent(found.length)} done.`
          : `${openFound.length} of ${plural(found.length, 'bug')} found during regression of ${input.rc} ${openFound.length === 1 ? 'is' : 'are'} still open.`,
    ),
    gate('repro-confirmed', 'Reproduction steps of every bug were confirmed', unconfirmed, () =>
      unconfirmed.length === 0 ? (bugs.length === 0 ? 'There are no bugs with reproduction steps to confirm.' : `${allBugs} ${bugs.length === 1 ? 'has' : 'have'} confirmed reproduction steps.`) : `${unconfirmed.length} of ${nBugs} have unconfirmed reproduction steps.`,
    ),
  ];

  const earlier = input.earlier ?? [];
  if (earlier.length > 0) {
    const names = earlier.map((c) => c.name).join(', ');
    const earlierIssues = dedupe(earlier.flatMap((c) => c.issues)).filter((i) => !issues.some((x) => x.key === i.key));
    const open = earlierIssues.filter((i) => !i.isDone);
    gates.push(
      gate('earlier-candidates-done', `No unfinished issue left in earlier candidates (${names})`, open, () =>
        open.length === 0
          ? earlierIssues.length === 0
            ? `${names} ${earlier.length === 1 ? 'has' : 'have'} no other issues.`
            : `${allOf(earlierIssues.length, 'issue')} of ${names} ${bePresent(earlierIssues.length)} done and ${earlierIssues.length === 1 ? 'ships' : 'ship'} with this candidate.`
          : `${open.length} of ${plural(earlierIssues.length, 'issue')} of ${names} ${bePresent(open.length)} not done: finish ${open.length === 1 ? 'it' : 'them'}, or override to roll ${open.length === 1 ? 'it' : 'them'} into the next candidate.`,
      ),
    );
  }

  for (const g of input.adminGates ?? []) {
    const keys = sortKeys(g.resultKeys);
    const title = `${g.name}: query returns nothing`;
    // A query that could not run fails closed: nobody can tell whether it would have returned issues.
    if (g.error !== undefined) {
      gates.push({ id: `jql:${g.name}`, title, passed: false, evidence: [], detail: `The query could not run (${g.error.slice(0, 200)}).` });
    } else {
      gates.push({
        id: `jql:${g.name}`,
        title,
        passed: keys.length === 0,
        evidence: keys.slice(0, MAX_EVIDENCE),
        detail: keys.length === 0 ? `No issues match ${g.jql}.` : `${plural(keys.length, 'issue')} match ${g.jql}.`,
      });
    }
  }
  return gates;
}

export type Readiness = { ready: boolean; passed: number; total: number; failing: GateResult[] };

/** A gate that stops promotion: not passed, and not a warning-only gate. */
export const blocks = (g: GateResult): boolean => !g.passed && g.severity !== 'warn';

export function readiness(gates: readonly GateResult[]): Readiness {
  const failing = gates.filter(blocks);
  return { ready: failing.length === 0, passed: gates.length - failing.length, total: gates.length, failing };
}

function gate(id: GateResult['id'], title: string, failing: readonly RcIssue[], detail: () => string): GateResult {
  return { id, title, passed: failing.length === 0, evidence: sortKeys(failing.map((i) => i.key)).slice(0, MAX_EVIDENCE), detail: detail() };
}

function dedupe(issues: readonly RcIssue[]): RcIssue[] {
  const seen = new Map<string, RcIssue>();
  for (const i of issues) if (!seen.has(i.key)) seen.set(i.key, i);
  return [...seen.values()];
}

/** "The bug", "Both bugs", "All 3 bugs" (never "All 1 bug"). */
export function allOf(n: number, word: string): string {
  return n === 1 ? `The ${word}` : n === 2 ? `Both ${word}s` : `All ${n} ${word}s`;
}
const bePresent = (n: number) => (n === 1 ? 'is' : 'are');
const bePast = (n: number) => (n === 1 ? 'was' : 'were');

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
