/** Jira-style flags (toasts) in the bottom-left corner; they dismiss themselves after a while. */
import { useEffect } from 'react';

export type Flag = { id: number; title: string; description?: string; appearance?: string };

function FlagItem({ flag, onDismiss }: { flag: Flag; onDismiss(id: number): void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(flag.id), flag.appearance === 'error' ? 15000 : 8000);
    return () => clearTimeout(timer);
  }, [flag, onDismiss]);
  const appearance = flag.appearance ?? 'normal';
  return (
    <div className={`flag ${appearance}`} role={appearance === 'error' ? 'alert' : 'status'}>
      <div className="body">
        <div className="title">{flag.title}</div>
        {flag.description ? <div>{flag.description}</div> : null}
      </div>
      <button type="button" className="subtle" aria-label={`Dismiss ${flag.title}`} onClick={() => onDismiss(flag.id)}>
        ×
      </button>
    </div>
  );
}

export function Flags({ flags, onDismiss }: { flags: Flag[]; onDismiss(id: number): void }) {
  return (
    <div className="flags" aria-live="polite">
      {flags.map((f) => (
        <FlagItem key={f.id} flag={f} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
