import type { IssueSnapshot } from '../../../src/domain/validators/issue-snapshot';
import { CREATED, changesThrough } from '../bug-flow/workflow-fixture';

/** A bug that has just been reviewed by the RTE (in 'RTE Review'), with every RTE-review item done. */
export function aBug(overrides: Partial<IssueSnapshot> = {}): IssueSnapshot {
  return {
    key: 'RT-42',
    issueType: 'Bug',
    statusId: '40',
    labels: ['docs-impact', 'repro-confirmed'],
    fixVersions: ['4.3.0-rc.2'],
    affectsVersions: ['4.2.0'],
    links: [],
    fields: {},
    description: { type: 'doc', version: 1, content: [] },
    created: CREATED,
    statusChanges: changesThrough(['10', '20', '30', '40']),
    ...overrides,
  };
}
