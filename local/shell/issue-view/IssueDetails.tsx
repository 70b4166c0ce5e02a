/** The right-hand "Details" box of Jira's issue view. */
import type { Issue } from '../jira-client';
import { formatDateTime, names, sprintNames, userName } from '../issue-format';

export function IssueDetails({ issue, sprintFieldId }: { issue: Issue; sprintFieldId: string | null }) {
  const f = issue.fields;
  const rows: Array<[string, string]> = [
    ['Type', f.issuetype?.name ?? ''],
    ['Priority', f.priority?.name ?? 'None'],
    ['Assignee', userName(f.assignee)],
    ['Reporter', f.reporter ? userName(f.reporter) : 'None'],
    ['Labels', names(f.labels) || 'None'],
    ['Components', names(f.components) || 'None'],
    ['Fix versions', names(f.fixVersions) || 'None'],
    ['Affects versions', names(f.versions) || 'None'],
    ['Sprint', (sprintFieldId ? sprintNames(f[sprintFieldId]) : '') || 'None'],
    ['Created', formatDateTime(f.created)],
  ];
  return (
    <section className="details" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }} data-field={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
