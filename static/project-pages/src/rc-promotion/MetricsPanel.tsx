import { ErrorBanner, Loading } from '../../../shared/components';
import { useResult } from '../../../shared/use-result';
import { call } from '../api';
import { figureText } from '../delivery-metrics/DeliveryMetricsPage';

/**
 * The delivery metrics in short, under the trains (production releases only, from the recorded deployments);
 * definitions, charts and per-release figures are on the Delivery metrics page.
 */
export function MetricsPanel({ projectKey }: { projectKey: string }) {
  const [metrics, reload] = useResult(() => call('delivery/metrics', { projectKey }), [projectKey]);
  if (metrics.state === 'loading') return <Loading label="Loading delivery metrics…" />;
  if (metrics.state === 'error') return <ErrorBanner error={metrics.error} onRetry={reload} />;
  const m = metrics.data;
  const cfr = m.changeFailureRate;
  return (
    <section className="pp-card" aria-labelledby="rt-metrics-title">
      <h3 id="rt-metrics-title">Delivery metrics (last {m.window.days} days)</h3>
      <dl className="rc-metrics">
        <dt>Deployments</dt>
        <dd>{m.frequency.perWeek === null ? `Not available: ${m.frequency.reason}.` : `${m.frequency.inWindow} (${m.frequency.perWeek.toFixed(2)} per week)`}</dd>
        <dt>Lead time, bug created → deployed</dt>
        <dd>{figureText(m.leadTime)}</dd>
        <dt>Change failure rate</dt>
        <dd>{cfr.rate === null ? `Not available: ${cfr.reason}.` : `${Math.round(cfr.rate * 100)}% (${cfr.failed} of ${cfr.deployments})`}</dd>
        <dt>Time to restore</dt>
        <dd>{figureText(m.timeToRestore, 'failures')}</dd>
      </dl>
      <p className="pp-muted">Definitions, charts and the figures of each production release: Release Train → Delivery metrics.</p>
    </section>
  );
}
