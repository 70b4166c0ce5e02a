import { fail, ok, type Result } from '../../contracts/result';
import { addCheck, recordResult } from '../regression/checklist';
import { emptyRecord, startCycle } from '../regression/cycles';
import { mergeRecords } from '../regression/merge';
import type { CheckResult, EditContext, NewCheck, RegressionRecord } from '../regression/types';
import type { AreaSuite, SuiteRun } from './types';

/**
 * The area regression of one area, run on a candidate: a checklist with one cycle per candidate, kept exactly
 * like a bug's focused checklist (same record, same edits: a new candidate's cycle carries the previous cycle's
 * checks over as not run), plus a run log of every result recorded, from which flaky checks are found.
 */

/** Most results the run log keeps (the oldest go first). */
export const MAX_SUITE_RUNS = 2000;

export function emptySuite(area: string): AreaSuite {
  return { schemaVersion: 1, area, record: emptyRecord(), runs: [] };
}

const withRecord = (suite: AreaSuite, record: Result<RegressionRecord>): Result<AreaSuite> => (record.ok ? ok({ ...suite, record: record.data }) : record);

/** Starts (or finds) the candidate's cycle; the very first cycle starts with `initial` (e.g. checks from the library). */
export function startSuiteCycle(suite: AreaSuite, rc: string, ctx: EditContext, initial: readonly NewCheck[] = []): Result<AreaSuite> {
  const started = startCycle(suite.record, rc, ctx, initial.map((c) => ({ ...c, area: suite.area })));
  return started.ok ? ok({ ...suite, record: started.data.record }) : started;
}

/** Adds checks (e.g. pulled from the library) to the candidate's cycle; one already there (same id) is left as it is. */
export function addSuiteChecks(suite: AreaSuite, rc: string, checks: readonly NewCheck[], ctx: EditContext): Result<AreaSuite> {
  let record = suite.record;
  for (const c of checks) {
    const next = addCheck(record, rc, { ...c, area: suite.area }, ctx);
    if (!next.ok) return next;
    record = next.data;
  }
  return ok({ ...suite, record });
}

/** Records a result on a check of the candidate's cycle and appends it to the run log. */
export function recordSuiteResult(suite: AreaSuite, rc: string, checkId: string, result: CheckResult, note: string | undefined, ctx: EditContext): Result<AreaSuite> {
  const next = withRecord(suite, recordResult(suite.record, rc, checkId, result, note, ctx));
  if (!next.ok) return next;
  if (result === 'not-run') return next;
  const run: SuiteRun = { rc, checkId, result, at: ctx.now, by: ctx.actor.accountId };
  return ok({ ...next.data, runs: [...suite.runs, run].slice(-MAX_SUITE_RUNS) });
}

/**
 * Two QA testers saving the same suite at once: the checklist is merged three-way (regression/merge.ts) and
 * the run logs are united (same result, check, candidate and time once).
 */
export function mergeSuites(base: AreaSuite | undefined, mine: AreaSuite, theirs: AreaSuite): AreaSuite {
  const record = mergeRecords(base?.record, mine.record, theirs.record).record;
  const seen = new Set<string>();
  const runs = [...theirs.runs, ...mine.runs]
    .filter((r) => {
      const k = `${r.rc}\u0000${r.checkId}\u0000${r.result}\u0000${r.at}\u0000${r.by}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .slice(-MAX_SUITE_RUNS);
  return { schemaVersion: 1, area: mine.area, record: { ...record, revision: Math.max(mine.record.revision, theirs.record.revision) }, runs };
}

export function requireArea(area: string): Result<string> {
  const a = area.replace(/\s+/g, ' ').trim();
  return a ? ok(a.slice(0, 80)) : fail('BAD_REQUEST', 'An area regression needs an area name.');
}
