import { JiraError } from '../../jira/errors';
import type { JiraGateway } from '../../jira/gateway';

/**
 * Whether the caller can see the ops project the trains' hand-offs go to (Browse Projects, as the caller). Jira
 * answers a search over a project one cannot see with nothing at all, so pages that list hand-offs or count
 * deployments say why they show none, instead of "nothing to deploy" or "no deployment recorded yet".
 * Undefined when the caller sees it (or no ops project is configured); otherwise the sentence to show.
 */
export async function opsProjectHidden(jira: JiraGateway, opsProjectKey: string | undefined, consequence: string): Promise<string | undefined> {
  if (!opsProjectKey) return undefined;
  const p = await jira.myPermissions({ projectKey: opsProjectKey }, ['BROWSE_PROJECTS']).catch((e: unknown) => (e instanceof JiraError ? { BROWSE_PROJECTS: false } : Promise.reject(e)));
  return p['BROWSE_PROJECTS'] ? undefined : `You cannot see the ops project ${opsProjectKey}, so ${consequence}`;
}
