/** Recorded "Jira could not be read" events of this project's validators. */
import { ErrorBanner, EmptyState, Loading, Lozenge } from '../../shared/components';
import { useResult } from '../../shared/use-result';
import { validatorTitles } from '../../../src/domain/validators/kinds';
import { call } from './api';

export function Failures() {
  const [events, reload] = useResult(() => call('validators/failures', { limit: 20 }), []);
  return (
    <section aria-labelledby="rt-failures-heading" className="rt-card">
      <h2 id="rt-failures-heading">When Jira could not be read</h2>
      {events.state === 'loading' ? <Loading label="Loading recorded events…" /> : null}
      {events.state === 'error' ? <ErrorBanner error={events.error} onRetry={reload} /> : null}
      {events.state === 'ready' && events.data.events.length === 0 ? <EmptyState title="No failed verifications recorded">Every validation so far could read Jira.</EmptyState> : null}
      {events.state === 'ready' && events.data.events.length > 0 ? (
        <ul className="rt-events">
          {events.data.events.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <Lozenge kind={e.decision === 'blocked' ? 'danger' : 'warning'}>{e.decision}</Lozenge> {e.at.slice(0, 16).replace('T', ' ')} · {validatorTitles[e.validator]} · {e.issueKey} · {e.error}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
