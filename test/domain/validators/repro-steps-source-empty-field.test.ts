/**
 * "Repro steps are clear" reads the description when the Reproduction steps field holds nothing to analyse: a value
 * such as {steps: []} or {steps: ['  ']} is an empty field (as everywhere else in the app: isFieldFilled), not a set one.
 */
import { reproStepsSource } from '../../../src/domain/validators/repro-steps-clear';
import { aBug } from './builders';

const fieldConfig = { field: { source: 'field' as const, fieldId: 'customfield_10100', fieldName: 'Reproduction steps', fallbackToDescription: true } };

describe('reproStepsSource with an empty structured field', () => {
  test.each([[{ steps: [] }], [{ steps: ['  '] }], [{ steps: [], expected: '', actual: ' ' }]])('falls back to the description for %j', (value) => {
    expect(reproStepsSource(fieldConfig, aBug({ fields: { customfield_10100: value } })).fieldId).toBe('description');
  });

  test('uses a filled structured field, and an empty one when fallback is off', () => {
    expect(reproStepsSource(fieldConfig, aBug({ fields: { customfield_10100: { steps: ['Open the cart'] } } })).fieldId).toBe('customfield_10100');
    expect(reproStepsSource(fieldConfig, aBug({ fields: { customfield_10100: { steps: [], expected: 'Paid' } } })).fieldId).toBe('customfield_10100');
    const noFallback = { field: { ...fieldConfig.field, fallbackToDescription: false } };
    expect(reproStepsSource(noFallback, aBug({ fields: { customfield_10100: { steps: [] } } })).fieldId).toBe('customfield_10100');
  });

  test('an empty structured field changed on the transition screen also falls back', () => {
    const issue = aBug({ fields: { customfield_10100: { steps: ['Open the cart'] } }, modifiedFields: { customfield_10100: { steps: [] } } });
    expect(reproStepsSource(fieldConfig, issue).fieldId).toBe('description');
  });
});
