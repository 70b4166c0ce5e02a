import { defaultValidatorConfig } from '@rt/contracts/validator-config';
import { decideFollowsLoop } from '../../../src/domain/validators/follows-loop';
import { changesThrough, mapping, statuses } from '../bug-flow/workflow-fixture';
import { aBug } from './builders';

const config = defaultValidatorConfig('follows-loop');

describe('decideFollowsLoop', () => {
  test('RTE review → QA passes after a review recorded in the changelog', () => {
    const decision = decideFollowsLoop({ config, issue: aBug(), transition: { fromStatusId: '40', toStatusId: '50' }, mapping, statuses });
    expect(decision).toMatchObject({ result: true, verdict: { ok: true, kind: 'advance' } });
    expect(decision.errorMessage).toBeUndefined();
  });

  test('Dev → QA fails with the next step and its owner', () => {
    const issue = aBug({ statusId: '30', statusChanges: changesThrough(['10', '20', '30']) });
    const decision = decideFollowsLoop({ config, issue, transition: { fromStatusId: '30', toStatusId: '50' }, mapping, statuses });
    expect(decision.result).toBe(false);
    expect(decision.errorMessage).toBe("This bug is in Dev. Fixes go to RTE review before QA: move it to 'RTE Review' and the RTE will pass it to QA.");
  });

  test('a bug sent back from QA cannot return to QA without a new review', () => {
    const issue = aBug({ statusId: '30', statusChanges: changesThrough(['10', '20', '30', '40', '50', '30', '90']) });
    const decision = decideFollowsLoop({ config, issue, transition: { fromStatusId: '90', toStatusId: '50' }, mapping, statuses });
    expect(decision).toMatchObject({ result: false, verdict: { rule: 'rte-review-before-qa' } });
  });

  test('the create transition and other issue types pass', () => {
    expect(decideFollowsLoop({ config, issue: aBug(), transition: { toStatusId: '50' }, mapping }).result).toBe(true);
    const story = aBug({ issueType: 'Story', statusId: '30', statusChanges: changesThrough(['10', '20', '30']) });
    expect(decideFollowsLoop({ config, issue: story, transition: { fromStatusId: '30', toStatusId: '50' }, mapping }).result).toBe(true);
    const anyType = { ...config, issueTypes: [] };
    expect(decideFollowsLoop({ config: anyType, issue: story, transition: { fromStatusId: '30', toStatusId: '50' }, mapping }).result).toBe(false);
  });

  test('Done → Dev follows the allowDoneToDev setting', () => {
    const issue = aBug({ statusId: '60', statusChanges: changesThrough(['10', '20', '30', '40', '50', '60']) });
    const transition = { fromStatusId: '60', toStatusId: '30' };
    expect(decideFollowsLoop({ config, issue, transition, mapping }).result).toBe(false);
    expect(decideFollowsLoop({ config: { ...config, allowDoneToDev: true }, issue, transition, mapping })).toMatchObject({ result: true, verdict: { kind: 'reopen' } });
  });
});
