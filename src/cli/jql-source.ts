/**
 * `repro:audit --jql "<query>"`: reads the matching issues through the app's Jira gateway and turns each into an
 * audit input line {"id", "title", "description", "field"} — the Reproduction steps field when the issue has it,
 * the description otherwise (the analyser applies that rule). Only the fields the audit needs are requested.
 */
import { findReproFieldId } from '../contracts/repro-steps';
import type { JiraGateway } from '../jira/gateway';

export type JqlSourceOptions = { pageSize?: number; maxIssues?: number; onProgress?(message: string): void };

export function gatewayJqlSource(gateway: JiraGateway, options: JqlSourceOptions = {}) {
  return async function* issuesAsAuditLines(jql: string): AsyncIterable<string> {
    const fieldId = findReproFieldId(await gateway.listFields());
    options.onProgress?.(fieldId ? `Reading ${fieldId} (Reproduction steps), summary and description.` : 'No Reproduction steps field on this site: auditing descriptions.');
    const { issues, pages, truncated } = await gateway.searchAll({
      jql,
      fields: ['summary', 'description', ...(fieldId ? [fieldId] : [])],
      pageSize: options.pageSize ?? 100,
      maxIssues: options.maxIssues,
    });
    options.onProgress?.(`${issues.length} issue(s) in ${pages} page(s)${truncated ? ` (stopped at ${options.maxIssues})` : ''}.`);
    for (const issue of issues) {
      const f = issue.fields as Record<string, unknown>;
      yield JSON.stringify({
        id: issue.key,
        title: typeof f['summary'] === 'string' ? f['summary'] : undefined,
        description: f['description'] ?? null,
        ...(fieldId && f[fieldId] != null ? { field: f[fieldId] } : {}),
      });
    }
  };
}
