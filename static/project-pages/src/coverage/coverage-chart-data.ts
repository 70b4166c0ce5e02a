import type { CoverageView } from '@rt/contracts';

/**
 * The picture of a candidate's coverage (areas × changed / regressed / failed) as chart rows: one row per area,
 * its checks run split by result (stacked), and how many issues of the candidate changed it. An area the candidate
 * changed with no check run is marked `gap`, so the chart can show it where a bar is missing. Kept apart from the
 * chart so the look (issue 18's restyle) can change without touching what is drawn.
 */
export type CoverageChartRow = { area: string; label: string; changedBy: number; passed: number; failed: number; blocked: number; gap: boolean };

export function coverageChartRows(areas: CoverageView['selected']['areas']): CoverageChartRow[] {
  return areas
    .filter((a) => a.changed || a.regressed)
    .map((a) => ({
      area: a.area,
      label: a.changed && !a.regressed ? `${a.area} (not regressed)` : a.area,
      changedBy: a.changedBy.length,
      passed: a.checks.passed,
      failed: a.checks.failed,
      blocked: a.checks.blocked,
      gap: a.changed && !a.regressed,
    }));
}
