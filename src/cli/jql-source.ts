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
    const fields = ['summary', 'description', ...(fieldId ? [fieldId] : [])];
    const pageSize = options.pageSize ?? 100;
    const max = options.maxIssues ?? Number.POSITIVE_INFINITY;
    // Page by page: each page's lines are out before the next page is asked for, so a failure on page N keeps
    // pages 1..N-1 written (and a big backlog is never held in memory).
    let count = 0;
    let pages = 0;
    let token: string | undefined;
    do {
      const page = await gateway.searchPage(jql, fields, pageSize, token);
      pages++;
      token = page.isLast === true ? undefined : (page.nextPageToken ?? undefined);
      for (const issue of page.issues) {
        if (count >= max) break;
        count++;
        yield auditInput(issue, fieldId);
      }
    } while (token && count < max);
    options.onProgress?.(`${count} issue(s) in ${pages} page(s)${token ? ` (stopped at ${options.maxIssues})` : ''}.`);
  };
}

function auditInput(issue: { key: string; fields?: unknown }, fieldId: string | undefined): string {
  const f = (issue.fields ?? {}) as Record<string, unknown>;
  return JSON.stringify({
    id: issue.key,
    title: typeof f['summary'] === 'string' ? f['summary'] : undefined,
    description: f['description'] ?? null,
    ...(fieldId && f[fieldId] != null ? { field: f[fieldId] } : {}),
  });
}
