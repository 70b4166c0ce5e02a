import type { EditContext, RegressionCheck, RegressionCycle, RegressionRecord } from '../../src/domain/regression/types';

/** Builders with overridable defaults for the focused-regression model. */

export const T0 = '2026-03-01T09:00:00.000Z';
/** T0 + `minutes`. */
export const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export const ann = { accountId: 'acc-ann', name: 'Ann QA' };
export const bob = { accountId: 'acc-bob', name: 'Bob QA' };

export const ctx = (actor = ann, minutes = 0): EditContext => ({ actor, now: at(minutes) });

let seq = 0;
export function aCheck(overrides: Partial<RegressionCheck> = {}): RegressionCheck {
  seq += 1;
  return {
    id: `c${seq}`,
    area: 'Checkout',
    title: `Check ${seq}`,
    result: 'not-run',
    updatedAt: T0,
    updatedBy: ann.accountId,
    ...overrides,
  };
}

export function aPassedCheck(overrides: Partial<RegressionCheck> = {}): RegressionCheck {
  return aCheck({ result: 'passed', tester: ann, at: T0, ...overrides });
}

export function aCycle(overrides: Partial<RegressionCycle> = {}): RegressionCycle {
  return { rc: '4.3.0-rc.1', startedAt: T0, checks: [aCheck(), aCheck()], ...overrides };
}

export function aRecord(overrides: Partial<RegressionRecord> = {}): RegressionRecord {
  return { schemaVersion: 1, cycles: [aCycle()], foundBugs: [], revision: 3, ...overrides };
}
