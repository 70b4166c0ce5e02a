/**
 * The manifest's jira:customField repro-steps-field agrees with the app: its JSON schema has the contract's limits,
 * and its validation and formatter expressions (Jira expressions that are also valid JavaScript for these
 * operations) accept and reject the values they should.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPRO_MAX_STEPS, REPRO_MAX_STEP_LENGTH, REPRO_MAX_TEXT_LENGTH, reproStepsFieldValueSchema } from '../../src/contracts';

type FieldModule = {
  key: string;
  type: string;
  schema: { type: string; properties: Record<string, { type: string; maxLength?: number; maxItems?: number; items?: { type: string; maxLength?: number } }>; required: string[]; additionalProperties: boolean };
  view: { resource?: string; formatter: { expression: string; export?: boolean }; experience: string[] };
  edit: { resource: string; experience: string[]; validation: { expression: string; errorMessage: string } };
  resolver: { function: string };
};
const manifest = parse(readFileSync(join(__dirname, '../../manifest.yml'), 'utf8')) as { modules: { 'jira:customField': FieldModule[] } };
const field = manifest.modules['jira:customField'].find((f) => f.key === 'repro-steps-field')!;
const evaluate = (expression: string, value: unknown): unknown => new Function('value', `return (${expression});`)(value);

describe('manifest jira:customField repro-steps-field', () => {
  it('uses the documented placement: formatter under view (no Custom UI view resource), validation under edit', () => {
    // manifest-reference/modules/jira-custom-field: the view is documented only with UI Kit; Custom UI is for edit.
    expect(field.view.resource).toBeUndefined();
    expect(field.view.formatter.export).toBe(true);
    const legacy = field as unknown as Record<string, unknown>;
    expect(legacy['formatter']).toBeUndefined();
    expect(legacy['validation']).toBeUndefined();
  });

  it('is an object field with the contract schema and limits', () => {
    expect(field).toMatchObject({ type: 'object', view: { experience: ['issue-view'] }, edit: { resource: 'repro-field', experience: ['issue-create', 'issue-view'] }, resolver: { function: 'repro-field-fn' } });
    const { properties, required } = field.schema;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(reproStepsFieldValueSchema.shape).sort());
    expect(required).toEqual(['steps']);
    expect(properties['steps']).toEqual({ type: 'array', maxItems: REPRO_MAX_STEPS, items: { type: 'string', maxLength: REPRO_MAX_STEP_LENGTH } });
    for (const k of ['preconditions', 'expected', 'actual', 'environment', 'build', 'frequency']) expect(properties[k]).toEqual({ type: 'string', maxLength: REPRO_MAX_TEXT_LENGTH });
  });

  it.each([
    ['an empty field', null, true],
    ['steps, expected and actual', { steps: ['Open', 'Click Pay'], expected: 'Paid', actual: 'Error 500' }, true],
    ['an empty steps list', { steps: [], expected: 'Paid', actual: 'Error 500' }, false],
    ['only blank steps', { steps: ['  ', ''], expected: 'Paid', actual: 'Error 500' }, false],
    ['no expected result', { steps: ['Open'], actual: 'Error 500' }, false],
    ['a blank actual result', { steps: ['Open'], expected: 'Paid', actual: '   ' }, false],
  ])('validation accepts or refuses %s', (_label, value, valid) => {
    expect(evaluate(field.edit.validation.expression, value)).toBe(valid);
  });

  it('has an error message that names what is needed', () => {
    expect(field.edit.validation.errorMessage).toMatch(/at least one step.*expected.*actual/);
  });

  it('formats a value for search columns', () => {
    expect(evaluate(field.view.formatter.expression, { steps: ['Open', 'Pay'], expected: 'Paid', actual: 'Error 500', build: '4.3.0' })).toBe('2 steps · expected: Paid · actual: Error 500 · build 4.3.0');
    expect(evaluate(field.view.formatter.expression, { steps: ['Open'] })).toBe('1 step');
    expect(evaluate(field.view.formatter.expression, null)).toBe('');
  });

  it('shows the first line of each part in search columns, at most 60 characters with "…"', () => {
    const trace = `java.lang.IllegalStateException: Invoice not found for order 4711 in the billing service\n${Array.from({ length: 40 }, (_, i) => `\tat com.acme.billing.InvoiceService.load(InvoiceService.java:${100 + i})`).join('\n')}`;
    const value = { steps: ['Open the invoice', 'Click Download'], expected: '\n  The PDF downloads.\r\nIt names the order.', actual: trace, build: '4.3.0-rc.2 (1210)' };
    const shown = evaluate(field.view.formatter.expression, value) as string;
    expect(shown).toBe('2 steps · expected: The PDF downloads. · actual: java.lang.IllegalStateException: Invoice not found for orde… · build 4.3.0-rc.2 (1210)');
    expect(shown).not.toMatch(/[\r\n]/);
    // Exactly 60 characters still fit; a blank part is left out.
    const sixty = 'x'.repeat(60);
    expect(evaluate(field.view.formatter.expression, { steps: ['Open'], expected: sixty, actual: '  ' })).toBe(`1 step · expected: ${sixty}`);
  });
});
