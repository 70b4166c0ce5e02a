/**
 * The Details box with the fields the app's rules use editable in place (Jira's editmeta says which fields the user
 * may edit and their allowed values): priority, assignee, labels, components, fix and affects versions, and the
 * project's select fields ("Documentation impact", "Repro steps confirmed"). Without edit rights (editmeta empty) or
 * when editmeta cannot be read, the box is read-only, as before.
 */
import { useEffect, useState } from 'react';
import type { FieldMeta, Issue, JiraClient, UserRef } from '../jira-client';
import { useShell } from '../shell-context';
import { EditableField } from './EditableField';
import { kindOf } from './field-values';
import { IssueDetails } from './IssueDetails';

const SYSTEM_ORDER = ['priority', 'assignee', 'labels', 'components', 'fixVersions', 'versions'];

/** The fields to edit in the box, in Jira's order: the system ones above, then the select custom fields. */
export function editableFieldIds(meta: Record<string, FieldMeta>): string[] {
  const system = SYSTEM_ORDER.filter((id) => meta[id] && kindOf(meta[id]!) !== null);
  const custom = Object.keys(meta)
    .filter((id) => id.startsWith('customfield_') && meta[id]!.schema.type === 'option' && meta[id]!.allowedValues)
    .sort((a, b) => meta[a]!.name.localeCompare(meta[b]!.name));
  return [...system, ...custom];
}

export function EditableDetails({ jira, issue, sprintFieldId, onChanged }: { jira: JiraClient; issue: Issue; sprintFieldId: string | null; onChanged(): void }) {
  const shell = useShell();
  const [meta, setMeta] = useState<Record<string, FieldMeta> | null>(null);
  const [users, setUsers] = useState<UserRef[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([jira.getEditMeta(issue.key), jira.getUsers()]).then(([m, u]) => {
      if (!live) return;
      if (m.ok) setMeta(m.data.fields ?? {});
      else setProblem(`Fields cannot be edited here: ${m.messages.join(' ')}`);
      if (u.ok && Array.isArray(u.data)) setUsers(u.data);
    });
    return () => {
      live = false;
    };
  }, [jira, issue.key]);

  const ids = meta ? editableFieldIds(meta) : [];
  return (
    <>
      <IssueDetails issue={issue} sprintFieldId={sprintFieldId} hide={ids} />
      {ids.length > 0 ? (
        <section className="details" aria-labelledby="edit-fields-heading">
          <h2 id="edit-fields-heading">Fields</h2>
          <dl>
            {ids.map((id) => (
              <EditableField
                key={id}
                jira={jira}
                issue={issue}
                fieldId={id}
                meta={meta![id]!}
                users={users}
                onSaved={(name) => {
                  shell.flag({ title: `${name} saved`, description: `${issue.key} was updated.`, appearance: 'success' });
                  onChanged();
                }}
              />
            ))}
          </dl>
        </section>
      ) : null}
      {problem ? <p className="muted">{problem}</p> : null}
    </>
  );
}
