/** The only module of this app that imports @forge/bridge: typed resolver calls, the issue context, navigation. */
import { invoke, router, view } from '@forge/bridge';
import { makeCaller, opsHandoffPanelProcedures, type InvokeFn } from '@rt/contracts';

export const call = makeCaller(invoke as InvokeFn, opsHandoffPanelProcedures);

/** The key of the issue this panel is on (Jira's `extension.issue.key`), or '' when Jira gave none. */
export async function loadIssueKey(): Promise<string> {
  const context = await view.getContext();
  const issue = (context.extension as { issue?: { key?: unknown } } | undefined)?.issue;
  return typeof issue?.key === 'string' ? issue.key : '';
}

/** Jira's page of a version of a project (the production release the hand-off ships). */
export function openVersion(projectKey: string, versionId: string): Promise<void> {
  return router.navigate(`/projects/${encodeURIComponent(projectKey)}/versions/${encodeURIComponent(versionId)}`);
}
