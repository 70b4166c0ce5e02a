/**
 * Against a real Jira site (JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN), the shell's project and users come from
 * the site, not from the local seed: the project named by RT_PROJECT_KEY (default RT), and the token's owner as
 * the one user (every call acts with the token's permissions, so offering the demo users would be a pretence).
 * Workflow validator settings stay in the local data file: Jira's own workflow editor configures them on a site.
 */
import type { JiraGateway } from '../../src/jira/gateway';
import { JiraError } from '../../src/jira/errors';
import type { WorkspaceBackend } from './http-server';

export const projectKeyFromEnv = (env: NodeJS.ProcessEnv = process.env) => env['RT_PROJECT_KEY'] || 'RT';

export function realSiteProjectInfo(jira: JiraGateway, projectKey: string): WorkspaceBackend['projectInfo'] {
  return async () => {
    const [project, me] = await Promise.all([
      jira.getProject(projectKey).catch((e: unknown) => {
        if (e instanceof JiraError && e.kind === 'not-found') {
          throw new Error(`The Jira site has no project '${projectKey}' that the API token’s account can see. Set RT_PROJECT_KEY to your project's key.`);
        }
        throw e;
      }),
      jira.myself(),
    ]);
    return {
      projectKey: project.key,
      projectId: project.id,
      projectName: project.name,
      users: [{ accountId: me.accountId, displayName: me.displayName ?? me.accountId, ...(me.emailAddress ? { emailAddress: me.emailAddress } : {}), roles: [] }],
    };
  };
}
