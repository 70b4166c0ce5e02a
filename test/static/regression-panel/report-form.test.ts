/** The regression bug report dialog's form: the tester's steps and results, never the skeleton's prompts. */
import { initialForm, missingBoxes, reproOf, stepsOf, suggestedSteps } from '../../../static/regression-panel/src/report-form';

const draft = { summary: 'Regression in 4.3.0-rc.1: Checkout — Pay', prefill: { steps: [], expected: '', actual: 'Total shows 0.00', environment: '' } };

test('starts from real values only: the note as the actual result, no steps, no prompt', () => {
  expect(initialForm(draft)).toEqual({ summary: draft.summary, steps: '', expected: '', actual: 'Total shows 0.00', environment: '' });
});

test('names each box still empty, in the dialog order', () => {
  expect(missingBoxes(initialForm(draft)).map((m) => m.box)).toEqual(['steps', 'expected']);
  expect(missingBoxes({ ...initialForm(draft), steps: ' \n ', expected: 'x', actual: ' ' }).map((m) => m.box)).toEqual(['steps', 'actual']);
  expect(missingBoxes({ ...initialForm(draft), steps: 'Open', expected: 'x' })).toEqual([]);
});

test('one step per line, typed numbers dropped; environment only when written', () => {
  expect(stepsOf('1. Open the cart\n\n2) Click Pay\n- Confirm')).toEqual(['Open the cart', 'Click Pay', 'Confirm']);
  expect(reproOf({ ...initialForm(draft), steps: 'Open', expected: ' 90 ' })).toEqual({ steps: ['Open'], expected: '90', actual: 'Total shows 0.00' });
  expect(reproOf({ ...initialForm(draft), steps: 'Open', expected: '90', environment: 'Chrome' }).environment).toBe('Chrome');
});

test('the suggested steps leave the prompt out', () => {
  expect(suggestedSteps(['Use build 4.3.0-rc.1.', 'Go to Checkout.', '(Add the exact actions that led to the failure.)'])).toBe('Use build 4.3.0-rc.1.\nGo to Checkout.');
});
