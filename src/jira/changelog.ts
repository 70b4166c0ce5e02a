/**
 * Changelogs as the app reads them: the domain's status changes, and the whole history when Jira inlined only
 * part of it in an issue or search reply (at most 40 histories in a search, 100 in GET issue).
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

/**
 * Histories Jira inlines at most: 40 per issue in the enhanced search (`/search/jql` with `expand: changelog`),
 * 100 in GET issue. The smaller one is the cap: an inline changelog that reaches it may be cut.
 */
export const SEARCH_INLINE_CHANGELOG_CAP = 40;
export const ISSUE_INLINE_CHANGELOG_CAP = 100;

/**
 * True when the inline changelog may hold only part of the issue's history. `total` cannot prove it whole (the
 * spec describes it as the number of results on the page), so a changelog is possibly cut when it reaches the
 * cap, lacks `total`, says there is more (`total` above its length), or fills its own `maxResults`.
 */
export function changelogTruncated(issue: JiraIssue, cap = SEARCH_INLINE_CHANGELOG_CAP): boolean {
  const c = issue.changelog;
  if (c === undefined) return false;
  const n = c.histories.length;
  if (n >= cap || typeof c.total !== 'number' || c.total > n) return true;
  return typeof c.maxResults === 'number' && c.maxResults > 0 && n >= c.maxResults && (c.startAt ?? 0) + n < c.total;
}

/**
 * The issue with its whole changelog: as is when the inline one is complete, else the inline part plus the rest,
 * read from the changelog endpoint starting where the inline part ended (from 0 when it did not start at 0).
 */
export async function withWholeChangelog(jira: JiraGateway, issue: JiraIssue, cap = SEARCH_INLINE_CHANGELOG_CAP): Promise<JiraIssue> {
  if (!changelogTruncated(issue, cap)) return issue;
  const inline = issue.changelog?.histories ?? [];
  const startAt = issue.changelog?.startAt ?? 0;
  const rest = await restOfChangelog(jira, issue);
  const seen = new Set<string>();
  const histories = (startAt === 0 ? [...inline, ...rest] : rest).filter((h) => !seen.has(h.id) && (seen.add(h.id), true));
  return { ...issue, changelog: { ...issue.changelog, startAt: 0, maxResults: histories.length, histories, total: histories.length } };
}

/** The histories after the inline part (all of them when the inline part did not start at the first one). */
export function restOfChangelog(jira: JiraGateway, issue: JiraIssue): Promise<JiraChangelogHistory[]> {
  const c = issue.changelog;
  return jira.getChangelog(issue.key, c && (c.startAt ?? 0) === 0 ? c.histories.length : 0);
}
