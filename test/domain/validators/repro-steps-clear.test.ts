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

  test('one hint per missing part: the analyser\'s own finding for a part replaces the generic hint (no "Add Expected" plus "Say what you expected")', () => {
    const decision = decideReproStepsClear({
      config,
      issue: aBug(),
      analysis: analysis({
        score: 35,
        has: { steps: true, expected: false, actual: false, environment: false },
        findings: [{ code: 'MISSING_EXPECTED', message: 'No expected result.', hint: "Add a line starting 'Expected:'." }],
      }),
    });
    expect(decision).toEqual({
      result: false,
      errorMessage:
        'Reproduction steps are missing the expected result and the actual result. Score 35 of 100; at least 60 needed. ' +
        "Edit the description: Add a line starting 'Expected:'. Say what actually happened: the error, the wrong value, a screenshot. " +
        // No stage known (e.g. on create): reproduction steps are L2's part of the loop.
        'Clear reproduction steps are the L2 stage of the loop: L2 support completes them, then the bug goes to RTE triage.',
    });
  });

  test('an empty description: one hint for steps, expected and actual (no "Add numbered steps" twice); the title names the refused move and the field', () => {
    const empty = analysis({
      score: 0,
      has: { steps: false, expected: false, actual: false, environment: false },
      findings: [
        { code: 'EMPTY', message: 'No description.', hint: 'Write the numbered steps, then "Expected:" and "Actual:" lines.' },
        { code: 'MISSING_STEPS', message: 'No steps.', hint: 'Add numbered steps starting with a verb: "1. Open … 2. Click … 3. …".' },
        { code: 'MISSING_EXPECTED', message: 'No expected.', hint: 'Add "Expected: <…>".' },
      ],
    });
    const field = { ...config, field: { source: 'field' as const, fieldId: 'customfield_10100', fieldName: 'Reproduction steps', fallbackToDescription: false } };
    const r = decideReproStepsClear({ config: field, issue: aBug(), analysis: empty, loop: { stage: 'L2', mapping, statuses }, toStatusId: '20' });
    expect(r.errorMessage).toBe(
      "Move to 'Triage' refused: reproduction steps are missing the steps to reproduce, the expected result and the actual result. Score 0 of 100; at least 60 needed. " +
        // Sent to the field, the hint names its boxes (not "Expected:" lines).
        "Edit the field 'Reproduction steps': Write the actions in the Steps to reproduce boxes, one per step, then fill Expected result and Actual result. " +
        'This bug is in L2; L2 support completes the reproduction steps before it moves on.',
    );
    // Never the move that was just refused.
    expect(r.errorMessage).not.toMatch(/moves? it to 'Triage'/);
  });

  test('an empty Reproduction steps field checked through the description: the refusal names the field (so the issue view links it), not only the description', () => {
    const fallback = { ...config, field: { source: 'field' as const, fieldId: 'customfield_10100', fieldName: 'Reproduction steps', fallbackToDescription: true } };
    const r = decideReproStepsClear({
      config: fallback,
      issue: aBug({ description: 'see title' }),
      analysis: analysis({ score: 0, has: { steps: false, expected: false, actual: false, environment: false }, findings: [{ code: 'EMPTY', message: 'Nothing.', hint: 'Write the steps.' }] }),
      loop: { stage: 'L2', mapping, statuses },
      toStatusId: '20',
    });
    expect(r.errorMessage).toContain("Fill in the field 'Reproduction steps' (it is empty, so the description was checked; its editor can import the steps from the description): Write the actions in the Steps to reproduce boxes, one per step, then fill Expected result and Actual result.");
    expect(r.errorMessage).not.toMatch(/Add "Expected:/);
    expect(r.errorMessage).not.toMatch(/Edit the description/);
    // Without a configured name, the field id still says which field.
    const unnamed = { ...fallback, field: { ...fallback.field, fieldName: undefined } };
    expect(decideReproStepsClear({ config: unnamed, issue: aBug(), analysis: analysis({ score: 0, has: { steps: false, expected: false, actual: false, environment: false } }) }).errorMessage).toContain('Fill in the field customfield_10100 (it is empty');
  });

  test('vague steps are refused even when the other parts lift the score over the minimum', () => {
    const vague = analysis({ score: 60, findings: [{ code: 'VAGUE_STEPS', message: 'Some steps are too vague to follow.', hint: 'Replace them with the exact action.' }] });
    const r = decideReproStepsClear({ config, issue: aBug(), analysis: vague, loop: { stage: 'L2', mapping, statuses }, toStatusId: '20' });
    expect(r.result).toBe(false);
    expect(r.errorMessage).toMatch(/^Move to 'Triage' refused: the steps to reproduce are too vague to follow\. Edit the description: Replace them with the exact action\./);
    // A single step that only restates the bug is no steps either.
    const single = analysis({ score: 75, findings: [{ code: 'SINGLE_STEP', message: 'One step that restates the bug.', hint: 'List each action.' }] });
    expect(decideReproStepsClear({ config, issue: aBug(), analysis: single }).result).toBe(false);
    // With steps not required, the finding does not block.
    expect(decideReproStepsClear({ config: { ...config, requiredParts: ['expected', 'actual'] }, issue: aBug(), analysis: vague }).result).toBe(true);
  });

  test('names the stage the bug is in, its next step and who takes it (real status names)', () => {
    const unclear = analysis({ score: 10 });
    const inL2 = decideReproStepsClear({ config, issue: aBug(), analysis: unclear, loop: { stage: 'L2', mapping, statuses } });
    expect(inL2.errorMessage).toMatch(/ This bug is in L2; L2 support completes the reproduction steps before it moves on\.$/);
    const inDev = decideReproStepsClear({ config, issue: aBug(), analysis: unclear, loop: { stage: 'DEV', mapping, statuses }, toStatusId: '40' });
    expect(inDev.errorMessage).toMatch(/^Move to 'RTE Review' refused: reproduction steps are not clear enough yet \(score 10 of 100; at least 60 needed\)\..* This bug is in Dev; the developer completes the reproduction steps before it moves on\.$/);
  });

  test('a good score still fails when a required part is missing', () => {
    const strict = { ...config, requiredParts: ['environment' as const] };
    const decision = decideReproStepsClear({ config: strict, issue: aBug(), analysis: analysis() });
    expect(decision.errorMessage).toBe(
      'Reproduction steps are missing the environment. Edit the description: Name the environment: app version, browser and OS, site or tenant. ' +
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
    expect(placed.errorMessage).toMatch(/… This bug is in L2; L2 support completes the reproduction steps before it moves on\.$/);
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
    expect(decision.errorMessage).toMatch(/^Reproduction steps are not clear enough yet.*Edit the field 'Reproduction steps'/);
  });
});
