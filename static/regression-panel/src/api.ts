/** The only module of this app that imports @forge/bridge: typed resolver calls, the issue context, navigation. */
import { invoke, router, showFlag, view } from '@forge/bridge';
import { makeCaller, regressionProcedures, signoffProcedures, type InvokeFn } from '@rt/contracts';

export const call = makeCaller(invoke as InvokeFn, { ...regressionProcedures, ...signoffProcedures });

/** The key of the issue this panel is on (Jira's `extension.issue.key`), or '' when Jira gave none. */
export async function loadIssueKey(): Promise<string> {
  return (await loadPanel()).issueKey;
}

/** The issue key and which panel module this is (the QA regression panel or the QA sign-off panel share this app). */
export async function loadPanel(): Promise<{ issueKey: string; moduleKey: string }> {
  const context = await view.getContext();
  const issue = (context.extension as { issue?: { key?: unknown } } | undefined)?.issue;
  return { issueKey: typeof issue?.key === 'string' ? issue.key : '', moduleKey: typeof context.moduleKey === 'string' ? context.moduleKey : '' };
}

export function openIssue(key: string): Promise<void> {
  return router.navigate(`/browse/${encodeURIComponent(key)}`);
}

export function flag(title: string, description: string, appearance: 'success' | 'warning' | 'error' = 'success'): void {
  showFlag({ id: `rt-regression-${Date.now()}`, title, description, type: appearance, appearance, isAutoDismiss: true });
}

/** A check id the resolver accepts, generated here so a retried add does not add twice. */
export function newCheckId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
