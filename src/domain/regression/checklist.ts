import { fail, ok, type Result } from '../../contracts/result';
import { findCycle, freshCheck, updateCycle } from './cycles';
import { stampGroups } from './field-clocks';
import { FIELD_LIMITS, ISSUE_KEY_PATTERN, OP_LIMITS } from './limits';
import type { CheckResult, EditContext, NewCheck, RegressionCheck, RegressionCycle, RegressionRecord } from './types';

/**
 * The edits QA makes to a cycle's checklist. Each is pure, stamps the changed check with `ctx`, and returns
 * the new record or a failure the resolver can pass straight to the UI. Revisions are bumped by prepareWrite.
 */

function withCycle(
  record: RegressionRecord,
  rc: string,
  edit: (cycle: RegressionCycle) => Result<RegressionCycle>,
): Result<RegressionRecord> {
  const cycle = findCycle(record, rc);
  if (!cycle) return fail('NOT_FOUND', `There is no regression cycle for ${rc} on this bug yet.`);
  const edited = edit(cycle);
  if (!edited.ok) return edited;
  return ok(edited.data === cycle ? record : updateCycle(record, rc, () => edited.data));
}

function withCheck(
  record: RegressionRecord,
  rc: string,
  checkId: string,
  edit: (check: RegressionCheck) => Result<RegressionCheck>,
): Result<RegressionRecord> {
  return withCycle(record, rc, (cycle) => {
    const check = cycle.checks.find((c) => c.id === checkId);
    if (!check) return fail('NOT_FOUND', `The check was not found in ${rc}; someone may have deleted it. Reload the panel.`);
    const edited = edit(check);
    if (!edited.ok) return edited;
    if (edited.data === check) return ok(cycle);
    return ok({ ...cycle, checks: cycle.checks.map((c) => (c.id === checkId ? edited.data : c)) });
  });
}

function cleanText(value: string, max: number): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Adds a check. Adding the same id again with the same text is a no-op (a retried request). */
export function addCheck(record: RegressionRecord, rc: string, check: NewCheck, ctx: EditContext): Result<RegressionRecord> {
  const area = cleanText(check.area, FIELD_LIMITS.area);
  const title = cleanText(check.title, FIELD_LIMITS.title);
  if (!area || !title) return fail('BAD_REQUEST', 'A check needs an area and a title.');
  return withCycle(record, rc, (cycle) => {
    const same = cycle.checks.find((c) => c.id === check.id);
    if (same) {
      return same.area === area && same.title === title ? ok(cycle) : fail('CONFLICT', 'A different check already has this id.');
    }
    if (cycle.checks.length >= OP_LIMITS.checksPerCycle) {
      return fail('BAD_REQUEST', `A regression cycle holds at most ${OP_LIMITS.checksPerCycle} checks; this is a focused regression.`);
    }
    return ok({ ...cycle, checks: [...cycle.checks, freshCheck({ id: check.id, area, title }, ctx)] });
  });
}

export function editCheck(
  record: RegressionRecord,
  rc: string,
  checkId: string,
  changes: { area?: string; title?: string },
  ctx: EditContext,
): Result<RegressionRecord> {
  return withCheck(record, rc, checkId, (check) => {
    const area = changes.area === undefined ? check.area : cleanText(changes.area, FIELD_LIMITS.area);
    const title = changes.title === undefined ? check.title : cleanText(changes.title, FIELD_LIMITS.title);
    if (!area || !title) return fail('BAD_REQUEST', 'A check needs an area and a title.');
    if (area === check.area && title === check.title) return ok(check);
    return ok(stampGroups(check, { ...check, area, title }, ['text'], ctx));
  });
}

/**
 * Reorders a cycle's checks. `order` may be stale (someone added or deleted a check meanwhile): ids it names
 * come first in its order, unknown ids are ignored, and checks it does not name keep their relative order after.
 */
export function reorderChecks(record: RegressionRecord, rc: string, order: readonly string[]): Result<RegressionRecord> {
  return withCycle(record, rc, (cycle) => {
    const byId = new Map(cycle.checks.map((c) => [c.id, c]));
    const placed = new Set<string>();
    const first: RegressionCheck[] = [];
    for (const id of order) {
      const check = byId.get(id);
      if (check && !placed.has(id)) {
        placed.add(id);
        first.push(check);
      }
    }
    const rest = cycle.checks.filter((c) => !placed.has(c.id));
    const checks = [...first, ...rest];
    return ok(checks.every((c, i) => c === cycle.checks[i]) ? cycle : { ...cycle, checks });
  });
}

/** Deleting a check that is already gone succeeds (a retried request or a concurrent delete). */
export function deleteCheck(record: RegressionRecord, rc: string, checkId: string): Result<RegressionRecord> {
  return withCycle(record, rc, (cycle) =>
    cycle.checks.some((c) => c.id === checkId) ? ok({ ...cycle, checks: cycle.checks.filter((c) => c.id !== checkId) }) : ok(cycle),
  );
}

/**
 * Records a result. The tester is whoever acts (never taken from the payload). `note`: undefined keeps the
 * current note, '' removes it. Setting a check back to not-run clears tester and time.
 */
export function recordResult(
  record: RegressionRecord,
  rc: string,
  checkId: string,
  result: CheckResult,
  note: string | undefined,
  ctx: EditContext,
): Result<RegressionRecord> {
  return withCheck(record, rc, checkId, (check) => {
    const nextNote = note === undefined ? check.note : note.trim().slice(0, FIELD_LIMITS.note);
    const { tester: _t, at: _a, note: _n, ...rest } = check;
    const next: RegressionCheck = { ...rest, result };
    if (result !== 'not-run') {
      next.tester = { accountId: ctx.actor.accountId, name: ctx.actor.name };
      next.at = ctx.now;
    }
    if (nextNote) next.note = nextNote;
    return ok(stampGroups(check, next, (nextNote ?? '') === (check.note ?? '') ? ['result'] : ['result', 'note'], ctx));
  });
}

/** Sets or clears ('') a check's note, leaving its result, tester and time alone. An unchanged note is a no-op. */
export function setNote(record: RegressionRecord, rc: string, checkId: string, note: string, ctx: EditContext): Result<RegressionRecord> {
  return withCheck(record, rc, checkId, (check) => {
    const next = note.trim().slice(0, FIELD_LIMITS.note);
    if (next === (check.note ?? '')) return ok(check);
    const { note: _n, ...rest } = check;
    return ok(stampGroups(check, next ? { ...rest, note: next } : rest, ['note'], ctx));
  });
}

/** After a regression bug was created from a failed check: remember it on the check and in foundBugs. */
export function markRegressionBugReported(
  record: RegressionRecord,
  rc: string,
  checkId: string,
  bugKey: string,
  ctx: EditContext,
): Result<RegressionRecord> {
  if (!ISSUE_KEY_PATTERN.test(bugKey)) return fail('BAD_REQUEST', `'${bugKey.slice(0, 40)}' is not an issue key.`);
  const marked = withCheck(record, rc, checkId, (check) =>
    check.reportedBugKey === bugKey ? ok(check) : ok(stampGroups(check, { ...check, reportedBugKey: bugKey }, ['bug'], ctx)),
  );
  if (!marked.ok) return marked;
  return addFoundBug(marked.data, bugKey);
}

/** Adds a bug found while regressing this fix (idempotent). */
export function addFoundBug(record: RegressionRecord, bugKey: string): Result<RegressionRecord> {
  if (!ISSUE_KEY_PATTERN.test(bugKey)) return fail('BAD_REQUEST', `'${bugKey.slice(0, 40)}' is not an issue key.`);
  if (record.foundBugs.includes(bugKey)) return ok(record);
  if (record.foundBugs.length >= OP_LIMITS.foundBugs) return fail('BAD_REQUEST', `At most ${OP_LIMITS.foundBugs} found bugs are kept per fix.`);
  return ok({ ...record, foundBugs: [...record.foundBugs, bugKey] });
}
