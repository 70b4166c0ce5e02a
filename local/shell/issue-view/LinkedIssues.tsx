/** "Linked issues", grouped by the link's phrase as Jira shows them ("is caused by", "found while testing"). */
import type { IssueLink, LinkedIssue } from '../jira-client';
import { StatusLozenge } from '../components/StatusLozenge';

export function groupLinks(links: IssueLink[] | undefined): Array<{ phrase: string; issues: LinkedIssue[] }> {
  const groups = new Map<string, LinkedIssue[]>();
  for (const link of links ?? []) {
    const entries: Array<[string, LinkedIssue | undefined]> = [
      [link.type?.outward ?? link.type?.name ?? 'relates to', link.outwardIssue],
      [link.type?.inward ?? link.type?.name ?? 'relates to', link.inwardIssue],
    ];
    for (const [phrase, issue] of entries) {
      if (!issue?.key) continue;
      groups.set(phrase, [...(groups.get(phrase) ?? []), issue]);
    }
  }
  return [...groups].map(([phrase, issues]) => ({ phrase, issues }));
}

export function LinkedIssues({ links }: { links: IssueLink[] | undefined }) {
  const groups = groupLinks(links);
  return (
    <section className="section links" aria-labelledby="links-heading">
      <h2 id="links-heading">Linked issues</h2>
      {groups.length === 0 ? <p className="muted">No linked issues.</p> : null}
      {groups.map((g) => (
        <div key={g.phrase}>
          <h3>{g.phrase}</h3>
          <ul>
            {g.issues.map((i) => (
              <li key={i.key}>
                <a href={`#/browse/${i.key}`}>{i.key}</a>
                <span>{i.fields?.summary ?? ''}</span>
                <StatusLozenge status={i.fields?.status} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
