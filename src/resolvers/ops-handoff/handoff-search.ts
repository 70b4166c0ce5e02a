import { DEPLOYMENT_PROPERTY_KEY, HANDOFF_PROPERTY_KEY } from '../../contracts/handoff';
import { readHandoff, type Handoff } from '../../domain/delivery';
import type { JiraGateway } from '../../jira/gateway';
import type { JiraIssue } from '../../jira/schemas';

/** Most hand-offs one page reads (newest first); past it the page says the list is cut. */
export const MAX_HANDOFFS = 500;

const jqlString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
/** The hand-off property's searchable paths (manifest.yml jira:entityProperty `handoff-entity-property`). */
const handoffProp = (path: string) => `issue.property[${HANDOFF_PROPERTY_KEY}].${path}`;

/** Hand-offs that are in `projectKey` (the ops project) or ship a train of it (the bug project). */
export const handoffsOfProjectJql = (projectKey: string) =>
  `(project = ${jqlString(projectKey)} OR ${handoffProp('projectKey')} = ${jqlString(projectKey)}) AND ${handoffProp('train')} IS NOT EMPTY ORDER BY created DESC`;

/** Hand-offs of the trains of `projectKey` (for the RC page and the metrics). */
export const handoffsOfTrainsJql = (projectKey: string) => `${handoffProp('projectKey')} = ${jqlString(projectKey)} ORDER BY created DESC`;

export type FoundHandoff = { handoff: Handoff; issue: JiraIssue };
export type HandoffSearch = { found: FoundHandoff[]; unreadable: Array<{ issueKey: string; problem: string }>; truncated: boolean };

/** One search (as the caller: Jira shows only the hand-offs they may see), both properties returned with each issue. */
export async function searchHandoffs(jira: JiraGateway, jql: string): Promise<HandoffSearch> {
  const result = await jira.searchAll({
    jql,
    fields: ['summary', 'status', 'assignee', 'created'],
    properties: [HANDOFF_PROPERTY_KEY, DEPLOYMENT_PROPERTY_KEY],
    maxIssues: MAX_HANDOFFS,
  });
  const found: FoundHandoff[] = [];
  const unreadable: HandoffSearch['unreadable'] = [];
  for (const issue of result.issues) {
    const read = readHandoff(issue.key, issue.properties?.[HANDOFF_PROPERTY_KEY], issue.properties?.[DEPLOYMENT_PROPERTY_KEY]);
    if (read.kind === 'handoff') found.push({ handoff: read.handoff, issue });
    else if (read.kind === 'unreadable') unreadable.push({ issueKey: issue.key, problem: read.problem });
  }
  return { found, unreadable, truncated: result.truncated };
}
