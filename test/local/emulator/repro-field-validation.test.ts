/**
 * The emulator applies the Reproduction steps field's manifest `validation` as Jira does: a filled value without a
 * non-blank step, expected or actual result is refused on create and edit (400, the manifest's errorMessage under
 * the field's id); an empty field (null) is allowed. Its `schema` limits are applied too, as Jira validates an object
 * field's values against it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { manifestFieldChecks, manifestValidationMessage, validateReproSteps } from '../../../local/emulator/issue-fields';
import { REPRO_STEPS_FIELD_ID } from '../../../local/emulator/state';
import { setup, USERS } from './harness';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const manifest = parse(readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8')) as { modules: { 'jira:customField': Array<{ key: string; edit: { validation: { expression: string; errorMessage: string } } }> } };
const validation = manifest.modules['jira:customField'].find((f) => f.key === 'repro-steps-field')!.edit.validation;
const message = validation.errorMessage;
const bug = (custom: unknown) => ({ fields: { project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'VAT is wrong at checkout', [REPRO_STEPS_FIELD_ID]: custom } });
const good = { steps: ['Open the cart', 'Click Pay'], expected: 'VAT 20%', actual: 'VAT 0%' };

it("takes the field's error message from manifest.yml", () => {
  expect(manifestValidationMessage('repro-steps-field')).toBe(message);
  expect(message).toMatch(/at least one step/);
});

it.each([
  ['an empty steps list', { steps: [], expected: 'VAT 20%' }],
  ['only blank steps', { steps: ['  '], expected: 'VAT 20%', actual: 'VAT 0%' }],
  ['no actual result', { steps: ['Open the cart'], expected: 'VAT 20%' }],
  ['a blank expected result', { steps: ['Open the cart'], expected: ' ', actual: 'VAT 0%' }],
])('refuses a value with %s on create, with the manifest message, and creates nothing', async (_label, value) => {
  const { call, store } = await setup();
  const before = store.get().issues.length;
  const r = await call(USERS.l2, 'POST', '/rest/api/3/issue', bug(value));
  expect(r.status).toBe(400);
  expect((r.body as Obj).errors).toEqual({ [REPRO_STEPS_FIELD_ID]: message });
  expect(store.get().issues.length).toBe(before);
});

it('refuses such a value on edit and keeps the stored one; accepts a complete value and clearing the field', async () => {
  const { call, store } = await setup();
  const created = await call(USERS.l2, 'POST', '/rest/api/3/issue', bug(good));
  expect(created.status).toBe(201);
  const { key } = created.body as Obj;
  const stored = () => (store.get().issues.find((i) => i.key === key)!.fields as { custom: Record<string, unknown> }).custom[REPRO_STEPS_FIELD_ID];
  expect(stored()).toEqual(good);

  const bad = await call(USERS.l2, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [REPRO_STEPS_FIELD_ID]: { steps: [], expected: 'VAT 20%' } } });
  expect(bad).toEqual({ status: 400, body: { errorMessages: [], errors: { [REPRO_STEPS_FIELD_ID]: message } } });
  const badSet = await call(USERS.l2, 'PUT', `/rest/api/3/issue/${key}`, { update: { [REPRO_STEPS_FIELD_ID]: [{ set: { steps: ['Open'], actual: 'x' } }] } });
  expect((badSet.body as Obj).errors).toEqual({ [REPRO_STEPS_FIELD_ID]: message });
  expect(stored()).toEqual(good);

  expect((await call(USERS.l2, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [REPRO_STEPS_FIELD_ID]: { ...good, actual: 'VAT 10%' } } })).status).toBe(204);
  expect(stored()).toEqual({ ...good, actual: 'VAT 10%' });
  expect((await call(USERS.l2, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [REPRO_STEPS_FIELD_ID]: null } })).status).toBe(204);
  expect(stored()).toBeUndefined();
});

it.each([
  null,
  good,
  { steps: ['Open', ''], expected: 'a', actual: 'b', build: '4.3' },
  { steps: [], expected: 'VAT 20%' },
  { steps: ['', ' '], expected: 'a', actual: 'b' },
  { steps: ['Open'], expected: 'a' },
  { steps: ['Open'], actual: 'b' },
  { steps: ['Open'], expected: 'a', actual: '\t' },
])("refuses exactly what the manifest's validation expression refuses: %j", (value) => {
  const manifestAccepts = new Function('value', `return (${validation.expression});`)(value) as boolean;
  expect(validateReproSteps(value, manifestFieldChecks('repro-steps-field'))).toBe(manifestAccepts ? undefined : message);
});

describe("the manifest's schema", () => {
  const checks = manifestFieldChecks('repro-steps-field');
  const long = (n: number) => 'x'.repeat(n);

  it.each([
    ['101 steps', { ...good, steps: Array.from({ length: 101 }, (_, i) => `Step ${i + 1}`) }, 'steps has 101 items; at most 100 are allowed.'],
    ['a step over 2,000 characters', { ...good, steps: ['Open', long(2001)] }, 'steps item 2 is 2,001 characters long; at most 2,000 characters are allowed.'],
    ['an expected result over 2,000 characters', { ...good, expected: long(2001) }, 'expected is 2,001 characters long; at most 2,000 characters are allowed.'],
    ['a property the schema does not know', { ...good, severity: 'high' }, 'Reproduction steps has an unknown property severity.'],
    ['a build that is not text', { ...good, build: 43 }, 'build must be text.'],
    ['a step that is not text', { ...good, steps: ['Open', 2] }, 'steps item 2 must be text.'],
  ])('refuses %s with a message that names the part', (_label, value, problem) => {
    expect(validateReproSteps(value, checks)).toBe(problem);
  });

  it('accepts a value at the schema limits; the 32,768-character limit of the whole value still applies', () => {
    expect(validateReproSteps({ ...good, steps: Array.from({ length: 100 }, () => 'Open the cart') }, checks)).toBeUndefined();
    expect(validateReproSteps({ ...good, steps: ['Open', long(2000)], expected: long(2000) }, checks)).toBeUndefined();
    expect(validateReproSteps({ ...good, steps: Array.from({ length: 100 }, () => long(2000)) }, checks)).toBe('Reproduction steps are over the 32,768 character limit.');
  });

  it('refuses a step over the limit on create through the API and creates nothing', async () => {
    const { call, store } = await setup();
    const before = store.get().issues.length;
    const r = await call(USERS.l2, 'POST', '/rest/api/3/issue', bug({ ...good, steps: [long(2001)] }));
    expect(r.status).toBe(400);
    expect((r.body as Obj).errors).toEqual({ [REPRO_STEPS_FIELD_ID]: 'steps item 1 is 2,001 characters long; at most 2,000 characters are allowed.' });
    expect(store.get().issues.length).toBe(before);
  });
});
