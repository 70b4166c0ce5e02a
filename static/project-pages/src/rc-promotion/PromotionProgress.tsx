import { useState } from 'react';
import type { Fail } from '@rt/contracts';
import { Banner, ErrorBanner } from '../../../shared/components';
import { IssueLink } from './Evidence';
import { count, readableTime } from './dates';
import type { PromotionView } from './types';

/** A promotion's steps: done (with what they did), failed (with why, and resume), remaining; the ops hand-off. */
export function PromotionProgress({
  view,
  running,
  onResume,
  onRefresh,
  onAbandon,
  canResume,
}: {
  view: PromotionView;
  running: boolean;
  onResume: () => void;
  onRefresh?: () => void;
  /** Gives the stopped promotion up (recorded with the reason); resolves to the failure, if any. */
  onAbandon?: (reason: string) => Promise<Fail | null>;
  canResume: boolean;
}) {
  const { state, progress, audit } = view;
  if (!state || !progress) return null;
  // A stopped promotion (a failed step) or an interrupted one (in progress, but no run holds it any more).
  const interrupted = state.status === 'in-progress' && !view.running && !running;
  const resumable = state.status === 'failed' || interrupted;
  const handoff = state.completedSteps.find((c) => c.step === 'create-ops-handoff')?.result.handoffIssueKey;
  return (
    <section className="rt-card" aria-labelledby="rt-progress-title" aria-live="polite" data-testid="promotion-progress">
      <h3 id="rt-progress-title">Promotion of {state.versionName}</h3>
      {state.status === 'done' ? (
        <Banner kind="success">
          {progress.summary}
          {handoff ? (
            <>
              {' '}
              Ops hand-off: <IssueLink issueKey={handoff} />.
            </>
          ) : null}
        </Banner>
      ) : state.status === 'failed' ? (
        <Banner kind="error">
          {progress.failure} {progress.summary}
        </Banner>
      ) : interrupted ? (
        <Banner kind="warning">{progress.summary}</Banner>
      ) : (
        <Banner kind="info">{progress.summary}</Banner>
      )}
      <ol aria-label="Progress per step">
        {progress.done.map((d) => (
          <li key={d}>
            <span aria-hidden="true">✔</span> {d}
          </li>
        ))}
        {progress.remaining.map((r, i) => (
          <li key={r} className="rt-muted">
            <span aria-hidden="true">{state.status === 'failed' && i === 0 ? '✖' : running && i === 0 ? '…' : '○'}</span> {r}
            {state.status === 'failed' && i === 0 ? ' (stopped here)' : ''}
          </li>
        ))}
      </ol>
      {resumable && canResume ? (
        <button type="button" className="rt-button rt-primary" onClick={onResume} disabled={running}>
          Resume promotion
        </button>
      ) : null}
      {resumable && canResume && onAbandon && !running ? <AbandonForm onAbandon={onAbandon} /> : null}
      {state.status === 'in-progress' && view.running && !running && onRefresh ? (
        <button type="button" className="rt-button" onClick={onRefresh}>
          Check progress again
        </button>
      ) : null}
      <p className="rt-muted">
        Started by {state.startedBy.name || state.startedBy.accountId} on {readableTime(state.startedAt)}
        {state.override ? `; override: “${state.override.reason}”` : ''}
        {audit ? `. Audit recorded with ${count(audit.gates.length, 'gate')} (${audit.ready ? 'all passed' : 'not all passed'}).` : '.'}
      </p>
    </section>
  );
}

/** Abandon behind a disclosure: a reason (≥ 10 characters, recorded) and an explicit confirm. */
function AbandonForm({ onAbandon }: { onAbandon: (reason: string) => Promise<Fail | null> }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const usable = reason.trim().length >= 10;
  return (
    <details>
      <summary>Abandon this promotion…</summary>
      <p className="rt-muted">Nothing done in Jira is undone. The promotion's progress and audit entry are kept in an abandoned record, and the candidate can be promoted again.</p>
      <label>
        Why (at least 10 characters, recorded)
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={1000} style={{ width: '100%' }} />
      </label>
      {error ? <ErrorBanner error={error} /> : null}
      <button
        type="button"
        className="rt-button"
        disabled={!usable || busy}
        onClick={() => {
          setBusy(true);
          void onAbandon(reason.trim()).then((f) => {
            setBusy(false);
            setError(f);
          });
        }}
      >
        Abandon promotion
      </button>
    </details>
  );
}
