import { useState } from 'react';
import type { DeploymentOutcome, Fail, OpsPanelView } from '@rt/contracts';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { Box, Inline } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { Banner, EmptyState, ErrorBanner, Loading, Lozenge } from '../../shared/components';
import { fromLocalInput, outcomeKind, outcomeText, readableTime, toLocalInput } from '../../shared/delivery-format';
import { useResult } from '../../shared/use-result';
import { call } from './api';

type Handoff = Extract<OpsPanelView, { state: 'handoff' }>;

/** The hand-off as ops sees it: what was promoted, every report so far, and the form to record the outcome. */
export function OpsPanel({ issueKey }: { issueKey: string }) {
  const [loaded, reload, replace] = useResult(() => call('ops/handoff', { issueKey }), [issueKey]);
  if (loaded.state === 'loading') return <Loading label="Loading the hand-off…" />;
  if (loaded.state === 'error') return <ErrorBanner error={loaded.error} onRetry={reload} />;
  const v = loaded.data;
  if (v.state === 'not-handoff') return <EmptyState title="Not a release hand-off">{issueKey} was not created by a Release Train promotion, so there is no deployment to report here.</EmptyState>;
  if (v.state === 'unreadable') return <ErrorBanner error={`${v.problem} Ask a Jira admin to repair or remove the stored value; reports cannot be added until then.`} />;
  return <HandoffView view={v} onRecorded={replace} />;
}

function HandoffView({ view, onRecorded }: { view: Handoff; onRecorded: (v: Handoff) => void }) {
  const { record, outcome } = view;
  return (
    <div data-testid="ops-handoff">
      <p>
        <strong>{record.productionVersionName}</strong> of {record.projectKey}, promoted from {record.candidateName} on {readableTime(record.promotedAt)}.{' '}
        <Lozenge kind={outcomeKind[outcome.status]}>{outcomeText[outcome.status]}</Lozenge>
      </p>
      {outcome.deployedAt ? <p className="rt-muted">In production since {readableTime(outcome.deployedAt)} (the release's deployment time).</p> : null}
      {view.transition ? <Banner kind={view.transition.moved ? 'success' : 'warning'}>{view.transition.message}</Banner> : null}
      <h3>Reports</h3>
      {view.reports.length === 0 ? (
        <p className="rt-muted">Nothing reported yet.</p>
      ) : (
        <ol aria-label="Deployment reports" style={{ paddingInlineStart: token('space.250') }}>
          {view.reports.map((r) => (
            <li key={`${r.reportedAt}-${r.at}-${r.outcome}`}>
              <Lozenge kind={outcomeKind[r.outcome]}>{outcomeText[r.outcome]}</Lozenge> {readableTime(r.at)} in {r.environment}
              {r.note ? <> — “{r.note}”</> : null} <span className="rt-muted">(reported by {r.reportedByName ?? r.reportedBy} on {readableTime(r.reportedAt)})</span>
            </li>
          ))}
        </ol>
      )}
      {view.canReport ? <ReportForm view={view} onRecorded={onRecorded} /> : <Banner kind="info">{view.refusal ?? 'You cannot report on this hand-off.'}</Banner>}
    </div>
  );
}

const choices: Array<{ outcome: DeploymentOutcome; label: string }> = [
  { outcome: 'deployed', label: 'Deployed' },
  { outcome: 'failed', label: 'Deployment failed' },
  { outcome: 'rolled-back', label: 'Rolled back' },
];

function ReportForm({ view, onRecorded }: { view: Handoff; onRecorded: (v: Handoff) => void }) {
  const [outcome, setOutcome] = useState<DeploymentOutcome>(view.outcome.status === 'deployed' ? 'rolled-back' : 'deployed');
  const [at, setAt] = useState(() => toLocalInput(new Date()));
  const [environment, setEnvironment] = useState('production');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const neverDeployed = view.outcome.deployments === 0;

  async function submit() {
    setSaving(true);
    setError(null);
    setSaved(null);
    const iso = fromLocalInput(at);
    const res = await call('ops/report', { issueKey: view.issueKey, outcome, at: iso || at, environment, note });
    setSaving(false);
    if (!res.ok) return setError(res);
    if (res.data.state !== 'handoff') return setError({ ok: false, code: 'CONFLICT', message: 'The hand-off changed meanwhile; reload the issue.' });
    setNote('');
    setSaved(`Recorded: ${outcomeText[outcome].toLowerCase()} at ${readableTime(iso)}.`);
    onRecorded(res.data);
  }

  return (
    <form
      aria-label="Report the outcome"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Report the outcome</h3>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="rt-muted">What happened</legend>
        <Inline space="space.200" shouldWrap>
          {choices.map((c) => (
            <span key={c.outcome}>
              <input
                type="radio"
                id={`rt-outcome-${c.outcome}`}
                name="outcome"
                value={c.outcome}
                checked={outcome === c.outcome}
                disabled={c.outcome === 'rolled-back' && neverDeployed}
                onChange={() => setOutcome(c.outcome)}
              />{' '}
              <label htmlFor={`rt-outcome-${c.outcome}`} style={{ display: 'inline', font: token('font.body'), color: 'inherit' }}>
                {c.label}
              </label>
            </span>
          ))}
        </Inline>
        {neverDeployed ? <p className="rt-muted">Rolled back becomes available once a deployment is recorded.</p> : null}
      </fieldset>
      <Inline space="space.200" shouldWrap>
        <div style={{ width: 240 }}>
          <label htmlFor="rt-report-at">When it happened (UTC)</label>
          <Textfield id="rt-report-at" type="datetime-local" value={at} onChange={(e) => setAt(e.currentTarget.value)} isRequired />
        </div>
        <div style={{ width: 240 }}>
          <label htmlFor="rt-report-env">Environment</label>
          <Textfield id="rt-report-env" value={environment} maxLength={200} onChange={(e) => setEnvironment(e.currentTarget.value)} isRequired />
        </div>
      </Inline>
      <label htmlFor="rt-report-note">Note {outcome === 'deployed' ? '(optional)' : '(what went wrong, what was done)'}</label>
      <TextArea id="rt-report-note" value={note} maxLength={5000} minimumRows={3} resize="vertical" onChange={(e) => setNote(e.currentTarget.value)} />
      {error ? <ErrorBanner error={error} /> : null}
      {saved ? <Banner kind="success">{saved}</Banner> : null}
      <Box paddingBlockStart="space.100">
        <Button type="submit" appearance="primary" isDisabled={saving}>
          {saving ? 'Recording…' : `Record “${outcomeText[outcome === 'rolled-back' ? 'rolled-back' : outcome]}”`}
        </Button>
      </Box>
    </form>
  );
}
