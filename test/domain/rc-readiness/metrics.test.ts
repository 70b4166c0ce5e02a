import { distribution, releaseMetrics } from '../../../src/domain/rc-readiness/metrics';
import { aMetricsBug, aRelease } from '../../builders/rc';

const D = 86_400_000;
const day = (md: string) => `2026-${md}T00:00:00.000Z`;

describe('release metrics on built data (checked by hand)', () => {
  const releases = [
    aRelease({ name: '4.1.0', releaseDate: '2025-11-01T00:00:00.000Z', candidateCount: 5 }), // outside the 90-day window
    aRelease({ name: '4.2.0', releaseDate: day('02-01'), candidateCount: 3 }),
    aRelease({ name: '4.3.0', releaseDate: day('03-10'), candidateCount: 2 }),
    aRelease({ name: '4.4.0', released: false, releaseDate: undefined, candidateCount: 1 }),
  ];
  const bugs = [
    aMetricsBug({ key: 'BUG-1', createdAt: day('03-01'), fixVersions: ['4.3.0'], stageDurationsMs: { L2: 1 * D, DEV: 4 * D } }), // 9 d
    aMetricsBug({ key: 'BUG-2', createdAt: day('03-05'), fixVersions: ['4.3.0'], stageDurationsMs: { L2: 3 * D, DEV: 1 * D } }), // 5 d
    aMetricsBug({ key: 'BUG-3', createdAt: '2026-01-20T00:00:00.000Z', fixVersions: ['4.2.0'], stageDurationsMs: { DEV: 2 * D } }), // 12 d
    aMetricsBug({ key: 'BUG-4', createdAt: day('02-10'), affectsVersions: ['4.2.0'], fixVersions: ['4.3.0'] }), // 28 d, escaped
    aMetricsBug({ key: 'BUG-5', createdAt: '2026-01-15T00:00:00.000Z', affectsVersions: ['4.2.0'], fixVersions: ['4.2.0'] }), // 17 d, found before release
    aMetricsBug({ key: 'BUG-6', createdAt: day('03-12'), affectsVersions: ['4.2.0'] }), // escaped, open
    aMetricsBug({ key: 'BUG-7', createdAt: day('03-15'), fixVersions: ['4.4.0'] }), // not released
    aMetricsBug({ key: 'BUG-8', createdAt: '2025-10-01T00:00:00.000Z', fixVersions: ['4.1.0'] }), // outside window
  ];
  const m = releaseMetrics({ now: day('03-20'), bugs, releases });

  it('lead time: [5, 9, 12, 17, 28] days → median 12, p85 28', () => {
    expect(m.releasesInWindow).toEqual(['4.2.0', '4.3.0']);
    expect(m.leadTime).toEqual({ count: 5, medianMs: 12 * D, p85Ms: 28 * D });
  });

  it('per stage: L2 [1, 3] → 2 / 3; Dev [1, 2, 4] → 2 / 4; QA none', () => {
    expect(m.perStage.L2).toEqual({ count: 2, medianMs: 2 * D, p85Ms: 3 * D });
    expect(m.perStage.DEV).toEqual({ count: 3, medianMs: 2 * D, p85Ms: 4 * D });
    expect(m.perStage.QA).toEqual({ count: 0, medianMs: null, p85Ms: null });
  });

  it('regression loops per release in the window: 3 and 2 → median 2.5', () => {
    expect(m.loopsPerRelease).toEqual([{ release: '4.2.0', loops: 3 }, { release: '4.3.0', loops: 2 }]);
    expect(m.medianLoops).toBe(2.5);
  });

  it('escaped bugs, change-failure rate 1 of 2 releases, time to restore 28 d, open escaped age 8 d', () => {
    expect(m.escapedBugs).toEqual(['BUG-4', 'BUG-6']);
    expect(m.changeFailureRate).toEqual({ failedReleases: ['4.2.0'], releases: 2, rate: 0.5 });
    expect(m.timeToRestore).toEqual({ count: 1, medianMs: 28 * D, p85Ms: 28 * D });
    expect(m.openEscaped).toEqual([{ key: 'BUG-6', ageMs: 8 * D }]);
  });

  it('a date-only release date counts as the end of that day', () => {
    const r = releaseMetrics({
      now: day('03-20'),
      releases: [aRelease({ name: '5.0', releaseDate: '2026-03-10' })],
      bugs: [aMetricsBug({ createdAt: day('03-09'), fixVersions: ['5.0'] }), aMetricsBug({ createdAt: '2026-03-10T12:00:00.000Z', affectsVersions: ['5.0'] })],
    });
    expect(r.leadTime.medianMs).toBe(2 * D - 1);
    expect(r.escapedBugs).toHaveLength(1); // created during the release day: the release was out
  });

  it('empty data gives nulls, and a bad now is a clear error', () => {
    const e = releaseMetrics({ now: day('03-20'), bugs: [], releases: [] });
    expect(e.leadTime).toEqual({ count: 0, medianMs: null, p85Ms: null });
    expect(e.changeFailureRate.rate).toBeNull();
    expect(() => releaseMetrics({ now: 'soon', bugs: [], releases: [] })).toThrow(/'now' must be an ISO date-time/);
  });

  it('p85 is nearest-rank', () => {
    expect(distribution([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]).p85Ms).toBe(90);
    expect(distribution([1, 2, 3, 4]).medianMs).toBe(2.5);
  });
});
