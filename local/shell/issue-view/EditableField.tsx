/**
 * One row of the Details box that edits in place, as Jira's issue view does: "Edit <field>" opens the control, Save
 * sends PUT /rest/api/3/issue/{key} with { fields: { <id>: value } }, Cancel or Escape closes it. A refused save keeps
 * what was typed and shows Jira's message under the control.
 */
import { useRef, useState } from 'react';
import type { FieldMeta, Issue, JiraClient, UserRef } from '../jira-client';
import { FieldControl } from './FieldControl';
import { draftOf, payloadOf, shown, type Draft } from './field-values';

type Props = { jira: JiraClient; issue: Issue; fieldId: string; meta: FieldMeta; users: UserRef[]; onSaved(name: string): void };

export function EditableField({ jira, issue, fieldId, meta, users, onSaved }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const controlId = `edit-${fieldId}`;
  const close = () => {
    setDraft(null);
    setError(null);
    setTimeout(() => editButton.current?.focus(), 0);
  };
  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setError(null);
    const r = await jira.editIssue(issue.key, { [fieldId]: payloadOf(meta, draft) });
    setSaving(false);
    if (!r.ok) return setError(r.fieldErrors[fieldId] ?? [...Object.values(r.fieldErrors), ...r.messages].join(' ') ?? 'Jira refused the change.');
    close();
    onSaved(meta.name);
  };
  return (
    <div style={{ display: 'contents' }} data-field={meta.name}>
      <dt>
        <label htmlFor={draft ? controlId : undefined}>{meta.name}</label>
      </dt>
      <dd>
        {draft ? (
          <form
            aria-label={`Edit ${meta.name}`}
            aria-busy={saving}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && !saving) {
                e.stopPropagation();
                close();
              }
            }}
          >
            <FieldControl id={controlId} meta={meta} draft={draft} users={users} error={error} onChange={setDraft} />
            <div className="row">
              <button type="submit" className="primary" disabled={saving}>
                {saving ? 'Saving…' : 'Save'}
              </button>
              <button type="button" onClick={close} disabled={saving}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <span className="row">
            <span data-testid={`value-${fieldId}`}>{shown(meta, fieldId, issue.fields, users)}</span>
            <button
              ref={editButton}
              type="button"
              className="subtle"
              aria-label={`Edit ${meta.name}`}
              onClick={() => {
                setDraft(draftOf(meta, fieldId, issue.fields));
                setTimeout(() => (document.querySelector<HTMLElement>(`#${controlId} input`) ?? document.getElementById(controlId))?.focus(), 0);
              }}
            >
              ✎
            </button>
          </span>
        )}
      </dd>
    </div>
  );
}
