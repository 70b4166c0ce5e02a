import { findCycle, currentCycle } from '../regression/cycles';
import type { RegressionCheck } from '../regression/types';
import { sortKeys } from '../rc-readiness/issue-keys';
import { areaKey, uniqueAreas } from './areas';
import { flakyChecks, reportedBugsOf, type FixLanding } from './flaky';
import type { AreaCoverage, AreaSuite, CandidateCoverage, CandidateInput, CheckCounts, CoverageReport, RanCheck } from './types';

/**
 * Coverage of release candidates: the areas each changed against the areas regressed in it.
 * - changed: the areas of its issues, and of bugs linked to them as "broken by";
 * - regressed: the areas of checks run in it (a result other than not run), from the bugs' focused checklists
 *   and from the area suites. A check counts for its own area when that is a known area (changed in the window,
 *   or an area with a suite); otherwise ("The fix", "Nearby") it is focused on its fix and counted as unmapped;
 * - full regression: every check of every area suite; a suite without a cycle in the candidate counts with the
 *   checks of its latest cycle, none of them run.
 */

export const DEFAULT_COVERAGE_WINDOW = 3;

export type CoverageInput = {
  /** Oldest first; the last one is the candidate being looked at. */
  candidates: readonly CandidateInput[];
  suites: readonly AreaSuite[];
};

const isRun = (c: RegressionCheck) => c.result !== 'not-run';

/** The source of a check run in an area suite (otherwise the source is the bug's key). */
export const AREA_SUITE_SOURCE = 'area suite';
/** Most checks run listed per area (the counts stay whole). */
export const MAX_RAN_PER_AREA = 50;

const ranCheck = (c: RegressionCheck, source: string): RanCheck => ({
  title: c.title,
  result: c.result as RanCheck['result'],
  source,
  ...(c.tester ? { by: c.tester.name } : {}),
  ...(c.at ? { at: c.at } : {}),
});
/** Failed first, then blocked, then passed; the latest first within each. */
const RESULT_ORDER = { failed: 0, blocked: 1, passed: 2 } as const;
const sortRan = (ran: RanCheck[]) =>
  [...ran].sort((a, b) => RESULT_ORDER[a.result] - RESULT_ORDER[b.result] || (b.at ?? '').localeCompare(a.at ?? '') || a.title.localeCompare(b.title)).slice(0, MAX_RAN_PER_AREA);

function counts(checks: readonly RegressionCheck[]): CheckCounts {
  const out: CheckCounts = { run: 0, passed: 0, failed: 0, blocked: 0, notRun: 0 };
  for (const c of checks) {
    if (c.result === 'not-run') out.notRun++;
    else {
      out.run++;
      out[c.result]++;
    }
  }
  return out;
}

export function knownAreas(input: CoverageInput): Map<string, string> {
  const all = uniqueAreas([
    ...input.suites.map((s) => s.area),
    ...input.candidates.flatMap((c) => c.issues.flatMap((i) => [...i.areas, ...(i.brokenByAreas ?? [])])),
  ]);
  return new Map(all.map((a) => [areaKey(a), a]));
}

export function candidateCoverage(candidate: CandidateInput, suites: readonly AreaSuite[], known: ReadonlyMap<string, string>): CandidateCoverage {
  const rc = candidate.name;
  const changedBy = new Map<string, Set<string>>();
  for (const issue of candidate.issues) {
    for (const a of [...issue.areas, ...(issue.brokenByAreas ?? [])]) {
      const k = areaKey(a);
      if (!changedBy.has(k)) changedBy.set(k, new Set());
      changedBy.get(k)!.add(issue.key);
    }
  }
  const checksByArea = new Map<string, RegressionCheck[]>();
  const ranByArea = new Map<string, RanCheck[]>();
  const addCheck = (k: string, c: RegressionCheck, source: string) => {
    checksByArea.set(k, [...(checksByArea.get(k) ?? []), c]);
    if (isRun(c)) ranByArea.set(k, [...(ranByArea.get(k) ?? []), ranCheck(c, source)]);
  };
  let unmappedChecks = 0;
  for (const issue of candidate.issues) {
    const cycle = issue.regression ? findCycle(issue.regression, rc) : undefined;
    for (const c of cycle?.checks ?? []) {
      const k = areaKey(c.area);
      if (known.has(k)) addCheck(k, c, issue.key);
      else if (isRun(c)) unmappedChecks++;
    }
  }
  const fixes: FixLanding[] = candidate.issues.flatMap((i) => (i.resolvedAt ? [{ key: i.key, areas: i.areas, resolvedAt: i.resolvedAt }] : []));
  const suiteByArea = new Map(suites.map((s) => [areaKey(s.area), s]));
  let fullChecks = 0;
  let fullRun = 0;
  const suiteShare = new Map<string, { total: number; run: number }>();
  for (const s of suites) {
    const cycle = findCycle(s.record, rc);
    const total = cycle ? cycle.checks.length : (currentCycle(s.record)?.checks.length ?? 0);
    const run = cycle ? cycle.checks.filter(isRun).length : 0;
    for (const c of cycle?.checks ?? []) addCheck(areaKey(s.area), c, AREA_SUITE_SOURCE);
    suiteShare.set(areaKey(s.area), { total, run });
    fullChecks += total;
    fullRun += run;
  }

  const areas: AreaCoverage[] = [...known.entries()].map(([k, area]) => {
    const checks = counts(checksByArea.get(k) ?? []);
    const suite = suiteByArea.get(k);
    const titles = new Map((suite?.record.cycles.flatMap((c) => c.checks) ?? []).map((c) => [c.id, c.title]));
    const reported = reportedBugsOf(suite ? (findCycle(suite.record, rc)?.checks ?? []) : []);
    return {
      area,
      changedBy: sortKeys(changedBy.get(k) ?? []),
      changed: changedBy.has(k),
      checks,
      regressed: checks.run > 0,
      failed: checks.failed > 0,
      suite: suiteShare.get(k) ?? null,
      ran: sortRan(ranByArea.get(k) ?? []),
      flaky: suite ? flakyChecks(area, rc, suite.runs, titles, fixes, reported) : [],
    };
  });
  areas.sort((a, b) => Number(b.changed) - Number(a.changed) || a.area.localeCompare(b.area));
  const changed = areas.filter((a) => a.changed);
  const changedRegressed = changed.filter((a) => a.regressed);
  return {
    rc,
    areas,
    changedCount: changed.length,
    changedRegressedCount: changedRegressed.length,
    share: changed.length === 0 ? null : changedRegressed.length / changed.length,
    unregressed: changed.filter((a) => !a.regressed).map((a) => ({ area: a.area, changedBy: a.changedBy })),
    full: { suites: suites.length, checks: fullChecks, run: fullRun, share: fullChecks === 0 ? null : fullRun / fullChecks },
    unmappedChecks,
  };
}

/** Coverage of every candidate of the window; areas never regressed in any of them. */
export function computeCoverage(input: CoverageInput): CoverageReport {
  if (input.candidates.length === 0) throw new Error('computeCoverage needs at least the selected candidate.');
  const known = knownAreas(input);
  const candidates = input.candidates.map((c) => candidateCoverage(c, input.suites, known));
  const regressedSomewhere = new Set(candidates.flatMap((c) => c.areas.filter((a) => a.regressed).map((a) => areaKey(a.area))));
  return {
    candidates,
    selected: candidates[candidates.length - 1]!,
    neverRegressed: [...known.entries()].filter(([k]) => !regressedSomewhere.has(k)).map(([, a]) => a).sort((a, b) => a.localeCompare(b)),
    window: candidates.length,
  };
}

