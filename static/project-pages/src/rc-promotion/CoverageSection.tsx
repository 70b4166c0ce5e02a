import type { CoverageView } from '@rt/contracts';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens/token';
import { ErrorBanner, Loading, Lozenge } from '../../../shared/components';
import { useResult } from '../../../shared/use-result';
import { call } from '../api';
import Button from '@atlaskit/button/new';
import { CoverageChart } from '../charts/lazy';
import { IssueChips, IssueLink } from './Evidence';

/**
 * Regression coverage of a candidate (RC page and the Regression coverage page): areas changed against areas
 * regressed as a table heat-map, the share of changed areas regressed, how much of full regression each candidate
 * got, areas never regressed in the window, and the features with their QA sign-off and development state.
 */
export function CoverageSection({ projectKey, versionId, refreshKey = 0, onRunArea }: { projectKey: string; versionId: string; refreshKey?: number; onRunArea?: (area: string) => void }) {
  const [loaded, reload] = useResult<CoverageView>(() => call('coverage/candidate', { projectKey, versionId }), [projectKey, versionId, refreshKey]);
  if (loaded.state === 'loading') return <Loading label="Loading the regression coverage…" />;
  if (loaded.state === 'error') return <ErrorBanner error={loaded.error} onRetry={reload} />;
  return <CoverageDetail view={loaded.data} onRunArea={onRunArea} />;
}

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** `onRunArea`: where QA can run area regressions (the Regression coverage page), each area row offers one. */
export function CoverageDetail({ view, onRunArea }: { view: CoverageView; onRunArea?: (area: string) => void }) {
  const s = view.selected;
  return (
    <section className="pp-card" aria-label={`Regression coverage of ${view.rc}`} data-testid="coverage">
      <style>{css}</style>
      <h3>Regression coverage</h3>
      <p data-testid="coverage-share">
        {s.changedCount === 0 ? (
          `${view.rc} changed no area (no components or area labels on its issues).`
        ) : (
          <>
            <strong>{pct(s.share)}</strong> of the areas {view.rc} changed were regressed in it ({s.changedRegressedCount} of {s.changedCount}).
          </>
        )}{' '}
        Full regression (every check of every area suite): {s.full.suites === 0 ? 'no area suites yet.' : `${s.full.run} of ${s.full.checks} checks run (${pct(s.full.share)}).`}
        {s.unmappedChecks > 0 ? ` ${s.unmappedChecks} checks run on fixes name no area (e.g. "The fix").` : ''}
      </p>
      {view.truncated ? <p className="pp-muted">The search stopped at its limit: the figures rest on the first issues only.</p> : null}
      <FullRegressionGaps view={view} />
      <CoverageChart view={view} />
      <table className="pp-table cov-heat" aria-label={`Areas of ${view.rc}: changed, regressed, failed`}>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Changed</th>
            <th scope="col">Regressed</th>
            <th scope="col">Failed</th>
            <th scope="col">Area suite</th>
          </tr>
        </thead>
        <tbody>
          {s.areas.map((a) => (
            <tr key={a.area} data-area={a.area}>
              <th scope="row">{a.area}</th>
              <td className={a.changed ? 'cov-on' : 'cov-off'}>{a.changed ? <IssueChips keys={a.changedBy} label={`Issues that changed ${a.area}`} /> : 'no'}</td>
              <td className={a.regressed ? 'cov-good' : a.changed ? 'cov-gap' : 'cov-off'} data-regressed={a.regressed}>
                {a.regressed ? <RanChecks area={a} /> : a.changed ? 'no: not regressed' : 'no'}
              </td>
              <td className={a.failed ? 'cov-bad' : 'cov-off'}>
                {a.failed ? `${a.checks.failed} failed` : a.regressed ? 'none' : '–'}
                {a.flaky.length > 0 ? (
                  <div>
                    <Lozenge kind="warning">flaky</Lozenge>{' '}
                    {a.flaky.map((f) => (
                      <span key={f.checkId} title={`Failed ${f.failedAt.slice(0, 16)}, passed ${f.passedAt.slice(0, 16)} with no fix in between`}>
                        {f.title}
                      </span>
                    ))}
                  </div>
                ) : null}
              </td>
              <td>
                {a.suite ? `${a.suite.run} of ${a.suite.total} run` : 'none'}
                {onRunArea ? (
                  <div>
                    <Button appearance="subtle" spacing="compact" onClick={() => onRunArea(a.area)}>
                      Run {a.area} regression on {view.rc}
                    </Button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>How much each candidate got</h4>
      <table className="pp-table" aria-label="Coverage per candidate">
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Changed areas regressed</th>
            <th scope="col">Full regression</th>
          </tr>
        </thead>
        <tbody>
          {view.candidates.map((c) => (
            <tr key={c.rc} data-candidate={c.rc}>
              <th scope="row">{c.rc}</th>
              <td>
                <span className="cov-bar" aria-hidden="true">
                  <ProgressBar value={c.share ?? 0} appearance="success" />
                </span>
                {pct(c.share)} ({c.changedRegressedCount} of {c.changedCount})
              </td>
              <td>{c.full.checks === 0 ? '–' : `${pct(c.full.share)} (${c.full.run} of ${c.full.checks})`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="never-regressed">
        {view.neverRegressed.length === 0
          ? `Every known area was regressed at least once in the last ${view.window} candidate${view.window === 1 ? '' : 's'}.`
          : `Never regressed in the last ${view.window} candidate${view.window === 1 ? '' : 's'}: ${view.neverRegressed.join(', ')}.`}
      </p>
      <Features view={view} />
    </section>
  );
}

type AreaRow = CoverageView['selected']['areas'][number];
const RESULT_LABEL = { passed: 'Passed', failed: 'Failed', blocked: 'Blocked' } as const;
const RESULT_KIND = { passed: 'success', failed: 'danger', blocked: 'warning' } as const;

/** Which checks were run in the area: result, title, who and when, and where (a bug's checklist or the area suite). */
function RanChecks({ area }: { area: AreaRow }) {
  const n = area.checks.run;
  return (
    <details>
      <summary>
        yes: {n} check{n === 1 ? '' : 's'} run
      </summary>
      <ul className="cov-ran" aria-label={`Checks run in ${area.area}`}>
        {area.ran.map((c, i) => (
          <li key={`${c.source}:${c.title}:${i}`} data-ran-check={c.title}>
            <Lozenge kind={RESULT_KIND[c.result]}>{RESULT_LABEL[c.result]}</Lozenge> {c.title}{' '}
            <span className="pp-muted">
              — {c.source === 'area suite' ? 'area suite' : <IssueLink issueKey={c.source} />}
              {c.by ? `, by ${c.by}` : ''}
              {c.at ? ` on ${c.at.slice(0, 10)}` : ''}
            </span>
          </li>
        ))}
        {n > area.ran.length ? <li className="pp-muted">and {n - area.ran.length} more</li> : null}
      </ul>
    </details>
  );
}

/** The page's answer to "why is full regression not happening?": every gap, with its areas and issues. */
function FullRegressionGaps({ view }: { view: CoverageView }) {
  const gaps = view.fullRegressionGaps;
  return (
    <div data-testid="full-regression-gaps" role="region" aria-label={`Why full regression is not happening in ${view.rc}`}>
      <h4>Why full regression is not happening</h4>
      {gaps.length === 0 ? (
        <p>Full regression ran in {view.rc}: every check of every area suite and every area it changed, with no failed or blocked check.</p>
      ) : (
        <ul>
          {gaps.map((g) => (
            <li key={g.code} data-gap={g.code}>
              {g.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Features({ view }: { view: CoverageView }) {
  const dev = view.development;
  return (
    <>
      <h4>Features in the train</h4>
      <p className="pp-muted">
        Development state from Jira's development information (GitHub, Bitbucket or GitLab). Jira does not tell draft pull requests from ready ones: an open pull request may be a draft.
      </p>
      {dev.error ? <ErrorBanner error={`Jira's development information could not be read: ${dev.error}`} /> : null}
      {view.features.length === 0 ? (
        <p>No stories or tasks have {view.rc} as fix version.</p>
      ) : (
        <table className="pp-table" aria-label={`Features in ${view.rc}`}>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Status</th>
              <th scope="col">QA sign-off</th>
              <th scope="col">Development</th>
            </tr>
          </thead>
          <tbody>
            {view.features.map((f) => (
              <tr key={f.key} data-feature={f.key}>
                <th scope="row">
                  <IssueLink issueKey={f.key} /> <span className="pp-muted">{f.type}</span> {f.summary}
                </th>
                <td>{f.status}</td>
                <td data-testid="signoff">
                  {f.signoffInvalid ? (
                    <Lozenge kind="warning">Stored sign-off unreadable</Lozenge>
                  ) : f.signoff ? (
                    <>
                      <Lozenge kind={f.signoff.decision === 'signed-off' ? 'success' : 'danger'}>{f.signoff.decision === 'signed-off' ? 'Signed off' : 'Rejected'}</Lozenge> by {f.signoff.by.name} on{' '}
                      {f.signoff.at.slice(0, 10)}
                      {f.signoff.note ? <div className="pp-muted">“{f.signoff.note}”</div> : null}
                    </>
                  ) : (
                    <Lozenge>Not signed off</Lozenge>
                  )}
                </td>
                <td>
                  {f.openPullRequest ? <Lozenge kind="warning">Open pull request</Lozenge> : null} {f.failingBuild ? <Lozenge kind="danger">Failing build</Lozenge> : null}{' '}
                  {!f.openPullRequest && !f.failingBuild ? (f.branch ? 'Merged / no open pull request' : 'No development information') : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const css = `
.cov-heat td { min-width: 6em; }
.cov-on { background: ${token('color.background.information')}; } .cov-off { color: ${token('color.text.subtle')}; }
.cov-good { background: ${token('color.background.success')}; } .cov-gap { background: ${token('color.background.warning')}; font-weight: ${token('font.weight.semibold')}; }
.cov-bad { background: ${token('color.background.danger')}; font-weight: ${token('font.weight.semibold')}; }
.cov-ran { margin: ${token('space.050')} 0 0; padding-left: ${token('space.200')}; font-weight: ${token('font.weight.regular')}; }
.cov-new-check { display: flex; align-items: center; gap: ${token('space.100')}; margin-top: ${token('space.100')}; }
.cov-new-check > div { flex: 1 1 auto; }
.cov-checks { list-style: none; padding: 0; margin: 0; border-top: 1px solid ${token('color.border')}; }
.cov-checks li { display: flex; align-items: center; gap: ${token('space.075')}; flex-wrap: wrap; min-height: 36px; border-bottom: 1px solid ${token('color.border')}; padding: ${token('space.025')} 0; }
.cov-check-title { flex: 1 1 16em; min-width: 0; }
.cov-settings label { display: inline-flex; align-items: center; gap: ${token('space.075')}; margin: ${token('space.050')} ${token('space.150')} ${token('space.050')} 0; color: ${token('color.text.subtle')}; }
.cov-settings fieldset { border: 0; padding: 0; margin: ${token('space.100')} 0; }
.cov-bar { display: inline-block; width: 80px; margin-right: ${token('space.075')}; vertical-align: middle; }
`;
