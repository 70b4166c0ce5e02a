import { useState } from 'react';
import type { Fail, TrainOutcomeView } from '@rt/contracts';
import Button from '@atlaskit/button/new';
import { Banner, ErrorBanner } from '../../../shared/components';
import { readableTime } from '../../../shared/delivery-format';
import { useResult } from '../../../shared/use-result';
import { call } from '../api';
import { IssueLink } from './Evidence';

/**
 * What ops reported back on the trains' hand-offs, on the RC page: a rolled-back train is open again (with what ops
 * wrote and a button to cut its next candidate), a failed deployment is shown, the others in one line each.
 */
export function TrainOutcomes({ projectKey, trains, onChanged }: { projectKey: string; trains: unknown; onChanged: () => void }) {
  // Read again whenever the page re-reads the trains (after a promotion, a cut, a reload), so a train promoted again
  // after a rollback no longer says "rolled back", and a new hand-off shows as awaiting at once.
  const [loaded, reload] = useResult(() => call('ops/train-outcomes', { projectKey }), [projectKey, trains]);
  if (loaded.state === 'loading') return null;
  if (loaded.state === 'error') return <ErrorBanner error={{ ...loaded.error, message: `What ops reported could not be read: ${loaded.error.message}` }} onRetry={reload} />;
  const { outcomes, unreadable } = loaded.data;
  if (outcomes.length === 0 && unreadable.length === 0) return null;
  return (
    <section aria-label="Ops outcomes" data-testid="train-outcomes">
      {outcomes.map((o) => (
        <Outcome key={o.train} o={o} onChanged={onChanged} />
      ))}
      {unreadable.map((u) => (
        <Banner key={u.issueKey} kind="warning">
          {u.problem}
        </Banner>
      ))}
    </section>
  );
}

function Outcome({ o, onChanged }: { o: TrainOutcomeView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const said = o.latest?.note ? <> Ops wrote: “{o.latest.note}”</> : null;
  const who = o.latest ? (o.latest.reportedByName ?? o.latest.reportedBy) : '';
  if (o.status === 'reopened') {
    async function cut() {
      setBusy(true);
      setError(null);
      const res = await call('ops/cut-next-candidate', { projectKey: o.projectKey, train: o.train });
      setBusy(false);
      if (!res.ok) return setError(res);
      onChanged();
    }
    return (
      <Banner kind="warning">
        <div data-testid={`train-reopened-${o.train}`}>
          <strong>Release {o.train} was rolled back</strong> on {readableTime(o.latest?.at)} in {o.latest?.environment} by {who} (<IssueLink issueKey={o.handoffKey} />, promoted from {o.candidateName}).{said} The train is open
          again: {o.cutCandidateName ? `promote ${o.cutCandidateName} when it is ready.` : 'cut its next candidate, fix, and promote it.'}
        </div>
        {o.nextCandidateName ? (
          <div className="rc-cut">
            <Button appearance="primary" onClick={() => void cut()} isDisabled={busy}>
              {busy ? `Creating ${o.nextCandidateName}…` : `Cut ${o.nextCandidateName}`}
            </Button>
          </div>
        ) : null}
        {error ? <ErrorBanner error={error} /> : null}
      </Banner>
    );
  }
  if (o.status === 'failed')
    return (
      <Banner kind="error">
        <strong>The deployment of {o.train} failed</strong> on {readableTime(o.latest?.at)} in {o.latest?.environment} (<IssueLink issueKey={o.handoffKey} />, reported by {who}).{said}
      </Banner>
    );
  return (
    <p className="pp-muted" data-testid={`train-outcome-${o.train}`}>
      {o.status === 'deployed' ? `Release ${o.train} runs in production since ${readableTime(o.deployedAt)}` : `Release ${o.train} is waiting for ops to deploy it`} (
      <IssueLink issueKey={o.handoffKey} />
      ).
    </p>
  );
}
