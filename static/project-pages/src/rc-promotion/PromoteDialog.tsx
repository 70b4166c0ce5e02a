import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import type { Fail } from '@rt/contracts';
import { Banner, ErrorBanner, Loading } from '../../../shared/components';
import { call } from '../api';
import type { Preview } from './types';

/**
 * The confirmation: every step the promotion will take, from the server's plan. When gates fail, the RTE can
 * override with a reason (recorded in the audit entry); the server decides again on confirm.
 */
export function PromoteDialog({
  projectKey,
  versionId,
  versionName,
  blocked,
  onCancel,
  onConfirm,
}: {
  projectKey: string;
  versionId: string;
  versionName: string;
  blocked: boolean;
  onCancel: () => void;
  onConfirm: (override?: { reason: string }) => void;
}) {
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<Preview | Fail | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
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

  useEffect(() => {
    // Focus moves into the dialog and, when it closes, back to what opened it (the Promote button).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.scrollIntoView?.({ block: 'nearest' });
    dialog.current?.querySelector<HTMLElement>('textarea, button')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const ready = preview !== null && !('ok' in preview) ? preview : null;
  return (
    // Shown in the page's flow, not as a fixed overlay: the app lives in an iframe sized to its content, where a
    // centred overlay can sit outside what the user sees.
    <div className="rt-dialog-host">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="rt-promote-title"
        className="rc-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          } else if (e.key === 'Tab') trapTab(e, dialog.current);
        }}
      >
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
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
          <Button appearance="primary" isDisabled={!ready?.allowed} onClick={() => onConfirm(override)}>
            Promote
          </Button>
        </div>
      </div>
    </div>
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** aria-modal: Tab and Shift+Tab cycle inside the dialog instead of leaving it. */
function trapTab(e: KeyboardEvent<HTMLElement>, root: HTMLElement | null) {
  const items = root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)] : [];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return e.preventDefault();
  const active = root?.ownerDocument.activeElement;
  if (e.shiftKey && (active === first || !root?.contains(active ?? null))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !root?.contains(active ?? null))) {
    e.preventDefault();
    first.focus();
  }
}
