import { defaultValidatorConfig } from '@rt/contracts/validator-config';
import { decideRegressionBugLinked } from '../../../src/domain/validators/regression-bug-linked';
import { changesThrough } from '../bug-flow/workflow-fixture';
import { aBug } from './builders';

const config = defaultValidatorConfig('regression-bug-linked');
const regressionBug = (overrides = {}) =>
  aBug({ statusId: '10', statusChanges: [], labels: ['found-in-regression'], affectsVersions: ['4.3.0-rc.2'], links: [{ typeName: 'Relates', direction: 'outward', otherKey: 'RT-7' }], ...overrides });

describe('decideRegressionBugLinked', () => {
  test('passes when linked to its fix and the RC is in Affects versions', () => {
    expect(decideRegressionBugLinked({ config, issue: regressionBug() })).toEqual({ result: true });
  });

  test('lists both missing items', () => {
    const decision = decideRegressionBugLinked({ config, issue: regressionBug({ links: [], affectsVersions: ['4.2.0'] }) });
    expect(decision).toEqual({
      result: false,
      errorMessage:
        "This bug is labelled 'found-in-regression', so it must point at the fix and release candidate it was found in: " +
        "(1) link the fix it was found while testing with a 'Relates' link; " +
        "(2) set Affects versions to a release candidate such as 4.3.0-rc.1 it was found in (Affects versions now: '4.2.0').",
    });
  });

  test('bugs not found in regression, later transitions and other types pass', () => {
    expect(decideRegressionBugLinked({ config, issue: regressionBug({ labels: [], links: [] }) }).result).toBe(true);
    expect(decideRegressionBugLinked({ config, issue: regressionBug({ links: [], statusChanges: changesThrough(['10', '20']) }) }).result).toBe(true);
    expect(decideRegressionBugLinked({ config: { ...config, onlyFirstTransition: false }, issue: regressionBug({ links: [], statusChanges: changesThrough(['10', '20']) }) }).result).toBe(false);
    expect(decideRegressionBugLinked({ config, issue: regressionBug({ issueType: 'Task', links: [] }) }).result).toBe(true);
  });

  test('on create, the label, links and versions come from the create screen', () => {
    const issue = regressionBug({
      labels: [],
      links: [],
      affectsVersions: [],
      modifiedFields: {
        labels: ['Found-In-Regression'],
        issuelinks: [{ add: { type: { name: 'relates' }, inwardIssue: { key: 'RT-7' } } }, 'junk', null],
        versions: [{ name: '4.3.0-rc.2' }],
      },
    });
    expect(decideRegressionBugLinked({ config, issue })).toEqual({ result: true });
  });

  test('a configured direction must match ("is caused by" = inward)', () => {
    const causal = { ...config, link: { typeName: 'Problem/Incident', direction: 'inward' as const } };
    const caused = regressionBug({ links: [{ typeName: 'Problem/Incident', direction: 'inward', otherKey: 'RT-7' }] });
    const causes = regressionBug({ links: [{ typeName: 'Problem/Incident', direction: 'outward', otherKey: 'RT-7' }] });
    expect(decideRegressionBugLinked({ config: causal, issue: caused }).result).toBe(true);
    const decision = decideRegressionBugLinked({ config: causal, issue: causes });
    expect(decision.errorMessage).toContain("with a 'Problem/Incident' link (this bug on the inward side)");
  });
});
