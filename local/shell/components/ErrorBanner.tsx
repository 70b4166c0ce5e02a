import type { ReactNode } from 'react';

/**
 * Jira's red error banner (section message). `role="alert"` so it is announced and tests can find it.
 * `renderLine` (optional) renders a line with links in it (the issue view links the fields a refusal names).
 */
type Props = { title?: string; messages: string[]; fieldErrors?: Record<string, string>; fieldNames?: Record<string, string>; onDismiss?: () => void; renderLine?: (line: string) => ReactNode };

export function ErrorBanner({ title, messages, fieldErrors = {}, fieldNames = {}, onDismiss, renderLine = (line) => line }: Props) {
  const fieldLines = Object.entries(fieldErrors).map(([field, message]) => `${fieldNames[field] ?? field}: ${message}`);
  const lines = [...messages, ...fieldLines];
  if (lines.length === 0) return null;
  return (
    <div className="banner error" role="alert">
      <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="10" fill="#C9372C" />
        <rect x="11" y="6" width="2" height="8" fill="#fff" />
        <rect x="11" y="16" width="2" height="2" fill="#fff" />
      </svg>
      <div style={{ flex: 1 }}>
        {title ? <div className="title">{title}</div> : null}
        {lines.length === 1 ? <p>{renderLine(lines[0]!)}</p> : (
          <ul>
            {lines.map((line, i) => (
              <li key={i}>{renderLine(line)}</li>
            ))}
          </ul>
        )}
      </div>
      {onDismiss ? (
        <button type="button" className="subtle" onClick={onDismiss} aria-label="Dismiss error">
          ×
        </button>
      ) : null}
    </div>
  );
}
