/** The transition buttons (what GET transitions offers). A failed validator's message goes to `onError`. */
import { useState } from 'react';
import type { Transition } from '../jira-client';

type Props = {
  transitions: Transition[] | null;
  onTransition(transition: Transition): Promise<void>;
};

export function TransitionBar({ transitions, onTransition }: Props) {
  const [running, setRunning] = useState<string | null>(null);
  if (transitions === null) return <div className="transitions muted" aria-busy="true">Loading transitions…</div>;
  const run = async (t: Transition) => {
    setRunning(t.id);
    try {
      await onTransition(t);
    } finally {
      setRunning(null);
    }
  };
  return (
    <div className="transitions" role="group" aria-label="Transitions" aria-busy={running !== null}>
      {transitions.length === 0 ? <span className="muted">No transitions available.</span> : null}
      {transitions.map((t) => (
        <button key={t.id} type="button" data-transition-id={t.id} disabled={running !== null || t.isAvailable === false} onClick={() => void run(t)} title={t.to ? `Move to ${t.to.name}` : undefined}>
          {t.name}
        </button>
      ))}
      {running ? <span className="spinner" aria-label="Running transition" /> : null}
    </div>
  );
}
