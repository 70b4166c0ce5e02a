import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { pageCss } from '../ui/page-styles';
import { rcCss } from '../rc-promotion/Evidence';
import type { OutputOf, coverageProcedures } from '@rt/contracts';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/components';
import { useResult } from '../../../shared/use-result';
import { call, type PageContext } from '../api';
import { CoverageSection } from '../rc-promotion/CoverageSection';
import type { Trains } from '../rc-promotion/types';
import { AreaSuitePanel } from './AreaSuitePanel';
import { CoverageSettingsForm } from './CoverageSettingsForm';

type Library = OutputOf<typeof coverageProcedures, 'coverage/library'>;

/**
 * The QA view of regression coverage: pick a candidate, see what it changed against what was regressed, and run
 * area regressions from the check library (checks QA ran before, with their failure history).
 */
export function RegressionCoveragePage({ context }: { context: PageContext }) {
  const projectKey = context.projectKey;
  const [trains, reloadTrains] = useResult<Trains>(() => call('rc/trains', { projectKey }), [projectKey]);
  const [library, reloadLibrary] = useResult<Library>(() => call('coverage/library', { projectKey }), [projectKey]);
  const [selected, setSelected] = useState<string | null>(null);
  const [area, setArea] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  if (trains.state === 'loading') return <Loading label="Loading release candidates…" />;
  if (trains.state === 'error') return <ErrorBanner error={trains.error} onRetry={reloadTrains} />;
  const candidates = trains.data.trains.flatMap((t) => t.candidates);
  if (candidates.length === 0) return <EmptyState title="No release candidates in this project">Coverage is measured per release candidate.</EmptyState>;
  const open = candidates.filter((c) => !c.version.released);
  const current = candidates.find((c) => c.version.id === selected) ?? open[open.length - 1] ?? candidates[candidates.length - 1]!;
  const lib = library.state === 'ready' ? library.data : null;

  return (
    <main aria-label="Regression coverage" className="pp-page">
      <style>{pageCss}</style>
      <style>{rcCss}</style>
      <h1>Regression coverage</h1>
      <label className="pp-inline-label">
        Release candidate{' '}
        <select className="pp-select" value={current.version.id} onChange={(e) => (setSelected(e.target.value), setArea(null))}>
          {candidates.map((c) => (
            <option key={c.version.id} value={c.version.id}>
              {c.version.name}
              {c.version.released ? ' (released)' : ''}
            </option>
          ))}
        </select>
      </label>
      <CoverageSection projectKey={projectKey} versionId={current.version.id} refreshKey={refresh} onRunArea={setArea} />
      <section className="pp-card" aria-label="Check library">
        <h2>Check library</h2>
        <p className="pp-muted">Checks QA has run before, per area, from the area regressions and the bugs' focused checklists. Run an area's checks as an area regression on {current.version.name}.</p>
        {library.state === 'loading' ? (
          <Loading label="Loading the check library…" />
        ) : library.state === 'error' ? (
          <ErrorBanner error={library.error} onRetry={reloadLibrary} />
        ) : lib && lib.areas.length === 0 ? (
          <p>No checks have been run yet.</p>
        ) : (
          <table className="pp-table" aria-label="Check library by area">
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Checks</th>
                <th scope="col">Failure history</th>
                <th scope="col">
                  <span className="rt-sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lib?.areas.map((a) => {
                const checks = lib.checks.filter((c) => c.area.toLowerCase() === a.toLowerCase());
                const failing = checks.filter((c) => c.failures > 0);
                return (
                  <tr key={a} data-library-area={a}>
                    <th scope="row">{a}</th>
                    <td>{checks.length}</td>
                    <td>{failing.length === 0 ? 'never failed' : failing.slice(0, 3).map((c) => `${c.title} (failed in ${c.failedIn.join(', ')})`).join('; ')}</td>
                    <td>
                      <Button spacing="compact" isSelected={area === a} aria-pressed={area === a} onClick={() => setArea(a)}>
                        Run area regression on {current.version.name}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {area && lib ? (
        <AreaSuitePanel
          key={`${current.version.id}:${area}`}
          projectKey={projectKey}
          versionId={current.version.id}
          rc={current.version.name}
          area={area}
          library={lib.checks.filter((c) => c.area.toLowerCase() === area.toLowerCase())}
          onChanged={() => setRefresh((n) => n + 1)}
        />
      ) : null}
      <CoverageSettingsForm projectKey={projectKey} onSaved={() => setRefresh((n) => n + 1)} />
    </main>
  );
}
