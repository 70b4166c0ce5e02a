import { recordResult, addCheck, deleteCheck, editCheck, reorderChecks, addFoundBug } from '../../../src/domain/regression/checklist';
import { mergeRecords } from '../../../src/domain/regression/merge';
import { clockOf } from '../../../src/domain/regression/field-clocks';
import type { RegressionRecord } from '../../../src/domain/regression/types';
import { regressionRecordSchema } from '../../../src/contracts/regression';
import { aCheck, aCycle, aRecord, ann, at, bob, ctx } from '../../builders/regression';

const RC = '4.3.0-rc.1';
const unwrap = (r: { ok: true; data: RegressionRecord } | { ok: false; message: string }): RegressionRecord => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const baseRecord = () =>
  aRecord({ cycles: [aCycle({ rc: RC, checks: [aCheck({ id: 'a' }), aCheck({ id: 'b' }), aCheck({ id: 'c' })] })], revision: 7 });
const check = (r: RegressionRecord, id: string, rc = RC) => r.cycles.find((c) => c.rc === rc)?.checks.find((c) => c.id === id);

describe('merging concurrent edits by two testers', () => {
  it('keeps both testers’ results on different checks', () => {
    const base = baseRecord();
    const mine = unwrap(recordResult(base, RC, 'a', 'passed', 'ok on Chrome', ctx(ann, 10)));
    const theirs = { ...unwrap(recordResult(base, RC, 'b', 'failed', 'total is wrong', ctx(bob, 5))), revision: 8 };
    const { record, decisions } = mergeRecords(base, mine, theirs);
    expect(check(record, 'a')).toMatchObject({ result: 'passed', tester: ann, note: 'ok on Chrome' });
    expect(check(record, 'b')).toMatchObject({ result: 'failed', tester: bob, note: 'total is wrong' });
    expect(check(record, 'c')?.result).toBe('not-run');
    expect(record.revision).toBe(8);
    expect(decisions).toEqual([]);
    expect(regressionRecordSchema.safeParse(record).success).toBe(true);
  });

  it('on the same check, the later updatedAt wins, whichever side it is on', () => {
    const base = baseRecord();
    const annLate = unwrap(recordResult(base, RC, 'a', 'passed', undefined, ctx(ann, 20)));
    const bobEarly = unwrap(recordResult(base, RC, 'a', 'failed', undefined, ctx(bob, 10)));
    const m1 = mergeRecords(base, annLate, bobEarly);
    expect(check(m1.record, 'a')).toMatchObject({ result: 'passed', updatedBy: 'acc-ann' });
    expect(m1.decisions).toEqual([expect.objectContaining({ rc: RC, checkId: 'a', group: 'result', kept: 'mine', why: 'both-changed', theirs: expect.objectContaining({ by: 'acc-bob' }) })]);
    const m2 = mergeRecords(base, bobEarly, annLate);
    expect(check(m2.record, 'a')).toMatchObject({ result: 'passed', updatedBy: 'acc-ann' });
    expect(m2.decisions).toEqual([expect.objectContaining({ rc: RC, checkId: 'a', group: 'result', kept: 'theirs', why: 'both-changed', theirs: expect.objectContaining({ by: 'acc-ann' }) })]);
  });

  it('a tie on the same check goes to mine (the last writer)', () => {
    const base = baseRecord();
    const mine = unwrap(recordResult(base, RC, 'a', 'blocked', undefined, ctx(ann, 10)));
    const theirs = unwrap(recordResult(base, RC, 'a', 'passed', undefined, ctx(bob, 10)));
    expect(check(mergeRecords(base, mine, theirs).record, 'a')?.result).toBe('blocked');
  });

  it('keeps additions from both sides (the stored side’s first, mine appended)', () => {
    const base = baseRecord();
    const mine = unwrap(addCheck(base, RC, { id: 'm', area: 'Cart', title: 'Mine' }, ctx(ann, 1)));
    const theirs = unwrap(addCheck(base, RC, { id: 't', area: 'Cart', title: 'Theirs' }, ctx(bob, 2)));
    const { record } = mergeRecords(base, mine, theirs);
    expect(record.cycles[0]?.checks.map((c) => c.id)).toEqual(['a', 'b', 'c', 't', 'm']);
  });

  it('places an addition made in the middle right after its predecessor', () => {
    const base = baseRecord();
    const mine = unwrap(reorderChecks(unwrap(addCheck(base, RC, { id: 'm', area: 'Cart', title: 'Mine' }, ctx(ann, 1))), RC, ['a', 'm', 'b', 'c']));
    const theirs = unwrap(addCheck(base, RC, { id: 't', area: 'Cart', title: 'Theirs' }, ctx(bob, 2)));
    expect(mergeRecords(base, mine, theirs).record.cycles[0]?.checks.map((c) => c.id)).toEqual(['a', 'm', 'b', 'c', 't']);
  });

  it('respects a deletion when the other side did not touch the check', () => {
    const base = baseRecord();
    const mine = unwrap(deleteCheck(base, RC, 'c'));
    const theirs = unwrap(recordResult(base, RC, 'a', 'passed', undefined, ctx(bob, 3)));
    const { record } = mergeRecords(base, mine, theirs);
    expect(record.cycles[0]?.checks.map((c) => c.id)).toEqual(['a', 'b']);
    expect(check(record, 'a')?.result).toBe('passed');
  });

  it('does not let a deletion lose a result the other tester recorded on that check', () => {
    const base = baseRecord();
    const mine = unwrap(deleteCheck(base, RC, 'b'));
    const theirs = unwrap(recordResult(base, RC, 'b', 'failed', 'still broken', ctx(bob, 3)));
    const { record, decisions } = mergeRecords(base, mine, theirs);
    expect(check(record, 'b')).toMatchObject({ result: 'failed', note: 'still broken' });
    expect(decisions).toEqual([{ rc: RC, checkId: 'b', kept: 'theirs', why: 'modified-not-deleted' }]);
    // …and symmetric: theirs deleted, mine edited.
    const editedMine = unwrap(editCheck(base, RC, 'b', { title: 'Renamed' }, ctx(ann, 4)));
    expect(check(mergeRecords(base, editedMine, unwrap(deleteCheck(base, RC, 'b'))).record, 'b')?.title).toBe('Renamed');
  });

  it('takes the order from the side that reordered, placing the other side’s additions', () => {
    const base = baseRecord();
    const mine = unwrap(reorderChecks(base, RC, ['c', 'b', 'a']));
    const theirs = unwrap(addCheck(base, RC, { id: 'n', area: 'Cart', title: 'New' }, ctx(bob, 2)));
    expect(mergeRecords(base, mine, theirs).record.cycles[0]?.checks.map((c) => c.id)).toEqual(['c', 'b', 'a', 'n']);
    expect(mergeRecords(base, theirs, mine).record.cycles[0]?.checks.map((c) => c.id)).toEqual(['c', 'b', 'a', 'n']);
  });

  it('merges cycles started on either side and found bugs as a three-way set', () => {
    const base = aRecord({ cycles: [aCycle({ rc: 'rc.1', checks: [aCheck({ id: 'a' })] })], foundBugs: ['BUG-1', 'BUG-2'] });
    const mine = { ...base, cycles: [...base.cycles, aCycle({ rc: 'rc.2', startedAt: '2026-03-05T00:00:00.000Z', checks: [aCheck({ id: 'a' })] })], foundBugs: ['BUG-1', 'BUG-3'] };
    const theirs = unwrap(addFoundBug({ ...base, foundBugs: ['BUG-1', 'BUG-2'] }, 'BUG-4'));
    const { record } = mergeRecords(base, mine, theirs);
    expect(record.cycles.map((c) => c.rc)).toEqual(['rc.1', 'rc.2']);
    expect(record.foundBugs).toEqual(['BUG-1', 'BUG-4', 'BUG-3']); // BUG-2 removed by mine, BUG-3 and BUG-4 added
  });

  it('with no base (first write raced), everything from both sides survives', () => {
    const mine = aRecord({ cycles: [aCycle({ rc: RC, checks: [aCheck({ id: 'x', updatedAt: '2026-03-01T10:00:00.000Z', result: 'passed' })] })] });
    const theirs = aRecord({ cycles: [aCycle({ rc: RC, checks: [aCheck({ id: 'y' }), aCheck({ id: 'x', updatedAt: '2026-03-01T11:00:00.000Z', result: 'failed' })] })] });
    const { record, decisions } = mergeRecords(undefined, mine, theirs);
    expect(record.cycles[0]?.checks.map((c) => `${c.id}:${c.result}`).sort()).toEqual(['x:failed', 'y:not-run']);
    // Title and result differ: each group goes to the later side.
    expect(decisions.map((d) => [d.checkId, d.group, d.kept, d.why])).toEqual([
      ['x', 'text', 'theirs', 'both-added'],
      ['x', 'result', 'theirs', 'both-added'],
    ]);
  });

  it('keeps a result recorded on one side and a rename of the same check on the other (field groups merge independently)', () => {
    const base = baseRecord();
    const mine = unwrap(recordResult(base, RC, 'a', 'failed', 'Crash', ctx(ann, 1)));
    const theirs = unwrap(editCheck(base, RC, 'a', { title: 'Renamed check' }, ctx(bob, 2)));
    for (const [m, t] of [
      [mine, theirs],
      [theirs, mine],
    ] as const) {
      const { record, decisions } = mergeRecords(base, m, t);
      expect(check(record, 'a')).toMatchObject({ title: 'Renamed check', result: 'failed', tester: ann, note: 'Crash', updatedAt: at(2), updatedBy: 'acc-bob' });
      expect(decisions).toEqual([]);
      // Each group keeps its own clock: the result's is Ann's, older than the check's latest change.
      expect(check(record, 'a')?.clocks).toMatchObject({ text: { at: at(2), by: 'acc-bob' }, result: { at: at(1), by: 'acc-ann', name: 'Ann QA' }, note: { at: at(1), by: 'acc-ann' } });
      expect(regressionRecordSchema.safeParse(record).success).toBe(true);
    }
  });

  it('keeps a note from one side and a result from the other on the same check', () => {
    const base = baseRecord();
    const mine = unwrap(recordResult(base, RC, 'a', 'passed', undefined, ctx(ann, 5)));
    const theirs = unwrap(recordResult(base, RC, 'a', 'not-run', 'Needs the staging DB', ctx(bob, 3)));
    // Bob's "not-run" equals the base result group, so only his note counts as a change.
    const { record, decisions } = mergeRecords(base, mine, theirs);
    expect(check(record, 'a')).toMatchObject({ result: 'passed', tester: ann, note: 'Needs the staging DB' });
    expect(decisions).toEqual([]);
  });

  it('on a true conflict in one group, the later clock wins there while the other groups still merge', () => {
    const base = baseRecord();
    const mine = unwrap(editCheck(unwrap(recordResult(base, RC, 'a', 'failed', undefined, ctx(ann, 1))), RC, 'a', { area: 'Payments' }, ctx(ann, 1)));
    const theirs = unwrap(recordResult(base, RC, 'a', 'passed', 'fine here', ctx(bob, 4)));
    const { record, decisions } = mergeRecords(base, mine, theirs);
    expect(check(record, 'a')).toMatchObject({ area: 'Payments', result: 'passed', tester: bob, note: 'fine here' });
    expect(decisions).toEqual([
      { rc: RC, checkId: 'a', group: 'result', kept: 'theirs', why: 'both-changed', mine: { at: at(1), by: 'acc-ann', name: 'Ann QA' }, theirs: { at: at(4), by: 'acc-bob', name: 'Bob QA' } },
    ]);
  });

  it('reads records written before per-group clocks: every group’s clock is the check’s updatedAt', () => {
    const old = aCheck({ id: 'a', result: 'passed', tester: bob, at: at(7), updatedAt: at(7), updatedBy: 'acc-bob' });
    const base = aRecord({ cycles: [aCycle({ rc: RC, checks: [old] })] });
    expect(regressionRecordSchema.safeParse(base).success).toBe(true);
    expect(clockOf(old, 'text')).toEqual({ at: at(7), by: 'acc-bob' });
    // An older edit on one side does not beat the stored (legacy) result changed later on the other.
    const mine = unwrap(recordResult(base, RC, 'a', 'failed', undefined, ctx(ann, 9)));
    const theirs = unwrap(editCheck(base, RC, 'a', { title: 'T2' }, ctx(bob, 8)));
    expect(check(mergeRecords(base, mine, theirs).record, 'a')).toMatchObject({ title: 'T2', result: 'failed', tester: ann });
  });
});
