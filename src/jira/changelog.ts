/**
 * Changelogs as the app reads them: the domain's status changes, and the whole history when Jira inlined only
 * part of it (its newest 100 entries) in an issue or search reply.
 */
import type { StatusChange } from '../domain/bug-flow/changelog';
import type { JiraGateway } from './gateway';
import type { JiraChangelogHistory, JiraIssue } from './schemas';

/** Status changes (`field: "status"` items) of changelog histories, in the domain's shape. */
export function statusChangesOf(histories: readonly JiraChangelogHistory[]): StatusChange[] {
  const out: StatusChange[] = [];
  for (const h of histories) {
    for (const item of h.items) {
      if (item.field !== 'status' && item.fieldId !== 'status') continue;
      if (typeof item.to !== 'string' || item.to === '') continue;
      const change: StatusChange = { at: h.created, toStatusId: item.to };
      if (typeof item.from === 'string' && item.from !== '') change.fromStatusId = item.from;
      if (h.author?.accountId) change.authorAccountId = h.author.accountId;
      if (h.author?.displayName) change.authorName = h.author.displayName;
      out.push(change);
    }
  }
  return out;
}

/** True when the inline changelog holds only part of the issue's history (Jira inlines its latest 100 entries). */
export function changelogTruncated(issue: JiraIssue): boolean {
  const c = issue.changelog;
  return c !== undefined && typeof c.total === 'number' && c.total > c.histories.length;
}

/** The issue with its whole changelog: as is when the inline one is complete, else read from the changelog endpoint. */
export async function withWholeChangelog(jira: JiraGateway, issue: JiraIssue): Promise<JiraIssue> {
  if (!changelogTruncated(issue)) return issue;
  const histories = await jira.getChangelog(issue.key);
  return { ...issue, changelog: { ...issue.changelog, histories, total: histories.length } };
}
