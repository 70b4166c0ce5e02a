import { computeCoverage, type AreaSuite, type CoverageIssue } from '../../../src/domain/coverage';
import { changedAreasGate } from '../../../src/domain/rc-readiness';
import { aCheck, aRecord, at } from '../../builders/regression';

const bug = (key: string, areas: string[], checks: Parameters<typeof aCheck>[0][] = [], rc = 'rc.2', extra: Partial<CoverageIssue> = {}): CoverageIssue => ({
  key,
  type: 'Bug',
  isBug: true,
  areas,
  regression: aRecord({ cycles: [{ rc, startedAt: at(0), checks: checks.map((c) => aCheck(c)) }] }),
  ...extra,
});
const story = (key: string, areas: string[], extra: Partial<CoverageIssue> = {}): CoverageIssue => ({ key, type: 'Story', isBug: false, areas, ...extra });
const suite = (area: string, cycles: AreaSuite['record']['cycles'], runs: AreaSuite['runs'] = []): AreaSuite => ({ schemaVersion: 1, area, record: aRecord({ cycles }), runs });

describe('coverage of a candidate: areas changed against areas regressed', () => {
  it('counts a changed area as regressed only when a check of that area was run in the candidate', () => {
    const report = computeCoverage({
      candidates: [
        {
          name: 'rc.2',
          issues: [
            bug('RT-1', ['Checkout'], [{ area: 'checkout', result: 'passed' }, { area: 'The fix', result: 'passed' }]),
            bug('RT-2', ['Search'], [{ area: 'Search', result: 'not-run' }]),
            story('RT-3', ['Accounts'], { brokenByAreas: ['Payments'] }),
          ],
        },
      ],
      suites: [],
    });
    const s = report.selected;
    expect(s.changedCount).toBe(4);
    expect(s.changedRegressedCount).toBe(1);
    expect(s.share).toBeCloseTo(0.25);
    expect(s.unregressed.map((u) => u.area)).toEqual(['Accounts', 'Payments', 'Search']);
    // Payments changed through the "broken by" link of RT-3.
    expect(s.unregressed.find((u) => u.area === 'Payments')?.changedBy).toEqual(['RT-3']);
    // "The fix" is no area: counted as a check focused on its fix.
    expect(s.unmappedChecks).toBe(1);
    expect(s.areas.find((a) => a.area === 'Checkout')).toMatchObject({ changed: true, regressed: true, failed: false, checks: { run: 1, passed: 1 } });
  });

  it('marks a failed area, ignores checks of other candidates and reports no share when nothing changed', () => {
    const report = computeCoverage({
      candidates: [{ name: 'rc.2', issues: [bug('RT-1', ['Checkout'], [{ area: 'Checkout', result: 'failed' }]), bug('RT-2', ['Search'], [{ area: 'Search', result: 'passed' }], 'rc.1')] }],
      suites: [],
    });
    expect(report.selected.areas.find((a) => a.area === 'Checkout')).toMatchObject({ failed: true, regressed: true });
    expect(report.selected.areas.find((a) => a.area === 'Search')).toMatchObject({ regressed: false });
    expect(computeCoverage({ candidates: [{ name: 'rc.3', issues: [] }], suites: [] }).selected.share).toBeNull();
  });

  it('over several candidates: the share of each, and the areas never regressed in any of them', () => {
    const report = computeCoverage({
      candidates: [
        { name: 'rc.1', issues: [bug('RT-1', ['Checkout', 'Mobile'], [{ area: 'Mobile', result: 'passed' }], 'rc.1')] },
        { name: 'rc.2', issues: [bug('RT-2', ['Checkout'], [{ area: 'Checkout', result: 'passed' }])] },
        { name: 'rc.3', issues: [story('RT-3', ['API'])] },
      ],
      suites: [suite('Search', [])],
    });
    expect(report.candidates.map((c) => [c.rc, c.share])).toEqual([
      ['rc.1', 0.5],
      ['rc.2', 1],
      ['rc.3', 0],
    ]);
    expect(report.selected.rc).toBe('rc.3');
    expect(report.neverRegressed).toEqual(['API', 'Search']);
    expect(report.window).toBe(3);
  });

  it('full regression: every area suite; a suite not started in the candidate counts its latest checks, none run', () => {
    const checkout = suite('Checkout', [{ rc: 'rc.2', startedAt: at(0), checks: [aCheck({ result: 'passed' }), aCheck({ result: 'not-run' }), aCheck({ result: 'failed' })] }]);
    const search = suite('Search', [{ rc: 'rc.1', startedAt: at(0), checks: [aCheck({ area: 'Search' }), aCheck({ area: 'Search' })] }]);
    const s = computeCoverage({ candidates: [{ name: 'rc.2', issues: [story('RT-9', ['Checkout', 'Search'])] }], suites: [checkout, search] }).selected;
    expect(s.full).toEqual({ suites: 2, checks: 5, run: 2, share: 0.4 });
    expect(s.areas.find((a) => a.area === 'Checkout')).toMatchObject({ regressed: true, failed: true, suite: { total: 3, run: 2 } });
    expect(s.areas.find((a) => a.area === 'Search')).toMatchObject({ regressed: false, suite: { total: 2, run: 0 } });
  });
});

describe('flaky checks', () => {
  const failedThenPassed = (fixAt?: number, fixArea = 'Checkout') => {
    const check = aCheck({ id: 'pay', title: 'Pay with a saved card', result: 'passed' });
    const s = suite('Checkout', [{ rc: 'rc.2', startedAt: at(0), checks: [check] }], [
      { rc: 'rc.2', checkId: 'pay', result: 'failed', at: at(10), by: 'qa' },
      { rc: 'rc.2', checkId: 'pay', result: 'passed', at: at(30), by: 'qa' },
    ]);
    const issues = [story('RT-1', ['Checkout']), ...(fixAt === undefined ? [] : [bug('RT-2', [fixArea], [], 'rc.2', { resolvedAt: at(fixAt) })])];
    return computeCoverage({ candidates: [{ name: 'rc.2', issues }], suites: [s] }).selected.areas.find((a) => a.area === 'Checkout')!.flaky;
  };

  it('marks a check that failed and then passed in the same candidate with no fix in between', () => {
    expect(failedThenPassed()).toEqual([{ area: 'Checkout', checkId: 'pay', title: 'Pay with a saved card', failedAt: at(10), passedAt: at(30) }]);
  });

  it('does not mark it when a fix of that area landed between the failure and the pass', () => {
    expect(failedThenPassed(20)).toEqual([]);
  });

  it('still marks it when the fix landed outside the window or in another area', () => {
    expect(failedThenPassed(40)).toHaveLength(1);
    expect(failedThenPassed(20, 'Search')).toHaveLength(1);
  });
});

describe('the "every changed area regressed" gate', () => {
  const unregressed = [{ area: 'Search', changedBy: ['RT-9', 'RT-2'] }];
  it('is absent when off, a warning when warn, blocking when block; evidence is the issues that changed the areas', () => {
    expect(changedAreasGate('rc.2', 'off', unregressed, 3)).toBeNull();
    expect(changedAreasGate('rc.2', 'warn', unregressed, 3)).toMatchObject({ id: 'changed-areas-regressed', passed: false, severity: 'warn', evidence: ['RT-2', 'RT-9'] });
    const block = changedAreasGate('rc.2', 'block', unregressed, 3)!;
    expect(block.severity).toBeUndefined();
    expect(block.detail).toBe('1 of 3 changed areas had no check run in rc.2: Search.');
    expect(changedAreasGate('rc.2', 'block', [], 3)).toMatchObject({ passed: true, evidence: [] });
  });
});
