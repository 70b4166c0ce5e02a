import { useState } from 'react';
import type { Fail, OutputOf, signoffProcedures } from '@rt/contracts';
import { AddChecksPicker } from '../../shared/AddChecksPicker';
import { call } from './api';

type Library = OutputOf<typeof signoffProcedures, 'regression/library'>;

/** Checks QA ran before (the project's check library, with failure history), to pull into this bug's checklist. */
export function LibraryPicker({ issueKey, taken, disabled, busy, onAdd }: { issueKey: string; taken: ReadonlySet<string>; disabled: boolean; busy: boolean; onAdd: (check: { id: string; area: string; title: string }) => void }) {
  const [library, setLibrary] = useState<Library | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const load = () => {
    if (library) return;
    setError(null);
    void call('regression/library', { issueKey }).then((r) => (r.ok ? setLibrary(r.data) : setError(r)));
  };
  const checks = library
    ? library.checks
        .filter((c) => !taken.has(c.id))
        .map((c) => ({ id: c.id, area: c.area, title: c.title, detail: `${c.runs} run${c.runs === 1 ? '' : 's'}${c.failures ? `, failed in ${c.failedIn.join(', ')}` : ', never failed'}` }))
    : null;
  return (
    <AddChecksPicker
      label="From the check library"
      checks={checks}
      error={error}
      addLabel="Add library check"
      disabled={disabled}
      busy={busy}
      onOpen={load}
      onAdd={(c) => onAdd({ id: c.id, area: c.area ?? '', title: c.title })}
    />
  );
}
