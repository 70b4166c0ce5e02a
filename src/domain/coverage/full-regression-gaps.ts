import type { CandidateCoverage } from './types';

/**
 * "Why is full regression not happening?": the reasons a candidate's regression falls short of full regression
 * (every check of every area suite, and every area the candidate changed), each with the areas and issues that
 * make it, most pressing first, so QA and the RTE can discuss the gaps instead of guessing them.
 */
export type FullRegressionGapCode =
  | 'changed-not-regressed'
  | 'failed-checks'
  | 'blocked-checks'
  | 'no-area-suites'
  | 'changed-without-suite'
  | 'suites-not-run'
  | 'never-regressed';

export type FullRegressionGap = { code: FullRegressionGapCode; message: string; areas: string[]; issueKeys: string[] };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[], max = 8) => (items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`);
const uniqueSorted = (keys: Iterable<string>) => [...new Set(keys)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

export function fullRegressionGaps(selected: CandidateCoverage, neverRegressed: readonly string[], window: number): FullRegressionGap[] {
  const rc = selected.rc;
  const gaps: FullRegressionGap[] = [];

  if (selected.unregressed.length > 0) {
    const areas = selected.unregressed.map((u) => u.area);
    const issueKeys = uniqueSorted(selected.unregressed.flatMap((u) => u.changedBy));
    gaps.push({
      code: 'changed-not-regressed',
      message: `${plural(areas.length, 'area')} ${rc} changed had no check run in it: ${list(areas)} (changed by ${list(issueKeys)}).`,
      areas,
      issueKeys,
    });
  }

  const failed = selected.areas.filter((a) => a.checks.failed > 0);
  if (failed.length > 0) {
    gaps.push({
      code: 'failed-checks',
      message: `Checks failed in ${list(failed.map((a) => `${a.area} (${a.checks.failed})`))}: the regression of ${rc} is not clean until they pass on a fix.`,
      areas: failed.map((a) => a.area),
      issueKeys: [],
    });
  }

  const blocked = selected.areas.filter((a) => a.checks.blocked > 0);
  if (blocked.length > 0) {
    gaps.push({
      code: 'blocked-checks',
      message: `Checks could not be run (blocked) in ${list(blocked.map((a) => `${a.area} (${a.checks.blocked})`))}.`,
      areas: blocked.map((a) => a.area),
      issueKeys: [],
    });
  }

  if (selected.full.suites === 0) {
    gaps.push({
      code: 'no-area-suites',
      message: 'No area suites yet, so full regression is not defined: QA starts one per area with “Run area regression” on the Regression coverage page.',
      areas: [],
      issueKeys: [],
    });
  } else {
    const withoutSuite = selected.areas.filter((a) => a.changed && a.suite === null).map((a) => a.area);
    if (withoutSuite.length > 0) {
      gaps.push({
        code: 'changed-without-suite',
        message: `${plural(withoutSuite.length, 'changed area')} ${withoutSuite.length === 1 ? 'has' : 'have'} no area suite, so full regression does not cover ${withoutSuite.length === 1 ? 'it' : 'them'}: ${list(withoutSuite)}.`,
        areas: withoutSuite,
        issueKeys: [],
      });
    }
    const short = selected.areas.filter((a) => a.suite !== null && a.suite.run < a.suite.total);
    if (short.length > 0) {
      gaps.push({
        code: 'suites-not-run',
        message: `${selected.full.checks - selected.full.run} of ${selected.full.checks} area-suite checks were not run in ${rc}: ${list(short.map((a) => `${a.area} (${a.suite!.run} of ${a.suite!.total})`))}.`,
        areas: short.map((a) => a.area),
        issueKeys: [],
      });
    }
  }

  if (neverRegressed.length > 0) {
    gaps.push({
      code: 'never-regressed',
      message: `Never regressed in the last ${plural(window, 'candidate')}: ${list(neverRegressed)}.`,
      areas: [...neverRegressed],
      issueKeys: [],
    });
  }
  return gaps;
}
