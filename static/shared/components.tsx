import type { ReactNode } from 'react';
import type { Fail } from '@rt/contracts';

/** Shared building blocks so every app shows loading, empty and error states the same way. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="rt-row">
      <span className="rt-spinner" aria-hidden="true" /> <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rt-empty">
      <strong>{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

/** A resolver failure: its message, the field issues when the input was refused, and a retry when it helps. */
export function ErrorBanner({ error, onRetry }: { error: Fail | string; onRetry?: () => void }) {
  const failure = typeof error === 'string' ? { message: error, code: 'INTERNAL', issues: undefined } : error;
  return (
    <div role="alert" className="rt-banner error">
      <div>{failure.message}</div>
      {failure.issues && failure.issues.length > 0 ? (
        <ul>
          {failure.issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry && ['JIRA_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL', 'CONFLICT'].includes(failure.code) ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/**
 * `live={false}`: not a live region, for a banner whose content is long or changes as the user types (the app then
 * announces a short status of its own instead of the whole banner on every change).
 */
export function Banner({ kind, children, live = true }: { kind: 'success' | 'warning' | 'info' | 'error'; children: ReactNode; live?: boolean }) {
  return (
    <div role={live ? (kind === 'error' ? 'alert' : 'status') : undefined} className={`rt-banner ${kind}`}>
      {children}
    </div>
  );
}

export function Lozenge({ kind = 'default', children }: { kind?: 'default' | 'success' | 'danger' | 'warning' | 'info'; children: ReactNode }) {
  return <span className={`rt-lozenge ${kind === 'default' ? '' : kind}`}>{children}</span>;
}
