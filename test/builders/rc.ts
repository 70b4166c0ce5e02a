import type { GateResult, RcIssue, VersionLite } from '../../src/domain/rc-readiness/types';
import type { PromotionPlanInput } from '../../src/domain/rc-readiness/promotion';

/** Builders with overridable defaults for the RC-readiness model. A default issue passes every gate. */

let seq = 0;
export function anRcIssue(overrides: Partial<RcIssue> = {}): RcIssue {
  seq += 1;
  return {
    key: `BUG-${seq}`,
    type: 'Bug',
    statusCategory: 'done',
    isDone: true,
    rteReviewedAfterLatestDev: true,
    regressionVerdict: 'passed',
    reproConfirmed: true,
    ...overrides,
  };
}

export function anOpenIssue(overrides: Partial<RcIssue> = {}): RcIssue {
  return anRcIssue({ statusCategory: 'indeterminate', isDone: false, ...overrides });
}

export function aVersion(overrides: Partial<VersionLite> = {}): VersionLite {
  seq += 1;
  return { id: String(10000 + seq), name: `4.3.0-rc.${seq}`, released: false, ...overrides };
}

export function aGate(overrides: Partial<GateResult> = {}): GateResult {
  return { id: 'issues-done', title: 'Every issue is done', passed: true, evidence: [], detail: 'All done.', ...overrides };
}

export function aPlanInput(overrides: Partial<PromotionPlanInput> = {}): PromotionPlanInput {
  return {
    projectKey: 'BUG',
    version: { id: '10042', name: '4.3.0-rc.2', released: false },
    release: '4.3.0',
    candidates: [
      { id: '10041', name: '4.3.0-rc.1', n: 1 },
      { id: '10042', name: '4.3.0-rc.2', n: 2 },
    ],
    production: { name: '4.3.0' },
    gates: [aGate()],
    unfinishedKeys: [],
    opsProjectKey: 'OPS',
    ...overrides,
  };
}

export const rte = { accountId: 'acc-rte', name: 'Rita RTE' };
