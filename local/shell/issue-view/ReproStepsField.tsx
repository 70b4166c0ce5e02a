/**
 * The Reproduction steps custom field in the issue view, shown as the manifest says Jira shows it: with a view
 * resource, its view frame; without one (the documented form for a Custom UI field), the formatter's text rendered
 * natively. Edit mode opens the edit frame.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FrameToShell } from '../../bridge-host/frame-config';
import { AppFrame } from '../AppFrame';
import { ErrorBanner } from '../components/ErrorBanner';
import { customFieldContext } from '../frame-context';
import { frameBase, handleCommonFrameMessage } from '../frame-messages';
import type { Issue } from '../jira-client';
import { useShell } from '../shell-context';
import { formatFieldValue, type CustomFieldModule } from '../workspace-client';

/** `openRequest`: a number that, when it changes (above 0), opens the editor and brings the field into view. */
type Props = { field: CustomFieldModule; issue: Issue; onChanged(): void; openRequest?: number };

export function ReproStepsField({ field, issue, onChanged, openRequest = 0 }: Props) {
  const shell = useShell();
  const { workspace, jira } = shell;
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const value = issue.fields[field.fieldId] ?? null;
  const project = { id: workspace.projectId, key: workspace.projectKey };
  const valueJson = JSON.stringify(value);
  const section = useRef<HTMLElement>(null);
  // Jira offers Edit only where the edit screen (editmeta) has the field: not to a viewer without Edit Issues.
  const [editable, setEditable] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void jira.getEditMeta(issue.key).then((m) => live && setEditable(m.ok ? field.fieldId in (m.data.fields ?? {}) : null));
    return () => {
      live = false;
    };
  }, [jira, issue.key, field.fieldId]);
  const canEdit = Boolean(field.editResource) && editable !== false;

  useEffect(() => {
    if (openRequest <= 0) return;
    if (canEdit) setEditing(true);
    section.current?.scrollIntoView({ block: 'start' });
    section.current?.focus();
  }, [openRequest, canEdit]);
  const [formatted, setFormatted] = useState<{ ok: true; data: string } | { ok: false; message: string } | null>(null);
  useEffect(() => {
    if (field.viewResource || !field.viewFormatter) return;
    let live = true;
    void formatFieldValue(field.key, value).then((r) => live && setFormatted(r));
    return () => {
      live = false;
    };
    // Deps on purpose: re-formatted only when the value really changes
  }, [field.key, valueJson]);

  const viewContext = useMemo(
    () => customFieldContext(frameBase(shell, field.key, `${field.key}-view`), { fieldId: field.fieldId, renderContext: 'issue-view', entryPoint: 'view', project, issue: { id: issue.id, key: issue.key }, fieldValue: value }),
    // Deps on purpose: rebuilt only when the value really changes
    [shell.user.accountId, issue.id, valueJson],
  );
  const editContext = useMemo(
    () => customFieldContext(frameBase(shell, field.key, `${field.key}-edit`), { fieldId: field.fieldId, renderContext: 'issue-view', entryPoint: 'edit', project, issue: { id: issue.id, key: issue.key }, fieldValue: value }),
    // Deps on purpose: the editor keeps its own state once open
    [shell.user.accountId, issue.id, editing],
  );

  const onEditMessage = async (message: FrameToShell) => {
    if (handleCommonFrameMessage(shell, message)) return;
    if (message.rt === 'close') return setEditing(false);
    if (message.rt !== 'submit') return;
    setSaving(true);
    const result = await jira.editIssue(issue.key, { [field.fieldId]: message.payload ?? null });
    setSaving(false);
    if (!result.ok) return setError([...result.messages, ...Object.values(result.fieldErrors)]);
    setError(null);
    setEditing(false);
    shell.flag({ title: `${field.name} saved`, appearance: 'success' });
    onChanged();
  };

  return (
    <section ref={section} tabIndex={-1} className="section" aria-labelledby="repro-heading" aria-busy={saving} data-field-id={field.fieldId}>
      <div className="section-head">
        <h2 id="repro-heading">{field.name}</h2>
        {canEdit && !editing ? (
          <button type="button" onClick={() => setEditing(true)} aria-label={`Edit ${field.name}`}>
            Edit
          </button>
        ) : null}
        {editing ? (
          <button type="button" className="subtle" onClick={() => setEditing(false)}>
            Cancel
          </button>
        ) : null}
      </div>
      {error ? <ErrorBanner title={`${field.name} could not be saved`} messages={error} onDismiss={() => setError(null)} /> : null}
      {editing && canEdit && field.editResource ? (
        <AppFrame resource={field.editResource} moduleKey={field.key} functionKey={field.functionKey} context={editContext} title={field.name} minHeight={200} onMessage={(m) => void onEditMessage(m)} />
      ) : field.viewResource ? (
        <AppFrame resource={field.viewResource} moduleKey={field.key} functionKey={field.functionKey} context={viewContext} title={field.name} onMessage={(m) => handleCommonFrameMessage(shell, m)} />
      ) : field.viewFormatter ? (
        <p data-testid="field-formatted" className={formatted?.ok && formatted.data ? undefined : 'muted'}>
          {formatted === null ? 'Loading…' : formatted.ok ? formatted.data || 'None' : `Cannot show the value: ${formatted.message}`}
        </p>
      ) : (
        <p className="muted">{value === null ? 'None' : JSON.stringify(value)}</p>
      )}
    </section>
  );
}
