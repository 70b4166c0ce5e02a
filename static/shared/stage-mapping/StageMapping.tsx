/**
 * The project's statuses and the stage each belongs to; admins can change and save it, others read it (with the
 * reason). Shared by the validators' configuration UI and the project page's Stage mapping sub-page: each passes
 * its own resolver call for saving (the same procedure behind both). A failed save keeps the draft and says why.
 */
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef, useState } from 'react';
import type { Fail, Result, ValidatorSetupDto } from '@rt/contracts';
import { stageLabels, stages, type Stage } from '../../../src/domain/bug-flow';
import { Banner, EmptyState, ErrorBanner, Lozenge } from '../components';

export type SaveMapping = (byStatusId: Record<string, string>) => Promise<Result<ValidatorSetupDto>>;

export function StageMapping({ setup, save, onSaved }: { setup: ValidatorSetupDto; save: SaveMapping; onSaved(s: ValidatorSetupDto): void }) {
  const [draft, setDraft] = useState<Record<string, string>>(setup.byStatusId);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const [saved, setSaved] = useState(false);
  const savedNote = useRef<HTMLDivElement>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(setup.byStatusId);

  // Save turns disabled once saved: move focus to the confirmation instead of losing it.
  useEffect(() => {
    if (saved) savedNote.current?.focus();
  }, [saved]);

  const submit = async () => {
    setSaving(true);
    setError(null);
    const r = await save(draft);
    setSaving(false);
    if (!r.ok) return setError(r);
    setDraft(r.data.byStatusId);
    setSaved(true);
    onSaved(r.data);
  };

  return (
    <section aria-labelledby="rt-mapping-heading" className="rt-card">
      <h2 id="rt-mapping-heading">Stages of {setup.projectKey}’s statuses</h2>
      <p className="rt-muted" data-testid="rt-mapping-note">
        {setup.derived ? 'Derived from the status names and categories; nobody has saved it yet.' : `Saved ${setup.updatedAt?.slice(0, 10) ?? ''}.`}{' '}
        {setup.canAdminister ? 'Every validator of this project uses it.' : `Read-only: only project admins (Administer Projects in ${setup.projectKey}) can change it.`}
      </p>
      {setup.errors.length > 0 ? (
        <Banner kind="warning">
          <ul>{setup.errors.map((e) => <li key={e.message}>{e.message}</li>)}</ul>
        </Banner>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
      {saved && !dirty ? (
        <div ref={savedNote} tabIndex={-1} role="status">
          <SectionMessage appearance="success">Stage mapping saved.</SectionMessage>
        </div>
      ) : null}
      {setup.statuses.length === 0 ? (
        <EmptyState title="No statuses to map">Jira lists no statuses for {setup.projectKey}’s workflows yet.</EmptyState>
      ) : (
        <table className="rt-table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Stage</th>
            </tr>
          </thead>
          <tbody>
            {setup.statuses.map((s) => (
              <tr key={s.id} data-status-id={s.id}>
                <th scope="row">
                  {s.name} <Lozenge>{s.categoryKey || 'no category'}</Lozenge>
                </th>
                <td>
                  {setup.canAdminister ? (
                    <select aria-label={`Stage of ${s.name}`} value={draft[s.id] ?? ''} disabled={saving} onChange={(e) => { setSaved(false); setDraft({ ...draft, [s.id]: e.target.value }); }}>
                      <option value="" disabled>
                        Choose a stage
                      </option>
                      {stages.map((stage) => (
                        <option key={stage} value={stage}>
                          {stageLabels[stage]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span>{draft[s.id] ? stageLabels[draft[s.id] as Stage] : 'not mapped'}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {setup.canAdminister && setup.statuses.length > 0 ? (
        <div style={{ marginTop: token('space.100') }}>
          <Button appearance="primary" onClick={() => void submit()} isDisabled={saving || (!dirty && !setup.derived)} aria-busy={saving}>
            {saving ? 'Saving…' : 'Save stage mapping'}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
