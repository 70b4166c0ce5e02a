import { useState } from 'react';
import type { OutputOf, signoffProcedures } from '@rt/contracts';
import { ErrorBanner, Loading } from '../../shared/components';
import { call } from './api';

type Library = OutputOf<typeof signoffProcedures, 'regression/library'>;

/** Checks QA ran before (the project's check library, with failure history), to pull into this bug's checklist. */
export function LibraryPicker({ issueKey, taken, disabled, onAdd }: { issueKey: string; taken: ReadonlySet<string>; disabled: boolean; onAdd: (check: { id: string; area: string; title: string }) => void }) {
  const [open, setOpen] = useState(false);
  const [library, setLibrary] = useState<Library | { error: Parameters<typeof ErrorBanner>[0]['error'] } | null>(null);
  const [filter, setFilter] = useState('');
  const toggle = (next: boolean) => {
    setOpen(next);
    if (next && !library) void call('regression/library', { issueKey }).then((r) => setLibrary(r.ok ? r.data : { error: r }));
  };
  const checks = library && 'checks' in library ? library.checks.filter((c) => !taken.has(c.id) && `${c.area} ${c.title}`.toLowerCase().includes(filter.trim().toLowerCase())) : [];
  return (
    <details open={open} onToggle={(e) => toggle((e.target as HTMLDetailsElement).open)}>
      <summary>From the check library</summary>
      {!library ? (
        <Loading label="Loading the check library…" />
      ) : 'error' in library ? (
        <ErrorBanner error={library.error} />
      ) : (
        <>
          <label>
            Filter <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </label>
          {checks.length === 0 ? (
            <p className="rt-muted">No library checks {filter ? 'match' : 'to add'}.</p>
          ) : (
            <ul>
              {checks.slice(0, 50).map((c) => (
                <li key={c.id}>
                  <strong>{c.area}</strong>: {c.title}{' '}
                  <span className="rt-muted">
                    ({c.runs} run{c.runs === 1 ? '' : 's'}
                    {c.failures ? `, failed in ${c.failedIn.join(', ')}` : ', never failed'})
                  </span>{' '}
                  <button type="button" className="rt-subtle" disabled={disabled} aria-label={`Add library check ${c.title}`} onClick={() => onAdd({ id: c.id, area: c.area, title: c.title })}>
                    Add
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </details>
  );
}
