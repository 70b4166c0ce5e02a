import { Banner, ErrorBanner, Loading } from '../../../shared/components';
import { useResult } from '../../../shared/use-result';
import { call } from '../api';
import type { Metrics } from './types';

const days = (ms: number | null) => (ms === null ? '—' : `${(ms / 86_400_000).toFixed(1)} d`);
const stageNames: Record<keyof Metrics['perStage'], string> = { L2: 'L2', RTE_TRIAGE: 'RTE triage', DEV: 'Dev', RTE_REVIEW: 'RTE review', QA: 'QA' };

/** Release metrics of the project, from Jira data alone, with a small bar per stage. */
export function MetricsPanel({ projectKey }: { projectKey: string }) {
  const [metrics, reload] = useResult(() => call('rc/metrics', { projectKey }), [projectKey]);
  if (metrics.state === 'loading') return <Loading label="Loading release metrics…" />;
  if (metrics.state === 'error') return <ErrorBanner error={metrics.error} onRetry={reload} />;
  const m = metrics.data;
  const maxStage = Math.max(1, ...Object.values(m.perStage).map((d) => d.medianMs ?? 0));
  return (
    <section className="rt-card" aria-labelledby="rt-metrics-title">
      <h3 id="rt-metrics-title">Release metrics (last {m.window.days} days)</h3>
      {m.sample.truncated ? (
        <Banner kind="warning">
          Only the newest {m.sample.limit} bugs of the window were read: the figures below are incomplete (older bugs are missing).
        </Banner>
      ) : null}
      <dl className="rt-metrics">
        <dt>Releases</dt>
        <dd>{m.releasesInWindow.length ? m.releasesInWindow.join(', ') : 'none in the window'}</dd>
        <dt>Lead time, bug created → released</dt>
        <dd>
          median {days(m.leadTime.medianMs)}, 85th percentile {days(m.leadTime.p85Ms)} ({m.leadTime.count} bugs)
        </dd>
        <dt>Regression loops per release</dt>
        <dd>{m.loopsPerRelease.length ? m.loopsPerRelease.map((l) => `${l.release}: ${l.loops}`).join(', ') : '—'}</dd>
        <dt>Change-failure rate (escaped bugs)</dt>
        <dd>
          {m.changeFailureRate.rate === null ? '—' : `${Math.round(m.changeFailureRate.rate * 100)}%`} ({m.escapedBugs.length} escaped bugs
          {m.openEscaped.length ? `, ${m.openEscaped.length} not fixed yet` : ''})
        </dd>
        <dt>Time to restore</dt>
        <dd>median {days(m.timeToRestore.medianMs)}</dd>
      </dl>
      <table aria-label="Median time per stage">
        <tbody>
          {(Object.keys(stageNames) as Array<keyof typeof stageNames>).map((s) => (
            <tr key={s}>
              <th scope="row">{stageNames[s]}</th>
              <td>
                <span style={{ display: 'inline-block', width: `${((m.perStage[s].medianMs ?? 0) / maxStage) * 120}px`, height: 8, background: '#0052cc', marginRight: 6 }} aria-hidden="true" />
                {days(m.perStage[s].medianMs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
