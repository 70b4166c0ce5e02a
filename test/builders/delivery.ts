import type { DeploymentReport, HandoffRecord } from '../../src/contracts/handoff';
import type { Handoff } from '../../src/domain/delivery/handoff-outcome';
import type { DeliveryBug, DeliveryRelease } from '../../src/domain/delivery/metrics';

/** Builders with overridable defaults for the ops outcome loop and the delivery metrics. */

export function aHandoffRecord(overrides: Partial<HandoffRecord> = {}): HandoffRecord {
  return {
    projectKey: 'RT',
    train: '4.1.0',
    productionVersionId: '10100',
    productionVersionName: overrides.train ?? '4.1.0',
    candidateVersionId: '10101',
    candidateName: `${overrides.train ?? '4.1.0'}-rc.2`,
    promotionId: 'RT:10101',
    promotedBy: 'rt-rte-chloe',
    promotedAt: '2026-10-01T10:00:00.000Z',
    ...overrides,
  };
}

export function aReport(overrides: Partial<DeploymentReport> = {}): DeploymentReport {
  return { outcome: 'deployed', at: '2026-10-02T10:00:00.000Z', environment: 'production', note: '', reportedBy: 'rt-ops-kwame', reportedAt: '2026-10-02T10:05:00.000Z', ...overrides };
}

export function aHandoff(overrides: { issueKey?: string; record?: Partial<HandoffRecord>; reports?: DeploymentReport[] } = {}): Handoff {
  return { issueKey: overrides.issueKey ?? 'OPS-1', record: aHandoffRecord(overrides.record), reports: overrides.reports ?? [] };
}

export function aRelease(overrides: Partial<DeliveryRelease> = {}): DeliveryRelease {
  return { name: '4.1.0', released: true, releaseDate: '2026-10-01', candidateCount: 2, handoffs: [], ...overrides };
}

let seq = 0;
export function aDeliveryBug(overrides: Partial<DeliveryBug> = {}): DeliveryBug {
  seq += 1;
  return { key: `RT-${seq}`, createdAt: '2026-09-20T10:00:00.000Z', fixReleases: ['4.1.0'], affectsReleases: [], ...overrides };
}
