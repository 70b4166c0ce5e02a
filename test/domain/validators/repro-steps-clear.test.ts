import { defaultValidatorConfig } from '@rt/contracts/validator-config';
import { decideReproStepsClear, reproStepsSource, type ReproAnalysisSummary } from '../../../src/domain/validators/repro-steps-clear';
import { mapping, statuses } from '../bug-flow/workflow-fixture';
import { aBug } from './builders';

const config = defaultValidatorConfig('repro-steps-clear');
const analysis = (overrides: Partial<ReproAnalysisSummary> = {}): ReproAnalysisSummary => ({
  score: 85,
  has: { steps: true, expected: true, actual: true, environment: false },
  findings: [],
  ...overrides,
});

describe('decideReproStepsClear', () => {
  test('passes a clear description with the required parts', () => {
    expect(decideReproStepsClear({ config, issue: aBug(), analysis: analysis() })).toEqual({ result: true });
  });

  test('lists what is missing with the hints', () => {
    const decision = decideReproStepsClear({
      config,
      issue: aBug(),
      analysis: analysis({
        score: 35,
        has: { steps: true, expected: false, actual: false, environment: false },
        findings: [{ code: 'NO_EXPECTED', message: 'No expected result.', hint: "Add a line starting 'Expected:'." }],
      }),
    });
    expect(decision).toEqual({
      result: false,
      errorMessage:
        'The reproduction steps in the description are not clear enough yet (score 35 of 100; at least 60 needed). ' +
        'Missing: expected result, actual result. ' +
        "What to add: Add a line starting 'Expected:'. Say what you expected to happen. Say what actually happened: the error, the wrong value, a screenshot. " +
        // No stage known (e.g. on create): reproduction steps are L2's part of the loop.
        'Clear reproduction steps are the L2 stage of the loop: L2 support completes them, then the bug goes to RTE triage.',
    });
  });

  test('names the stage the bug is in, its next step and who takes it (real status names)', () => {
    const unclear = analysis({ score: 10 });
    const inL2 = decideReproStepsClear({ config, issue: aBug(), analysis: unclear, loop: { stage: 'L2', mapping, statuses } });
    expect(inL2.errorMessage).toMatch(/ This bug is in L2\. L2 support completes it and moves it to 'Triage', where the RTE triages it\.$/);
    const inTriage = decideReproStepsClear({ config, issue: aBug(), analysis: unclear, loop: { stage: 'RTE_TRIAGE', mapping, statuses } });
    expect(inTriage.errorMessage).toMatch(/ This bug is in RTE triage\. The RTE accepts it and moves it to 'In Progress' for a developer, or back to 'Open' when L2 must add information\.$/);
  });

  test('a good score still fails when a required part is missing', () => {
    const strict = { ...config, requiredParts: ['environment' as const] };
    const decision = decideReproStepsClear({ config: strict, issue: aBug(), analysis: analysis() });
    expect(decision.errorMessage).toBe(
      'The reproduction steps in the description are missing required parts. Missing: environment. What to add: Name the environment: app version, browser and OS, site or tenant. ' +
        'Clear reproduction steps are the L2 stage of the loop: L2 support completes them, then the bug goes to RTE triage.',
    );
  });

  test('hostile analysis input gives a clear, bounded result', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ code: `C${i}`, message: `m${i}`, hint: `hint ${i} `.repeat(50) }));
    const decision = decideReproStepsClear({ config, issue: aBug(), analysis: analysis({ score: Number.NaN, findings: many }) });
    expect(decision.result).toBe(false);
    expect(decision.errorMessage?.length).toBeLessThanOrEqual(1500);
    expect(decision.errorMessage).toContain('score 0 of 100');
    const placed = decideReproStepsClear({ config, issue: aBug(), analysis: analysis({ score: 0, findings: many }), loop: { stage: 'L2', mapping, statuses } });
    expect(placed.errorMessage?.length).toBeLessThanOrEqual(1500);
    expect(placed.errorMessage).toMatch(/… This bug is in L2\. L2 support completes it and moves it to 'Triage', where the RTE triages it\.$/);
  });
});

describe('reproStepsSource', () => {
  const fieldConfig = { field: { source: 'field' as const, fieldId: 'customfield_10200', fieldName: 'Reproduction steps', fallbackToDescription: true } };

  test('uses the configured field, else the description where the field is empty', () => {
    const withField = aBug({ fields: { customfield_10200: 'Steps: 1. open' } });
    expect(reproStepsSource(fieldConfig, withField)).toEqual({ fieldId: 'customfield_10200', fieldLabel: "'Reproduction steps'", value: 'Steps: 1. open' });
    expect(reproStepsSource(fieldConfig, aBug()).fieldId).toBe('description');
    const noFallback = { field: { ...fieldConfig.field, fallbackToDescription: false } };
    expect(reproStepsSource(noFallback, aBug()).fieldId).toBe('customfield_10200');
  });

  test('values changed on the transition screen win', () => {
    const issue = aBug({ description: 'old', modifiedFields: { description: 'new text' } });
    expect(reproStepsSource({ field: { source: 'description' } }, issue).value).toBe('new text');
    const viaField = aBug({ fields: { customfield_10200: 'old' }, modifiedFields: { customfield_10200: 'edited' } });
    expect(reproStepsSource(fieldConfig, viaField).value).toBe('edited');
  });

  test('the message names the analysed field', () => {
    const issue = aBug({ fields: { customfield_10200: 'x' } });
    const decision = decideReproStepsClear({ config: { ...config, ...fieldConfig }, issue, analysis: analysis({ score: 10 }) });
    expect(decision.errorMessage).toMatch(/^The reproduction steps in 'Reproduction steps' are not clear enough yet/);
  });
});
