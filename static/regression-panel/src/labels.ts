import type { RegressionPanel } from '@rt/contracts';

export type PanelRecord = NonNullable<RegressionPanel['record']>;
export type PanelCycle = PanelRecord['cycles'][number];
export type PanelCheck = PanelCycle['checks'][number];
export type CheckResult = PanelCheck['result'];

export const resultLabel: Record<CheckResult, string> = { 'not-run': 'Not run', passed: 'Passed', failed: 'Failed', blocked: 'Blocked' };
export const resultKind = (r: CheckResult) => (r === 'passed' ? 'success' : r === 'failed' ? 'danger' : r === 'blocked' ? 'warning' : 'default');
export const verdictKind = (v: string) => (v === 'passed' ? 'success' : v === 'failed' ? 'danger' : v === 'incomplete' ? 'warning' : 'default');
export const when = (iso?: string) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '');
export const day = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }) : '');
