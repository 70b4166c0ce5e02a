import { useEffect, useId, useRef, useState } from 'react';
import type { Fail, OutputOf, rcPromotionProcedures } from '@rt/contracts';
import Button from '@atlaskit/button/new';
import { Banner, ErrorBanner, Loading } from '../../../shared/components';
import { useResult, type Loadable } from '../../../shared/use-result';
import { call } from '../api';
import { HandPickedCandidates, type DraftPick, type FieldRenderer } from './HandPickedCandidates';
import { SettingField } from './SettingField';
import type { Trains } from './types';

type Settings = OutputOf<typeof rcPromotionProcedures, 'rc/config'>;
type Config = Settings['config'];
type Draft = {
  namingPattern: string;
  productionNaming: string;
  archiveCandidates: boolean;
  promoterRole: string;
  opsProjectKey: string;
  bugTypes: string;
  adminGates: Array<{ name: string; jql: string }>;
  manualCandidates: DraftPick[];
  handoff: { issueType: string; assigneeAccountId: string; component: string; dueInDays: string; checklist: string; rollbackNotes: string };
};

const toDraft = (c: Config): Draft => ({
  namingPattern: c.namingPattern,
  productionNaming: c.productionNaming,
  archiveCandidates: c.archiveCandidates,
  promoterRole: c.promoterRole,
  opsProjectKey: c.opsProjectKey ?? '',
  bugTypes: c.bugTypes.join(', '),
  adminGates: c.adminGates.map((g) => ({ ...g })),
  manualCandidates: c.manualCandidates.map((m) => ({ versionId: m.versionId, release: m.release, n: String(m.n) })),
  handoff: {
    issueType: c.handoff.issueType,
    assigneeAccountId: c.handoff.assigneeAccountId ?? '',
    component: c.handoff.component ?? '',
    dueInDays: c.handoff.dueInDays === undefined ? '' : String(c.handoff.dueInDays),
    checklist: c.handoff.checklist.join('\n'),
    rollbackNotes: c.handoff.rollbackNotes,
  },
});

const toConfig = (d: Draft, base: Config): Config => ({
  ...base,
  namingPattern: d.namingPattern.trim(),
  productionNaming: d.productionNaming.trim(),
  archiveCandidates: d.archiveCandidates,
  promoterRole: d.promoterRole.trim(),
  ...(d.opsProjectKey.trim() ? { opsProjectKey: d.opsProjectKey.trim() } : { opsProjectKey: undefined }),
  bugTypes: d.bugTypes
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
  adminGates: d.adminGates.map((g) => ({ name: g.name.trim(), jql: g.jql.trim() })),
  // An empty or non-numeric number goes as NaN (null on the wire), so the server names the field.
  manualCandidates: d.manualCandidates.map((m) => ({ versionId: m.versionId, release: m.release.trim(), n: m.n.trim() === '' ? Number.NaN : Number(m.n) })),
  handoff: {
    issueType: d.handoff.issueType.trim(),
    ...(d.handoff.assigneeAccountId.trim() ? { assigneeAccountId: d.handoff.assigneeAccountId.trim() } : {}),
    ...(d.handoff.component.trim() ? { component: d.handoff.component.trim() } : {}),
    // Not a number goes as NaN (null on the wire), so the server names the field.
    ...(d.handoff.dueInDays.trim() ? { dueInDays: Number(d.handoff.dueInDays) } : {}),
    checklist: d.handoff.checklist
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    rollbackNotes: d.handoff.rollbackNotes.trim(),
  },
});

/**
 * The page's settings (naming pattern, production version name, archiving, promoter role, ops project and its
 * hand-off, bug types, admin gates, hand-picked candidates). Project admins edit
 * them; everyone else reads them. A refused save keeps what was typed and shows each error next to its field.
 */
export function SettingsPanel({ projectKey, onSaved }: { projectKey: string; onSaved: () => void }) {
  const [loaded] = useResult<Settings>(() => call('rc/config', { projectKey }), [projectKey]);
  // The versions outside the naming pattern, re-read after a save (a pick leaves them for its train).
  const [trains, reloadTrains] = useResult<Trains>(() => call('rc/trains', { projectKey }), [projectKey]);
  return (
    <details className="pp-card pp-disclosure rc-settings" data-testid="rc-settings">
      <summary>Settings</summary>
      {loaded.state === 'loading' ? (
        <Loading label="Loading the settings…" />
      ) : loaded.state === 'error' ? (
        <ErrorBanner error={loaded.error} />
      ) : (
        <SettingsForm
          projectKey={projectKey}
          settings={loaded.data}
          trains={trains}
          onSaved={() => {
            reloadTrains();
            onSaved();
          }}
        />
      )}
    </details>
  );
}

function SettingsForm({ projectKey, settings, trains, onSaved }: { projectKey: string; settings: Settings; trains: Loadable<Trains>; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings.config));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Fail | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const readOnly = !settings.canAdminister;
  const errorOf = (path: string) =>
    failure?.issues
      ?.filter((i) => i.path === `config.${path}` || i.path.startsWith(`config.${path}.`))
      .map((i) => i.message)
      .join(' ');

  useEffect(() => {
    // After a refused save, take the keyboard to the first field in error.
    if (failure?.issues?.length) form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }, [failure]);

  const set = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };
const setHandoff = (change: Partial<Draft['handoff']>) => set({ handoff: { ...draft.handoff, ...change } });
  const setGate = (i: number, change: Partial<Draft['adminGates'][number]>) => set({ adminGates: draft.adminGates.map((g, j) => (j === i ? { ...g, ...change } : g)) });

  async function save() {
    setSaving(true);
    setFailure(null);
    const r = await call('rc/config-save', { projectKey, config: toConfig(draft, settings.config) });
    setSaving(false);
    if (!r.ok) return setFailure(r);
    setDraft(toDraft(r.data.config));
    setSaved(true);
    onSaved();
  }

  const field: FieldRenderer = (path, label, hint, control) => (
    <SettingField id={`${id}-${path.replace(/\./g, '-')}`} label={label} hint={hint} error={errorOf(path)} control={(p) => control({ ...p, disabled: readOnly || saving })} />
  );

  return (
    <form
      ref={form}
      aria-label="RC promotion settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly) void save();
      }}
    >
      {settings.problem ? <Banner kind="warning">{settings.problem} The form shows the defaults; saving replaces the stored settings.</Banner> : null}
      {readOnly ? <Banner kind="info">Only project admins (Administer Projects in {projectKey}) can change these settings.</Banner> : null}
      {field('namingPattern', 'Candidate naming pattern', 'With {release} and {n}, e.g. {release}-rc.{n}.', (p) => (
        <input {...p} value={draft.namingPattern} maxLength={100} onChange={(e) => set({ namingPattern: e.target.value })} />
      ))}
      {field('productionNaming', 'Production version name', 'With {release} once: the version a train ships as, e.g. {release} → 4.3.0, or v{release} → v4.3.0.', (p) => (
        <input {...p} value={draft.productionNaming} maxLength={100} onChange={(e) => set({ productionNaming: e.target.value })} />
      ))}
      {field('archiveCandidates', "Archive the train's candidates when it ships", 'Their issues keep them as fix versions; archived versions leave the version pickers.', (p) => (
        <input {...p} type="checkbox" checked={draft.archiveCandidates} onChange={(e) => set({ archiveCandidates: e.target.checked })} style={{ width: 'auto' }} />
      ))}
      {field('promoterRole', 'Promoter project role', 'Members of this role may promote.', (p) =>
        settings.roles.length > 0 ? (
          <select className="pp-select" {...p} value={draft.promoterRole} onChange={(e) => set({ promoterRole: e.target.value })}>
            {[...new Set([draft.promoterRole, ...settings.roles])].map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          <input {...p} value={draft.promoterRole} maxLength={255} onChange={(e) => set({ promoterRole: e.target.value })} />
        ),
      )}
      {field('opsProjectKey', 'Ops project key (hand-off)', 'Empty: no hand-off issue is created.', (p) => (
        <input {...p} value={draft.opsProjectKey} maxLength={20} onChange={(e) => set({ opsProjectKey: e.target.value })} />
      ))}
      {field('bugTypes', 'Bug issue types', 'Comma-separated, e.g. Bug, Defect.', (p) => (
        <input {...p} value={draft.bugTypes} onChange={(e) => set({ bugTypes: e.target.value })} />
      ))}
      <fieldset>
        <legend>Hand-off to ops</legend>
        {field('handoff.issueType', 'Issue type', 'The type of the hand-off issue in the ops project.', (p) => (
          <input {...p} value={draft.handoff.issueType} maxLength={100} onChange={(e) => setHandoff({ issueType: e.target.value })} />
        ))}
        {field('handoff.assigneeAccountId', 'Assignee (account id)', 'Empty: unassigned (or the component lead, as Jira is set up).', (p) => (
          <input {...p} value={draft.handoff.assigneeAccountId} maxLength={128} onChange={(e) => setHandoff({ assigneeAccountId: e.target.value })} />
        ))}
        {field('handoff.component', 'Component of the ops project', 'Empty: no component.', (p) => (
          <input {...p} value={draft.handoff.component} maxLength={255} onChange={(e) => setHandoff({ component: e.target.value })} />
        ))}
        {field('handoff.dueInDays', 'Due (days after the promotion)', 'Empty: no due date.', (p) => (
          <input {...p} inputMode="numeric" value={draft.handoff.dueInDays} maxLength={3} onChange={(e) => setHandoff({ dueInDays: e.target.value })} />
        ))}
        {field('handoff.checklist', 'Deployment checklist (one task per line)', "Deploy, smoke test, monitor, and the front-end team's part: each line becomes a task ops ticks on the issue.", (p) => (
          <textarea {...p} rows={6} value={draft.handoff.checklist} onChange={(e) => setHandoff({ checklist: e.target.value })} />
        ))}
        {field('handoff.rollbackNotes', 'Rollback notes', null, (p) => (
          <textarea {...p} rows={3} value={draft.handoff.rollbackNotes} maxLength={5000} onChange={(e) => setHandoff({ rollbackNotes: e.target.value })} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Admin gates (JQL queries that must return no issues)</legend>
        {draft.adminGates.length === 0 ? <p className="pp-muted">None.</p> : null}
        {draft.adminGates.map((g, i) => (
          <div key={i} className="rc-gate-row">
            {field(`adminGates.${i}.name`, `Gate ${i + 1} name`, null, (p) => <input {...p} value={g.name} maxLength={100} onChange={(e) => setGate(i, { name: e.target.value })} />)}
            {field(`adminGates.${i}.jql`, `Gate ${i + 1} JQL`, null, (p) => <textarea {...p} rows={2} value={g.jql} maxLength={2000} onChange={(e) => setGate(i, { jql: e.target.value })} />)}
            {readOnly ? null : (
              <Button onClick={() => set({ adminGates: draft.adminGates.filter((_, j) => j !== i) })} isDisabled={saving}>
                Remove gate {i + 1}
              </Button>
            )}
          </div>
        ))}
        {readOnly ? null : (
          <Button onClick={() => set({ adminGates: [...draft.adminGates, { name: '', jql: '' }] })} isDisabled={saving || draft.adminGates.length >= 20}>
            Add gate
          </Button>
        )}
      </fieldset>
      <HandPickedCandidates
        projectKey={projectKey}
        picks={draft.manualCandidates}
        onChange={(manualCandidates) => set({ manualCandidates })}
        trains={trains}
        field={field}
        errorOf={errorOf}
        readOnly={readOnly}
        saving={saving}
      />
      {failure ? <ErrorBanner error={failure} /> : null}
      {saved ? <Banner kind="success">Settings saved.</Banner> : null}
      {readOnly ? null : (
        <Button type="submit" appearance="primary" isDisabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </Button>
      )}
    </form>
  );
}

