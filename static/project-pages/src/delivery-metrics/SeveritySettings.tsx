import { useState } from 'react';
import type { DeliveryConfig, Fail } from '@rt/contracts';
import { Banner, ErrorBanner } from '../../../shared/components';
import { call } from '../api';

/** The change failure rate's severity threshold; project admins save it (the server checks Administer Projects). */
export function SeveritySettings({ projectKey, config, onSaved }: { projectKey: string; config: DeliveryConfig; onSaved: () => void }) {
  const [threshold, setThreshold] = useState(config.severityThreshold ?? '');
  const [error, setError] = useState<Fail | null>(null);
  const [saved, setSaved] = useState(false);
  async function save() {
    setError(null);
    setSaved(false);
    const res = await call('delivery/config-save', { projectKey, config: { severityOrder: config.severityOrder, ...(threshold ? { severityThreshold: threshold } : {}) } });
    if (!res.ok) return setError(res);
    setSaved(true);
    onSaved();
  }
  return (
    <details>
      <summary>Severity threshold</summary>
      <label htmlFor="rt-severity-threshold">Escaped bugs count as a failed deployment from this severity up</label>
      <div className="rt-row">
        <select id="rt-severity-threshold" value={threshold} onChange={(e) => setThreshold(e.target.value)}>
          <option value="">Every escaped bug</option>
          {config.severityOrder.map((s) => (
            <option key={s} value={s}>
              {s} or worse
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void save()}>
          Save
        </button>
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      {saved ? <Banner kind="success">Saved.</Banner> : null}
    </details>
  );
}
