/** The project's statuses and the stage each belongs to; admins can change and save it, others read it. */
import { useState } from 'react';
import type { Fail, ValidatorSetupDto } from '@rt/contracts';
import { stageLabels, stages, type Stage } from '../../../src/domain/bug-flow';
import { Banner, ErrorBanner, Lozenge } from '../../shared/components';
import { call } from './api';

export function StageMapping({ setup, onSaved }: { setup: ValidatorSetupDto; onSaved(s: ValidatorSetupDto): void }) {
  const [draft, setDraft] = useState<Record<string, string>>(setup.byStatusId);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(setup.byStatusId);

  const save = async () => {
    setSaving(true);
    setError(null);
    const r = await call('validators/save-mapping', { byStatusId: draft });
    setSaving(false);
    if (!r.ok) return setError(r);
    setSaved(true);
    onSaved(r.data);
  };

  return (
    <section aria-labelledby="rt-mapping-heading" className="rt-card">
      <h2 id="rt-mapping-heading">Stages of {setup.projectKey}’s statuses</h2>
      <p className="rt-muted">
        {setup.derived ? 'Derived from the status names and categories; nobody has saved it yet.' : `Saved ${setup.updatedAt?.slice(0, 10) ?? ''}.`}{' '}
        {setup.canAdminister ? 'Every validator of this project uses it.' : 'Only project admins can change it.'}
      </p>
      {setup.errors.length > 0 ? (
        <Banner kind="warning">
          <ul>{setup.errors.map((e) => <li key={e.message}>{e.message}</li>)}</ul>
        </Banner>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
      {saved && !dirty ? <Banner kind="success">Stage mapping saved.</Banner> : null}
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
      {setup.canAdminister ? (
        <div className="rt-row">
          <button type="button" className="rt-button rt-primary" onClick={() => void save()} disabled={saving || (!dirty && !setup.derived)} aria-busy={saving}>
            {saving ? 'Saving…' : 'Save stage mapping'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
