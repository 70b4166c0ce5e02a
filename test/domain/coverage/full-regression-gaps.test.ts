/**
 * "Why is full regression not happening?": the gaps of a candidate, computed from its coverage, and the checks
 * run per area (what, result, by whom, where) that the coverage table lists.
 */
import { computeCoverage, fullRegressionGaps, type AreaSuite, type CoverageIssue } from '../../../src/domain/coverage';
import { aCheck, aRecord, at } from '../../builders/regression';

const hiro = { accountId: 'rt-qa-hiro', name: 'Hiro Tanaka' };
const bug = (key: string, areas: string[], checks: Parameters<typeof aCheck>[0][] = [], rc = 'rc.2'): CoverageIssue => ({
  key,
  type: 'Bug',
  isBug: true,
  areas,
  regression: aRecord({ cycles: [{ rc, startedAt: at(0), checks: checks.map((c) => aCheck(c)) }] }),
});
const story = (key: string, areas: string[]): CoverageIssue => ({ key, type: 'Story', isBug: false, areas });
const suite = (area: string, cycles: AreaSuite['record']['cycles']): AreaSuite => ({ schemaVersion: 1, area, record: aRecord({ cycles }), runs: [] });

const gapsOf = (candidates: Parameters<typeof computeCoverage>[0]['candidates'], suites: AreaSuite[] = []) => {
  const r = computeCoverage({ candidates, suites });
  return fullRegressionGaps(r.selected, r.neverRegressed, r.window);
};

describe('why full regression is not happening', () => {
  it('names the changed areas with no check run and the issues that changed them, and that there are no area suites', () => {
    const gaps = gapsOf([{ name: 'rc.2', issues: [bug('RT-1', ['Checkout'], [{ area: 'Checkout', result: 'passed' }]), story('RT-3', ['Search', 'Mobile']), story('RT-2', ['Search'])] }]);
    expect(gaps.map((g) => g.code)).toEqual(['changed-not-regressed', 'no-area-suites', 'never-regressed']);
    expect(gaps[0]).toMatchObject({ areas: ['Mobile', 'Search'], issueKeys: ['RT-2', 'RT-3'] });
    expect(gaps[0]!.message).toBe('2 areas rc.2 changed had no check run in it: Mobile, Search (changed by RT-2, RT-3).');
    expect(gaps[2]!.message).toBe('Never regressed in the last 1 candidate: Mobile, Search.');
  });

  it('with area suites: names failed and blocked checks, changed areas without a suite and suites not fully run', () => {
    const checkout = suite('Checkout', [{ rc: 'rc.2', startedAt: at(0), checks: [aCheck({ result: 'passed' }), aCheck({ result: 'failed' }), aCheck({ result: 'not-run' })] }]);
    const search = suite('Search', [{ rc: 'rc.1', startedAt: at(0), checks: [aCheck({ area: 'Search' }), aCheck({ area: 'Search' })] }]);
    const gaps = gapsOf(
      [
        { name: 'rc.1', issues: [bug('RT-5', ['Search'], [{ area: 'Search', result: 'passed' }], 'rc.1')] },
        { name: 'rc.2', issues: [bug('RT-1', ['Checkout', 'API'], [{ area: 'API', result: 'blocked' }]), story('RT-2', ['Search'])] },
      ],
      [checkout, search],
    );
    expect(gaps.map((g) => g.code)).toEqual(['changed-not-regressed', 'failed-checks', 'blocked-checks', 'changed-without-suite', 'suites-not-run']);
    const by = Object.fromEntries(gaps.map((g) => [g.code, g]));
    expect(by['changed-not-regressed']).toMatchObject({ areas: ['Search'], issueKeys: ['RT-2'] });
    expect(by['failed-checks']!.areas).toEqual(['Checkout']);
    expect(by['blocked-checks']!.areas).toEqual(['API']);
    expect(by['changed-without-suite']!.message).toBe('1 changed area has no area suite, so full regression does not cover it: API.');
    expect(by['suites-not-run']!.message).toBe('3 of 5 area-suite checks were not run in rc.2: Checkout (2 of 3), Search (0 of 2).');
  });

  it('is empty when every suite check ran and passed and every changed area was regressed', () => {
    const checkout = suite('Checkout', [{ rc: 'rc.2', startedAt: at(0), checks: [aCheck({ result: 'passed' })] }]);
    expect(gapsOf([{ name: 'rc.2', issues: [story('RT-1', ['Checkout'])] }], [checkout])).toEqual([]);
  });

  it('shortens long lists of areas and issues', () => {
    const areas = Array.from({ length: 12 }, (_, i) => `Area ${String(i).padStart(2, '0')}`);
    const [gap] = gapsOf([{ name: 'rc.2', issues: [story('RT-1', areas)] }]);
    expect(gap!.areas).toHaveLength(12);
    expect(gap!.message).toContain('Area 07 and 4 more (changed by RT-1)');
  });
});

describe('the checks run per area of a candidate', () => {
  it('lists what ran, with result, tester, time and where (bug or area suite), failed first, not-run left out', () => {
    const checkout = suite('Checkout', [{ rc: 'rc.2', startedAt: at(0), checks: [aCheck({ title: 'Pay', result: 'passed', tester: hiro, at: at(5) }), aCheck({ title: 'Refund', result: 'not-run' })] }]);
    const s = computeCoverage({
      candidates: [{ name: 'rc.2', issues: [bug('RT-1', ['Checkout'], [{ title: 'Coupon', area: 'checkout', result: 'failed', tester: hiro, at: at(9) }, { title: 'The fix works', area: 'The fix', result: 'passed' }])] }],
      suites: [checkout],
    }).selected;
    expect(s.areas.find((a) => a.area === 'Checkout')!.ran).toEqual([
      { title: 'Coupon', result: 'failed', by: 'Hiro Tanaka', at: at(9), source: 'RT-1' },
      { title: 'Pay', result: 'passed', by: 'Hiro Tanaka', at: at(5), source: 'area suite' },
    ]);
  });
});
