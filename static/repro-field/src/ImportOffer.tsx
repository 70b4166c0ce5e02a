/**
 * "Edit" on a bug whose steps live in its description: offers to bring them into the field, showing what goes where
 * (the split value, and the sentences that went into no box) before anything changes. Import fills the editor's
 * boxes; nothing is saved until Save. Dismiss leaves the editor empty.
 */
import { useEffect, useRef, useState } from 'react';
import type { Fail, ReproStepsFieldValueDto } from '@rt/contracts';
import { Banner, ErrorBanner } from '../../shared/components';
import { call } from './api';
import { ValueView } from './ValueView';

type Split = { value: ReproStepsFieldValueDto; unplaced: string[] };

export function ImportOffer({ issueKey, onImport }: { issueKey: string; onImport(value: ReproStepsFieldValueDto, unplaced: string[]): void }) {
  const [split, setSplit] = useState<Split | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let live = true;
    void call('repro/import-description', { issueKey }).then((r) => {
      if (!live) return;
      if (r.ok) setSplit(r.data.split);
      else setError(r);
    });
    return () => {
      live = false;
    };
  }, [issueKey]);

  if (dismissed) return null;
  // The offer is a help, not the editor: a failed read says so once and the editor stays usable.
  if (error) return <ErrorBanner error={{ ...error, message: `Could not read the description to import its steps: ${error.message}` }} />;
  if (!split) return null;
  return (
    <section className="rt-card" aria-labelledby="repro-import-title" data-testid="repro-import">
      <h3 id="repro-import-title" ref={heading}>
        Import the steps from the description?
      </h3>
      <p className="rt-muted">This is what would go into each box. Nothing is saved until you press Save.</p>
      <ValueView value={split.value} />
      {split.unplaced.length > 0 ? (
        <Banner kind="info" live={false}>
          Not placed in any box (stays in the description):
          <ul>
            {split.unplaced.map((u, i) => (
              <li key={i}>{u}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <div className="rt-row">
        <button
          type="button"
          className="rt-primary"
          onClick={() => {
            onImport(split.value, split.unplaced);
            setDismissed(true);
          }}
        >
          Import into the boxes
        </button>
        <button type="button" onClick={() => setDismissed(true)}>
          Not now
        </button>
      </div>
    </section>
  );
}
