import { areaKey } from './areas';
import type { FlakyCheck, SuiteRun } from './types';

/**
 * A check is flaky in a candidate when it failed and later passed in that same candidate with no new fix in
 * between: no issue of the candidate in the check's area (nor the bug reported from the failure) was resolved
 * after the failure and before the pass. Such a failure is weighed differently from one a fix answered.
 */
export type FixLanding = { key: string; areas: readonly string[]; resolvedAt: string };

/** The bug reported from each check of a cycle (check id → bug key): its resolution also answers the failure. */
export const reportedBugsOf = (checks: ReadonlyArray<{ id: string; reportedBugKey?: string }>): Map<string, string> =>
  new Map(checks.flatMap((c) => (c.reportedBugKey ? [[c.id, c.reportedBugKey] as const] : [])));

export function flakyChecks(
  area: string,
  rc: string,
  runs: readonly SuiteRun[],
  titles: ReadonlyMap<string, string>,
  fixes: readonly FixLanding[],
  reportedBugs: ReadonlyMap<string, string> = new Map(),
): FlakyCheck[] {
  const key = areaKey(area);
  const byCheck = new Map<string, SuiteRun[]>();
  for (const r of runs) if (r.rc === rc) byCheck.set(r.checkId, [...(byCheck.get(r.checkId) ?? []), r]);
  const out: FlakyCheck[] = [];
  for (const [checkId, list] of byCheck) {
    const sorted = [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    let failedAt: string | undefined;
    for (const run of sorted) {
      if (run.result === 'failed') failedAt = run.at;
      else if (run.result === 'passed' && failedAt !== undefined) {
        const from = Date.parse(failedAt);
        const to = Date.parse(run.at);
        const bug = reportedBugs.get(checkId);
        const fixed = fixes.some((f) => {
          const t = Date.parse(f.resolvedAt);
          return t > from && t <= to && (f.key === bug || f.areas.some((a) => areaKey(a) === key));
        });
        if (!fixed) {
          out.push({ area, checkId, title: titles.get(checkId) ?? checkId, failedAt, passedAt: run.at });
          break;
        }
        failedAt = undefined;
      }
    }
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}
