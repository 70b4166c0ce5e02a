import { defaultValidatorConfig } from '@rt/contracts/validator-config';
import { decideRegressionClean } from '../../../src/domain/validators/regression-clean';
import { aCheck, aCycle, aPassedCheck, aRecord } from '../../builders/regression';
import { mapping, statuses } from '../bug-flow/workflow-fixture';
import { aBug } from './builders';

const config = defaultValidatorConfig('regression-clean');
const toDone = { fromStatusId: '50', toStatusId: '60' };
const rc2 = { fixVersions: ['4.3.0-rc.2'], fields: { fixVersions: [{ name: '4.3.0-rc.2', released: false }] } };
const decide = (storedRegression: unknown, overrides = {}, transition = toDone) =>
  decideRegressionClean({ config, issue: aBug({ ...rc2, statusId: '50', ...overrides }), transition, mapping, statuses, storedRegression });
const cycle2 = (checks: ReturnType<typeof aCheck>[]) => aRecord({ cycles: [aCycle({ rc: '4.3.0-rc.2', checks })] });

describe('the Done gate: the regression of the current candidate must have passed', () => {
  test('passed: every check of the current candidate passed', () => {
    expect(decide(cycle2([aPassedCheck(), aPassedCheck()]))).toEqual({ result: true });
  });

  test('failed, blocked and not run: refused, each listed by title, pointing to the QA panel and naming the move', () => {
    const r = decide(cycle2([aPassedCheck(), aCheck({ title: 'Checkout total', result: 'failed' }), aCheck({ title: 'Coupon field', result: 'blocked' }), aCheck({ title: 'Guest checkout' })]));
    expect(r.result).toBe(false);
    expect(r.errorMessage).toBe(
      "Move to 'Done' refused: the regression for 4.3.0-rc.2 is not clean: 1 failed ('Checkout total'); 1 blocked ('Coupon field'); 1 not run ('Guest checkout'), of 4 checks. " +
        "A bug closes only when every check of its current candidate passed: finish the checks in the QA regression panel on this issue. A failed check sends the fix back to Dev ('In Progress').",
    );
  });

  test.each([
    ['only blocked', [aPassedCheck(), aCheck({ result: 'blocked', title: 'B' })], /1 blocked \('B'\)/],
    ['only not run', [aPassedCheck(), aCheck({ title: 'N' })], /1 not run \('N'\)/],
    ['only failed', [aCheck({ result: 'failed', title: 'F' })], /1 failed \('F'\)/],
  ])('%s: refused', (_name, checks, reason) => {
    const r = decide(cycle2(checks));
    expect(r.result).toBe(false);
    expect(r.errorMessage).toMatch(reason);
  });

  test('no checklist yet (nothing stored, or an empty cycle): refused with the reason', () => {
    expect(decide(undefined).errorMessage).toBe(
      "Move to 'Done' refused: there is no regression checklist for 4.3.0-rc.2 yet, the candidate that carries this fix. QA starts the checklist in the QA regression panel on this issue and runs it; the bug closes when every check passes.",
    );
    expect(decide(cycle2([])).result).toBe(false);
  });

  test('a passed verdict of an older candidate does not count', () => {
    const r = decide(aRecord({ cycles: [aCycle({ rc: '4.3.0-rc.1', checks: [aPassedCheck()] })] }));
    expect(r.result).toBe(false);
    expect(r.errorMessage).toContain('The last regression was for 4.3.0-rc.1 (passed); a verdict of an older candidate does not count, because 4.3.0-rc.2 is a new build.');
  });

  test('the current candidate is the unreleased RC fix version (a released one does not count), as the QA panel picks it', () => {
    const record = aRecord({ cycles: [aCycle({ rc: '4.3.0-rc.1', checks: [aPassedCheck()] }), aCycle({ rc: '4.3.0-rc.2', checks: [aCheck({ result: 'failed' })] })] });
    const bothListed = { fixVersions: ['4.3.0-rc.1', '4.3.0-rc.2'], fields: { fixVersions: [{ name: '4.3.0-rc.1', released: true }, { name: '4.3.0-rc.2' }] } };
    expect(decide(record, bothListed).result).toBe(false);
  });

  test('no release-candidate fix version: refused, saying what to set', () => {
    const r = decide(cycle2([aPassedCheck()]), { fixVersions: ['4.3.0'], fields: { fixVersions: [{ name: '4.3.0' }] } });
    expect(r.errorMessage).toMatch(/^Move to 'Done' refused: this bug has no release-candidate fix version.*4\.3\.0-rc\.1/);
  });

  test('a stored record that cannot be read: refused, saying so', () => {
    expect(decide({ cycles: 'x' }).errorMessage).toMatch(/^Move to 'Done' refused: the regression record on this bug cannot be read \(Stored regression data is invalid/);
  });

  test('fix versions changed on the transition screen count', () => {
    const r = decide(cycle2([aPassedCheck()]), { fixVersions: ['4.3.0-rc.1'], fields: {}, modifiedFields: { fixVersions: [{ name: '4.3.0-rc.2' }] } });
    expect(r).toEqual({ result: true });
  });

  test('only moves that end the loop: other moves, Done → Done, and other issue types pass', () => {
    expect(decide(undefined, {}, { fromStatusId: '50', toStatusId: '30' })).toEqual({ result: true });
    expect(decide(undefined, {}, { fromStatusId: '60', toStatusId: '60' })).toEqual({ result: true });
    expect(decide(undefined, { issueType: 'Story' })).toEqual({ result: true });
    // Any stage into Done ends the loop, not only QA → Done.
    expect(decide(undefined, {}, { fromStatusId: '40', toStatusId: '60' }).result).toBe(false);
  });
});
