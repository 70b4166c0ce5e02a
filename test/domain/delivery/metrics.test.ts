import { deliveryMetrics, meetsThreshold } from '../../../src/domain/delivery';
import { aDeliveryBug, aHandoff, aRelease, aReport } from '../../builders/delivery';

const NOW = '2026-11-16T12:00:00.000Z';
const H = 3_600_000;
const DAY = 24 * H;

/** 4.1.0 deployed 2026-10-02 10:00 and rolled back 2026-10-03 10:00; 4.1.1 deployed 2026-10-06 10:00. */
function shippedTrains() {
  return [
    aRelease({
      name: '4.1.0',
      candidateCount: 2,
      handoffs: [
        aHandoff({
          issueKey: 'OPS-2',
          record: { train: '4.1.0', promotedAt: '2026-10-01T10:00:00.000Z' },
          reports: [aReport({ at: '2026-10-02T10:00:00.000Z' }), aReport({ outcome: 'rolled-back', at: '2026-10-03T10:00:00.000Z', note: 'Checkout 500s' })],
        }),
      ],
    }),
    aRelease({
      name: '4.1.1',
      candidateCount: 1,
      releaseDate: '2026-10-05',
      handoffs: [aHandoff({ issueKey: 'OPS-3', record: { train: '4.1.1', candidateName: '4.1.1-rc.1', promotedAt: '2026-10-05T10:00:00.000Z' }, reports: [aReport({ at: '2026-10-06T10:00:00.000Z' })] })],
    }),
  ];
}

describe('delivery metrics: no deployment yet', () => {
  it('says why each figure cannot be computed instead of a dash', () => {
    const m = deliveryMetrics({ now: NOW, releases: [aRelease({ name: '4.3.0', released: false, handoffs: [] })], bugs: [aDeliveryBug({ fixReleases: ['4.3.0'] })] });
    expect(m.frequency).toMatchObject({ inWindow: 0, perWeek: null, reason: 'no deployment recorded yet' });
    expect(m.leadTime).toMatchObject({ count: 0, medianMs: null, reason: 'no deployment recorded yet' });
    expect(m.changeFailureRate).toMatchObject({ rate: null, reason: 'no deployment recorded yet' });
    expect(m.timeToRestore.reason).toBe('no deployment recorded yet');
    expect(m.releases[0]).toMatchObject({ release: '4.3.0', status: 'not-released', leadTime: { reason: 'not released yet' } });
  });

  it('a promoted release waiting for ops: awaiting, with no deployment recorded yet', () => {
    const m = deliveryMetrics({ now: NOW, releases: [aRelease({ handoffs: [aHandoff()] })], bugs: [aDeliveryBug()] });
    expect(m.releases[0]).toMatchObject({ status: 'awaiting', deployments: 0, leadTime: { reason: 'no deployment recorded yet' } });
  });

  it('a release shipped before the ops loop (no hand-off) says so', () => {
    const m = deliveryMetrics({ now: NOW, releases: [aRelease({ name: '4.0.0', handoffs: [] })], bugs: [] });
    expect(m.releases[0]!.status).toBe('no-handoff');
    expect(m.releases[0]!.leadTime.reason).toContain('without a hand-off');
  });
});

describe('delivery metrics: deployments, a rollback and the fix release', () => {
  const releases = shippedTrains();

  it('counts each deployment of a production release, never candidates, and their frequency', () => {
    const m = deliveryMetrics({ now: NOW, windowDays: 70, releases, bugs: [] });
    expect(m.deployments.map((d) => `${d.release}@${d.at.slice(0, 10)}`)).toEqual(['4.1.0@2026-10-02', '4.1.1@2026-10-06']);
    expect(m.frequency.inWindow).toBe(2);
    expect(m.frequency.perWeek).toBeCloseTo(2 / 10);
    expect(m.frequency.perMonth).toBeCloseTo(2 / (70 / 30));
    expect(m.frequency.weeks.reduce((s, w) => s + w.count, 0)).toBe(2);
    expect(m.frequency.weeks.find((w) => w.weekStart === '2026-09-28')?.count).toBe(1); // Monday of 2026-10-02
    expect(m.deployments.some((d) => d.release.includes('-rc.'))).toBe(false);
  });

  it('lead time runs from bug created to the first deployment of its release; per stage through released → deployed', () => {
    const bug = aDeliveryBug({ createdAt: '2026-09-30T10:00:00.000Z', fixReleases: ['4.1.0'], doneAt: '2026-09-30T22:00:00.000Z', stageDurationsMs: { L2: 2 * H, DEV: 6 * H } });
    const m = deliveryMetrics({ now: NOW, releases, bugs: [bug] });
    expect(m.leadTime.medianMs).toBe(2 * DAY);
    expect(m.perStage.L2.medianMs).toBe(2 * H);
    expect(m.perStage.DEV.medianMs).toBe(6 * H);
    expect(m.perStage.RELEASE.medianMs).toBe(12 * H); // done 22:00 → promoted next day 10:00
    expect(m.perStage.DEPLOY.medianMs).toBe(DAY); // promoted → deployed
    expect(m.perStage.QA).toMatchObject({ medianMs: null, reason: 'no deployed bug has a history for this stage' });
    expect(m.releases.find((r) => r.release === '4.1.0')!.leadTime.medianMs).toBe(2 * DAY);
  });

  it('a rollback makes the deployment a failure, restored by the next deployment', () => {
    const m = deliveryMetrics({ now: NOW, releases, bugs: [] });
    expect(m.changeFailureRate).toMatchObject({ deployments: 2, failed: 1, rate: 0.5 });
    expect(m.changeFailureRate.failures[0]).toMatchObject({ release: '4.1.0', cause: 'rollback', key: 'OPS-2', note: 'Checkout 500s', restoredAt: '2026-10-06T10:00:00.000Z' });
    expect(m.timeToRestore.medianMs).toBe(3 * DAY);
    const r410 = m.releases.find((r) => r.release === '4.1.0')!;
    expect(r410).toMatchObject({ status: 'reopened', deployments: 1, rollbacks: 1, failedDeployments: 1, loops: 2 });
    expect(m.releases.find((r) => r.release === '4.1.1')).toMatchObject({ status: 'deployed', failedDeployments: 0, restore: { reason: 'nothing to restore: no rollback and no escaped bug' } });
  });

  it('an escaped bug fixed in the next release fails the deployment and is restored by that release', () => {
    const escaped = aDeliveryBug({ key: 'RT-500', createdAt: '2026-10-06T20:00:00.000Z', affectsReleases: ['4.1.1'], fixReleases: ['4.2.0'], severity: 'Critical' });
    const withFix = [...releases, aRelease({ name: '4.2.0', handoffs: [aHandoff({ issueKey: 'OPS-4', record: { train: '4.2.0', promotedAt: '2026-10-09T10:00:00.000Z' }, reports: [aReport({ at: '2026-10-10T08:00:00.000Z' })] })] })];
    const m = deliveryMetrics({ now: NOW, releases: withFix, bugs: [escaped] });
    expect(m.releases.find((r) => r.release === '4.1.1')!.escapedBugs).toEqual(['RT-500']);
    const f = m.changeFailureRate.failures.find((x) => x.cause === 'escaped-bug')!;
    expect(f).toMatchObject({ release: '4.1.1', key: 'RT-500', restoredAt: '2026-10-10T08:00:00.000Z' });
    expect(m.changeFailureRate).toMatchObject({ deployments: 3, failed: 2 });
    expect(m.releases.find((r) => r.release === '4.1.1')!.restore.medianMs).toBe(Date.parse('2026-10-10T08:00:00.000Z') - Date.parse('2026-10-06T20:00:00.000Z'));
  });

  it('an escaped bug not fixed yet is open, and says not restored yet', () => {
    const escaped = aDeliveryBug({ key: 'RT-501', createdAt: '2026-10-07T10:00:00.000Z', affectsReleases: ['4.1.1'], fixReleases: [] });
    const m = deliveryMetrics({ now: NOW, releases: [releases[1]!], bugs: [escaped] });
    expect(m.timeToRestore).toMatchObject({ count: 0, reason: 'not restored yet' });
    expect(m.timeToRestore.open.map((o) => o.key)).toEqual(['RT-501']);
  });

  it('a bug filed against a release before it was out is not escaped (found in regression)', () => {
    const found = aDeliveryBug({ createdAt: '2026-09-25T10:00:00.000Z', affectsReleases: ['4.1.0'] });
    const m = deliveryMetrics({ now: NOW, releases, bugs: [found] });
    expect(m.releases.find((r) => r.release === '4.1.0')!.escapedBugs).toEqual([]);
  });

  it('escaped bugs below the severity threshold do not fail a deployment but are still listed', () => {
    const minor = aDeliveryBug({ key: 'RT-600', createdAt: '2026-10-07T10:00:00.000Z', affectsReleases: ['4.1.1'], severity: 'Minor' });
    const m = deliveryMetrics({ now: NOW, releases: [releases[1]!], bugs: [minor], severity: { order: ['Critical', 'Major', 'Moderate', 'Minor'], threshold: 'Major' } });
    expect(m.changeFailureRate).toMatchObject({ deployments: 1, failed: 0, rate: 0, threshold: 'Major' });
    expect(m.releases[0]!.escapedBugs).toEqual(['RT-600']);
  });

  it('a deployment outside the window is not counted in the window figures', () => {
    const m = deliveryMetrics({ now: '2027-03-01T00:00:00.000Z', windowDays: 30, releases, bugs: [] });
    expect(m.frequency).toMatchObject({ inWindow: 0, reason: 'no deployment in the last 30 days' });
    expect(m.changeFailureRate.rate).toBeNull();
    expect(m.releases.find((r) => r.release === '4.1.0')!.deployedAt).toBe('2026-10-02T10:00:00.000Z');
  });

  it('refuses an unreadable now', () => {
    expect(() => deliveryMetrics({ now: 'soon', releases, bugs: [] })).toThrow(RangeError);
  });
});

describe('severity threshold', () => {
  const order = ['Critical', 'Major', 'Moderate', 'Minor'];
  it('counts at or above the threshold, and bugs without severity or with an unknown one', () => {
    expect(meetsThreshold('Critical', { order, threshold: 'Major' })).toBe(true);
    expect(meetsThreshold('major', { order, threshold: 'Major' })).toBe(true);
    expect(meetsThreshold('Moderate', { order, threshold: 'Major' })).toBe(false);
    expect(meetsThreshold(undefined, { order, threshold: 'Major' })).toBe(true);
    expect(meetsThreshold('Blocker', { order, threshold: 'Major' })).toBe(true);
    expect(meetsThreshold('Minor', { order })).toBe(true);
  });
});
