import { distribution, median, percentileNearestRank } from '../../../src/domain/rc-readiness/metrics';

// The figures every delivery metric is given as (test/domain/delivery/metrics.test.ts tests the metrics themselves).
describe('distribution', () => {
  it('p85 is nearest-rank; the median of an even count is the mean of the two middle values', () => {
    expect(distribution([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]).p85Ms).toBe(90);
    expect(distribution([1, 2, 3, 4]).medianMs).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(percentileNearestRank([7], 0.85)).toBe(7);
  });

  it('no values: no figures', () => {
    expect(distribution([])).toEqual({ count: 0, medianMs: null, p85Ms: null });
  });
});
