import { useEffect, useRef, type KeyboardEvent } from 'react';
import { PromoteConfirmation } from './PromoteConfirmation';

/**
 * The promote confirmation as a dialog in the page (focus moves in, Tab stays inside, Escape cancels, focus goes back
 * to the Promote button). The content is PromoteConfirmation, ready for a host modal once the bridge offers one.
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
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Focus moves into the dialog and, when it closes, back to what opened it (the Promote button).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.scrollIntoView?.({ block: 'nearest' });
    dialog.current?.querySelector<HTMLElement>('textarea, button')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

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
        <PromoteConfirmation data={{ projectKey, versionId, versionName, blocked }} close={(r) => onConfirm(r.override ?? undefined)} cancel={onCancel} />
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
