/**
 * Jira's create screen for a Bug: the system fields, a description textarea (sent as ADF), and the Reproduction
 * steps field's edit frame (renderContext 'issue-create'), whose `view.submit(value)` is held until Create.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { FrameToShell } from '../../bridge-host/frame-config';
import { AppFrame } from '../AppFrame';
import { textToAdf } from '../adf';
import { ErrorBanner } from '../components/ErrorBanner';
import { customFieldContext } from '../frame-context';
import { frameBase, handleCommonFrameMessage } from '../frame-messages';
import { splitList } from '../issue-format';
import type { Component, Version } from '../jira-client';
import { useShell } from '../shell-context';
import type { CustomFieldModule } from '../workspace-client';

const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

export type CreateForm = { summary: string; priority: string; components: string; labels: string; affectsVersion: string; description: string };

/** The `fields` of POST /rest/api/3/issue for the form (empty optional fields are left out, as Jira's form does). */
export function createFields(projectKey: string, form: CreateForm, custom: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = { project: { key: projectKey }, issuetype: { name: 'Bug' }, summary: form.summary.trim() };
  if (form.priority) fields['priority'] = { name: form.priority };
  const components = splitList(form.components);
  if (components.length) fields['components'] = components.map((name) => ({ name }));
  const labels = splitList(form.labels).map((l) => l.replace(/\s+/g, '-'));
  if (labels.length) fields['labels'] = labels;
  if (form.affectsVersion) fields['versions'] = [{ name: form.affectsVersion }];
  if (form.description.trim()) fields['description'] = textToAdf(form.description);
  for (const [id, value] of Object.entries(custom)) if (value !== undefined) fields[id] = value;
  return fields;
}

function ReproStepsEditor({ field, onValue }: { field: CustomFieldModule; onValue(value: unknown): void }) {
  const shell = useShell();
  const context = useMemo(
    () =>
      customFieldContext(frameBase(shell, field.key, `${field.key}-create`), {
        fieldId: field.fieldId,
        renderContext: 'issue-create',
        entryPoint: 'edit',
        project: { id: shell.workspace.projectId, key: shell.workspace.projectKey },
        fieldValue: null,
      }),
    // Deps on purpose: the editor keeps its own state; a new context would reload it and lose what was typed.
    [shell.user.accountId],
  );
  const onMessage = (message: FrameToShell) => {
    if (handleCommonFrameMessage(shell, message)) return;
    if (message.rt === 'submit') onValue(message.payload);
  };
  if (!field.editResource) return null;
  return <AppFrame resource={field.editResource} moduleKey={field.key} functionKey={field.functionKey} context={context} title={field.name} minHeight={240} onMessage={onMessage} />;
}

export function CreateBug() {
  const shell = useShell();
  const { workspace, jira, navigate } = shell;
  const [form, setForm] = useState<CreateForm>({ summary: '', priority: 'Medium', components: '', labels: '', affectsVersion: '', description: '' });
  const [custom, setCustom] = useState<Record<string, unknown>>({});
  const [versions, setVersions] = useState<Version[]>([]);
  const [components, setComponents] = useState<Component[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ messages: string[]; fieldErrors: Record<string, string> } | null>(null);

  useEffect(() => {
    void jira.getProjectVersions(workspace.projectKey).then((r) => r.ok && Array.isArray(r.data) && setVersions(r.data.filter((v) => !v.archived)));
    void jira.getProjectComponents(workspace.projectKey).then((r) => r.ok && Array.isArray(r.data) && setComponents(r.data));
  }, [jira, workspace.projectKey]);

  const set = (key: keyof CreateForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitting(true);
    setError(null);
    const result = await jira.createIssue(createFields(workspace.projectKey, form, custom));
    setSubmitting(false);
    if (!result.ok) return setError({ messages: result.messages, fieldErrors: result.fieldErrors });
    shell.flag({ title: `${result.data.key} created`, description: form.summary.trim(), appearance: 'success' });
    navigate({ name: 'issue', key: result.data.key });
  };

  const fieldNames: Record<string, string> = { summary: 'Summary', priority: 'Priority', components: 'Components', labels: 'Labels', versions: 'Affects versions', description: 'Description' };
  for (const f of workspace.customFields) fieldNames[f.fieldId] = f.name;
  const fieldError = (id: string) =>
    error?.fieldErrors[id] ? (
      <div className="field-error" id={`${id}-error`}>
        {error.fieldErrors[id]}
      </div>
    ) : null;
  const describedBy = (id: string) => (error?.fieldErrors[id] ? `${id}-error` : undefined);

  return (
    <section className="create" role="dialog" aria-labelledby="create-heading" aria-busy={submitting}>
      <h1 id="create-heading">Create bug</h1>
      <p className="muted">
        Required fields are marked with an asterisk <span className="required">*</span>
      </p>
      {error ? <ErrorBanner title="We couldn’t create the bug" messages={error.messages} fieldErrors={error.fieldErrors} fieldNames={fieldNames} onDismiss={() => setError(null)} /> : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="row">
          <div>
            <label htmlFor="create-project">Project</label>
            <input id="create-project" value={`${workspace.projectName} (${workspace.projectKey})`} readOnly />
          </div>
          <div>
            <label htmlFor="create-type">Issue type</label>
            <input id="create-type" value="Bug" readOnly />
          </div>
        </div>
        <label htmlFor="create-summary">
          Summary<span className="required" aria-hidden="true">*</span>
        </label>
        <input id="create-summary" value={form.summary} onChange={set('summary')} required aria-required="true" aria-invalid={Boolean(error?.fieldErrors['summary'])} aria-describedby={describedBy('summary')} style={{ width: '100%' }} autoFocus />
        {fieldError('summary')}
        <div className="row">
          <div>
            <label htmlFor="create-priority">Priority</label>
            <select id="create-priority" value={form.priority} onChange={set('priority')}>
              {PRIORITIES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
            {fieldError('priority')}
          </div>
          <div>
            <label htmlFor="create-affects">Affects version</label>
            <select id="create-affects" value={form.affectsVersion} onChange={set('affectsVersion')} aria-describedby={describedBy('versions')}>
              <option value="">None</option>
              {versions.map((v) => (
                <option key={v.id} value={v.name}>
                  {v.name}
                  {v.released ? ' (released)' : ''}
                </option>
              ))}
            </select>
            {fieldError('versions')}
          </div>
        </div>
        <div className="row">
          <div>
            <label htmlFor="create-components">Components</label>
            <input id="create-components" value={form.components} onChange={set('components')} list="create-components-list" placeholder="Comma-separated" aria-describedby={describedBy('components')} />
            <datalist id="create-components-list">
              {components.map((c) => (
                <option key={c.id} value={c.name} />
              ))}
            </datalist>
            {fieldError('components')}
          </div>
          <div>
            <label htmlFor="create-labels">Labels</label>
            <input id="create-labels" value={form.labels} onChange={set('labels')} placeholder="Comma-separated" aria-describedby={describedBy('labels')} />
            {fieldError('labels')}
          </div>
        </div>
        <label htmlFor="create-description">Description</label>
        <textarea id="create-description" value={form.description} onChange={set('description')} aria-describedby={describedBy('description')} placeholder="What happened? Numbered lines (1. …) become a list." />
        {fieldError('description')}
        {workspace.customFields.map((field) => (
          <div key={field.key} className="section" role="group" aria-labelledby={`create-${field.key}-label`}>
            <div className="section-head">
              <h2 id={`create-${field.key}-label`}>{field.name}</h2>
              <span className="muted" data-testid="repro-captured">
                {custom[field.fieldId] !== undefined ? 'Value captured from the editor' : 'Not set yet'}
              </span>
            </div>
            <ReproStepsEditor field={field} onValue={(value) => setCustom((c) => ({ ...c, [field.fieldId]: value }))} />
            {fieldError(field.fieldId)}
          </div>
        ))}
        <footer>
          <button type="button" className="subtle" onClick={() => navigate({ name: 'issues' })}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={submitting}>
            Create
          </button>
        </footer>
      </form>
    </section>
  );
}
