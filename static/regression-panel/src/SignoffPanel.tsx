import { useState } from 'react';
import type { Fail, SignoffView } from '@rt/contracts';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { Inline } from '@atlaskit/primitives/compiled';
import { Banner, ErrorBanner, Loading, Lozenge } from '../../shared/components';
import { useResult } from '../../shared/use-result';
import { call, flag, newCheckId } from './api';

/**
 * The "QA sign-off" panel on features (stories, tasks): QA signs the feature off in its release candidate, or
 * rejects it with a reason. Kept on the issue (entity property `release-train-qa-signoff`, searchable with JQL
 * `issue.property[release-train-qa-signoff].index.latestDecision = "signed-off"`); once QA signs off, the RTE takes over.
 */
export function SignoffPanel({ issueKey }: { issueKey: string }) {
  const [loaded, reload, replace] = useResult<SignoffView>(() => call('signoff/get', { issueKey }), [issueKey]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  if (loaded.state === 'loading') return <Loading label="Loading the QA sign-off…" />;
  if (loaded.state === 'error') return <ErrorBanner error={loaded.error} onRetry={reload} />;
  const v = loaded.data;
  if (v.isBug) return <p>Bugs are signed off by their focused regression: use the QA regression panel.</p>;

  async function decide(decision: 'signed-off' | 'rejected') {
    if (!v.currentRc) return;
    setBusy(true);
    setError(null);
    const res = await call('signoff/record', { issueKey, rc: v.currentRc, id: newCheckId(), decision, ...(note.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    if (!res.ok) return setError(res);
    replace(res.data);
    setNote('');
    flag(decision === 'signed-off' ? 'Signed off' : 'Rejected', `${issueKey} in ${v.currentRc}`);
  }

  const history = v.record?.entries ?? [];
  return (
    <section aria-label="QA sign-off" data-testid="signoff-panel">
      {v.storedInvalid ? <Banner kind="error">{v.storedInvalid.message} Nothing can be signed off here until it is fixed.</Banner> : null}
      {!v.currentRc ? (
        <p>{issueKey} has no release-candidate fix version: QA signs a feature off in its release candidate.</p>
      ) : (
        <>
          <p data-testid="signoff-status">
            In {v.currentRc}:{' '}
            {v.current ? (
              <>
                <Lozenge kind={v.current.decision === 'signed-off' ? 'success' : 'danger'}>{v.current.decision === 'signed-off' ? 'Signed off' : 'Rejected'}</Lozenge> by {v.current.by.name} on {v.current.at.slice(0, 10)}
                {v.current.note ? ` — “${v.current.note}”` : ''}
              </>
            ) : (
              <Lozenge>Not signed off</Lozenge>
            )}
          </p>
          {error ? <ErrorBanner error={error} /> : null}
          {v.canEdit ? (
            <>
              <label htmlFor="rt-signoff-note">Note (needed to reject)</label>
              <TextArea id="rt-signoff-note" minimumRows={2} resize="vertical" maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              <Inline space="space.100">
                <Button appearance="primary" isDisabled={busy} onClick={() => void decide('signed-off')}>
                  Sign off in {v.currentRc}
                </Button>
                <Button isDisabled={busy || !note.trim()} onClick={() => void decide('rejected')}>
                  Reject
                </Button>
              </Inline>
            </>
          ) : !v.storedInvalid ? (
            <p className="rt-muted">Signing off needs Jira's Edit Issues permission on {issueKey}.</p>
          ) : null}
        </>
      )}
      {history.length > 0 ? (
        <details>
          <summary>History ({history.length})</summary>
          <ul>
            {[...history].reverse().map((e) => (
              <li key={e.id}>
                {e.at.slice(0, 16).replace('T', ' ')} · {e.rc} · {e.decision === 'signed-off' ? 'signed off' : 'rejected'} by {e.by.name}
                {e.note ? ` — “${e.note}”` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
