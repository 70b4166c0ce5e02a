import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import type { Fail, OutputOf, coverageProcedures, SuiteView } from '@rt/contracts';
import { ErrorBanner, Loading, Lozenge } from '../../../shared/components';
import { AddChecksPicker } from '../../../shared/AddChecksPicker';
import { useResult } from '../../../shared/use-result';
import { call } from '../api';

type Library = OutputOf<typeof coverageProcedures, 'coverage/library'>;
type LibraryCheck = Library['checks'][number];
type Result = 'passed' | 'failed' | 'blocked' | 'not-run';

const resultLabel: Record<Result, string> = { passed: 'Passed', failed: 'Failed', blocked: 'Blocked', 'not-run': 'Not run' };

/** The area regression of one area on a candidate: start it from the library, record results, pull more checks in. */
export function AreaSuitePanel({ projectKey, versionId, rc, area, library, onChanged }: { projectKey: string; versionId: string; rc: string; area: string; library: LibraryCheck[]; onChanged: () => void }) {
  const [loaded, reload, replace] = useResult<SuiteView>(() => call('coverage/suite', { projectKey, versionId, area }), [projectKey, versionId, area]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const section = useRef<HTMLElement>(null);
  // Opened from a row far up the page: bring it into view once it has loaded.
  const ready = loaded.state === 'ready';
  useEffect(() => {
    if (ready) section.current?.scrollIntoView?.({ block: 'start' });
  }, [ready]);
  if (loaded.state === 'loading') return <Loading label={`Loading the ${area} regression…`} />;
  if (loaded.state === 'error') return <ErrorBanner error={loaded.error} onRetry={reload} />;
  const suite = loaded.data;
  const inCycle = new Set((suite.checks ?? []).map((c) => c.id));
  const more = library.filter((c) => !inCycle.has(c.id));

  async function run(p: Promise<{ ok: true; data: SuiteView } | Fail>): Promise<boolean> {
    setBusy(true);
    setError(null);
    const res = await p;
    setBusy(false);
    if (!res.ok) {
      setError(res);
      return false;
    }
    replace(res.data);
    onChanged();
    return true;
  }
  const pull = (checks: LibraryCheck[]) => checks.map((c) => ({ id: c.id, title: c.title }));

  return (
    <section ref={section} className="pp-card" aria-label={`Area regression: ${area} in ${rc}`} data-testid="area-suite">
      <h3>
        Area regression: {area} <span className="pp-muted">in {rc}</span>
      </h3>
      {suite.history.length > 0 ? (
        <p className="pp-muted">
          Cycles: {suite.history.map((h) => `${h.rc}: ${h.run} of ${h.total} run${h.failed ? `, ${h.failed} failed` : ''}`).join(' · ')}
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
      {!suite.canEdit ? <p>You can read this area regression; recording results needs Jira's Edit Issues permission in {projectKey}.</p> : null}
      {suite.checks === null ? (
        <>
          <p>
            The {area} regression has not started in {rc}. {library.length > 0 ? `Start it with the ${library.length} check${library.length === 1 ? '' : 's'} QA ran before in ${area}` : `No checks of ${area} are in the library yet: write the first one below`}
            {suite.history.length > 0 ? ' (the previous cycle’s checks carry over, not run)' : ''}.
          </p>
          <Button appearance="primary" isDisabled={busy || !suite.canEdit} onClick={() => void run(call('coverage/suite-start', { projectKey, versionId, area, checks: pull(library.slice(0, 40)) }))}>
            Start the {area} regression in {rc}
          </Button>
          <NewCheckForm area={area} disabled={busy || !suite.canEdit} label={`Start with this check${library.length > 0 ? ' and the library’s' : ''}`} onAdd={(check) => run(call('coverage/suite-start', { projectKey, versionId, area, checks: [...pull(library.slice(0, 39)), check] }))} />
        </>
      ) : (
        <>
          <ul className="cov-checks" aria-label={`Checks of the ${area} regression`}>
            {suite.checks.map((c) => (
              <li key={c.id} data-check={c.title}>
                <strong className="cov-check-title">{c.title}</strong>{' '}
                <Lozenge kind={c.result === 'passed' ? 'success' : c.result === 'failed' ? 'danger' : c.result === 'blocked' ? 'warning' : 'default'}>{resultLabel[c.result]}</Lozenge>
                {suite.flaky.some((f) => f.checkId === c.id) ? (
                  <>
                    {' '}
                    <Lozenge kind="warning">flaky</Lozenge>
                  </>
                ) : null}{' '}
                {(['passed', 'failed', 'blocked'] as const).map((r) => (
                  <Button
                    key={r}
                    appearance="subtle"
                    spacing="compact"
                    isSelected={c.result === r}
                    aria-pressed={c.result === r}
                    aria-label={`${resultLabel[r]}: ${c.title}`}
                    isDisabled={busy || !suite.canEdit}
                    onClick={() => void run(call('coverage/suite-result', { projectKey, versionId, area, checkId: c.id, result: r }))}
                  >
                    {resultLabel[r]}
                  </Button>
                ))}
                {c.tester ? <span className="pp-muted"> {c.tester.name}</span> : null}
              </li>
            ))}
          </ul>
          {more.length > 0 ? (
            <AddChecksPicker
              label="Add checks from the library"
              checks={more.map((c) => ({ id: c.id, title: c.title, detail: `${c.runs} runs, ${c.failures} failed` }))}
              addLabel="Add library check"
              disabled={busy || !suite.canEdit}
              onAdd={(c) => void run(call('coverage/suite-add', { projectKey, versionId, area, checks: [{ id: c.id, title: c.title }] }))}
            />
          ) : null}
          <NewCheckForm area={area} disabled={busy || !suite.canEdit} label="Add check" onAdd={(check) => run(call('coverage/suite-add', { projectKey, versionId, area, checks: [check] }))} />
        </>
      )}
    </section>
  );
}

/** A check QA writes for the area (an area with no checks in the library yet can only start this way). */
function NewCheckForm({ area, disabled, label, onAdd }: { area: string; disabled: boolean; label: string; onAdd: (check: { id: string; title: string }) => Promise<boolean> }) {
  const [title, setTitle] = useState('');
  const id = `rt-suite-new-${area.replace(/[^A-Za-z0-9]+/g, '-')}`;
  return (
    <form
      className="cov-new-check"
      aria-label={`New check for ${area}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (disabled || !title.trim()) return;
        // What was typed stays when the save fails.
        void onAdd({ id: crypto.randomUUID(), title: title.trim() }).then((saved) => saved && setTitle(''));
      }}
    >
      <label htmlFor={id} className="pp-inline-label">
        New check
      </label>
      <Textfield id={id} value={title} maxLength={200} isCompact onChange={(e) => setTitle(e.currentTarget.value)} placeholder={`${area}: main flow works`} />
      <Button type="submit" isDisabled={disabled || !title.trim()}>
        {label}
      </Button>
    </form>
  );
}
