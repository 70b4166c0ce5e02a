import { JiraError } from '../../jira/errors';
import type { JiraGateway } from '../../jira/gateway';

/**
 * Whether a user holds the promoter project role. Jira only lets project admins read roles (`roledetails`,
 * `project/{key}/role/{id}`: Administer Projects), and the promoter usually is not one, so the roles are read as the
 * app: the role's actors are matched against the caller's account id and, for group actors, the caller's groups.
 * The identity is the caller's (from Forge's context), never something the page sent.
 */
export type RoleCheck = { member: boolean; /** Why membership could not be established (shown instead of the button). */ problem?: string };

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function checkProjectRole(app: JiraGateway, projectKey: string, roleName: string, accountId: string): Promise<RoleCheck> {
  try {
    const role = (await app.listProjectRoles(projectKey)).find((r) => sameName(r.name, roleName));
    if (!role) return { member: false, problem: `Project ${projectKey} has no role named ${roleName}; ask a Jira admin to check the RC promotion settings.` };
    const { actors } = await app.getProjectRoleActors(projectKey, role.id);
    if (actors.some((a) => a.actorUser?.accountId === accountId)) return { member: true };
    const groups = actors.flatMap((a) => (a.actorGroup ? [a.actorGroup] : []));
    if (groups.length === 0) return { member: false };
    const mine = await app.getUserGroups(accountId);
    return { member: groups.some((g) => mine.some((m) => (g.groupId !== undefined && m.groupId === g.groupId) || (g.name !== undefined && m.name === g.name))) };
  } catch (e) {
    // Jira refusing to show the role is a "no", never a failed page.
    if (e instanceof JiraError && (e.kind === 'forbidden' || e.kind === 'unauthorized' || e.kind === 'not-found')) {
      return { member: false, problem: `Release Train could not read the ${roleName} role of ${projectKey} (${e.message}).` };
    }
    throw e;
  }
}

/** The role names of a project (for validating the settings); undefined when Jira does not show them. */
export async function projectRoleNames(app: JiraGateway, projectKey: string): Promise<string[] | undefined> {
  try {
    return (await app.listProjectRoles(projectKey)).map((r) => r.name);
  } catch (e) {
    if (e instanceof JiraError && (e.kind === 'forbidden' || e.kind === 'unauthorized' || e.kind === 'not-found')) return undefined;
    throw e;
  }
}
