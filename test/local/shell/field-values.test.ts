/** The issue view's field editing as values: the draft of a current value, and the JSON Jira's edit takes. */
import { draftOf, kindOf, labelsOf, payloadOf, requiredProblem, shown } from '../../../local/shell/issue-view/field-values';
import { editableFieldIds } from '../../../local/shell/issue-view/EditableDetails';
import type { FieldMeta } from '../../../local/shell/jira-client';

const versions: FieldMeta = { required: false, name: 'Fix versions', schema: { type: 'array', items: 'version', system: 'fixVersions' }, allowedValues: [{ id: '1', name: '4.3.0-rc.1' }, { id: '2', name: '4.3.0-rc.2' }] };
const docImpact: FieldMeta = { required: true, name: 'Documentation impact', schema: { type: 'option', custom: 'select' }, allowedValues: [{ id: '9', value: 'Yes' }, { id: '8', value: 'No' }] };
const labels: FieldMeta = { required: false, name: 'Labels', schema: { type: 'array', items: 'string', system: 'labels' } };
const assignee: FieldMeta = { required: false, name: 'Assignee', schema: { type: 'user', system: 'assignee' } };

test('kinds', () => {
  expect([versions, docImpact, labels, assignee].map(kindOf)).toEqual(['multi', 'single', 'labels', 'user']);
  expect(kindOf({ required: false, name: 'Summary', schema: { type: 'string' } })).toBeNull();
});

test('draft of the current value and the payload Jira takes', () => {
  const fields = { fixVersions: [{ id: '2', name: '4.3.0-rc.2' }], customfield_1: { id: '9', value: 'Yes' }, labels: ['a', 'b'], assignee: { accountId: 'u1', displayName: 'Elif' } };
  expect(payloadOf(versions, { ...draftOf(versions, 'fixVersions', fields), ids: ['2', '1'] })).toEqual([{ id: '2' }, { id: '1' }]);
  expect(payloadOf(docImpact, draftOf(docImpact, 'customfield_1', fields))).toEqual({ id: '9' });
  expect(payloadOf(docImpact, { ids: [], text: '' })).toBeNull();
  expect(payloadOf(labels, draftOf(labels, 'labels', fields))).toEqual(['a', 'b']);
  expect(payloadOf(assignee, draftOf(assignee, 'assignee', fields))).toEqual({ accountId: 'u1' });
  expect(payloadOf(assignee, { ids: [], text: '' })).toBeNull();
  expect(shown(docImpact, 'customfield_1', fields)).toBe('Yes');
  expect(shown(versions, 'fixVersions', {})).toBe('None');
  expect(shown(assignee, 'assignee', fields)).toBe('Elif');
});

test('labels split on spaces and commas, once each (Jira labels hold no spaces)', () => {
  expect(labelsOf(' docs-impact, reviewed  docs-impact ')).toEqual(['docs-impact', 'reviewed']);
  expect(labelsOf('   ')).toEqual([]);
});

test('a required field left empty is named', () => {
  expect(requiredProblem(docImpact, { ids: [], text: '' })).toBe('Documentation impact is required.');
  expect(requiredProblem(docImpact, { ids: ['9'], text: '' })).toBeNull();
  expect(requiredProblem(versions, { ids: [], text: '' })).toBeNull();
});

test('the box edits the system fields the rules use, then the select custom fields by name', () => {
  const meta = { summary: { required: true, name: 'Summary', schema: { type: 'string' } }, labels, fixVersions: versions, customfield_2: { ...docImpact, name: 'Repro steps confirmed' }, customfield_1: docImpact, customfield_3: { required: false, name: 'Story points', schema: { type: 'number' } } };
  expect(editableFieldIds(meta)).toEqual(['labels', 'fixVersions', 'customfield_1', 'customfield_2']);
});
