import { useState } from 'react';
import Button from '@atlaskit/button/new';
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
    <details className="pp-disclosure">
      <summary>Severity threshold</summary>
      <label htmlFor="rt-severity-threshold" className="pp-label">
        Escaped bugs count as a failed deployment from this severity up
      </label>
      <div className="pp-toolbar">
        <select className="pp-select" id="rt-severity-threshold" value={threshold} onChange={(e) => setThreshold(e.target.value)}>
          <option value="">Every escaped bug</option>
          {config.severityOrder.map((s) => (
            <option key={s} value={s}>
              {s} or worse
            </option>
          ))}
        </select>
        <Button onClick={() => void save()}>Save</Button>
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      {saved ? <Banner kind="success">Saved.</Banner> : null}
    </details>
  );
}
