import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens/token';
import StatusSuccessIcon from '@atlaskit/icon/core/status-success';
import StatusErrorIcon from '@atlaskit/icon/core/status-error';
import Spinner from '@atlaskit/spinner';
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
    <section className="pp-card" aria-labelledby="rt-progress-title" aria-live="polite" data-testid="promotion-progress">
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
      <ol aria-label="Progress per step" className="rc-progress-steps">
        {progress.done.map((d) => (
          <li key={d}>
            <StatusSuccessIcon label="" color={token('color.icon.success') as 'currentColor'} /> {d}
          </li>
        ))}
        {progress.remaining.map((r, i) => (
          <li key={r} className="pp-muted">
            {state.status === 'failed' && i === 0 ? (
              <StatusErrorIcon label="" color={token('color.icon.danger') as 'currentColor'} />
            ) : running && i === 0 ? (
              <Spinner size="small" label="" />
            ) : (
              <span className="rc-step-todo" aria-hidden="true" />
            )}{' '}
            {r}
            {state.status === 'failed' && i === 0 ? ' (stopped here)' : ''}
          </li>
        ))}
      </ol>
      {resumable && canResume ? (
        <Button appearance="primary" onClick={onResume} isDisabled={running}>
          Resume promotion
        </Button>
      ) : null}
      {resumable && canResume && onAbandon && !running ? <AbandonForm onAbandon={onAbandon} /> : null}
      {state.status === 'in-progress' && view.running && !running && onRefresh ? (
        <Button onClick={onRefresh}>Check progress again</Button>
      ) : null}
      <p className="pp-muted">
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
  const id = useId();
  return (
    <details className="pp-disclosure">
      <summary>Abandon this promotion…</summary>
      <p className="pp-muted">Nothing done in Jira is undone. The promotion's progress and audit entry are kept in an abandoned record, and the candidate can be promoted again.</p>
      <label htmlFor={id} className="pp-label">
        Why (at least 10 characters, recorded)
      </label>
      <TextArea id={id} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minimumRows={2} maxLength={1000} resize="vertical" />
      {error ? <ErrorBanner error={error} /> : null}
      <Button
        appearance="danger"
        isDisabled={!usable || busy}
        onClick={() => {
          setBusy(true);
          void onAbandon(reason.trim()).then((f) => {
            setBusy(false);
            setError(f);
          });
        }}
      >
        Abandon promotion
      </Button>
    </details>
  );
}
