import { stageHistory, type StageInterval, type StatusChange } from '../../../src/domain/bug-flow/changelog';
import type { JiraStatus, StatusStageMapping } from '../../../src/domain/bug-flow/status-mapping';
import type { Stage } from '../../../src/domain/bug-flow/stages';

/** A realistic release-train bug workflow: one main status per stage plus same-stage alternatives and "Blocked". */
export const statuses: JiraStatus[] = [
  { id: '10', name: 'Open', categoryKey: 'new' },
  { id: '11', name: 'Waiting for L2', categoryKey: 'new' },
  { id: '20', name: 'Triage', categoryKey: 'new' },
  { id: '30', name: 'In Progress', categoryKey: 'indeterminate' },
  { id: '31', name: 'Fixing', categoryKey: 'indeterminate' },
  { id: '40', name: 'RTE Review', categoryKey: 'indeterminate' },
  { id: '50', name: 'In QA', categoryKey: 'indeterminate' },
  { id: '51', name: 'Regression', categoryKey: 'indeterminate' },
  { id: '60', name: 'Done', categoryKey: 'done' },
  { id: '90', name: 'Blocked', categoryKey: 'indeterminate' },
];

/** "Blocked" is deliberately left unmapped: it keeps whatever stage the bug was in. */
export const mapping: StatusStageMapping = {
  byStatusId: { '10': 'L2', '11': 'L2', '20': 'RTE_TRIAGE', '30': 'DEV', '31': 'DEV', '40': 'RTE_REVIEW', '50': 'QA', '51': 'QA', '60': 'DONE' },
};

export const mainStatus: Record<Stage, string> = { L2: '10', RTE_TRIAGE: '20', DEV: '30', RTE_REVIEW: '40', QA: '50', DONE: '60' };
export const altStatus: Record<Stage, string> = { L2: '11', RTE_TRIAGE: '20', DEV: '31', RTE_REVIEW: '40', QA: '51', DONE: '60' };

export const CREATED = '2026-03-02T09:00:00.000Z';

/** Status changes through `statusIds` (the first is the creation status), one hour apart, alternating authors. */
export function changesThrough(statusIds: readonly string[], start = CREATED): StatusChange[] {
  const changes: StatusChange[] = [];
  const t0 = Date.parse(start);
  for (let i = 1; i < statusIds.length; i += 1) {
    const from = statusIds[i - 1];
    const to = statusIds[i];
    if (from === undefined || to === undefined) continue;
    changes.push({
      at: new Date(t0 + i * 3_600_000).toISOString(),
      authorAccountId: `acc-${i % 3}`,
      authorName: `Person ${i % 3}`,
      fromStatusId: from,
      toStatusId: to,
    });
  }
  return changes;
}

export function historyThrough(statusIds: readonly string[]): StageInterval[] {
  return stageHistory(CREATED, statusIds[0], changesThrough(statusIds), mapping);
}

/** The natural path that brings a bug into `stage`. */
export const pathTo: Record<Stage, string[]> = {
  L2: ['10'],
  RTE_TRIAGE: ['10', '20'],
  DEV: ['10', '20', '30'],
  RTE_REVIEW: ['10', '20', '30', '40'],
  QA: ['10', '20', '30', '40', '50'],
  DONE: ['10', '20', '30', '40', '50', '60'],
};
