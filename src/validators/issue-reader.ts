import type { IssueLinkRef, IssueSnapshot } from '../domain/validators/issue-snapshot';
import { statusChangesOf } from '../jira/changelog';
import type { JiraGateway } from '../jira/gateway';
import type { JiraChangelogHistory, JiraIssue } from '../jira/schemas';


const names = (list: ReadonlyArray<{ name: string }> | undefined) => (list ?? []).map((v) => v.name);

/** One Jira issue (fields + changelog) and the transition screen's values → what the domain decides on. */
export function snapshotOf(issue: JiraIssue, modifiedFields: Record<string, unknown>, extraHistories: readonly JiraChangelogHistory[] = []): IssueSnapshot {
  const f = issue.fields;
  const links: IssueLinkRef[] = [];
  for (const link of f.issuelinks ?? []) {
    if (link.inwardIssue) links.push({ typeName: link.type.name, direction: 'inward', otherKey: link.inwardIssue.key });
    else if (link.outwardIssue) links.push({ typeName: link.type.name, direction: 'outward', otherKey: link.outwardIssue.key });
  }
  return {
    key: issue.key,
    issueType: f.issuetype?.name ?? '',
    statusId: f.status?.id ?? '',
    labels: f.labels ?? [],
    fixVersions: names(f.fixVersions),
    affectsVersions: names(f.versions),
    links,
    fields: f as Record<string, unknown>,
    description: f.description ?? null,
    created: f.created ?? new Date(0).toISOString(),
    // Inline page and full pages may overlap; the domain drops exact duplicates.
    statusChanges: statusChangesOf([...(issue.changelog?.histories ?? []), ...extraHistories]),
    modifiedFields,
    ...(issue.properties ? { properties: issue.properties } : {}),
  };
}

/**
 * The issue on create: nothing to read yet, only the fields being created. The issue type is known by name when
 * the create request names it; by id otherwise (an admin can list ids in "issue types"), else '' (the rule applies).
 */
export function snapshotOfNewIssue(modifiedFields: Record<string, unknown>): IssueSnapshot {
  const type = modifiedFields['issuetype'] as { name?: unknown; id?: unknown } | undefined;
  const issueType = typeof type?.name === 'string' ? type.name : typeof type?.id === 'string' ? type.id : '';
  return {
    key: '',
    issueType,
    statusId: '',
    labels: [],
    fixVersions: [],
    affectsVersions: [],
    links: [],
    fields: {},
    description: null,
    created: new Date(0).toISOString(),
    statusChanges: [],
    modifiedFields,
  };
}


export type IssueRead = { issue: JiraIssue; extraHistories: JiraChangelogHistory[] };

/** The one Jira call of a validation: the named fields (+ changelog when asked), as the app. */
export async function readIssue(jira: JiraGateway, key: string, fields: readonly string[], changelog: boolean, properties: readonly string[] = []): Promise<IssueRead> {
  const issue = await jira.getIssue(key, { fields: [...new Set(fields)], changelog, ...(properties.length > 0 ? { properties: [...properties] } : {}) });
  return { issue, extraHistories: [] };
}
