import { currentCycle, emptyRecord, findCycle, startCycle } from '../../../src/domain/regression/cycles';
import { loopSummary } from '../../../src/domain/regression/loop-count';
import { verdictFor, verdictHistory, verdictOfChecks } from '../../../src/domain/regression/verdict';
import { OP_LIMITS } from '../../../src/domain/regression/limits';
import { aCheck, aCycle, aPassedCheck, aRecord, ann, at, bob, ctx } from '../../builders/regression';

describe('cycles', () => {
  it('starts the first cycle from the initial checks, deduplicated by id', () => {
    const r = startCycle(emptyRecord(), '4.3.0-rc.1', ctx(ann, 5), [
      { id: 'a', area: 'Cart', title: 'Add item' },
      { id: 'a', area: 'Cart', title: 'Add item again' },
      { id: 'b', area: 'Cart', title: 'Remove item' },
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.data.started).toBe(true);
    expect(r.data.cycle).toEqual({
      rc: '4.3.0-rc.1',
      startedAt: at(5),
      checks: [
        { id: 'a', area: 'Cart', title: 'Add item', result: 'not-run', updatedAt: at(5), updatedBy: 'acc-ann', updatedByName: 'Ann QA', clocks: {} },
        { id: 'b', area: 'Cart', title: 'Remove item', result: 'not-run', updatedAt: at(5), updatedBy: 'acc-ann', updatedByName: 'Ann QA', clocks: {} },
      ],
    });
  });

  it('carries the latest cycle over as not run when the fix comes back in a later RC; earlier results stay', () => {
    const failed = aCheck({ id: 'x', result: 'failed', tester: ann, at: at(1), note: 'broke', reportedBugKey: 'BUG-9' });
    const record = aRecord({ cycles: [aCycle({ rc: '4.3.0-rc.1', checks: [failed, aPassedCheck({ id: 'y' })] })] });
    const r = startCycle(record, '4.3.0-rc.2', ctx(bob, 60));
    if (!r.ok) throw new Error(r.message);
    expect(r.data.record.cycles.map((c) => c.rc)).toEqual(['4.3.0-rc.1', '4.3.0-rc.2']);
    expect(currentCycle(r.data.record)?.checks).toEqual([
      { id: 'x', area: failed.area, title: failed.title, result: 'not-run', updatedAt: at(60), updatedBy: 'acc-bob', updatedByName: 'Bob QA', clocks: {} },
      expect.objectContaining({ id: 'y', result: 'not-run' }),
    ]);
    expect(findCycle(r.data.record, '4.3.0-rc.1')?.checks[0]).toBe(failed);
  });

  it('returns an existing cycle unchanged (current or earlier), so it is safe on every panel load', () => {
    const record = aRecord({ cycles: [aCycle({ rc: 'rc.1' }), aCycle({ rc: 'rc.2', startedAt: at(10) })] });
    for (const rc of ['rc.1', 'rc.2']) {
      const r = startCycle(record, rc, ctx());
      expect(r.ok && r.data.started).toBe(false);
      expect(r.ok && r.data.record).toBe(record);
    }
  });

  it('refuses a blank RC and more cycles than a record keeps', () => {
    expect(startCycle(emptyRecord(), '  ', ctx()).ok).toBe(false);
    const full = aRecord({ cycles: Array.from({ length: OP_LIMITS.cycles }, (_, i) => aCycle({ rc: `rc.${i + 1}` })) });
    const r = startCycle(full, 'rc.99', ctx());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/15 release candidates/);
  });
});

describe('verdict', () => {
  it('passed only when there is at least one check and all passed', () => {
    expect(verdictOfChecks([aPassedCheck(), aPassedCheck()])).toBe('passed');
    expect(verdictOfChecks([])).toBe('incomplete');
    expect(verdictOfChecks([aPassedCheck(), aCheck()])).toBe('incomplete');
    expect(verdictOfChecks([aPassedCheck(), aCheck({ result: 'blocked' })])).toBe('incomplete');
  });

  it('failed as soon as any check failed, even with others not run', () => {
    expect(verdictOfChecks([aCheck(), aCheck({ result: 'failed' }), aPassedCheck()])).toBe('failed');
  });

  it('is per RC, with none for an RC the bug was never regressed in, and counts', () => {
    const record = aRecord({
      cycles: [aCycle({ rc: 'rc.1', checks: [aCheck({ result: 'failed' }), aPassedCheck()] }), aCycle({ rc: 'rc.2', checks: [aPassedCheck()] })],
    });
    expect(verdictFor(record, 'rc.1')).toEqual({ rc: 'rc.1', verdict: 'failed', counts: { 'not-run': 0, passed: 1, failed: 1, blocked: 0, total: 2 } });
    expect(verdictFor(record, 'rc.2').verdict).toBe('passed');
    expect(verdictFor(record, 'rc.3').verdict).toBe('none');
    expect(verdictHistory(record).map((v) => v.verdict)).toEqual(['failed', 'passed']);
  });
});

describe('loop count', () => {
  it('counts the RCs it took and the bugs found while regressing it', () => {
    const record = aRecord({
      cycles: [
        aCycle({ rc: 'rc.1', checks: [aCheck({ result: 'failed', reportedBugKey: 'BUG-10' }), aCheck({ result: 'failed', reportedBugKey: 'BUG-11' })] }),
        aCycle({ rc: 'rc.2', checks: [aCheck({ result: 'failed', reportedBugKey: 'BUG-12' })] }),
        aCycle({ rc: 'rc.3', checks: [aPassedCheck(), aPassedCheck()] }),
      ],
      foundBugs: ['BUG-10', 'BUG-13'],
    });
    const s = loopSummary(record);
    expect(s.rcCount).toBe(3);
    expect(s.passedIn).toBe('rc.3');
    expect(s.foundBugs).toEqual(['BUG-10', 'BUG-13', 'BUG-11', 'BUG-12']);
    expect(s.foundByRc).toEqual([
      { rc: 'rc.1', bugKeys: ['BUG-10', 'BUG-11'] },
      { rc: 'rc.2', bugKeys: ['BUG-12'] },
      { rc: 'rc.3', bugKeys: [] },
    ]);
    expect(s.sentence).toBe('Took 3 release candidates (passed in rc.3); 4 bugs found while regressing it.');
  });

  it('says so when not regressed yet or still in progress', () => {
    expect(loopSummary(aRecord({ cycles: [] })).sentence).toBe('Not regressed yet.');
    const s = loopSummary(aRecord({ cycles: [aCycle({ rc: 'rc.1', checks: [aCheck()] })] }));
    expect(s.passedIn).toBeUndefined();
    expect(s.sentence).toBe('Regressed in 1 release candidate so far; no bugs found while regressing it.');
  });
});
