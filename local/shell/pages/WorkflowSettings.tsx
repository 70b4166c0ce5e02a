/**
 * The workflow editor's validator part: each transition with its validators; the validators' configuration
 * frames (create/edit/view), and Save, which asks the frame for its configuration (`collect-config`, as Jira's
 * `workflowRules.onConfigure` callback) and saves the transition's validator list.
 */
import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { FrameToShell } from '../../bridge-host/frame-config';
import { AppFrame, type AppFrameHandle } from '../AppFrame';
import { ErrorBanner } from '../components/ErrorBanner';
import { validatorContext } from '../frame-context';
import { createFrameLoadQueue } from '../frame-load-queue';
import { frameBase, handleCommonFrameMessage } from '../frame-messages';
import type { Status } from '../jira-client';
import { useShell } from '../shell-context';
import { saveTransitionValidators, type ConfiguredValidator, type ValidatorModule, type WorkflowTransition } from '../workspace-client';

/** Which validator is being configured: an existing one (`index`) or a new one. */
type Editing = { transitionId: string; index: number | 'new'; key: string };

export const CONFIG_TIMEOUT_MS = 15000;

/** The transition's list after saving `configuration` for the edited (or added) validator. */
export function withSavedValidator(list: ConfiguredValidator[], index: number | 'new', key: string, configuration: string): ConfiguredValidator[] {
  if (index === 'new' || index < 0 || index >= list.length) return [...list, { key, configuration }];
  return list.map((v, i) => (i === index ? { key, configuration } : v));
}

/** The view frames start two at a time (see frame-load-queue): the page and its buttons stay responsive. */
const viewFrames = createFrameLoadQueue(2);

/** A view frame once its turn in `viewFrames` has come; a placeholder of its resting height until then. */
function QueuedViewFrame(props: { module: ValidatorModule; config: string | undefined; onMessage(m: FrameToShell): void }) {
  const [turn, setTurn] = useState(false);
  const release = useRef<(() => void) | null>(null);
  useEffect(() => {
    release.current = viewFrames.request(() => setTurn(true));
    return () => release.current?.();
  }, []);
  if (!turn) return <div className="app-frame-pending muted" style={{ minHeight: 40 }} aria-busy="true" data-pending-frame={props.module.key} />;
  return <ValidatorFrame module={props.module} entryPoint="view" config={props.config} onMessage={props.onMessage} onLoad={() => release.current?.()} />;
}

function ValidatorFrame(props: { module: ValidatorModule; entryPoint: 'create' | 'edit' | 'view'; config: string | undefined; frameRef?: Ref<AppFrameHandle>; onMessage(m: FrameToShell): void; onLoad?: () => void }) {
  const shell = useShell();
  const { module, entryPoint, config } = props;
  const context = useMemo(
    () => validatorContext(frameBase(shell, module.key, `${module.key}-${entryPoint}`), entryPoint, config, { id: shell.workspace.projectId, key: shell.workspace.projectKey }),
    // Deps on purpose: a new context (new config after save) reloads the frame.
    [shell.user.accountId, module.key, entryPoint, config],
  );
  return <AppFrame ref={props.frameRef} resource={module.resource} moduleKey={module.key} functionKey={module.functionKey} context={context} title={module.name} minHeight={entryPoint === 'view' ? 40 : 200} onLoad={props.onLoad} onMessage={props.onMessage} />;
}

function TransitionCard({ transition, statusName, editing, setEditing }: { transition: WorkflowTransition; statusName: string; editing: Editing | null; setEditing(e: Editing | null): void }) {
  const shell = useShell();
  const { workspace } = shell;
  const frame = useRef<AppFrameHandle>(null);
  const pending = useRef<{ requestId: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [newKey, setNewKey] = useState(workspace.validators[0]?.key ?? '');
  const moduleOf = (key: string) => workspace.validators.find((v) => v.key === key);
  const mine = editing?.transitionId === transition.id ? editing : null;

  useEffect(() => () => clearTimeout(pending.current?.timer), []);

  const save = async (list: ConfiguredValidator[]) => {
    const result = await saveTransitionValidators(transition.id, list);
    setSaving(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setEditing(null);
    shell.flag({ title: `Validators of “${transition.name}” saved`, appearance: 'success' });
    await shell.reloadWorkspace();
  };

  const onSave = () => {
    if (!mine || !frame.current) return;
    const requestId = `cfg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setSaving(true);
    setError(null);
    clearTimeout(pending.current?.timer);
    pending.current = {
      requestId,
      timer: setTimeout(() => {
        pending.current = null;
        setSaving(false);
        setError('The configuration page did not answer. Is it still loading?');
      }, CONFIG_TIMEOUT_MS),
    };
    frame.current.post({ rt: 'collect-config', requestId });
  };

  const onEditorMessage = (message: FrameToShell) => {
    if (handleCommonFrameMessage(shell, message)) return;
    if (message.rt !== 'config' || !mine || message.requestId !== pending.current?.requestId) return;
    clearTimeout(pending.current.timer);
    pending.current = null;
    if (message.error !== undefined || typeof message.config !== 'string') {
      setSaving(false);
      return setError(message.error ?? 'The configuration page returned no configuration.');
    }
    void save(withSavedValidator(transition.validators, mine.index, mine.key, message.config));
  };

  const onRemove = (index: number) => {
    setSaving(true);
    void save(transition.validators.filter((_, i) => i !== index));
  };

  const editorControls = (
    <div className="rt-row" style={{ display: 'flex', gap: 8, marginTop: 8 }}>
      <button type="button" className="primary" onClick={onSave} disabled={saving}>
        Save
      </button>
      <button type="button" className="subtle" onClick={() => setEditing(null)} disabled={saving}>
        Cancel
      </button>
    </div>
  );
  const headingId = `transition-${transition.id}`;

  return (
    <section className="transition-card" aria-labelledby={headingId} aria-busy={saving} data-transition-id={transition.id}>
      <h2 id={headingId}>{transition.name}</h2>
      <p className="muted">
        Transition {transition.id} → {statusName}
      </p>
      {error ? <ErrorBanner title="The validator could not be saved" messages={[error]} onDismiss={() => setError(null)} /> : null}
      {transition.validators.length === 0 && mine?.index !== 'new' ? <p className="muted">No validators on this transition.</p> : null}
      {transition.validators.map((v, index) => {
        const module = moduleOf(v.key);
        const isEditing = mine?.index === index;
        return (
          <div className="validator" key={`${v.key}-${index}`} data-validator-key={v.key}>
            <div className="head">
              <span className="name">{module?.name ?? v.key}</span>
              {!isEditing && module ? (
                <button type="button" onClick={() => setEditing({ transitionId: transition.id, index, key: v.key })} disabled={saving || Boolean(mine)} aria-label={`Edit ${module.name} on ${transition.name}`}>
                  Edit
                </button>
              ) : null}
              {!isEditing ? (
                <button type="button" className="danger" onClick={() => onRemove(index)} disabled={saving || Boolean(mine)} aria-label={`Remove ${module?.name ?? v.key} from ${transition.name}`}>
                  Remove
                </button>
              ) : null}
            </div>
            {!module ? <p className="muted">Unknown validator module “{v.key}”.</p> : null}
            {module && isEditing ? (
              <>
                <ValidatorFrame module={module} entryPoint="edit" config={v.configuration} frameRef={frame} onMessage={onEditorMessage} />
                {editorControls}
              </>
            ) : null}
            {module && !isEditing ? <QueuedViewFrame module={module} config={v.configuration} onMessage={(m) => handleCommonFrameMessage(shell, m)} /> : null}
          </div>
        );
      })}
      {mine?.index === 'new' && moduleOf(mine.key) ? (
        <div className="validator">
          <div className="head">
            <span className="name">New: {moduleOf(mine.key)!.name}</span>
          </div>
          <ValidatorFrame module={moduleOf(mine.key)!} entryPoint="create" config={undefined} frameRef={frame} onMessage={onEditorMessage} />
          {editorControls}
        </div>
      ) : null}
      {!mine && workspace.validators.length > 0 ? (
        <div className="toolbar" style={{ marginTop: 12, marginBottom: 0 }}>
          <div>
            <label htmlFor={`add-${transition.id}`}>Validator</label>
            <select id={`add-${transition.id}`} value={newKey} onChange={(e) => setNewKey(e.target.value)}>
              {workspace.validators.map((v) => (
                <option key={v.key} value={v.key}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => setEditing({ transitionId: transition.id, index: 'new', key: newKey })} disabled={saving || !newKey}>
            Add validator
          </button>
        </div>
      ) : null}
    </section>
  );
}

export function WorkflowSettings() {
  const shell = useShell();
  const { workspace, jira } = shell;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [statuses, setStatuses] = useState<Map<string, Status>>(new Map());

  useEffect(() => {
    void jira.getProjectStatuses(workspace.projectKey).then((r) => {
      if (!r.ok || !Array.isArray(r.data)) return;
      setStatuses(new Map(r.data.flatMap((t) => t.statuses ?? []).map((s) => [s.id, s])));
    });
  }, [jira, workspace.projectKey]);

  return (
    <section aria-labelledby="workflow-heading">
      <div className="breadcrumbs">Projects / {workspace.projectName} / Project settings</div>
      <h1 id="workflow-heading">Workflow settings</h1>
      <p className="muted">Validators run on every transition, in the shell exactly as Jira runs them. Edit one to open the app’s configuration page; Save asks it for its configuration.</p>
      {workspace.workflow.transitions.length === 0 ? <p className="empty">This workflow has no transitions.</p> : null}
      {workspace.workflow.transitions.map((t) => (
        <TransitionCard key={t.id} transition={t} statusName={statuses.get(t.toStatusId)?.name ?? `status ${t.toStatusId}`} editing={editing} setEditing={setEditing} />
      ))}
    </section>
  );
}
