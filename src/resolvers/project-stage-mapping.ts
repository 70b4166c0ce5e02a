import type { StatusStageMapping } from '../domain/bug-flow/status-mapping';
import type { JiraGateway } from '../jira/gateway';
import { loadStageMapping } from '../storage/stage-mapping-store';
import type { HandlerContext } from './define-resolver';

/**
 * The project's status → stage mapping for a project page: the one an admin saved (Release Train → Stage mapping,
 * or a validator's configuration page), else the derived default (cached in storage, see stage-mapping-store.ts).
 * So the validators, the regression panel, the RC gates and sprint planning all judge stages the same way.
 *
 * Calls: none when the mapping is stored and Forge gave the project id; one (the project's statuses) the first
 * time it is derived; one more (the project) only if the page's context has no id for `projectKey`.
 */
export async function projectStageMapping(ctx: HandlerContext, jira: JiraGateway, projectKey: string): Promise<StatusStageMapping> {
  const id = ctx.projectId && ctx.projectKey === projectKey ? ctx.projectId : (await jira.getProject(projectKey)).id;
  return (await loadStageMapping(ctx.services.storage, jira, { id, key: projectKey }, ctx.services.now())).mapping;
}
