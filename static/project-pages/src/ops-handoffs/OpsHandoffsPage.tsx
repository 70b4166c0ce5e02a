import type { HandoffRow } from '@rt/contracts';
import { Banner, EmptyState, ErrorBanner, Loading, Lozenge } from '../../../shared/components';
import { outcomeKind, outcomeText, readableTime } from '../../../shared/delivery-format';
import { useResult } from '../../../shared/use-result';
import { call, type PageContext } from '../api';
import { IssueLink } from '../ui/IssueLink';
import { pageCss } from '../ui/page-styles';

/**
 * The ops view: the hand-offs of this project (as the ops project, or as the project whose trains they ship),
 * pending first, then the recent ones with what ops reported. Works for people who see only the ops project.
 */
export function OpsHandoffsPage({ context }: { context: PageContext }) {
  const [loaded, reload] = useResult(() => call('ops/handoffs', { projectKey: context.projectKey }), [context.projectKey]);
  return (
    <main aria-labelledby="rt-ops-title" className="pp-page">
      <style>{pageCss}</style>
      <h1 id="rt-ops-title">Ops hand-offs</h1>
      <p className="pp-muted">
        Production releases promoted by the release train, waiting to be deployed or recently reported. Open a hand-off and use its <em>Release hand-off</em> panel
        to record deployed, failed or rolled back.
      </p>
      {loaded.state === 'loading' ? (
        <Loading label="Loading hand-offs…" />
      ) : loaded.state === 'error' ? (
        <ErrorBanner error={loaded.error} onRetry={reload} />
      ) : (
        <>
          {loaded.data.hidden ? <Banner kind="info">{loaded.data.hidden}</Banner> : null}
          {loaded.data.truncated ? <Banner kind="warning">Only the newest 500 hand-offs are listed.</Banner> : null}
          {loaded.data.unreadable.map((u) => (
            <Banner key={u.issueKey} kind="warning">
              {u.problem}
            </Banner>
          ))}
          <section aria-labelledby="rt-ops-pending">
            <h2 id="rt-ops-pending">Pending ({loaded.data.pending.length})</h2>
            {loaded.data.pending.length === 0 ? (
              <EmptyState title="Nothing to deploy">No promoted release is waiting for a deployment in {context.projectKey}.</EmptyState>
            ) : (
              <HandoffTable rows={loaded.data.pending} label="Pending hand-offs" />
            )}
          </section>
          <section aria-labelledby="rt-ops-recent">
            <h2 id="rt-ops-recent">Recent</h2>
            {loaded.data.recent.length === 0 ? <EmptyState title="No reported hand-off yet" /> : <HandoffTable rows={loaded.data.recent} label="Recent hand-offs" />}
          </section>
        </>
      )}
    </main>
  );
}

function HandoffTable({ rows, label }: { rows: HandoffRow[]; label: string }) {
  return (
    <table className="pp-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Hand-off</th>
          <th scope="col">Release</th>
          <th scope="col">Promoted</th>
          <th scope="col">Outcome</th>
          <th scope="col">Jira status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.issueKey} data-handoff={r.issueKey}>
            <td>
              <IssueLink issueKey={r.issueKey} className="pp-link" /> {r.summary}
              {r.assignee ? <div className="pp-muted">Assigned to {r.assignee}</div> : null}
            </td>
            <td>
              {r.productionVersionName} <span className="pp-muted">({r.projectKey}, from {r.candidateName})</span>
            </td>
            <td>{readableTime(r.promotedAt)}</td>
            <td>
              <Lozenge kind={outcomeKind[r.outcome.status]}>{outcomeText[r.outcome.status]}</Lozenge>
              {r.outcome.latest ? (
                <div className="pp-muted">
                  {readableTime(r.outcome.latest.at)} in {r.outcome.latest.environment}
                  {r.outcome.latest.note ? `: “${r.outcome.latest.note}”` : ''}
                </div>
              ) : null}
            </td>
            <td>{r.statusName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
