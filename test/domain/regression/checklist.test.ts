import { addCheck, deleteCheck, editCheck, markRegressionBugReported, recordResult, reorderChecks, setNote } from '../../../src/domain/regression/checklist';
import { OP_LIMITS } from '../../../src/domain/regression/limits';
import type { RegressionRecord } from '../../../src/domain/regression/types';
import { aCheck, aCycle, aRecord, ann, at, bob, ctx } from '../../builders/regression';

const RC = 'rc.1';
const rec = () => aRecord({ cycles: [aCycle({ rc: RC, checks: [aCheck({ id: 'a' }), aCheck({ id: 'b' })] })] });
const ids = (r: RegressionRecord) => r.cycles[0]?.checks.map((c) => c.id);

describe('checklist edits', () => {
  it('adds a check (cleaned), and a retried add with the same id is a no-op', () => {
    const r1 = addCheck(rec(), RC, { id: 'n', area: '  Cart ', title: 'Add   two items' }, ctx(bob, 3));
    expect(r1.ok && r1.data.cycles[0]?.checks[2]).toEqual({ id: 'n', area: 'Cart', title: 'Add two items', result: 'not-run', updatedAt: at(3), updatedBy: 'acc-bob', updatedByName: 'Bob QA', clocks: {} });
    if (!r1.ok) return;
    const r2 = addCheck(r1.data, RC, { id: 'n', area: 'Cart', title: 'Add two items' }, ctx(bob, 4));
    expect(r2.ok && r2.data).toBe(r1.data);
    const r3 = addCheck(r1.data, RC, { id: 'n', area: 'Cart', title: 'Something else' }, ctx(bob, 4));
    expect(!r3.ok && r3.code).toBe('CONFLICT');
  });

  it('refuses a blank check, an unknown RC and more checks than a cycle holds', () => {
    expect(addCheck(rec(), RC, { id: 'n', area: ' ', title: 'x' }, ctx()).ok).toBe(false);
    const unknown = addCheck(rec(), 'rc.9', { id: 'n', area: 'a', title: 'x' }, ctx());
    expect(!unknown.ok && unknown.code).toBe('NOT_FOUND');
    const full = aRecord({ cycles: [aCycle({ rc: RC, checks: Array.from({ length: OP_LIMITS.checksPerCycle }, () => aCheck()) })] });
    const r = addCheck(full, RC, { id: 'n', area: 'a', title: 'x' }, ctx());
    expect(!r.ok && r.message).toMatch(/at most 40 checks/);
  });

  it('edits area/title and stamps the check; an unchanged edit keeps the stamp', () => {
    const r = editCheck(rec(), RC, 'a', { title: 'New title' }, ctx(bob, 9));
    expect(r.ok && r.data.cycles[0]?.checks[0]).toMatchObject({ title: 'New title', updatedAt: at(9), updatedBy: 'acc-bob' });
    const base = rec();
    const same = editCheck(base, RC, 'a', { title: base.cycles[0]?.checks[0]?.title ?? '' }, ctx(bob, 9));
    expect(same.ok && same.data.cycles[0]?.checks[0]?.updatedAt).not.toBe(at(9));
    expect(editCheck(rec(), RC, 'zz', { title: 'x' }, ctx()).ok).toBe(false);
  });

  it('reorders with a stale order: named ids first, the rest after in their order', () => {
    const r = aRecord({ cycles: [aCycle({ rc: RC, checks: ['a', 'b', 'c', 'd'].map((id) => aCheck({ id })) })] });
    const out = reorderChecks(r, RC, ['c', 'ghost', 'a', 'c']);
    expect(out.ok && ids(out.data)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('deletes, and deleting a missing check succeeds', () => {
    const r = deleteCheck(rec(), RC, 'a');
    expect(r.ok && ids(r.data)).toEqual(['b']);
    const again = r.ok ? deleteCheck(r.data, RC, 'a') : r;
    expect(again.ok && ids(again.data)).toEqual(['b']);
  });

  it('records a result with the acting tester and time; note kept, replaced or removed', () => {
    const r1 = recordResult(rec(), RC, 'a', 'failed', 'wrong total', ctx(bob, 5));
    if (!r1.ok) throw new Error(r1.message);
    expect(r1.data.cycles[0]?.checks[0]).toMatchObject({ result: 'failed', tester: bob, at: at(5), note: 'wrong total', updatedBy: 'acc-bob' });
    const r2 = recordResult(r1.data, RC, 'a', 'passed', undefined, ctx(bob, 6));
    expect(r2.ok && r2.data.cycles[0]?.checks[0]?.note).toBe('wrong total');
    const r3 = recordResult(r1.data, RC, 'a', 'not-run', '', ctx(bob, 7));
    const c = r3.ok ? r3.data.cycles[0]?.checks[0] : undefined;
    expect(c && { result: c.result, tester: c.tester, at: c.at, note: c.note }).toEqual({ result: 'not-run', tester: undefined, at: undefined, note: undefined });
  });

  it('marks a reported regression bug on the check and in foundBugs, once', () => {
    const r1 = markRegressionBugReported(rec(), RC, 'a', 'BUG-77', ctx(bob, 8));
    if (!r1.ok) throw new Error(r1.message);
    const r2 = markRegressionBugReported(r1.data, RC, 'a', 'BUG-77', ctx(bob, 9));
    expect(r2.ok && r2.data.foundBugs).toEqual(['BUG-77']);
    expect(r2.ok && r2.data.cycles[0]?.checks[0]?.reportedBugKey).toBe('BUG-77');
    expect(markRegressionBugReported(rec(), RC, 'a', 'not a key', ctx()).ok).toBe(false);
  });

  it('sets and clears a note without touching the result, tester or time', () => {
    const passed = recordResult(rec(), RC, 'a', 'passed', undefined, ctx(ann, 1));
    if (!passed.ok) throw new Error(passed.message);
    const noted = setNote(passed.data, RC, 'a', '  seen on Safari too ', ctx(bob, 90));
    if (!noted.ok) throw new Error(noted.message);
    expect(noted.data.cycles[0]?.checks[0]).toMatchObject({ result: 'passed', tester: ann, at: at(1), note: 'seen on Safari too', updatedBy: 'acc-bob', updatedAt: at(90) });
    expect(noted.data.cycles[0]?.checks[0]?.clocks).toMatchObject({ result: { at: at(1), by: 'acc-ann' }, note: { at: at(90), by: 'acc-bob' } });
    // The same note again is a no-op; '' clears it.
    const same = setNote(noted.data, RC, 'a', 'seen on Safari too', ctx(bob, 91));
    expect(same.ok && same.data).toBe(noted.data);
    const cleared = setNote(noted.data, RC, 'a', '', ctx(bob, 92));
    expect(cleared.ok && cleared.data.cycles[0]?.checks[0]).toMatchObject({ result: 'passed', tester: ann, at: at(1) });
    expect(cleared.ok && cleared.data.cycles[0]?.checks[0]?.note).toBeUndefined();
    expect(setNote(rec(), RC, 'zz', 'x', ctx()).ok).toBe(false);
  });
});
