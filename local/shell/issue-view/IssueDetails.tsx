/** The right-hand "Details" box of Jira's issue view. */
import type { Issue } from '../jira-client';
import { formatDateTime, names, sprintNames, userName } from '../issue-format';

/** `hide`: field ids shown elsewhere (edited in place by EditableDetails). */
export function IssueDetails({ issue, sprintFieldId, hide = [] }: { issue: Issue; sprintFieldId: string | null; hide?: string[] }) {
  const f = issue.fields;
  const rows: Array<[string, string, string]> = [
    ['issuetype', 'Type', f.issuetype?.name ?? ''],
    ['priority', 'Priority', f.priority?.name ?? 'None'],
    ['assignee', 'Assignee', userName(f.assignee)],
    ['reporter', 'Reporter', f.reporter ? userName(f.reporter) : 'None'],
    ['labels', 'Labels', names(f.labels) || 'None'],
    ['components', 'Components', names(f.components) || 'None'],
    ['fixVersions', 'Fix versions', names(f.fixVersions) || 'None'],
    ['versions', 'Affects versions', names(f.versions) || 'None'],
    ['sprint', 'Sprint', (sprintFieldId ? sprintNames(f[sprintFieldId]) : '') || 'None'],
    ['created', 'Created', formatDateTime(f.created)],
  ];
  return (
    <section className="details" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <dl>
        {rows.filter(([id]) => !hide.includes(id)).map(([, label, value]) => (
          <div key={label} style={{ display: 'contents' }} data-field={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
