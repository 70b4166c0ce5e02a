import { isBug } from './gates';
import { sortKeys } from './issue-keys';
import type { RcIssue } from './types';

/**
 * Whether a train converges: each RC's regression should find fewer bugs than the one before, down to zero.
 * Only RCs whose regression has finished count towards the trend (an RC still being tested has found
 * "0 bugs so far", which says nothing yet).
 */

export type ConvergenceInput = {
  /** The train's candidates in order (rc.1, rc.2, …) with the issues whose fix version is each. */
  candidates: ReadonlyArray<{ name: string; issues: readonly RcIssue[] }>;
  /** Bugs found in regression that are in none of the candidates' issue lists. */
  regressionFinds?: readonly RcIssue[];
  bugTypes?: readonly string[];
};

export type RcConvergence = {
  name: string;
  /** 1 for the first candidate: how many times the train has gone round the Dev → QA → RC loop. */
  loop: number;
  bugsFixed: string[];
  bugsFound: string[];
  openFound: string[];
  /** Every bug in the RC has a final regression verdict (passed or failed). */
  regressionComplete: boolean;
};

export type ConvergenceStatus = 'converged' | 'converging' | 'not-converging' | 'unknown';
export type Convergence = { rcs: RcConvergence[]; status: ConvergenceStatus; explanation: string };

export function convergence(input: ConvergenceInput): Convergence {
  const all = new Map<string, RcIssue>();
  for (const c of input.candidates) for (const i of c.issues) if (!all.has(i.key)) all.set(i.key, i);
  for (const i of input.regressionFinds ?? []) if (!all.has(i.key)) all.set(i.key, i);

  const rcs: RcConvergence[] = input.candidates.map((c, idx) => {
    const bugs = c.issues.filter((i) => isBug(i, input.bugTypes));
    const found = [...all.values()].filter((i) => (i.foundInRegressionOf ?? []).includes(c.name));
    return {
      name: c.name,
      loop: idx + 1,
      bugsFixed: sortKeys(bugs.filter((b) => b.isDone).map((b) => b.key)),
      bugsFound: sortKeys(found.map((f) => f.key)),
      openFound: sortKeys(found.filter((f) => !f.isDone).map((f) => f.key)),
      regressionComplete: bugs.length > 0 && bugs.every((b) => b.regressionVerdict === 'passed' || b.regressionVerdict === 'failed'),
    };
  });

  const measured = rcs.filter((r) => r.regressionComplete);
  const inProgress = rcs.filter((r) => !r.regressionComplete).map((r) => r.name);
  const history = measured.map((r, i) => (i === 0 ? `${r.name} found ${bugWord(r.bugsFound.length)}` : `${r.name} found ${r.bugsFound.length}`)).join(', ');
  const pending = inProgress.length ? ` (regression not finished: ${inProgress.join(', ')})` : '';
  const last = measured[measured.length - 1];
  const prev = measured[measured.length - 2];

  let status: ConvergenceStatus;
  let verdict: string;
  if (!last) {
    status = 'unknown';
    verdict = 'No candidate has finished its regression yet, so there is no trend.';
  } else if (last.bugsFound.length === 0) {
    status = 'converged';
    verdict = `Converged: the latest finished regression (${last.name}) found no bugs.`;
  } else if (!prev) {
    status = 'unknown';
    verdict = `Only one finished regression so far; the next candidate shows the trend.`;
  } else if (last.bugsFound.length < prev.bugsFound.length) {
    status = 'converging';
    verdict = `Converging: ${last.name} found fewer bugs than ${prev.name} (${last.bugsFound.length} < ${prev.bugsFound.length}).`;
  } else {
    status = 'not-converging';
    verdict = `Not converging: ${last.name} found ${last.bugsFound.length === prev.bugsFound.length ? 'as many bugs as' : 'more bugs than'} ${prev.name} (${last.bugsFound.length} vs ${prev.bugsFound.length}).`;
  }
  const prefix = history ? `${history}${pending}. ` : inProgress.length ? `Regression not finished: ${inProgress.join(', ')}. ` : '';
  const explanation = `${prefix}${verdict}`;
  return { rcs, status, explanation };
}

function bugWord(n: number): string {
  return `${n} bug${n === 1 ? '' : 's'}`;
}
