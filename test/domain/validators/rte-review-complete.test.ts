import { defaultValidatorConfig } from '@rt/contracts/validator-config';
import { decideRteReviewComplete } from '../../../src/domain/validators/rte-review-complete';
import { changesThrough, mapping, statuses } from '../bug-flow/workflow-fixture';
import { aBug } from './builders';

const config = defaultValidatorConfig('rte-review-complete');
const toQa = { fromStatusId: '40', toStatusId: '50' };

describe('decideRteReviewComplete', () => {
  test('passes when every item is done', () => {
    expect(decideRteReviewComplete({ config, issue: aBug(), transition: toQa, mapping, statuses })).toEqual({ result: true });
  });

  test('lists everything still to do, with real names', () => {
    const issue = aBug({ labels: [], fixVersions: ['4.3.0'], statusChanges: changesThrough(['10', '20', '30', '40', '30']) });
    const decision = decideRteReviewComplete({ config, issue, transition: toQa, mapping, statuses });
    expect(decision).toEqual({
      result: false,
      errorMessage:
        'RTE review is not complete, so this bug cannot go to QA yet. Still to do: ' +
        "(1) set a Fix version naming a release candidate such as 4.3.0-rc.1 (Fix versions now: '4.3.0'); " +
        "(2) answer the documentation impact with the label 'docs-impact' or 'no-docs-impact'; " +
        "(3) the developer confirms the reproduction steps with the label 'repro-confirmed'; " +
        "(4) the RTE reviews the fix in 'RTE Review' after its latest Dev stage (it was in Dev from 2026-03-02). " +
        // Where the bug is, the next legal step and who takes it (the loop's next-step sentence).
        "This bug is in RTE review. The RTE passes it to 'In QA' for QA, or sends it back to 'In Progress'.",
    });
  });

  test('names the stage the bug is in, its next step and owner: from Dev, and from an unmapped status (its history)', () => {
    const issue = aBug({ labels: [], statusChanges: changesThrough(['10', '20', '30']) });
    const fromDev = decideRteReviewComplete({ config, issue, transition: { fromStatusId: '30', toStatusId: '50' }, mapping, statuses });
    expect(fromDev.errorMessage).toMatch(/This bug is in Dev\. The developer moves the fix to 'RTE Review', and the RTE will pass it to QA\.$/);
    const blocked = aBug({ labels: [], statusChanges: changesThrough(['10', '20', '30', '90']) });
    const fromBlocked = decideRteReviewComplete({ config, issue: blocked, transition: { fromStatusId: '90', toStatusId: '50' }, mapping, statuses });
    expect(fromBlocked.errorMessage).toContain('This bug is in Dev. The developer moves the fix');
  });

  test('only checks moves into QA', () => {
    const issue = aBug({ labels: [], fixVersions: [] });
    expect(decideRteReviewComplete({ config, issue, transition: { fromStatusId: '30', toStatusId: '40' }, mapping }).result).toBe(true);
    expect(decideRteReviewComplete({ config, issue, transition: { fromStatusId: '50', toStatusId: '51' }, mapping }).result).toBe(true);
    expect(decideRteReviewComplete({ config, issue, transition: toQa, mapping }).result).toBe(false);
  });

  test('reads fields and transition-screen values when configured with fields', () => {
    const fieldConfig = {
      ...config,
      documentationImpact: { source: 'field' as const, fieldId: 'customfield_10100', fieldName: 'Documentation impact' },
      reproConfirmed: { source: 'field' as const, fieldId: 'customfield_10101', fieldName: 'Repro confirmed' },
    };
    const unanswered = aBug({ labels: [], fields: { customfield_10100: null, customfield_10101: { value: 'No' } } });
    const blocked = decideRteReviewComplete({ config: fieldConfig, issue: unanswered, transition: toQa, mapping });
    expect(blocked.errorMessage).toContain("answer the documentation impact with the field 'Documentation impact'");
    expect(blocked.errorMessage).toContain("the developer confirms the reproduction steps with the field 'Repro confirmed'");

    const onScreen = aBug({
      ...unanswered,
      fixVersions: [],
      modifiedFields: { customfield_10100: { value: 'No' }, customfield_10101: [{ value: 'Confirmed by developer' }], fixVersions: [{ id: '7', name: '4.3.0-RC.3' }] },
    });
    expect(decideRteReviewComplete({ config: fieldConfig, issue: onScreen, transition: toQa, mapping })).toEqual({ result: true });
  });

  test('a custom RC pattern is used and described', () => {
    const custom = { ...config, rcPattern: '^\\d+\\.\\d+\\.\\d+ RC\\d+$' };
    expect(decideRteReviewComplete({ config: custom, issue: aBug({ fixVersions: ['4.3.0 RC2'] }), transition: toQa, mapping }).result).toBe(true);
    const decision = decideRteReviewComplete({ config: custom, issue: aBug(), transition: toQa, mapping });
    expect(decision.errorMessage).toContain('a release candidate (a version matching /^\\d+\\.\\d+\\.\\d+ RC\\d+$/i)');
  });

  test('the history check can be switched off', () => {
    const issue = aBug({ statusChanges: changesThrough(['10', '20', '30']) });
    expect(decideRteReviewComplete({ config, issue, transition: toQa, mapping }).result).toBe(false);
    expect(decideRteReviewComplete({ config: { ...config, requireRteReviewInHistory: false }, issue, transition: toQa, mapping }).result).toBe(true);
  });
});
