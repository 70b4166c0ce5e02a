/** The emulator's editmeta and transition screens: Jira's FieldMetadata shapes, and its 400 for a required screen field. */
import { DOC_IMPACT_FIELD_ID, REPRO_CONFIRMED_FIELD_ID, RT_TRANSITION, STATUS } from '../../../local/seed/ids';
import { setup, USERS } from './harness';

const inReview = (s: Awaited<ReturnType<typeof setup>>) => s.store.get().issues.find((i) => i.key.startsWith('RT-') && i.fields.statusId === STATUS.RTE_REVIEW && i.fields.fixVersionIds.length === 0)!;

test('editmeta lists the editable fields with allowed values; a user without Edit Issues gets none', async () => {
  const s = await setup();
  const key = inReview(s).key;
  const r = await s.call(USERS.rte, 'GET', `/rest/api/3/issue/${key}/editmeta`);
  expect(r.status).toBe(200);
  const fields = (r.body as { fields: Record<string, { name: string; operations: string[]; allowedValues?: Array<{ name?: string; value?: string }> }> }).fields;
  expect(fields['fixVersions']!.allowedValues!.map((v) => v.name)).toContain('4.3.0-rc.1');
  expect(fields['labels']!.operations).toEqual(expect.arrayContaining(['add', 'set', 'remove']));
  expect(fields[DOC_IMPACT_FIELD_ID]!.allowedValues!.map((v) => v.value)).toEqual(expect.arrayContaining(['Yes', 'No']));
  expect(fields[REPRO_CONFIRMED_FIELD_ID]!.name).toBe('Repro steps confirmed');
  await s.store.update((st) => void (st.permissionScheme['EDIT_ISSUES'] = []));
  const none = await s.call(USERS.rte, 'GET', `/rest/api/3/issue/${key}/editmeta`);
  expect(none.body).toEqual({ fields: {} });
});

test('a transition with a screen: hasScreen, its fields on expand=transitions.fields, a required one refused with the errors map', async () => {
  const s = await setup();
  await s.store.update((st) => {
    const t = st.workflows.find((w) => w.projectKeys.includes('RT'))!.transitions.find((x) => x.id === RT_TRANSITION.IN_QA)!;
    t.screen = { fields: [{ id: 'fixVersions', name: 'Fix versions', required: true }] };
  });
  const key = inReview(s).key;
  const plain = await s.call(USERS.rte, 'GET', `/rest/api/3/issue/${key}/transitions?transitionId=${RT_TRANSITION.IN_QA}`);
  const t = (plain.body as { transitions: Array<{ hasScreen: boolean; fields?: unknown }> }).transitions[0]!;
  expect(t.hasScreen).toBe(true);
  expect(t.fields).toBeUndefined();
  const expanded = await s.call(USERS.rte, 'GET', `/rest/api/3/issue/${key}/transitions?transitionId=${RT_TRANSITION.IN_QA}&expand=transitions.fields`);
  expect((expanded.body as { transitions: Array<{ fields: Record<string, { required: boolean }> }> }).transitions[0]!.fields['fixVersions']).toMatchObject({ required: true, name: 'Fix versions' });
  const refused = await s.call(USERS.rte, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: RT_TRANSITION.IN_QA } });
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({ errors: { fixVersions: 'Fix versions is required.' } });
  expect(s.store.get().issues.find((i) => i.key === key)!.fields.statusId).toBe(STATUS.RTE_REVIEW);
});
