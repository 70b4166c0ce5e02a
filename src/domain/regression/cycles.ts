import { fail, ok, type Result } from '../../contracts/result';
import { OP_LIMITS, REGRESSION_SCHEMA_VERSION } from './limits';
import type { EditContext, NewCheck, RegressionCheck, RegressionCycle, RegressionRecord } from './types';

/**
 * Each release candidate a bug is regressed in is a cycle; results belong to a cycle. When the fix comes
 * back in a later RC, a new cycle starts with the previous cycle's checks carried over as not run.
 */

export function emptyRecord(): RegressionRecord {
  return { schemaVersion: REGRESSION_SCHEMA_VERSION, cycles: [], foundBugs: [], revision: 0 };
}

export function findCycle(record: RegressionRecord, rc: string): RegressionCycle | undefined {
  return record.cycles.find((c) => c.rc === rc);
}

/** The latest cycle (cycles are kept in the order they started). */
export function currentCycle(record: RegressionRecord): RegressionCycle | undefined {
  return record.cycles[record.cycles.length - 1];
}

/** A check as it starts a new cycle: same id, area and title; the previous result, tester and note stay behind. */
export function carryOver(check: RegressionCheck, ctx: EditContext): RegressionCheck {
  return { id: check.id, area: check.area, title: check.title, result: 'not-run', updatedAt: ctx.now, updatedBy: ctx.actor.accountId, updatedByName: ctx.actor.name, clocks: {} };
}

export function freshCheck(check: NewCheck, ctx: EditContext): RegressionCheck {
  return { id: check.id, area: check.area, title: check.title, result: 'not-run', updatedAt: ctx.now, updatedBy: ctx.actor.accountId, updatedByName: ctx.actor.name, clocks: {} };
}

export type StartCycleResult = { record: RegressionRecord; cycle: RegressionCycle; started: boolean };

/**
 * Makes sure `rc` has a cycle. An RC that already has one (current or earlier) is returned unchanged, so
 * calling this on every panel load is safe. A new cycle carries the latest cycle's checks over as not run;
 * the very first cycle (or one after an empty cycle) starts from `initialChecks` (e.g. the suggestions).
 */
export function startCycle(
  record: RegressionRecord,
  rc: string,
  ctx: EditContext,
  initialChecks: readonly NewCheck[] = [],
): Result<StartCycleResult> {
  const name = rc.trim();
  if (name.length === 0) return fail('BAD_REQUEST', 'A release candidate name is needed to start a regression cycle.');
  const existing = findCycle(record, name);
  if (existing) return ok({ record, cycle: existing, started: false });
  if (record.cycles.length >= OP_LIMITS.cycles) {
    return fail('BAD_REQUEST', `This bug has been regressed in ${record.cycles.length} release candidates, the most one record keeps.`);
  }
  const previous = currentCycle(record);
  const checks =
    previous && previous.checks.length > 0
      ? previous.checks.map((c) => carryOver(c, ctx))
      : dedupeById(initialChecks).slice(0, OP_LIMITS.checksPerCycle).map((c) => freshCheck(c, ctx));
  const cycle: RegressionCycle = { rc: name, startedAt: ctx.now, checks };
  return ok({ record: { ...record, cycles: [...record.cycles, cycle] }, cycle, started: true });
}

/** Replaces the cycle of `rc` (which must exist) with `update(cycle)`. */
export function updateCycle(record: RegressionRecord, rc: string, update: (cycle: RegressionCycle) => RegressionCycle): RegressionRecord {
  return { ...record, cycles: record.cycles.map((c) => (c.rc === rc ? update(c) : c)) };
}

function dedupeById(checks: readonly NewCheck[]): NewCheck[] {
  const seen = new Set<string>();
  return checks.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}
