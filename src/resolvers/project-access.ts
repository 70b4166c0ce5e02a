import { JiraError } from '../jira/errors';
import type { JiraGateway } from '../jira/gateway';
import { AppError } from './app-error';

/**
 * Refuses a caller who cannot see `projectKey` in Jira (Browse Projects, asked with the caller's own rights). For
 * resolvers that answer from the app's storage rather than from Jira: storage has no permissions of its own, so
 * without this check anyone could read a project's stored data by naming it.
 */
export async function requireProjectAccess(jira: JiraGateway, projectKey: string): Promise<void> {
  let canBrowse = false;
  try {
    canBrowse = (await jira.myPermissions({ projectKey }, ['BROWSE_PROJECTS']))['BROWSE_PROJECTS'] === true;
  } catch (e) {
    // Jira answers 404 (or 400) for a project the caller cannot see, exactly as for one that does not exist.
    if (!(e instanceof JiraError && (e.kind === 'not-found' || e.kind === 'bad-request' || e.kind === 'forbidden'))) throw e;
  }
  if (!canBrowse) throw new AppError('FORBIDDEN', `Project ${projectKey} does not exist or you do not have permission to see it in Jira.`);
}
