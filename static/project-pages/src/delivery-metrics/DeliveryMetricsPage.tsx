import { useState } from 'react';
import type { OutputOf, deliveryProcedures } from '@rt/contracts';
import { Banner, ErrorBanner, Loading, Lozenge } from '../../../shared/components';
import { readableDay, readableDuration, readableTime } from '../../../shared/delivery-format';
import { useResult } from '../../../shared/use-result';
import { call, type PageContext } from '../api';
import { IssueLink } from '../ui/IssueLink';
import { pageCss } from '../ui/page-styles';
import { DeploymentsChart, LeadTimeChart, StageChart } from '../charts/lazy';
import { definitions } from './definitions';
import { SeveritySettings } from './SeveritySettings';

export type Delivery = OutputOf<typeof deliveryProcedures, 'delivery/metrics'>;
type Figure = Delivery['leadTime'];

const windows = [30, 90, 180, 365] as const;
const stageLabels: Record<keyof Delivery['perStage'], string> = {
  L2: 'L2',
  RTE_TRIAGE: 'RTE triage',
  DEV: 'Dev',
  RTE_REVIEW: 'RTE review',
  QA: 'QA',
  RELEASE: 'Done → released',
  DEPLOY: 'Released → deployed',
};
const statusText: Record<Delivery['releases'][number]['status'], [string, 'default' | 'success' | 'danger' | 'warning' | 'info']> = {
  'not-released': ['Not released', 'default'],
  'no-handoff': ['Released, no hand-off', 'default'],
  awaiting: ['Awaiting deployment', 'info'],
  deployed: ['Deployed', 'success'],
  failed: ['Deployment failed', 'danger'],
  reopened: ['Rolled back: train reopened', 'warning'],
};

/** "median 2.0 days, 85th percentile 3.1 days (12 bugs)" or the reason it cannot be computed. */
export function figureText(f: Figure, unit = 'bugs'): string {
  if (f.medianMs === null) return `Not available: ${f.reason ?? 'nothing to measure'}.`;
  return `median ${readableDuration(f.medianMs)}, 85th percentile ${readableDuration(f.p85Ms ?? f.medianMs)} (${f.count} ${f.count === 1 ? unit.replace(/s$/, '') : unit})`;
}

export function DeliveryMetricsPage({ context }: { context: PageContext }) {
  const [days, setDays] = useState<number>(90);
  const [loaded, reload] = useResult(() => call('delivery/metrics', { projectKey: context.projectKey, windowDays: days }), [context.projectKey, days]);
  return (
    <main aria-labelledby="rt-delivery-title" className="pp-page">
      <style>{pageCss}</style>
      <h1 id="rt-delivery-title">Delivery metrics</h1>
      <div className="pp-toolbar">
        <label htmlFor="rt-delivery-window" className="pp-inline-label">
          Window
        </label>
        <select className="pp-select" id="rt-delivery-window" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {windows.map((d) => (
            <option key={d} value={d}>
              last {d} days
            </option>
          ))}
        </select>
      </div>
      {loaded.state === 'loading' ? (
        <Loading label="Computing delivery metrics…" />
      ) : loaded.state === 'error' ? (
        <ErrorBanner error={loaded.error} onRetry={reload} />
      ) : (
        <Figures m={loaded.data} projectKey={context.projectKey} onSaved={reload} />
      )}
    </main>
  );
}

function Metric({ id, title, definition, children }: { id: string; title: string; definition: string; children: React.ReactNode }) {
  return (
    <section className="pp-card" aria-labelledby={id} data-metric={id}>
      <h2 id={id}>{title}</h2>
      <p className="pp-muted">{definition}</p>
      {children}
    </section>
  );
}

function Figures({ m, projectKey, onSaved }: { m: Delivery; projectKey: string; onSaved: () => void }) {
  const cfr = m.changeFailureRate;
  return (
    <>
      {m.sources.opsHidden ? <Banner kind="warning">{m.sources.opsHidden}</Banner> : null}
      {m.sources.unreadableHandoffs.map((u) => (
        <Banner key={u.issueKey} kind="warning">
          {u.problem} Its deployments are not counted.
        </Banner>
      ))}
      <p className="pp-muted">
        From {readableDay(m.window.from)} to {readableDay(m.window.to)}.{' '}
        {m.sources.frozenReleases.length ? `Figures of ${m.sources.frozenReleases.join(', ')} were kept when they were deployed and not read again. ` : ''}
      </p>
      <Metric id="rt-m-frequency" title="Deployment frequency" definition={definitions.frequency}>
        {m.frequency.perWeek === null ? (
          <p data-testid="frequency-value">Not available: {m.frequency.reason}.</p>
        ) : (
          <p data-testid="frequency-value">
            {m.frequency.inWindow} deployment{m.frequency.inWindow === 1 ? '' : 's'} in the last {m.window.days} days: {m.frequency.perWeek.toFixed(2)} per week, {m.frequency.perMonth?.toFixed(2)} per month.
          </p>
        )}
        {m.deployments.length ? (
          <>
            <DeploymentsChart weeks={m.frequency.weeks} />
            <ul aria-label="Deployments">
              {m.deployments.map((d) => (
                <li key={`${d.handoffKey}-${d.at}`}>
                  {d.release} deployed {readableTime(d.at)} to {d.environment} (<IssueLink issueKey={d.handoffKey} />, from {d.candidateName})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Metric>
      <Metric id="rt-m-lead" title="Lead time: bug created → deployed" definition={definitions.leadTime}>
        <p data-testid="lead-value">{figureText(m.leadTime)}</p>
        <LeadTimeChart releases={m.releases.map((r) => ({ release: r.release, medianMs: r.leadTime.medianMs, p85Ms: r.leadTime.p85Ms ?? null }))} />
        <h3>Per stage</h3>
        <p className="pp-muted">{definitions.perStage}</p>
        <StageChart stages={(Object.keys(stageLabels) as Array<keyof typeof stageLabels>).map((s) => ({ stage: stageLabels[s], medianMs: m.perStage[s].medianMs }))} />
        <table className="pp-table" aria-label="Time per stage">
          <tbody>
            {(Object.keys(stageLabels) as Array<keyof typeof stageLabels>).map((s) => (
              <tr key={s}>
                <th scope="row">{stageLabels[s]}</th>
                <td>{figureText(m.perStage[s])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Metric>
      <Metric id="rt-m-cfr" title="Change failure rate" definition={definitions.changeFailureRate}>
        <p data-testid="cfr-value">
          {cfr.rate === null ? `Not available: ${cfr.reason}.` : `${Math.round(cfr.rate * 100)}%: ${cfr.failed} of ${cfr.deployments} deployment${cfr.deployments === 1 ? '' : 's'} failed.`}{' '}
          <span className="pp-muted">Severity threshold: {cfr.threshold ?? 'none (every escaped bug counts)'}.</span>
        </p>
        {cfr.failures.length ? (
          <ul aria-label="Failures">
            {cfr.failures.map((f) => (
              <li key={`${f.key}-${f.at}`}>
                {f.release}: {f.cause === 'rollback' ? 'rolled back' : 'escaped bug'} <IssueLink issueKey={f.key} /> on {readableTime(f.at)}
                {f.note ? ` (“${f.note}”)` : ''}
                {f.restoredAt ? `, restored ${readableTime(f.restoredAt)}` : ', not restored yet'}
              </li>
            ))}
          </ul>
        ) : null}
        <SeveritySettings projectKey={projectKey} config={m.config} onSaved={onSaved} />
      </Metric>
      <Metric id="rt-m-restore" title="Time to restore" definition={definitions.timeToRestore}>
        <p data-testid="restore-value">{figureText(m.timeToRestore, 'failures')}</p>
      </Metric>
      <ReleaseTable m={m} />
    </>
  );
}

function ReleaseTable({ m }: { m: Delivery }) {
  return (
    <section className="pp-card" aria-labelledby="rt-m-releases">
      <h2 id="rt-m-releases">Per production release</h2>
      <p className="pp-muted">
        Regression loops: {definitions.loops} Escaped bugs: {definitions.escaped}
      </p>
      <table className="pp-table" aria-label="Production releases">
        <thead>
          <tr>
            <th scope="col">Release</th>
            <th scope="col">Deployed</th>
            <th scope="col">Regression loops</th>
            <th scope="col">Lead time</th>
            <th scope="col">Escaped bugs</th>
            <th scope="col">Failed deployments</th>
            <th scope="col">Time to restore</th>
          </tr>
        </thead>
        <tbody>
          {[...m.releases].reverse().map((r) => {
            const [text, kind] = statusText[r.status];
            return (
              <tr key={r.release} data-release={r.release}>
                <th scope="row">
                  {r.release} <Lozenge kind={kind}>{text}</Lozenge>
                </th>
                <td>{r.deployedAt ? `${readableTime(r.deployedAt)}${r.deployments > 1 ? ` (${r.deployments} deployments)` : ''}` : r.leadTime.reason ?? 'no deployment recorded yet'}</td>
                <td>{r.loops ?? r.loopsReason}</td>
                <td>{figureText(r.leadTime)}</td>
                <td>
                  {r.escapedReason
                    ? r.escapedReason
                    : r.escapedBugs.length === 0
                      ? 'none'
                      : r.escapedBugs.map((k, i) => (
                          <span key={k}>
                            {i ? ', ' : ''}
                            <IssueLink issueKey={k} />
                          </span>
                        ))}
                </td>
                <td>{r.deployments ? `${r.failedDeployments} of ${r.deployments}${r.rollbacks ? `, ${r.rollbacks} rollback${r.rollbacks === 1 ? '' : 's'}` : ''}` : r.leadTime.reason}</td>
                <td>{r.restore.medianMs === null ? r.restore.reason : readableDuration(r.restore.medianMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
