/** The only module of this app that imports @forge/bridge: typed resolver calls and the page's Jira context. */
import { invoke, view } from '@forge/bridge';
import { coverageProcedures, deliveryProcedures, makeCaller, moveRulesProcedures, opsProjectPageProcedures, rcPromotionProcedures, sprintPlanningProcedures, stageMappingProcedures, type InvokeFn } from '@rt/contracts';

export const call = makeCaller(invoke as InvokeFn, { ...sprintPlanningProcedures, ...rcPromotionProcedures, ...stageMappingProcedures, ...moveRulesProcedures, ...opsProjectPageProcedures, ...deliveryProcedures, ...coverageProcedures });

export type PageContext = { projectKey: string; projectId: string; accountId: string; siteUrl: string };

/** Which sub-page Jira opened (the `pages` route) and the project it is in. */
export async function loadPage(): Promise<{ route: string; context: PageContext }> {
  const [context, history] = await Promise.all([view.getContext(), view.createHistory()]);
  const project = (context.extension as { project?: { key?: unknown; id?: unknown } } | undefined)?.project;
  return {
    route: history.location.pathname.replace(/^\/+/, ''),
    context: { projectKey: String(project?.key ?? ''), projectId: String(project?.id ?? ''), accountId: context.accountId ?? '', siteUrl: context.siteUrl ?? '' },
  };
}

export { router, showFlag } from '@forge/bridge';
