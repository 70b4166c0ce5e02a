import { useEffect, useRef, useState } from 'react';
import type { Fail, RegressionPanel } from '@rt/contracts';
import { ErrorBanner, Loading } from '../../shared/components';
import { useResult } from '../../shared/use-result';
import { call } from './api';
import type { PanelCheck } from './labels';

type Props = {
  issueKey: string;
  rc: string;
  check: PanelCheck;
  baseRevision: number;
  onClose(): void;
  onFiled(key: string, warnings: string[], panel: RegressionPanel): void;
};

/** "File regression bug": the prefilled draft (summary editable), then create + link + note on the check. */
export function ReportBugDialog({ issueKey, rc, check, baseRevision, onClose, onFiled }: Props) {
  const [draft] = useResult(() => call('regression/draft-bug', { issueKey, rc, checkId: check.id }), [issueKey, rc, check.id]);
  const [summary, setSummary] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), [draft.state]);

  const create = async () => {
    if (draft.state !== 'ready') return;
    setSending(true);
    setError(null);
    const text = (summary ?? draft.data.summary).trim();
    const r = await call('regression/report-bug', { issueKey, rc, baseRevision, checkId: check.id, ...(text && text !== draft.data.summary ? { summary: text } : {}) });
    setSending(false);
    if (r.ok) onFiled(r.data.bugKey, r.data.warnings ?? [], r.data.panel);
    else setError(r);
  };

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="rt-report-title"
      className="rt-card"
      style={{ borderColor: 'var(--rt-danger)' }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !sending) onClose();
      }}
    >
      <h3 id="rt-report-title">File regression bug from “{check.title}”</h3>
      {draft.state === 'loading' ? <Loading label="Preparing the draft…" /> : null}
      {draft.state === 'error' ? <ErrorBanner error={draft.error} /> : null}
      {draft.state === 'ready' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label htmlFor="rt-report-summary">Summary</label>
          <input id="rt-report-summary" ref={first} style={{ width: '100%' }} maxLength={255} value={summary ?? draft.data.summary} onChange={(e) => setSummary(e.target.value)} />
          <label>Steps to reproduce (skeleton)</label>
          <ol>
            {draft.data.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <label>Expected</label>
          <div>{draft.data.expected}</div>
          <label>Actual</label>
          <div>{draft.data.actual}</div>
          <p className="rt-muted">
            Affects version <strong>{draft.data.affectsVersion}</strong> · label <strong>{draft.data.labels.join(', ')}</strong>
            {draft.data.components.length ? <> · components {draft.data.components.join(', ')}</> : null} · {draft.data.linkType.toLowerCase()} {draft.data.linkTo}
          </p>
          {error ? <ErrorBanner error={error} /> : null}
          {sending ? <Loading label="Creating the bug and linking it…" /> : null}
          <div className="rt-row">
            <button type="submit" className="rt-danger" disabled={sending}>
              Create regression bug
            </button>
            <button type="button" disabled={sending} onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
