import { emptySuite, mergeSuites, recordSuiteResult, startSuiteCycle, addSuiteChecks, type AreaSuite } from '../../../src/domain/coverage';
import { ann, bob, ctx } from '../../builders/regression';

const ok = <T>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const lib = [
  { id: 'lib-a', area: 'ignored', title: 'Pay with a saved card' },
  { id: 'lib-b', area: 'ignored', title: 'Apply a discount code' },
];

describe('area suite cycles', () => {
  it('starts the first cycle from the library (in the suite’s area), records results and logs every run', () => {
    let s = ok(startSuiteCycle(emptySuite('Checkout'), 'rc.1', ctx(ann, 0), lib));
    expect(s.record.cycles[0]!.checks.map((c) => [c.area, c.title, c.result])).toEqual([
      ['Checkout', 'Pay with a saved card', 'not-run'],
      ['Checkout', 'Apply a discount code', 'not-run'],
    ]);
    s = ok(recordSuiteResult(s, 'rc.1', 'lib-a', 'failed', 'Card declined', ctx(ann, 5)));
    s = ok(recordSuiteResult(s, 'rc.1', 'lib-a', 'passed', undefined, ctx(ann, 9)));
    expect(s.runs.map((r) => [r.checkId, r.result])).toEqual([
      ['lib-a', 'failed'],
      ['lib-a', 'passed'],
    ]);
    expect(s.record.cycles[0]!.checks[0]).toMatchObject({ result: 'passed', tester: { accountId: ann.accountId } });
  });

  it('a later candidate gets its own cycle with the checks carried over as not run; the earlier cycle keeps its results', () => {
    let s = ok(startSuiteCycle(emptySuite('Checkout'), 'rc.1', ctx(ann, 0), lib));
    s = ok(recordSuiteResult(s, 'rc.1', 'lib-b', 'passed', undefined, ctx(ann, 1)));
    s = ok(startSuiteCycle(s, 'rc.2', ctx(ann, 60)));
    expect(s.record.cycles.map((c) => c.rc)).toEqual(['rc.1', 'rc.2']);
    expect(s.record.cycles[1]!.checks.every((c) => c.result === 'not-run')).toBe(true);
    expect(s.record.cycles[0]!.checks.find((c) => c.id === 'lib-b')!.result).toBe('passed');
    // Starting again is a no-op; pulling a check twice adds it once.
    expect(ok(startSuiteCycle(s, 'rc.2', ctx(ann, 61))).record).toBe(s.record);
    const added = ok(addSuiteChecks(s, 'rc.2', [{ id: 'lib-c', area: 'x', title: 'Gift card' }, { id: 'lib-c', area: 'x', title: 'Gift card' }], ctx(ann, 62)));
    expect(added.record.cycles[1]!.checks.map((c) => c.id)).toEqual(['lib-a', 'lib-b', 'lib-c']);
  });

  it('refuses a result on a candidate without a cycle, and logs nothing for "not run"', () => {
    const s = ok(startSuiteCycle(emptySuite('Checkout'), 'rc.1', ctx(ann, 0), lib));
    expect(recordSuiteResult(s, 'rc.9', 'lib-a', 'passed', undefined, ctx(ann, 1))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(ok(recordSuiteResult(s, 'rc.1', 'lib-a', 'not-run', undefined, ctx(ann, 1))).runs).toEqual([]);
  });

  it('two testers saving at once: both results and both runs are kept', () => {
    const base = ok(startSuiteCycle(emptySuite('Checkout'), 'rc.1', ctx(ann, 0), lib));
    const mine: AreaSuite = ok(recordSuiteResult(base, 'rc.1', 'lib-a', 'passed', undefined, ctx(ann, 5)));
    const theirs: AreaSuite = ok(recordSuiteResult(base, 'rc.1', 'lib-b', 'failed', undefined, ctx(bob, 6)));
    const merged = mergeSuites(base, mine, theirs);
    expect(merged.record.cycles[0]!.checks.map((c) => c.result)).toEqual(['passed', 'failed']);
    expect(merged.runs.map((r) => r.by)).toEqual([ann.accountId, bob.accountId]);
    // Merging the same write twice does not duplicate runs.
    expect(mergeSuites(base, merged, merged).runs).toHaveLength(2);
  });
});
