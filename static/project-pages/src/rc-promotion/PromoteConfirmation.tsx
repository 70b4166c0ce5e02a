import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import type { Fail } from '@rt/contracts';
import { Banner, ErrorBanner, Loading } from '../../../shared/components';
import { call } from '../api';
import type { Preview } from './types';

export type PromoteData = { projectKey: string; versionId: string; versionName: string; blocked: boolean };
export type PromoteConfirmed = { override: { reason: string } | null };

/**
 * The confirmation's content: every step the promotion will take, from the server's plan. When gates fail, the RTE
 * can override with a reason (recorded in the audit entry); the server decides again on confirm. Data and result are
 * JSON and the callbacks are `close(result)` / `cancel()`, the shape of a host modal's dialog (docs/ui.md), so it
 * renders unchanged in the page's dialog (PromoteDialog) or in a Forge modal.
 */
export function PromoteConfirmation({ data: { projectKey, versionId, versionName, blocked }, close, cancel }: { data: PromoteData; close: (result: PromoteConfirmed) => void; cancel: () => void }) {
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<Preview | Fail | null>(null);
  const override = blocked && reason.trim().length >= 10 ? { reason: reason.trim() } : undefined;

  useEffect(() => {
    let live = true;
    setPreview(null);
    void call('rc/promote-preview', { projectKey, versionId, ...(override ? { override } : {}) }).then((r) => live && setPreview(r.ok ? r.data : r));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectKey, versionId, override?.reason]);

  const ready = preview !== null && !('ok' in preview) ? preview : null;
  return (
    <>
    <h2 id="rt-promote-title">Promote {versionName} to a production release?</h2>
    {blocked ? (
      <>
        <label htmlFor="rt-promote-reason" className="pp-label">
          Override reason (required because some gates are not passed; at least 10 characters, recorded in the audit)
        </label>
        <TextArea id="rt-promote-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} minimumRows={3} maxLength={1000} resize="vertical" />
      </>
    ) : null}
    {preview === null ? <Loading label="Planning the promotion…" /> : 'ok' in preview ? <ErrorBanner error={preview} /> : null}
    {ready ? (
      <>
        <p>These steps will run, in this order:</p>
        <ol aria-label="Promotion steps" className="rc-steps">
          {ready.steps.map((s) => (
            <li key={s.step}>
              <strong>{s.title}</strong>
              <div className="pp-muted">{s.detail}</div>
            </li>
          ))}
        </ol>
        {ready.allowed ? null : (
          <div role="alert">
            <Banner kind="warning" live={false}>
              {ready.refusal}
            </Banner>
          </div>
        )}
      </>
    ) : null}
    <div className="rc-dialog-actions">
      <Button appearance="subtle" onClick={cancel}>
        Cancel
      </Button>
      <Button appearance="primary" isDisabled={!ready?.allowed} onClick={() => close({ override: override ?? null })}>
        Promote
      </Button>
    </div>
    </>
  );
}
